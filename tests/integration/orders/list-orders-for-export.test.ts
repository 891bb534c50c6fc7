import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { parseCsvText } from "@/lib/csv/parse";
import { EXPORT_MAPPING, ordersToExportRows, ORDERS_EXPORT_COLUMNS } from "@/lib/csv/export-orders";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import { toCsv } from "@/lib/csv/write-csv";
import { generateOrders } from "@/lib/demo/generate-orders";
import { importOrders } from "@/lib/orders/import-orders";
import { listOrdersForExport, listSelectedOrdersForExport } from "@/lib/orders/list-orders-for-export";
import { orderListQuerySchema, type OrderListQuery } from "@/lib/orders/list-query";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const view = (overrides: Partial<Record<keyof OrderListQuery, unknown>> = {}) => orderListQuerySchema.parse(overrides);
let merchant: Awaited<ReturnType<typeof createMerchant>>;
let other: Awaited<ReturnType<typeof createMerchant>>;
const endAt = Date.UTC(2026, 10, 20);

beforeAll(async () => {
  merchant = await createMerchant();
  other = await createMerchant("Other");
  await importOrders(merchant.workspaceId, merchant.manualStoreId, [...generateOrders(1200, { seed: 11, endAt, spanDays: 30, numberPrefix: "X-" })], { source: "test" });
  await importOrders(other.workspaceId, other.manualStoreId, [...generateOrders(50, { seed: 12, endAt, spanDays: 30, numberPrefix: "X-" })], { source: "test" });
});

async function exported(query: OrderListQuery, max?: number) {
  const { truncated, batches } = await listOrdersForExport(merchant.workspaceId, query, "UTC", max === undefined ? {} : { max });
  const orders = [];
  const sizes: number[] = [];
  for await (const batch of batches) {
    sizes.push(batch.length);
    orders.push(...batch);
  }
  return { truncated, orders, sizes };
}

describe("listOrdersForExport", () => {
  it("walks the whole view in the list's order, batch by batch, with every order's items", async () => {
    const { truncated, orders, sizes } = await exported(view({ status: "all", sort: "created_at", dir: "asc" }));
    const expected = await db.read.selectFrom("orders").select(["id", "created_at"]).where("workspace_id", "=", merchant.workspaceId).execute();
    expected.sort((a, b) => a.created_at - b.created_at || a.id - b.id);
    expect(truncated).toBe(false);
    expect(sizes).toEqual([500, 500, 200]);
    expect(orders.map((order) => order.row.id)).toEqual(expected.map((row) => row.id));
    const items = await db.read.selectFrom("order_items").select("order_id").where("order_id", "=", orders[0].row.id).execute();
    expect(orders[0].items).toHaveLength(items.length);
  });

  it("keeps the view's filters, and never another workspace's orders", async () => {
    const { orders } = await exported(view({ status: "on_hold" }));
    const expected = await db.read.selectFrom("orders").select("id").where("workspace_id", "=", merchant.workspaceId).where("status", "=", "on_hold").execute();
    expect(orders).toHaveLength(expected.length);
    expect(orders.every((order) => order.row.status === "on_hold" && order.row.workspace_id === merchant.workspaceId)).toBe(true);
  });

  it("stops at the cap and says the view had more", async () => {
    const { truncated, orders } = await exported(view({ status: "all" }), 700);
    expect(truncated).toBe(true);
    expect(orders).toHaveLength(700);
    expect((await exported(view({ status: "all" }), 1200)).truncated).toBe(false);
  });

  it("writes a file that reads back as the same orders", async () => {
    const { orders } = await exported(view({ status: "all", q: "X-1" }));
    expect(orders.length).toBeGreaterThan(0);
    const parsed = parseCsvText(toCsv([ORDERS_EXPORT_COLUMNS, ...ordersToExportRows(orders)]));
    const read = rowsToOrders(parsed.rows, EXPORT_MAPPING, { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep", rowNumbers: parsed.rowNumbers });
    expect(read.errors).toEqual([]);
    expect(read.orders.map((order) => order.order.orderNumber)).toEqual(orders.map((order) => order.row.order_number));
  });
});

describe("listSelectedOrdersForExport", () => {
  it("exports the picked orders in the order picked, with items, and never another workspace's", async () => {
    const mine = await db.read.selectFrom("orders").select("id").where("workspace_id", "=", merchant.workspaceId).orderBy("id").limit(3).execute();
    const theirs = await db.read.selectFrom("orders").select("id").where("workspace_id", "=", other.workspaceId).limit(1).executeTakeFirstOrThrow();
    const picked = [mine[2].id, theirs.id, mine[0].id];
    const { truncated, batches } = await listSelectedOrdersForExport(merchant.workspaceId, picked);
    const orders = [];
    for await (const batch of batches) orders.push(...batch);
    expect(truncated).toBe(false);
    expect(orders.map((order) => order.row.id)).toEqual([mine[2].id, mine[0].id]);
    expect(orders.every((order) => order.items.length > 0)).toBe(true);
  });
});
