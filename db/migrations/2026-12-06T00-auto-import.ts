import { sql, type Kysely } from "kysely";

// Auto-import. A store keeps what the scheduler has learned of it (lib/imports/schedule.ts's
// StoreHistory, as JSON), the next import's reason for the Stores page, and its expected order
// rate for the tick's ordering; the kind of its last error says what the merchant should do.
// An import run counts the pages it has read, so an Import button can show progress.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE stores ADD COLUMN schedule TEXT`,
    sql`ALTER TABLE stores ADD COLUMN next_import_reason TEXT`,
    sql`ALTER TABLE stores ADD COLUMN orders_per_hour REAL NOT NULL DEFAULT 0`,
    sql`ALTER TABLE stores ADD COLUMN last_error_kind TEXT`,
    sql`ALTER TABLE import_runs ADD COLUMN pages INTEGER NOT NULL DEFAULT 0`,
    // Stores due first; every store that can be imported, whether it imports automatically or not.
    sql`DROP INDEX IF EXISTS stores_due`,
    sql`CREATE INDEX stores_due ON stores(next_import_at) WHERE active = 1 AND auto_import = 1 AND platform != 'manual'`,
  ];
  for (const statement of statements) await statement.execute(db);
}
