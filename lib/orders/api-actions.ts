import { z } from "zod";
import { safeText } from "@/lib/text";
import { apiDateSchema, parseApiDate } from "./api-dates";
import { getApiOrder, type ApiContext } from "./api-orders";
import { holdOrderUntil, markOrderShipped, restoreOrderFromHold } from "./order-actions";

// A number, or a string of digits (Json.NET reads "123" as 123); z.coerce would also take "0x1f", "1e3" or true.
const orderId = z.preprocess((value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value), z.number().int().positive());
const apiDate = apiDateSchema;

export const holdUntilSchema = z.object({ orderId, holdUntilDate: apiDate });
export const restoreFromHoldSchema = z.object({ orderId });
export const markAsShippedSchema = z.object({
  orderId,
  carrierCode: safeText(z.string()).trim().max(100).nullish(),
  shipDate: apiDate.nullish(),
  trackingNumber: safeText(z.string()).trim().max(100).nullish(),
  notifyCustomer: z.boolean().nullish(),
  notifySalesChannel: z.boolean().nullish(),
});

/** POST /orders/holduntil → ShipStation's `{success, message}`. */
export async function holdApiOrder(context: ApiContext, input: z.output<typeof holdUntilSchema>) {
  await holdOrderUntil(context.workspaceId, input.orderId, parseApiDate(input.holdUntilDate, context.timeZone)!, { actor: context.actor, source: "api" });
  return { success: true, message: "Order held successfully." };
}

export async function restoreApiOrder(context: ApiContext, input: z.output<typeof restoreFromHoldSchema>) {
  await restoreOrderFromHold(context.workspaceId, input.orderId, { actor: context.actor, source: "api" });
  return { success: true, message: "Order restored successfully." };
}

/** POST /orders/markasshipped → `{orderId, orderNumber}`. Notifications are accepted; there is no channel to notify yet. */
export async function markApiOrderShipped(context: ApiContext, input: z.output<typeof markAsShippedSchema>) {
  const shipDate = input.shipDate ? parseApiDate(input.shipDate, context.timeZone)! : Date.now();
  await markOrderShipped(context.workspaceId, input.orderId, { shipDate, carrierCode: input.carrierCode, trackingNumber: input.trackingNumber }, { actor: context.actor, source: "api" });
  const order = await getApiOrder(context, input.orderId);
  return { orderId: order.orderId, orderNumber: order.orderNumber };
}
