import type { OrderStatus } from "@/db/schema";

export const ORDER_STATUSES = ["awaiting_payment", "awaiting_shipment", "pending_fulfillment", "on_hold", "shipped", "cancelled"] as const satisfies readonly OrderStatus[];

/** Statuses an order can still change from; shipped and cancelled orders are locked. */
export const OPEN_STATUSES: readonly OrderStatus[] = ["awaiting_payment", "awaiting_shipment", "pending_fulfillment", "on_hold"];

export function isOpenStatus(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
