import { describe, expect, it } from "vitest";
import { db as database } from "@/db/database";
import { fromOrderRow } from "@/lib/orders/columns";
import { importOrders } from "@/lib/orders/import-orders";
import { countOrdersByStatus, listOrders } from "@/lib/orders/list-orders";
import { orderListQuerySchema } from "@/lib/orders/list-query";
import {
  cancelOrder, createOrder, createReplacementOrder, deleteOrder, holdOrderUntil, markOrderShipped, restoreOrderFromHold, updateOrder,
} from "@/lib/orders/order-actions";
import { useTestDatabase } from "../../helpers/database";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const merchant = { actor: "user-1", source: "manual" as const };
const channel = { source: "shopify" };

async function stored(orderId: number) {
  const db = database.read;
  const row = await db.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow();
  const items = await db.selectFrom("order_items").selectAll().where("order_id", "=", orderId).orderBy("position").execute();
  const events = await db.selectFrom("order_events").selectAll().where("order_id", "=", orderId).orderBy("id").execute();
  return { row, items, actions: events.map((event) => event.action) };
}

async function importOne(workspaceId: string, storeId: number, order = buildOrder()) {
  const [result] = await importOrders(workspaceId, storeId, [order], channel);
  return { order, orderId: result.orderId! };
}

describe("a merchant's actions on an order", () => {
  it("reads a stored order back whole: re-importing it changes nothing", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { orderId } = await importOne(workspaceId, manualStoreId, buildOrder({ dimensions: { length: 10, width: 8, height: 4, units: "inches" }, extra: { tagIds: [1] } }));
    const { row, items } = await stored(orderId);
    const [again] = await importOrders(workspaceId, manualStoreId, [fromOrderRow(row, items)], channel);
    expect(again.outcome).toBe("unchanged");
  });

  it("creates orders with the workspace's next number unless one is given", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { orderKey: _key, orderNumber: _number, ...details } = buildOrder();
    const first = await createOrder(workspaceId, manualStoreId, { ...details, orderNumber: "AUTO" }, merchant);
    const second = await createOrder(workspaceId, manualStoreId, details, merchant);
    const named = await createOrder(workspaceId, manualStoreId, { ...details, orderNumber: "PHONE-7" }, merchant);
    expect([first.orderNumber, second.orderNumber, named.orderNumber]).toEqual(["1", "2", "PHONE-7"]);
    expect((await stored(first.orderId!)).row.order_key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("takes no number for an order it refuses: the next order gets the number the refused one would have", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const { orderKey: _key, orderNumber: _number, ...details } = buildOrder();
    await expect(createOrder(workspaceId, other.manualStoreId, details, merchant)).rejects.toMatchObject({ code: "not_found" });
    await expect(createOrder(workspaceId, manualStoreId, { ...details, items: [{ name: "Mug", quantity: -1, unitPrice: 100 }] }, merchant)).rejects.toMatchObject({ code: "invalid_input" });
    expect((await createOrder(workspaceId, manualStoreId, details, merchant)).orderNumber).toBe("1");
  });

  it("edits an open order, keeping its key and store, with an 'edited' entry", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { order, orderId } = await importOne(workspaceId, manualStoreId);
    await updateOrder(workspaceId, orderId, { ...order, orderKey: "ignored", customerNotes: "Ring twice" }, merchant);
    const { row, actions } = await stored(orderId);
    expect(row).toMatchObject({ customer_notes: "Ring twice", order_key: order.orderKey, store_id: manualStoreId });
    expect(actions).toEqual(["created", "edited"]);
  });

  it("cancels an open order, which then cannot be changed", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { order, orderId } = await importOne(workspaceId, manualStoreId);
    await cancelOrder(workspaceId, orderId, merchant);
    expect((await stored(orderId)).row).toMatchObject({ status: "cancelled", active: 0 });
    await expect(updateOrder(workspaceId, orderId, order, merchant)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/cancelled/) });
    await expect(cancelOrder(workspaceId, orderId, merchant)).rejects.toMatchObject({ code: "conflict" });
  });

  it("holds an order until a date through the channel's updates, then restores it", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { order, orderId } = await importOne(workspaceId, manualStoreId);
    const until = Date.UTC(2026, 11, 24);
    await holdOrderUntil(workspaceId, orderId, until, merchant);
    await importOrders(workspaceId, manualStoreId, [{ ...order, customerNotes: "Changed in the channel" }], channel);
    expect((await stored(orderId)).row).toMatchObject({ status: "on_hold", hold_until_date: until, customer_notes: "Changed in the channel" });

    await restoreOrderFromHold(workspaceId, orderId, merchant);
    const { row, actions } = await stored(orderId);
    expect(row).toMatchObject({ status: "awaiting_shipment", hold_until_date: null });
    expect(actions).toEqual(["created", "held", "updated", "restored"]);
    await expect(restoreOrderFromHold(workspaceId, orderId, merchant)).rejects.toMatchObject({ code: "conflict" });
  });

  it("marks an order shipped with its carrier and tracking number; a shipped order is locked", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { order, orderId } = await importOne(workspaceId, manualStoreId);
    const shipDate = Date.UTC(2026, 10, 27);
    await markOrderShipped(workspaceId, orderId, { shipDate, carrierCode: "ups", trackingNumber: "1Z999" }, merchant);
    expect((await stored(orderId)).row).toMatchObject({ status: "shipped", ship_date: shipDate, carrier_code: "ups", tracking_number: "1Z999" });
    await expect(updateOrder(workspaceId, orderId, order, merchant)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/shipped/) });
    expect((await countOrdersByStatus(workspaceId)).shipped).toBe(1);
  });

  it("deletes an order from the lists and counts, keeps its history, and skips its key afterwards", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { order, orderId } = await importOne(workspaceId, manualStoreId);
    await deleteOrder(workspaceId, orderId, { actor: "key-1", source: "api" });
    const page = await listOrders(workspaceId, orderListQuerySchema.parse({ status: "all" }));
    expect(page.orders).toEqual([]);
    expect((await countOrdersByStatus(workspaceId)).all).toBe(0);
    expect((await stored(orderId)).actions).toEqual(["created", "deleted"]);
    const [again] = await importOrders(workspaceId, manualStoreId, [{ ...order, customerNotes: "late change" }], channel);
    expect(again).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/deleted/) });
    await expect(deleteOrder(workspaceId, orderId, merchant)).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers not found for another workspace's order, whatever the action", async () => {
    const owner = await createMerchant();
    const stranger = await createMerchant("Stranger");
    const { order, orderId } = await importOne(owner.workspaceId, owner.manualStoreId);
    for (const attempt of [
      () => updateOrder(stranger.workspaceId, orderId, order, merchant),
      () => cancelOrder(stranger.workspaceId, orderId, merchant),
      () => holdOrderUntil(stranger.workspaceId, orderId, Date.now(), merchant),
      () => markOrderShipped(stranger.workspaceId, orderId, { shipDate: Date.now() }, merchant),
      () => deleteOrder(stranger.workspaceId, orderId, merchant),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await stored(orderId)).actions).toEqual(["created"]);
  });
});

