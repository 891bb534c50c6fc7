import { sql } from "kysely";
import type { WriteTransaction } from "@/db/database";

/**
 * Marks orders a CSV import just made of AUTO rows with their row's fingerprint, for good
 * (`orders.csv_auto_row`), so the same row imported again finds its order instead of a new number.
 * Part of the one write path: lib/csv decides which orders, this writes them.
 */
export async function markOrdersMadeFromCsvRows(tx: WriteTransaction, made: readonly { orderId: number; digest: string }[]): Promise<void> {
  if (made.length === 0) return;
  const byId = sql.join(made.map(({ orderId, digest }) => sql`WHEN ${orderId} THEN ${digest}`), sql` `);
  await tx.db
    .updateTable("orders")
    .set({ csv_auto_row: sql<string>`CASE id ${byId} END` })
    .where("id", "in", made.map(({ orderId }) => orderId))
    .execute();
}
