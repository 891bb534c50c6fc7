import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { apiClient, createApiCredentials, orderBody } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function merchantWithKey() {
  const merchant = await createMerchant();
  const credentials = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, api: apiClient(credentials.authorization) };
}

async function orderCount(workspaceId: string) {
  const { n } = await db.read.selectFrom("orders").select((eb) => eb.fn.countAll<number>().as("n")).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
  return Number(n);
}

describe("POST /orders/createorders", () => {
  it("takes 100 orders, reports one result per order in order, fails only the invalid ones and stores the rest", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const bodies: Record<string, unknown>[] = Array.from({ length: 100 }, (_, i) => orderBody({ orderNumber: `BATCH-${i}`, orderKey: `batch-${i}` }));
    bodies[3] = orderBody({ orderNumber: "BATCH-3", orderKey: "batch-3", orderDate: "not a date" });
    bodies[41] = orderBody({ orderNumber: "BATCH-41", orderKey: "batch-41", items: [{ name: "Mug", quantity: -1, unitPrice: 1 }] });
    bodies[77] = orderBody({ orderNumber: "BATCH-77", orderKey: "batch-77", shipTo: { country: "United States" } });
    bodies[98] = orderBody({ orderNumber: "BATCH-98", orderKey: "batch-98", advancedOptions: { storeId: 99_999 } });
    const bad = new Map([
      [3, "orderDate"],
      [41, "items.0.quantity"],
      [77, "shipTo.country"],
      [98, "advancedOptions.storeId"],
    ]);

    const response = await api.createOrders(bodies);

    expect(response.status).toBe(200);
    expect(response.json.hasErrors).toBe(true);
    const results: { orderId: number | null; orderNumber: string; orderKey: string; success: boolean; errorMessage: string | null }[] = response.json.results;
    expect(results).toHaveLength(100);
    results.forEach((result, i) => {
      expect(result.orderNumber).toBe(`BATCH-${i}`);
      expect(result.orderKey).toBe(`batch-${i}`);
      if (bad.has(i)) {
        expect(result).toEqual({ orderId: null, orderNumber: `BATCH-${i}`, orderKey: `batch-${i}`, success: false, errorMessage: expect.stringContaining(bad.get(i)!) });
      } else {
        expect(result).toEqual({ orderId: expect.any(Number), orderNumber: `BATCH-${i}`, orderKey: `batch-${i}`, success: true, errorMessage: null });
      }
    });
    expect(new Set(results.filter((r) => r.success).map((r) => r.orderId)).size).toBe(96);

    expect(await orderCount(workspaceId)).toBe(96);
    const list = await api.listOrders({ pageSize: 500 });
    expect(list.json.total).toBe(96);
    expect(list.json.orders.map((order: { orderKey: string }) => order.orderKey)).not.toContain("batch-41");
    const stored = await api.getOrder(results[50].orderId!);
    expect(stored.json).toMatchObject({ orderNumber: "BATCH-50", orderKey: "batch-50", orderTotal: 42.73 });
  });

  it("answers hasErrors false when every order is saved, creating and updating in one batch", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const existing = orderBody({ orderKey: "mixed-1" });
    const first = await api.createOrders([existing]);
    expect(first.json).toEqual({ hasErrors: false, results: [expect.objectContaining({ success: true, orderKey: "mixed-1" })] });

    const updatedBody = { ...existing, customerNotes: "Updated" };
    // The same key twice in one batch: the second sees the first, so it changes nothing.
    const response = await api.createOrders([updatedBody, orderBody({ orderKey: "mixed-2" }), updatedBody]);

    expect(response.status).toBe(200);
    expect(response.json.hasErrors).toBe(false);
    const [updated, created, unchanged] = response.json.results;
    expect(updated.orderId).toBe(first.json.results[0].orderId);
    expect(unchanged.orderId).toBe(updated.orderId);
    expect(created.orderId).not.toBe(updated.orderId);
    expect((await api.getOrder(updated.orderId)).json.customerNotes).toBe("Updated");
    expect(await orderCount(workspaceId)).toBe(2);
  });

  it("keeps one order per orderKey when a batch sends a new key twice, naming different stores", async () => {
    const { workspaceId, api, manualStoreId } = await merchantWithKey();
    const now = Date.now();
    const webShop = (
      await db.write
        .insertInto("stores")
        .values({ workspace_id: workspaceId, platform: "custom_store", name: "Web shop", auto_import: 0, created_at: now, modified_at: now })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const first = orderBody({ orderKey: "twice-1", advancedOptions: { storeId: manualStoreId } });

    const response = await api.createOrders([first, { ...first, customerNotes: "Second", advancedOptions: { storeId: webShop } }, { ...first, customerNotes: "Third", advancedOptions: null }]);

    expect(response.json.hasErrors).toBe(false);
    const [a, b, c] = response.json.results;
    expect(b.orderId).toBe(a.orderId);
    expect(c.orderId).toBe(a.orderId);
    const rows = await db.read.selectFrom("orders").select(["id", "store_id", "customer_notes"]).where("order_key", "=", "twice-1").execute();
    expect(rows).toEqual([{ id: a.orderId, store_id: manualStoreId, customer_notes: "Third" }]);
  });

  it("reports a shipped order in the batch as a failure with ShipStation's message, and saves the others", async () => {
    const { api } = await merchantWithKey();
    const body = orderBody();
    const created = await api.createOrder(body);
    await api.markAsShipped({ orderId: created.json.orderId, carrierCode: "ups" });

    const response = await api.createOrders([orderBody({ orderKey: "fresh-1" }), { ...body, customerNotes: "Changed" }]);

    expect(response.status).toBe(200);
    expect(response.json.hasErrors).toBe(true);
    expect(response.json.results[0]).toMatchObject({ success: true, errorMessage: null });
    expect(response.json.results[1]).toEqual({
      orderId: created.json.orderId,
      orderNumber: body.orderNumber,
      orderKey: body.orderKey,
      success: false,
      errorMessage: "This order has shipped and can no longer be changed.",
    });
  });

  it("refuses 101 orders with 400 and stores none of them", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const response = await api.createOrders(Array.from({ length: 101 }, () => orderBody()));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ message: expect.stringMatching(/100/), code: "invalid_input" });
    expect(await orderCount(workspaceId)).toBe(0);
  });

  it("refuses an empty array, and a body that is not an array", async () => {
    const { workspaceId, api } = await merchantWithKey();
    for (const body of [[], orderBody(), "orders", 7, null, { orders: [orderBody()] }]) {
      const response = await api.createOrders(undefined, JSON.stringify(body));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json).toEqual({ message: expect.any(String), code: "invalid_input" });
    }
    expect(await orderCount(workspaceId)).toBe(0);
  });

  it("reports entries that are not orders at all as failures of their own", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const response = await api.createOrders([null, "order", orderBody({ orderKey: "only-good" }), 42, []]);
    expect(response.status).toBe(200);
    expect(response.json.hasErrors).toBe(true);
    expect(response.json.results.map((result: { success: boolean }) => result.success)).toEqual([false, false, true, false, false]);
    for (const result of response.json.results.filter((r: { success: boolean }) => !r.success)) {
      expect(result).toMatchObject({ orderId: null, errorMessage: expect.any(String) });
    }
    expect(await orderCount(workspaceId)).toBe(1);
  });
});