describe("an order the channel reopens after it was cancelled", () => {
  it("stays cancelled; 'Create new order' makes a linked order from the channel's data that takes the channel's later changes", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { order, orderId } = await importOne(workspaceId, manualStoreId);
    await importOrders(workspaceId, manualStoreId, [{ ...order, status: "cancelled" }], channel);
    const reopened = { ...order, status: "awaiting_shipment" as const, customerNotes: "Reopened by phone" };
    await importOrders(workspaceId, manualStoreId, [reopened], channel);

    const replacement = await createReplacementOrder(workspaceId, orderId, merchant);
    const old = await stored(orderId);
    const fresh = await stored(replacement.orderId!);
    expect(old.row).toMatchObject({ status: "cancelled", active: 0, replaced_by_order_id: replacement.orderId });
    expect(old.actions).toEqual(["created", "cancelled", "reactivated_in_channel", "replaced"]);
    expect(fresh.row).toMatchObject({ status: "awaiting_shipment", active: 1, order_number: order.orderNumber, customer_notes: "Reopened by phone", order_key: `${order.orderKey}#2` });
    expect(fresh.items.map((item) => item.sku)).toEqual(order.items!.map((item) => item.sku));

    const [later] = await importOrders(workspaceId, manualStoreId, [{ ...reopened, customerNotes: "Deliver after 5pm" }], channel);
    expect(later).toMatchObject({ outcome: "updated", orderId: replacement.orderId });
    expect((await stored(replacement.orderId!)).row.customer_notes).toBe("Deliver after 5pm");
    expect((await stored(orderId)).row.customer_notes).toBe(order.customerNotes ?? null);

    await expect(createReplacementOrder(workspaceId, orderId, merchant)).rejects.toMatchObject({ code: "conflict" });
  });

  it("cannot replace an order the channel did not reopen", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { orderId } = await importOne(workspaceId, manualStoreId, buildOrder({ status: "cancelled" }));
    await expect(createReplacementOrder(workspaceId, orderId, merchant)).rejects.toMatchObject({ code: "conflict" });
  });
});
