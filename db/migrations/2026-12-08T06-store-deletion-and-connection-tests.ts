import { sql, type Kysely } from "kysely";

// A deleted store keeps its row, so its orders (which reference it) stay visible under its name;
// deleted_at hides it from the Stores page and the API. The last "Test connection" of a store's
// saved settings (or the test Save runs) is kept, so the Stores page can say "not tested" or
// "connection failed: <why>" instead of "OK" before the first import says otherwise.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE stores ADD COLUMN deleted_at INTEGER`,
    sql`ALTER TABLE stores ADD COLUMN connection_tested_at INTEGER`,
    sql`ALTER TABLE stores ADD COLUMN connection_error TEXT`,
  ];
  for (const statement of statements) await statement.execute(db);
}
