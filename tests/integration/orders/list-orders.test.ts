import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { generateOrders } from "@/lib/demo/generate-orders";
import { importOrders } from "@/lib/orders/import-orders";
import { buildOrderListQuery, countOrdersByStatus, listOrders } from "@/lib/orders/list-orders";
import { orderListQuerySchema, type OrderListQuery } from "@/lib/orders/list-query";
import { useTestDatabase } from "../../helpers/database";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const view = (overrides: Partial<Record<keyof OrderListQuery, unknown>> = {}) => orderListQuerySchema.parse(overrides);
let merchant: Awaited<ReturnType<typeof createMerchant>>;
let other: Awaited<ReturnType<typeof createMerchant>>;
let secondStoreId: number;
const endAt = Date.UTC(2026, 10, 20);

beforeAll(async () => {
  merchant = await createMerchant();
  other = await createMerchant("Other");
  const store = await db.write
    .insertInto("stores")
    .values({ workspace_id: merchant.workspaceId, platform: "shopify", name: "Shopify", created_at: 0, modified_at: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();
  secondStoreId = store.id;
  await importOrders(merchant.workspaceId, merchant.manualStoreId, [...generateOrders(300, { seed: 7, endAt, spanDays: 30, numberPrefix: "M-" })], { source: "test" });
  await importOrders(merchant.workspaceId, secondStoreId, [...generateOrders(200, { seed: 8, endAt, spanDays: 30, numberPrefix: "S-" })], { source: "test" });
  await importOrders(other.workspaceId, other.manualStoreId, [...generateOrders(100, { seed: 9, endAt, spanDays: 30, numberPrefix: "M-" })], { source: "test" });
});

async function allOrderRows() {
  return db.read.selectFrom("orders").selectAll().where("workspace_id", "=", merchant.workspaceId).execute();
}

describe("listOrders", () => {
  it("shows the default tab, awaiting shipment, newest order date first", async () => {
    const page = await listOrders(merchant.workspaceId, view());
    const expected = (await allOrderRows()).filter((row) => row.status === "awaiting_shipment").sort((a, b) => b.order_date - a.order_date || b.id - a.id);
    expect(page.orders.map((order) => order.id)).toEqual(expected.slice(0, 50).map((row) => row.id));
    expect(page.prevCursor).toBeNull();
    expect(page.nextCursor).not.toBeNull();
  });

  it("never shows another workspace's orders", async () => {
    const page = await listOrders(merchant.workspaceId, view({ status: "all", size: 500 }));
    expect(page.orders).toHaveLength(500);
    const otherIds = new Set((await db.read.selectFrom("orders").select("id").where("workspace_id", "=", other.workspaceId).execute()).map((row) => row.id));
    expect(page.orders.some((order) => otherIds.has(order.id))).toBe(false);
    const otherStore = await listOrders(merchant.workspaceId, view({ status: "all", store: other.manualStoreId }));
    expect(otherStore.orders).toEqual([]);
  });

  it("walks every order of a tab by keyset, forward and back, without gaps or repeats", async () => {
    const query = view({ status: "all", size: 50, sort: "modified_at", dir: "asc" });
    const seen: number[] = [];
    const pages: string[][] = [];
    let page = await listOrders(merchant.workspaceId, query);
    for (;;) {
      seen.push(...page.orders.map((order) => order.id));
      pages.push(page.orders.map((order) => order.orderNumber));
      if (!page.nextCursor) break;
      page = await listOrders(merchant.workspaceId, { ...query, after: page.nextCursor });
    }
    expect(seen).toHaveLength(500);
    expect(new Set(seen).size).toBe(500);
    const back = await listOrders(merchant.workspaceId, { ...query, before: page.prevCursor! });
    expect(back.orders.map((order) => order.orderNumber)).toEqual(pages.at(-2));
  });

  it("filters by store, dates in the merchant's zone, and sorts ascending", async () => {
    const storePage = await listOrders(merchant.workspaceId, view({ status: "all", store: secondStoreId, size: 500 }));
    expect(storePage.orders).toHaveLength(200);
    expect(storePage.orders.every((order) => order.storeId === secondStoreId)).toBe(true);

    const zone = "America/New_York";
    const ranged = await listOrders(merchant.workspaceId, view({ status: "all", from: "2026-11-10", to: "2026-11-12", dir: "asc", size: 500 }), zone);
    const start = Date.UTC(2026, 10, 10, 5); // midnight in New York (EST, UTC−5)
    const end = Date.UTC(2026, 10, 13, 5);
    const expected = (await allOrderRows()).filter((row) => row.order_date >= start && row.order_date < end);
    expect(ranged.orders.map((order) => order.id).sort()).toEqual(expected.map((row) => row.id).sort());
    const dates = ranged.orders.map((order) => order.orderDate);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it("searches order-number prefixes, names, emails, SKUs and item words", async () => {
    const rows = await allOrderRows();
    const byPrefix = await listOrders(merchant.workspaceId, view({ status: "all", q: "S-1000", size: 500 }));
    expect(byPrefix.orders.map((order) => order.orderNumber).sort()).toEqual(rows.filter((row) => row.order_number.startsWith("S-1000")).map((row) => row.order_number).sort());

    const sample = rows.find((row) => row.ship_to_name?.includes(" "))!;
    const lastName = sample.ship_to_name!.split(" ")[1];
    const byName = await listOrders(merchant.workspaceId, view({ status: "all", q: lastName.toLowerCase(), size: 500 }));
    expect(byName.orders.length).toBeGreaterThan(0);
    expect(byName.orders.every((order) => order.recipient?.includes(lastName))).toBe(true);

    const byEmail = await listOrders(merchant.workspaceId, view({ status: "all", q: sample.customer_email!, size: 500 }));
    expect(byEmail.orders.map((order) => order.id)).toContain(sample.id);

    const bySku = await listOrders(merchant.workspaceId, view({ status: "all", q: "HOOD-GRY", size: 500 }));
    const withHoodie = await db.read.selectFrom("order_items").innerJoin("orders", "orders.id", "order_items.order_id").select("orders.id").distinct()
      .where("order_items.sku", "=", "HOOD-GRY-L").where("orders.workspace_id", "=", merchant.workspaceId).execute();
    expect(bySku.orders.map((order) => order.id).sort()).toEqual(withHoodie.map((row) => row.id).sort());

    const byWords = await listOrders(merchant.workspaceId, view({ status: "all", q: "wool throw", size: 500 }));
    expect(byWords.orders.length).toBeGreaterThan(0);
    const noMatch = await listOrders(merchant.workspaceId, view({ status: "all", q: 'zzz" OR "a' }));
    expect(noMatch.orders).toEqual([]);
  });

  it("finds the same orders whether a search starts from its matches or from the sort index", async () => {
    const sample = (await allOrderRows())[0];
    for (const q of [sample.ship_to_name!.split(" ")[1], "M-100", "mug", sample.customer_email!]) {
      const query = view({ status: "all", q, size: 500, sort: "created_at" });
      const fromMatches = await buildOrderListQuery(merchant.workspaceId, query, "UTC", { searchFirst: true }).execute();
      const fromIndex = await buildOrderListQuery(merchant.workspaceId, query, "UTC", { searchFirst: false }).execute();
      expect(fromMatches.length).toBeGreaterThan(0);
      expect(fromMatches.map((row) => row.id)).toEqual(fromIndex.map((row) => row.id));
    }
  });

  it("finds an order number with or without its leading #, whichever way it was stored", async () => {
    const { workspaceId, manualStoreId } = await createMerchant("Hash");
    const [shopify, typed] = await importOrders(workspaceId, manualStoreId, [buildOrder({ orderNumber: "#2001" }), buildOrder({ orderNumber: "3001" })], { source: "test" });
    for (const [q, expected] of [["2001", shopify.orderId], ["#2001", shopify.orderId], ["#200", shopify.orderId], ["3001", typed.orderId], ["#3001", typed.orderId]] as const) {
      for (const searchFirst of [true, false]) {
        const rows = await buildOrderListQuery(workspaceId, view({ status: "all", q }), "UTC", { searchFirst }).execute();
        expect(rows.map((row) => row.id), `${q}, searchFirst=${searchFirst}`).toEqual([expected]);
      }
    }
    const bare = await listOrders(workspaceId, view({ status: "all", q: "#" }));
    expect(bare.orders.map((order) => order.id)).toEqual([shopify.orderId]);
  });

  it("summarises each order's items", async () => {
    const page = await listOrders(merchant.workspaceId, view({ status: "all", size: 50 }));
    const order = page.orders[0];
    const items = await db.read.selectFrom("order_items").selectAll().where("order_id", "=", order.id).orderBy("position").execute();
    expect(order.itemLines).toBe(items.length);
    expect(order.itemUnits).toBe(items.reduce((sum, item) => sum + item.quantity, 0));
    expect(order.firstItemName).toBe(items[0].name);
  });
});

describe("countOrdersByStatus", () => {
  it("counts every tab from the counters, for the workspace or one store", async () => {
    const rows = await allOrderRows();
    const counts = await countOrdersByStatus(merchant.workspaceId);
    expect(counts.all).toBe(500);
    for (const status of ["awaiting_payment", "awaiting_shipment", "pending_fulfillment", "on_hold", "shipped", "cancelled"] as const) {
      expect(counts[status]).toBe(rows.filter((row) => row.status === status).length);
    }
    expect((await countOrdersByStatus(merchant.workspaceId, { storeId: secondStoreId })).all).toBe(200);
    expect((await countOrdersByStatus(merchant.workspaceId, { storeId: other.manualStoreId })).all).toBe(0);
  });
});
