import type { OrderStatus } from "@/db/schema";

export const ORDER_STATUSES = ["awaiting_payment", "awaiting_shipment", "pending_fulfillment", "on_hold", "shipped", "cancelled"] as const satisfies readonly OrderStatus[];

/** Statuses an order can still change from; shipped and cancelled orders are locked. */
export const OPEN_STATUSES: readonly OrderStatus[] = ["awaiting_payment", "awaiting_shipment", "pending_fulfillment", "on_hold"];

export function isOpenStatus(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Why the merchant can no longer change an order ("shipped" or "cancelled"), or null while they can. */
export type LockedReason = "shipped" | "cancelled";

export function lockedReason(order: { status: OrderStatus; active: boolean; deleted: boolean }): LockedReason | null {
  if (order.status === "shipped") return "shipped";
  // An order its channel deactivated or that was deleted reads as cancelled: it is gone from the merchant's work.
  if (order.status === "cancelled" || !order.active || order.deleted) return "cancelled";
  return null;
}
