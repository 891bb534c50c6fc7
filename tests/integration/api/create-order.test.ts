import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { apiClient, createApiCredentials, orderBody } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";
import { buildOrder } from "../../helpers/orders";
import { importOrders } from "@/lib/orders/import-orders";

useTestDatabase();

const API_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/;

async function merchantWithKey() {
  const merchant = await createMerchant();
  const credentials = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, api: apiClient(credentials.authorization) };
}

/** A second store in the workspace, as connecting a custom store would make. */
async function addStore(workspaceId: string, name = "Web shop") {
  const now = Date.now();
  const store = await db.write
    .insertInto("stores")
    .values({ workspace_id: workspaceId, platform: "custom_store", name, auto_import: 0, created_at: now, modified_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return store.id;
}

async function eventsOf(orderId: number) {
  const rows = await db.read.selectFrom("order_events").select(["action", "source"]).where("order_id", "=", orderId).orderBy("id").execute();
  return rows.map((row) => row.action);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("POST /orders/createorder", () => {
  it("creates the order and answers with all of it, as ShipStation does", async () => {
    const { api, manualStoreId } = await merchantWithKey();

    const response = await api.createOrder(orderBody({ orderNumber: "WEB-1", orderKey: "web-1" }));

    expect(response.status).toBe(200);
    const order = response.json;
    expect(order).toMatchObject({
      orderId: expect.any(Number),
      orderNumber: "WEB-1",
      orderKey: "web-1",
      orderDate: "2026-07-01T10:00:00.0000000",
      paymentDate: "2026-07-01T10:05:00.0000000",
      orderStatus: "awaiting_shipment",
      customerUsername: "grace",
      customerEmail: "grace@example.com",
      shipTo: { name: "Grace Hopper", street1: "1 Navy Way", city: "Arlington", state: "VA", postalCode: "22201", country: "US", residential: true },
      // 2 × 12.50 + 8.99 + 2.75 tax + 5.99 shipping
      orderTotal: 42.73,
      amountPaid: 42.73,
      taxAmount: 2.75,
      shippingAmount: 5.99,
      customerNotes: "Leave at the door",
      advancedOptions: { storeId: manualStoreId, source: null },
    });
    expect(order.createDate).toMatch(API_DATE);
    expect(order.modifyDate).toBe(order.createDate);
    expect(order.items).toHaveLength(2);
    expect(order.items[0]).toMatchObject({ orderItemId: expect.any(Number), lineItemKey: "li-1", sku: "MUG-BLUE", name: "Blue enamel mug", quantity: 2, unitPrice: 12.5, weight: { value: 12, units: "ounces" } });
    expect(order.items[1]).toMatchObject({ orderItemId: expect.any(Number), sku: "TEA-EARL", quantity: 1, unitPrice: 8.99, weight: null });
    expect(order.items[0].orderItemId).not.toBe(order.items[1].orderItemId);

    // What GET answers is what createorder answered.
    expect((await api.getOrder(order.orderId)).json).toEqual(order);
    expect(await eventsOf(order.orderId)).toEqual(["created"]);
  });

  it("generates an orderKey when none is sent, a new one each time", async () => {
    const { api } = await merchantWithKey();
    const body = orderBody({ orderNumber: "NO-KEY" });
    delete body.orderKey;

    const first = await api.createOrder(body);
    const second = await api.createOrder(body);

    expect(first.status).toBe(200);
    expect(first.json.orderKey).toEqual(expect.any(String));
    expect(first.json.orderKey.length).toBeGreaterThan(0);
    // Without a key there is nothing to match: each post is a new order.
    expect(second.json.orderKey).not.toBe(first.json.orderKey);
    expect(second.json.orderId).not.toBe(first.json.orderId);
    expect((await api.listOrders({ orderNumber: "NO-KEY" })).json.total).toBe(2);
  });

  it("leaves the order alone when the same body is posted again: same id, same modifyDate, no history entry", async () => {
    const { api } = await merchantWithKey();
    const body = orderBody();
    const created = await api.createOrder(body);
    await pause(5);

    const again = await api.createOrder(body);

    expect(again.status).toBe(200);
    expect(again.json).toEqual(created.json);
    expect(await eventsOf(created.json.orderId)).toEqual(["created"]);
  });

  it("replaces the whole order when fields change: a field left out is cleared", async () => {
    const { api } = await merchantWithKey();
    const body = orderBody({ internalNotes: "Fragile", gift: true, giftMessage: "Enjoy", advancedOptions: { customField1: "VIP" } });
    const created = await api.createOrder(body);
    await pause(5);

    const { customerNotes: _notes, internalNotes: _internal, gift: _gift, giftMessage: _message, advancedOptions: _advanced, paymentDate: _paid, ...rest } = body;
    const replaced = await api.createOrder({
      ...rest,
      shipTo: { name: "Grace Hopper", street1: "2 Fleet St", city: "Arlington", country: "US" },
      items: [{ lineItemKey: "li-3", sku: "PEN-RED", name: "Red pen", quantity: 3, unitPrice: 2 }],
    });

    expect(replaced.status).toBe(200);
    const order = replaced.json;
    expect(order.orderId).toBe(created.json.orderId);
    expect(order.createDate).toBe(created.json.createDate);
    expect(order.modifyDate).not.toBe(created.json.modifyDate);
    expect(order).toMatchObject({
      customerNotes: null,
      internalNotes: null,
      gift: false,
      giftMessage: null,
      paymentDate: null,
      shipTo: { street1: "2 Fleet St", state: null, postalCode: null, residential: null },
      advancedOptions: { customField1: null },
      // 3 × 2.00 + 2.75 + 5.99
      orderTotal: 14.74,
    });
    expect(order.items).toHaveLength(1);
    expect(order.items[0]).toMatchObject({ sku: "PEN-RED", quantity: 3, unitPrice: 2 });
    expect(await eventsOf(order.orderId)).toEqual(["created", "updated"]);

    // Leaving out the money clears it to zero, as ShipStation does.
    const noMoney = await api.createOrder({ ...rest, amountPaid: undefined, taxAmount: undefined, shippingAmount: undefined, items: [] });
    expect(noMoney.json).toMatchObject({ amountPaid: 0, taxAmount: 0, shippingAmount: 0, orderTotal: 0, items: [] });
  });

  it("applies an earlier body again after the order changed in between: a re-send is unchanged only against the latest write", async () => {
    const { api } = await merchantWithKey();
    const body = orderBody({ customerNotes: "First" });
    const created = await api.createOrder(body);
    await api.createOrder({ ...body, customerNotes: "Second" });
    await pause(5);

    const back = await api.createOrder(body);

    expect(back.json).toMatchObject({ orderId: created.json.orderId, customerNotes: "First" });
    expect(back.json.modifyDate).not.toBe(created.json.modifyDate);

    // A hold placed through the API is a change too: re-sending the body replaces the order again.
    await api.holdUntil({ orderId: created.json.orderId, holdUntilDate: "2036-07-10" });
    const afterHold = await api.createOrder(body);
    expect(afterHold.json).toMatchObject({ orderStatus: "awaiting_shipment", holdUntilDate: null });
    expect(await eventsOf(created.json.orderId)).toEqual(["created", "updated", "updated", "held", "updated"]);
    // And now, with nothing in between, the same body is unchanged.
    expect((await api.createOrder(body)).json).toEqual(afterHold.json);
    expect(await eventsOf(created.json.orderId)).toHaveLength(5);
  });

  it("keeps the orderKey and the store the order was created in, whatever a later post names", async () => {
    const { workspaceId, api, manualStoreId } = await merchantWithKey();
    const webShop = await addStore(workspaceId);
    const body = orderBody({ advancedOptions: { storeId: webShop } });
    const created = await api.createOrder(body);
    expect(created.json.advancedOptions.storeId).toBe(webShop);

    const moved = await api.createOrder({ ...body, customerNotes: "Changed", advancedOptions: { storeId: manualStoreId } });
    const unnamed = await api.createOrder({ ...body, customerNotes: "Changed again", advancedOptions: null });

    for (const response of [moved, unnamed]) {
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ orderId: created.json.orderId, orderKey: body.orderKey, advancedOptions: { storeId: webShop } });
    }
    expect(unnamed.json.customerNotes).toBe("Changed again");
    const rows = await db.read.selectFrom("orders").select(["id", "store_id"]).where("order_key", "=", body.orderKey as string).execute();
    expect(rows).toEqual([{ id: created.json.orderId, store_id: webShop }]);
  });

  it("refuses an unknown advancedOptions.storeId for a new order, naming the field", async () => {
    const { api, workspaceId } = await merchantWithKey();
    const response = await api.createOrder(orderBody({ orderKey: "nowhere-1", advancedOptions: { storeId: 987654 } }));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      message: expect.stringContaining("advancedOptions.storeId"),
      code: "invalid_input",
      fieldErrors: { "advancedOptions.storeId": [expect.stringContaining("987654")] },
    });
    expect(await db.read.selectFrom("orders").select("id").where("workspace_id", "=", workspaceId).execute()).toEqual([]);
  });

  it("refuses to update a shipped order with a clear message, and leaves it as it was", async () => {
    const { api } = await merchantWithKey();
    const body = orderBody();
    const created = await api.createOrder(body);
    expect((await api.markAsShipped({ orderId: created.json.orderId, carrierCode: "usps", trackingNumber: "9400100000000000000000" })).status).toBe(200);
    const shipped = (await api.getOrder(created.json.orderId)).json;

    const response = await api.createOrder({ ...body, customerNotes: "Too late" });

    expect(response.status).toBe(400);
    expect(response.json).toEqual({ message: "This order has shipped and can no longer be changed.", code: "invalid_input" });
    expect((await api.getOrder(created.json.orderId)).json).toEqual(shipped);
  });

  it("refuses to update a cancelled order, and a post that reopens it leaves it cancelled", async () => {
    const { api } = await merchantWithKey();
    const body = orderBody();
    const created = await api.createOrder(body);
    const cancelled = await api.createOrder({ ...body, orderStatus: "cancelled" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ orderId: created.json.orderId, orderStatus: "cancelled" });

    const changed = await api.createOrder({ ...body, orderStatus: "cancelled", customerNotes: "Changed" });
    const reopened = await api.createOrder({ ...body, orderStatus: "awaiting_shipment" });

    for (const response of [changed, reopened]) {
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ message: "This order is cancelled and can no longer be changed.", code: "invalid_input" });
    }
    const after = await api.getOrder(created.json.orderId);
    expect(after.json).toEqual(cancelled.json);
    expect(after.json.orderStatus).toBe("cancelled");
    expect((await api.listOrders({ orderStatus: "awaiting_shipment", orderNumber: body.orderNumber as string })).json.total).toBe(0);
  });

  it("creates an order that arrives cancelled, inactive", async () => {
    const { api } = await merchantWithKey();
    const response = await api.createOrder(orderBody({ orderStatus: "cancelled" }));
    expect(response.status).toBe(200);
    expect(response.json.orderStatus).toBe("cancelled");
    const row = await db.read.selectFrom("orders").select("active").where("id", "=", response.json.orderId).executeTakeFirstOrThrow();
    expect(row.active).toBe(0);
  });

  it("refuses to recreate a deleted order under its key", async () => {
    const { api } = await merchantWithKey();
    const body = orderBody();
    const created = await api.createOrder(body);
    expect((await api.deleteOrder(created.json.orderId)).status).toBe(200);

    const response = await api.createOrder(body);

    expect(response.status).toBe(400);
    expect(response.json.message).toMatch(/deleted/);
    expect((await api.getOrder(created.json.orderId)).status).toBe(404);
  });

  it("reads ShipStation's habits: numbers for text, numeric strings for numbers, blanks for empty optional fields", async () => {
    const { api } = await merchantWithKey();
    const response = await api.createOrder(
      orderBody({
        orderNumber: 10042,
        amountPaid: "42.73",
        paymentDate: "",
        shipTo: { name: "Grace", postalCode: 22201, country: "us" },
        items: [{ name: "Mug", quantity: "2", unitPrice: "12.50", sku: 555 }],
        unknownField: "ignored",
      }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      orderNumber: "10042",
      amountPaid: 42.73,
      paymentDate: null,
      shipTo: { postalCode: "22201", country: "US" },
      items: [{ sku: "555", quantity: 2, unitPrice: 12.5 }],
    });
    expect(response.json).not.toHaveProperty("unknownField");
  });
});

