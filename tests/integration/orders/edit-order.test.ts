import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { importOrders } from "@/lib/orders/import-orders";
import { editOrder, markOrderShipped } from "@/lib/orders/order-actions";
import { parseOrderForm, type FormOrder } from "@/lib/orders/order-form";
import { getOrderEditForm } from "@/lib/orders/get-order";
import { rejection } from "../../helpers/errors";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";
import { useTestDatabase } from "../../helpers/database";

useTestDatabase();

const merchant = { actor: "user-1", source: "manual" as const };

/** A channel's order, with what the edit form never shows: the channel's own fields. */
async function channelOrder() {
  const { workspaceId, manualStoreId } = await createMerchant();
  const order = buildOrder({ customField1: "VIP", paymentMethod: "card", extra: { tagIds: [7] }, currency: "EUR" });
  const [result] = await importOrders(workspaceId, manualStoreId, [order], { source: "shopify" });
  return { workspaceId, storeId: manualStoreId, order, orderId: result.orderId! };
}

/** What the edit page shows, changed as the merchant types, and posted back. */
async function postedEdit(workspaceId: string, orderId: number, changes: Record<string, string>): Promise<FormOrder> {
  const form = await getOrderEditForm(workspaceId, orderId, "UTC");
  if (!form.initial) throw new Error("the order is locked");
  const parsed = parseOrderForm({ ...form.initial, ...changes }, "UTC");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.order;
}

async function stored(orderId: number) {
  const row = await db.read.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow();
  const events = await db.read.selectFrom("order_events").select(["action", "source", "actor", "change_set"]).where("order_id", "=", orderId).orderBy("id").execute();
  return { row, events };
}

describe("editOrder: the edit form over the stored order", () => {
  it("replaces what the form shows and keeps the key, the store and the channel's fields", async () => {
    const { workspaceId, storeId, order, orderId } = await channelOrder();
    await editOrder(workspaceId, orderId, await postedEdit(workspaceId, orderId, { "shipTo.city": "Newport News", internalNotes: "Fragile" }), merchant);

    const { row, events } = await stored(orderId);
    expect(row).toMatchObject({
      ship_to_city: "Newport News",
      internal_notes: "Fragile",
      order_key: order.orderKey,
      order_number: order.orderNumber,
      store_id: storeId,
      custom_field1: "VIP",
      payment_method: "card",
      currency: "EUR",
    });
    expect(JSON.parse(row.extra!)).toEqual({ tagIds: [7] });
    expect(events.map((event) => event.action)).toEqual(["created", "edited"]);
    expect(events[1]).toMatchObject({ source: "manual", actor: "user-1" });
    expect(JSON.parse(events[1].change_set!)).toMatchObject({ ship_to_city: ["Arlington", "Newport News"] });
  });

  it("keeps the order number when the field is left blank, and takes a new one when typed", async () => {
    const { workspaceId, order, orderId } = await channelOrder();
    await editOrder(workspaceId, orderId, await postedEdit(workspaceId, orderId, { orderNumber: "" }), merchant);
    expect((await stored(orderId)).row.order_number).toBe(order.orderNumber);
    await editOrder(workspaceId, orderId, await postedEdit(workspaceId, orderId, { orderNumber: "PHONE-7" }), merchant);
    expect((await stored(orderId)).row.order_number).toBe("PHONE-7");
  });

  it("refuses a shipped order, saying why, and another workspace's order as not found", async () => {
    const { workspaceId, orderId } = await channelOrder();
    const edit = await postedEdit(workspaceId, orderId, { customerNotes: "Leave at the door" });
    const other = await createMerchant("Other Merchant");
    expect((await rejection(editOrder(other.workspaceId, orderId, edit, merchant))).code).toBe("not_found");

    await markOrderShipped(workspaceId, orderId, { shipDate: Date.UTC(2026, 10, 6), carrierCode: "ups" }, merchant);
    const locked = await rejection(editOrder(workspaceId, orderId, edit, merchant));
    expect(locked).toMatchObject({ code: "conflict", message: "This order has shipped and can no longer be changed." });
    expect(await getOrderEditForm(workspaceId, orderId, "UTC")).toMatchObject({ locked: "shipped", initial: null });
  });
});
