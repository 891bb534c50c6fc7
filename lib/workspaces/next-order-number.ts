import { sql, type Kysely } from "kysely";
import { getDb } from "@/db/client";
import type { Database } from "@/db/schema";

/** The workspace's next automatic order number ("AUTO" in a form, CSV or API call). */
export async function nextOrderNumber(workspaceId: string): Promise<string> {
  const { rows } = await sql<{ last_order_number: number }>`
    UPDATE workspaces SET last_order_number = last_order_number + 1 WHERE id = ${workspaceId} RETURNING last_order_number`.execute(getDb());
  if (!rows[0]) throw new Error("Workspace not found");
  return String(rows[0].last_order_number);
}

/**
 * The workspace's next `count` automatic order numbers, taken with one statement. Pass the
 * transaction when called inside one (the write queue would otherwise wait for it to end).
 */
export async function reserveOrderNumbers(workspaceId: string, count: number, db: Kysely<Database> = getDb()): Promise<string[]> {
  if (count <= 0) return [];
  const { rows } = await sql<{ last_order_number: number }>`
    UPDATE workspaces SET last_order_number = last_order_number + ${count} WHERE id = ${workspaceId} RETURNING last_order_number`.execute(db);
  if (!rows[0]) throw new Error("Workspace not found");
  const last = Number(rows[0].last_order_number);
  return Array.from({ length: count }, (_, i) => String(last - count + 1 + i));
}
