import { sql, type Kysely } from "kysely";

// Platforms retry webhooks; a delivery id seen before is acknowledged and not applied twice.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE webhook_deliveries (
    store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    delivery_id TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (store_id, delivery_id)) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX webhook_deliveries_received ON webhook_deliveries(received_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE webhook_deliveries`.execute(db);
}
