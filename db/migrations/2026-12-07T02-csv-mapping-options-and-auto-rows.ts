import { sql, type Kysely } from "kysely";

// A saved mapping keeps how the file was read (date order, weight unit, decimal separator, blank
// cells, time zone), so the same file imported with it again is read the same way. An order made
// from a CSV AUTO row keeps that row's fingerprint for good, so the same row imported again finds
// it instead of minting another number.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE csv_mappings ADD COLUMN options TEXT`,
    sql`ALTER TABLE orders ADD COLUMN csv_auto_row TEXT`,
    sql`CREATE INDEX orders_csv_auto_row ON orders(store_id, csv_auto_row) WHERE csv_auto_row IS NOT NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}
