import type { OrderStatus } from "@/db/schema";

/**
 * The words channels and spreadsheets write for an order's status, lower-cased, each with the
 * status it means. Data a cell is matched against, not messages: they stay English in every language.
 */
export const CHANNEL_STATUS_WORDS = {
  unpaid: "awaiting_payment", pending: "awaiting_payment", "pending payment": "awaiting_payment", "awaiting payment": "awaiting_payment",
  "not paid": "awaiting_payment",
  paid: "awaiting_shipment", "awaiting shipment": "awaiting_shipment", unshipped: "awaiting_shipment", "not shipped": "awaiting_shipment",
  unfulfilled: "awaiting_shipment", processing: "awaiting_shipment", "ready to ship": "awaiting_shipment", "awaiting fulfillment": "awaiting_shipment",
  partial: "awaiting_shipment", "partially fulfilled": "awaiting_shipment", "partially shipped": "awaiting_shipment",
  failed: "awaiting_payment", draft: "awaiting_payment", "checkout draft": "awaiting_payment", restocked: "cancelled",
  "pending fulfillment": "pending_fulfillment",
  "on hold": "on_hold", onhold: "on_hold", hold: "on_hold", held: "on_hold",
  shipped: "shipped", fulfilled: "shipped", completed: "shipped", complete: "shipped", delivered: "shipped",
  cancelled: "cancelled", canceled: "cancelled", refunded: "cancelled", voided: "cancelled", void: "cancelled",
} satisfies Record<string, OrderStatus>;
