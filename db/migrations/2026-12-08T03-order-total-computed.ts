import { sql, type Kysely } from "kysely";

// Whether an order's total is Shipdeck's (items + tax + shipping, recomputed when the merchant
// edits the order) or the channel's figure, kept as sent. An existing order whose total equals
// its items + tax + shipping is taken as computed: recomputing it changes nothing until an edit.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE orders ADD COLUMN order_total_computed INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`UPDATE orders SET order_total_computed = 1
    WHERE order_total = tax_amount + shipping_amount + (SELECT COALESCE(SUM(quantity * unit_price), 0) FROM order_items WHERE order_id = orders.id)`.execute(db);
}