describe("an orderKey held by orders in two stores", () => {
  it("updates the order in the store the caller names, else the oldest", async () => {
    const merchant = await createMerchant("Two stores");
    const client = apiClient((await createApiCredentials(merchant.workspaceId)).authorization);
    const now = Date.now();
    const other = await db.write
      .insertInto("stores")
      .values({ workspace_id: merchant.workspaceId, platform: "custom_store", name: "Second shop", auto_import: 0, created_at: now, modified_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [inManual] = await importOrders(merchant.workspaceId, merchant.manualStoreId, [buildOrder({ orderKey: "shared-key", orderNumber: "S-1" })], { source: "test" });
    const [inOther] = await importOrders(merchant.workspaceId, other.id, [buildOrder({ orderKey: "shared-key", orderNumber: "S-1" })], { source: "test" });

    const named = await client.createOrder(orderBody({ orderKey: "shared-key", orderNumber: "S-1", customerNotes: "for the second shop", advancedOptions: { storeId: other.id } }));
    expect(named.json.orderId).toBe(inOther.orderId);
    const unnamed = await client.createOrder(orderBody({ orderKey: "shared-key", orderNumber: "S-1", customerNotes: "for the oldest" }));
    expect(unnamed.json.orderId).toBe(inManual.orderId);
  });
});
