import { sql, type Kysely } from "kysely";

// Rate cards: a carrier service's prices (weight breaks × zones, integer cents), where its zones
// come from (its own chart, or the workspace's USPS zone charts), its DIM rule, surcharges and
// delivery days, with the dates it is in effect.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE rate_cards (
      id INTEGER PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      carrier_code TEXT NOT NULL,
      carrier_name TEXT NOT NULL,
      service_code TEXT NOT NULL,
      service_name TEXT NOT NULL,
      package_code TEXT NOT NULL DEFAULT 'package',
      effective_from TEXT NOT NULL,
      effective_until TEXT,
      sample_prices INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1,
      zone_source TEXT NOT NULL,
      usps_service TEXT,
      rules TEXT NOT NULL,
      delivery_days TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    sql`CREATE INDEX rate_cards_workspace ON rate_cards(workspace_id, active)`,
    sql`CREATE TABLE rate_zones (
      card_id INTEGER NOT NULL REFERENCES rate_cards(id) ON DELETE CASCADE,
      workspace_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      origin_from TEXT NOT NULL,
      origin_to TEXT NOT NULL,
      dest_from TEXT NOT NULL,
      dest_to TEXT NOT NULL,
      zone TEXT NOT NULL
    )`,
    sql`CREATE INDEX rate_zones_card ON rate_zones(card_id)`,
    // A workspace's cards are loaded whole (table by table) into each process's cache.
    sql`CREATE INDEX rate_zones_workspace ON rate_zones(workspace_id, card_id)`,
    sql`CREATE TABLE rate_prices (
      card_id INTEGER NOT NULL REFERENCES rate_cards(id) ON DELETE CASCADE,
      workspace_id TEXT NOT NULL,
      max_weight_oz REAL NOT NULL,
      zone TEXT NOT NULL,
      cents INTEGER NOT NULL,
      PRIMARY KEY (card_id, max_weight_oz, zone)
    )`,
    sql`CREATE TABLE rate_surcharges (
      card_id INTEGER NOT NULL REFERENCES rate_cards(id) ON DELETE CASCADE,
      workspace_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      cents INTEGER NOT NULL DEFAULT 0,
      percent REAL NOT NULL DEFAULT 0,
      params TEXT
    )`,
    sql`CREATE INDEX rate_surcharges_card ON rate_surcharges(card_id)`,
    sql`CREATE INDEX rate_prices_workspace ON rate_prices(workspace_id, card_id)`,
    sql`CREATE INDEX rate_surcharges_workspace ON rate_surcharges(workspace_id, card_id)`,
    // Bumped by every change to a workspace's cards or zone charts: each process's cache compares it.
    sql`ALTER TABLE workspaces ADD COLUMN rating_version INTEGER NOT NULL DEFAULT 0`,
    // Set once the built-in sample cards were given to the workspace (at creation, or on first use
    // for workspaces made before rating): a merchant who deletes them does not get them back.
    sql`ALTER TABLE workspaces ADD COLUMN rate_cards_seeded INTEGER NOT NULL DEFAULT 0`,
  ];
  for (const statement of statements) await statement.execute(db);
}
