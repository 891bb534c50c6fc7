import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { ordersToExportRows } from "@/lib/csv/export-orders";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { getOrdersPage } from "@/lib/orders/get-orders-page";
import { importOrders } from "@/lib/orders/import-orders";
import { ORDER_MESSAGES } from "@/lib/orders/limits";
import { listOrdersForExport } from "@/lib/orders/list-orders-for-export";
import { orderListQuerySchema } from "@/lib/orders/list-query";
import { apiClient, createApiCredentials, orderBody } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function merchantWithKey() {
  const merchant = await createMerchant();
  const credentials = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, api: apiClient(credentials.authorization) };
}

async function orderCount(workspaceId: string) {
  const row = await db.read.selectFrom("orders").select((eb) => eb.fn.countAll<number>().as("n")).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("amounts, quantities and totals are bounded before anything is written (#14)", () => {
  it("createorder: a million units at $1,000,000,000 answers 400 naming the field, and writes nothing", async () => {
    const { workspaceId, api } = await merchantWithKey();

    const response = await api.createOrder(orderBody({ items: [{ name: "Gold bar", quantity: 1_000_000, unitPrice: 1_000_000_000 }] }));

    expect(response.status).toBe(400);
    expect(response.json.fieldErrors).toEqual({ "items.0.unitPrice": [ORDER_MESSAGES.amountTooLarge] });
    expect(await orderCount(workspaceId)).toBe(0);
  });

  it("createorder: a line or a total past $10,000,000.00 is refused by name; 1,000 lines can't overflow", async () => {
    const { workspaceId, api } = await merchantWithKey();

    const line = await api.createOrder(orderBody({ items: [{ name: "Bolt", quantity: 1_000_000, unitPrice: 10.01 }] }));
    expect(line.status).toBe(400);
    expect(JSON.stringify(line.json)).toContain("items.0.unitPrice");
    expect(JSON.stringify(line.json)).toContain(ORDER_MESSAGES.lineTooLarge);

    // 1,000 lines each at the bound: each is fine, their sum is not.
    const items = Array.from({ length: 1000 }, (_, index) => ({ name: `Line ${index}`, quantity: 1, unitPrice: 10_000_000 }));
    const total = await api.createOrder(orderBody({ items }));
    expect(total.status).toBe(400);
    expect(JSON.stringify(total.json)).toContain("orderTotal");
    expect(JSON.stringify(total.json)).toContain(ORDER_MESSAGES.totalTooLarge);

    const batch = await api.createOrders([orderBody({ taxAmount: 10_000_000.01 }), orderBody({ orderNumber: "FINE-1" })]);
    expect(batch.status).toBe(200);
    expect(batch.json.results.map((result: { success: boolean }) => result.success)).toEqual([false, true]);
    expect(batch.json.results[0].errorMessage).toContain(`taxAmount: ${ORDER_MESSAGES.amountTooLarge}`);
    expect(await orderCount(workspaceId)).toBe(1);
  });

  it("importOrders, the one write path, refuses the same for every source", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const [result] = await importOrders(workspaceId, manualStoreId, [buildOrder({ items: [{ name: "Gold bar", quantity: 1_000_000, unitPrice: 1_000_000_000 }] })], { source: "test" });
    expect(result).toMatchObject({ outcome: "failed", fieldErrors: { "items.0.unitPrice": [ORDER_MESSAGES.lineTooLarge] } });
    expect(await orderCount(workspaceId)).toBe(0);
  });

  it("a row stored out of range before the bounds (past 2^53 cents, and past 64 bits) still lists, exports, opens and deletes", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const unsafe = (await api.createOrder(orderBody({ orderNumber: "UNSAFE-1" }))).json.orderId as number;
    const overflow = (await api.createOrder(orderBody({ orderNumber: "OVERFLOW-1" }))).json.orderId as number;
    // As the unbounded write path stored them: an integer past 2^53, and a 64-bit overflow that SQLite keeps as a REAL.
    await db.write.updateTable("orders").set({ order_total: 100_000_000_000_000_860 }).where("id", "=", unsafe).execute();
    await db.write.updateTable("order_items").set({ quantity: 1_000_000, unit_price: 100_000_000_000 }).where("order_id", "=", unsafe).execute();
    await db.write.updateTable("orders").set({ order_total: 1e20, amount_paid: 1e20 }).where("id", "=", overflow).execute();

    const listed = await api.listOrders();
    expect(listed.status).toBe(200);
    expect(listed.json.orders.map((order: { orderNumber: string }) => order.orderNumber).sort()).toEqual(["OVERFLOW-1", "UNSAFE-1"]);
    expect((await api.getOrder(unsafe)).status).toBe(200);

    const page = await getOrdersPage(workspaceId, orderListQuerySchema.parse({ status: "all" }), "UTC");
    expect(page.total).toBe(2);
    await expect(getOrderOrThrow(workspaceId, overflow)).resolves.toBeTruthy();

    const { batches } = await listOrdersForExport(workspaceId, orderListQuerySchema.parse({ status: "all" }), "UTC");
    const rows: string[][] = [];
    for await (const batch of batches) rows.push(...ordersToExportRows(batch));
    expect(rows.length).toBeGreaterThanOrEqual(2);

    // An action re-checks the order: a 400 naming the stored field out of range, never a 500.
    const hold = await api.holdUntil({ orderId: unsafe, holdUntilDate: "2036-07-10" });
    expect(hold.status).toBe(400);
    expect(JSON.stringify(hold.json)).toMatch(/orderTotal|items\.0\.unitPrice/);

    expect((await api.deleteOrder(unsafe)).status).toBe(200);
    expect((await api.deleteOrder(overflow)).status).toBe(200);
    expect((await api.listOrders()).json.total).toBe(0);
  });
});
