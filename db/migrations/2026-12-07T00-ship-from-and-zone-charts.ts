import { sql, type Kysely } from "kysely";

// Where a workspace ships from, and the USPS domestic zone charts of those origins as the USPS
// service (or a merchant's upload of its JSON) gave them, one row per origin ZIP3 and effective date.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE ship_from_locations (
      id INTEGER PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      company TEXT,
      street1 TEXT NOT NULL,
      street2 TEXT,
      city TEXT NOT NULL,
      state TEXT,
      postal_code TEXT NOT NULL,
      country TEXT NOT NULL DEFAULT 'US',
      phone TEXT,
      is_default INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    sql`CREATE INDEX ship_from_locations_workspace ON ship_from_locations(workspace_id)`,
    sql`CREATE UNIQUE INDEX ship_from_locations_default ON ship_from_locations(workspace_id) WHERE is_default = 1`,
    sql`CREATE TABLE usps_zone_charts (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      origin_zip3 TEXT NOT NULL,
      effective_date TEXT NOT NULL,
      source TEXT NOT NULL,
      source_url TEXT,
      fetched_at INTEGER NOT NULL,
      chart TEXT NOT NULL,
      PRIMARY KEY (workspace_id, origin_zip3, effective_date)
    )`,
    // The last time the service was asked for an origin's chart, and why it failed if it did: the
    // refresh rule's clock and backoff, and the reason the settings page shows.
    sql`CREATE TABLE usps_zone_chart_checks (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      origin_zip3 TEXT NOT NULL,
      checked_at INTEGER NOT NULL,
      error TEXT,
      PRIMARY KEY (workspace_id, origin_zip3)
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}
