import { db } from "@/db/database";
import { AppError } from "@/lib/errors";
import { cancelOrder, holdOrderUntil, markOrderShipped, type Actor } from "./order-actions";

/** What the orders list's bulk bar does to each selected order: one of the order page's own actions. */
export type BulkOrderChange =
  | { kind: "cancel" }
  | { kind: "hold"; holdUntilDate: number }
  | { kind: "ship"; shipment: { shipDate: number; carrierCode?: string | null; trackingNumber?: string | null } };

export interface BulkOrderResult {
  orderId: number;
  /** Null when the id is not an order of this workspace. */
  orderNumber: string | null;
  outcome: "changed" | "refused";
  /** Why a refused order was left as it was, in lib's words (the order page shows the same). */
  reason?: string;
}

/**
 * One change applied to many orders, each through the single-order action (so the write path,
 * its merge rules and the order's history are the same as on the order page). An order that
 * can't take the change is reported with the reason and the others still go through; errors
 * that aren't a refusal (the database failing) stop the run.
 */
export async function applyOrderChangeToMany(workspaceId: string, orderIds: number[], change: BulkOrderChange, by: Actor): Promise<BulkOrderResult[]> {
  const ids = [...new Set(orderIds)];
  const numbers = new Map<number, string>();
  if (ids.length) {
    const rows = await db.read.selectFrom("orders").select(["id", "order_number"]).where("workspace_id", "=", workspaceId).where("id", "in", ids).execute();
    for (const row of rows) numbers.set(row.id, row.order_number);
  }
  const results: BulkOrderResult[] = [];
  for (const orderId of ids) {
    const orderNumber = numbers.get(orderId) ?? null;
    try {
      await applyOne(workspaceId, orderId, change, by);
      results.push({ orderId, orderNumber, outcome: "changed" });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ orderId, orderNumber, outcome: "refused", reason: error.message });
    }
  }
  return results;
}

function applyOne(workspaceId: string, orderId: number, change: BulkOrderChange, by: Actor) {
  switch (change.kind) {
    case "cancel":
      return cancelOrder(workspaceId, orderId, by);
    case "hold":
      return holdOrderUntil(workspaceId, orderId, change.holdUntilDate, by);
    case "ship":
      return markOrderShipped(workspaceId, orderId, change.shipment, by);
  }
}
