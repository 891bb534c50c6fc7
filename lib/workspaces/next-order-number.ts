import { sql } from "kysely";
import { getDb } from "@/db/client";

/** The workspace's next automatic order number ("AUTO" in a form, CSV or API call). */
export async function nextOrderNumber(workspaceId: string): Promise<string> {
  const { rows } = await sql<{ last_order_number: number }>`
    UPDATE workspaces SET last_order_number = last_order_number + 1 WHERE id = ${workspaceId} RETURNING last_order_number`.execute(getDb());
  if (!rows[0]) throw new Error("Workspace not found");
  return String(rows[0].last_order_number);
}
