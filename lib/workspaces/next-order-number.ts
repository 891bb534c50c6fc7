import { sql } from "kysely";
import { db, type WriteTransaction } from "@/db/database";

/** The workspace's next automatic order number ("AUTO" in a form, CSV or API call). */
export async function nextOrderNumber(workspaceId: string): Promise<string> {
  const { rows } = await sql<{ last_order_number: number }>`
    UPDATE workspaces SET last_order_number = last_order_number + 1 WHERE id = ${workspaceId} RETURNING last_order_number`.execute(db.write);
  if (!rows[0]) throw new Error("Workspace not found");
  return String(rows[0].last_order_number);
}

/** The workspace's next `count` automatic order numbers, taken with one statement, in the caller's transaction. */
export async function reserveOrderNumbers(tx: WriteTransaction, workspaceId: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const { rows } = await sql<{ last_order_number: number }>`
    UPDATE workspaces SET last_order_number = last_order_number + ${count} WHERE id = ${workspaceId} RETURNING last_order_number`.execute(tx.db);
  if (!rows[0]) throw new Error("Workspace not found");
  const last = Number(rows[0].last_order_number);
  return Array.from({ length: count }, (_, i) => String(last - count + 1 + i));
}
