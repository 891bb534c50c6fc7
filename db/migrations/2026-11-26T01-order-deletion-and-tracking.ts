import { sql, type Kysely } from "kysely";

// DELETE /orders/{id} hides an order from the lists but keeps it and its history;
// markasshipped records the tracking number the merchant shipped with.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE orders ADD COLUMN deleted_at INTEGER`.execute(db);
  await sql`ALTER TABLE orders ADD COLUMN tracking_number TEXT`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE orders DROP COLUMN tracking_number`.execute(db);
  await sql`ALTER TABLE orders DROP COLUMN deleted_at`.execute(db);
}
