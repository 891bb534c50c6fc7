import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { apiClient, createApiCredentials, orderBody, type ApiClient } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

interface Listed {
  orderId: number;
  orderNumber: string;
  orderKey: string;
  orderStatus: string;
}

let api: ApiClient;
let manualStoreId: number;
let webShopId: number;
/** orderKey → orderId of the fixture's orders. */
const ids = new Map<string, number>();

const hour = 3_600_000;
/** created_at / modified_at of the fixture, in UTC: set directly so the date filters have known values. */
const BASE = Date.UTC(2026, 7, 10, 12, 0, 0); // 2026-08-10 05:00 in Los Angeles

/** The order keys a list answer holds, in its order. */
function keysOf(response: { json: { orders: Listed[] } }): string[] {
  return response.json.orders.map((order) => order.orderKey);
}

async function list(query: Record<string, string | number>) {
  const response = await api.listOrders(query);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response;
}

beforeAll(async () => {
  const merchant = await createMerchant();
  manualStoreId = merchant.manualStoreId;
  const now = Date.now();
  webShopId = (
    await db.write
      .insertInto("stores")
      .values({ workspace_id: merchant.workspaceId, platform: "custom_store", name: "Web shop", auto_import: 0, created_at: now, modified_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  api = apiClient((await createApiCredentials(merchant.workspaceId)).authorization);

  // Another merchant's orders never show up here.
  const other = await createMerchant("Other merchant");
  const otherApi = apiClient((await createApiCredentials(other.workspaceId)).authorization);
  await otherApi.createOrders([orderBody({ orderKey: "other-1", orderNumber: "A-100-OTHER", shipTo: { name: "Grace Hopper" } })]);

  const fixture = [
    orderBody({
      orderKey: "grace", orderNumber: "A-100", orderStatus: "awaiting_shipment",
      orderDate: "2026-07-01 10:00:00", paymentDate: "2026-07-01 10:05:00",
      billTo: { name: "Grace Hopper" }, shipTo: { name: "Grace Hopper", country: "US" },
      items: [{ sku: "MUG-BLUE", name: "Blue enamel mug", quantity: 1, unitPrice: 12.5 }],
    }),
    orderBody({
      orderKey: "alan", orderNumber: "A-101", orderStatus: "awaiting_payment",
      orderDate: "2026-07-02 10:00:00", paymentDate: null,
      customerUsername: "aturing", customerEmail: "alan@example.com",
      billTo: { name: "Alan Turing" }, shipTo: { name: "Alan Turing", country: "GB" },
      items: [{ sku: "ROTOR-1", name: "Enigma rotor", quantity: 3, unitPrice: 99 }],
    }),
    orderBody({
      orderKey: "ada", orderNumber: "B-200", orderStatus: "on_hold",
      orderDate: "2026-07-03 10:00:00", paymentDate: "2026-07-03 09:00:00",
      customerUsername: "ada", customerEmail: "ada@example.com",
      billTo: { name: "Ada Lovelace" }, shipTo: { name: "Ada Lovelace", company: "Analytical Engines", country: "GB" },
      items: [{ sku: "TEA-EARL", name: "Earl Grey tea", quantity: 2, unitPrice: 8.99 }],
      advancedOptions: { storeId: null },
    }),
    orderBody({
      orderKey: "katherine", orderNumber: "A-1000", orderStatus: "cancelled",
      orderDate: "2026-06-30 23:30:00", paymentDate: "2026-06-30 23:45:00",
      customerUsername: "kjohnson", customerEmail: "katherine@example.com",
      billTo: { name: "Katherine Johnson" }, shipTo: { name: "Katherine Johnson", country: "US" },
      items: [{ sku: "SLIDE-RULE", name: "Slide rule", quantity: 1, unitPrice: 30 }],
    }),
    orderBody({
      orderKey: "dorothy", orderNumber: "C-300", orderStatus: "awaiting_shipment",
      orderDate: "2026-07-04 08:00:00", paymentDate: "2026-07-04 08:01:00",
      customerUsername: "dvaughan", customerEmail: "dorothy@example.com",
      billTo: { name: "Dorothy Vaughan" }, shipTo: { name: "Dorothy Vaughan", country: "US" },
      items: [{ sku: "FORTRAN-BOOK", name: "FORTRAN manual", quantity: 1, unitPrice: 15 }],
      advancedOptions: { storeId: null },
    }),
    orderBody({ orderKey: "deleted", orderNumber: "A-102", orderDate: "2026-07-02 12:00:00", shipTo: { name: "Grace Hopper" } }),
  ];
  // Two orders in the web shop.
  (fixture[2].advancedOptions as Record<string, unknown>).storeId = webShopId;
  (fixture[4].advancedOptions as Record<string, unknown>).storeId = webShopId;
  const created = await api.createOrders(fixture);
  expect(created.json.hasErrors).toBe(false);
  for (const result of created.json.results) ids.set(result.orderKey, result.orderId);

  // Created an hour apart in fixture order; modified in the reverse order.
  const keys = ["grace", "alan", "ada", "katherine", "dorothy", "deleted"];
  for (const [i, key] of keys.entries()) {
    await db.write
      .updateTable("orders")
      .set({ created_at: BASE + i * hour, modified_at: BASE + (10 - i) * hour })
      .where("id", "=", ids.get(key)!)
      .execute();
  }
  expect((await api.deleteOrder(ids.get("deleted")!)).status).toBe(200);
  await db.write.updateTable("orders").set({ modified_at: BASE + 10 * hour }).where("id", "=", ids.get("deleted")!).execute();
});

describe("GET /orders", () => {
  it("lists the workspace's orders, not deleted ones nor another workspace's, with total, page and pages", async () => {
    const response = await list({});
    expect(keysOf(response).sort()).toEqual(["ada", "alan", "dorothy", "grace", "katherine"]);
    expect(response.json).toMatchObject({ total: 5, page: 1, pages: 1 });
    // Each order is whole, in ShipStation's shape.
    const grace = response.json.orders.find((order: Listed) => order.orderKey === "grace");
    expect(grace).toEqual((await api.getOrder(ids.get("grace")!)).json);
  });

  it("filters by orderStatus", async () => {
    expect(keysOf(await list({ orderStatus: "awaiting_shipment" })).sort()).toEqual(["dorothy", "grace"]);
    expect(keysOf(await list({ orderStatus: "awaiting_payment" }))).toEqual(["alan"]);
    expect(keysOf(await list({ orderStatus: "on_hold" }))).toEqual(["ada"]);
    expect(keysOf(await list({ orderStatus: "cancelled" }))).toEqual(["katherine"]);
    expect(keysOf(await list({ orderStatus: "shipped" }))).toEqual([]);
    const unknown = await api.listOrders({ orderStatus: "lost" });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.json.fieldErrors)).toEqual(["orderStatus"]);
  });

  it("filters by storeId", async () => {
    expect(keysOf(await list({ storeId: webShopId })).sort()).toEqual(["ada", "dorothy"]);
    expect(keysOf(await list({ storeId: manualStoreId })).sort()).toEqual(["alan", "grace", "katherine"]);
    expect((await list({ storeId: 987_654 })).json).toMatchObject({ orders: [], total: 0, pages: 0 });
  });

  it("filters by orderNumber, matching the start of the number", async () => {
    expect(keysOf(await list({ orderNumber: "A-100" })).sort()).toEqual(["grace", "katherine"]);
    expect(keysOf(await list({ orderNumber: "A-1000" }))).toEqual(["katherine"]);
    expect(keysOf(await list({ orderNumber: "A-" })).sort()).toEqual(["alan", "grace", "katherine"]);
    expect(keysOf(await list({ orderNumber: "100" }))).toEqual([]);
    expect(keysOf(await list({ orderNumber: "A-102" }))).toEqual([]);
    expect(keysOf(await list({ orderNumber: "a-1000" }))).toEqual(["katherine"]);
  });

  it("filters by customerName", async () => {
    expect(keysOf(await list({ customerName: "Grace Hopper" }))).toEqual(["grace"]);
    expect(keysOf(await list({ customerName: "lovelace" }))).toEqual(["ada"]);
    expect(keysOf(await list({ customerName: "Kath" }))).toEqual(["katherine"]);
    expect(keysOf(await list({ customerName: "Nobody" }))).toEqual([]);
    // A word of an item is not a customer's name, and a name is not an item keyword.
    expect(keysOf(await list({ customerName: "mug" }))).toEqual([]);
    expect(keysOf(await list({ itemKeyword: "grace" }))).toEqual([]);
  });

  it("filters by itemKeyword, in SKUs and item names", async () => {
    expect(keysOf(await list({ itemKeyword: "rotor" }))).toEqual(["alan"]);
    expect(keysOf(await list({ itemKeyword: "TEA-EARL" }))).toEqual(["ada"]);
    expect(keysOf(await list({ itemKeyword: "fortran" }))).toEqual(["dorothy"]);
    expect(keysOf(await list({ itemKeyword: "spaceship" }))).toEqual([]);
  });

  it("filters by orderDate, reading dates without an offset in the API time zone, both ends included", async () => {
    // 2026-07-01 00:00 in Los Angeles is 07:00Z: Katherine's 2026-06-30 23:30 is before it.
    expect(keysOf(await list({ orderDateStart: "2026-07-01", orderDateEnd: "2026-07-02 10:00:00", sortBy: "OrderDate" }))).toEqual(["grace", "alan"]);
    expect(keysOf(await list({ orderDateStart: "2026-07-03 10:00:00", sortBy: "OrderDate" }))).toEqual(["ada", "dorothy"]);
    expect(keysOf(await list({ orderDateEnd: "2026-06-30T23:30:00", sortBy: "OrderDate" }))).toEqual(["katherine"]);
    // With an offset, the instant given: Katherine's 2026-06-30 23:30 in Los Angeles is 2026-07-01T06:30Z.
    expect(keysOf(await list({ orderDateStart: "2026-07-01T06:31:00Z", orderDateEnd: "2026-07-01T17:00:00Z" }))).toEqual(["grace"]);
    const bad = await api.listOrders({ orderDateStart: "yesterday" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.fieldErrors)).toEqual(["orderDateStart"]);
  });

  it("filters by paymentDate", async () => {
    expect(keysOf(await list({ paymentDateStart: "2026-07-03 09:00:00", sortBy: "OrderDate" }))).toEqual(["ada", "dorothy"]);
    expect(keysOf(await list({ paymentDateEnd: "2026-07-01 10:05:00", sortBy: "OrderDate" }))).toEqual(["katherine", "grace"]);
    // An order without a payment date is in no payment date range.
    expect(keysOf(await list({ paymentDateStart: "2026-01-01" }))).not.toContain("alan");
  });

  it("filters by createDate and modifyDate", async () => {
    // BASE is 2026-08-10 05:00 in Los Angeles; orders were created an hour apart from then.
    expect(keysOf(await list({ createDateStart: "2026-08-10 06:00:00", createDateEnd: "2026-08-10 07:00:00", sortBy: "CreateDate" }))).toEqual(["alan", "ada"]);
    expect(keysOf(await list({ createDateStart: "2026-08-10T15:00:00Z", sortBy: "CreateDate" }))).toEqual(["katherine", "dorothy"]);
    // Modified in the reverse order: grace at BASE + 10 h (15:00 LA), dorothy at BASE + 6 h (11:00 LA).
    expect(keysOf(await list({ modifyDateStart: "2026-08-10 14:00:00", sortBy: "ModifyDate" }))).toEqual(["alan", "grace"]);
    expect(keysOf(await list({ modifyDateEnd: "2026-08-10 11:00:00" }))).toEqual(["dorothy"]);
  });

  it("combines filters", async () => {
    expect(keysOf(await list({ storeId: manualStoreId, orderStatus: "awaiting_shipment", customerName: "grace", itemKeyword: "mug", orderNumber: "A-1" }))).toEqual(["grace"]);
    expect(keysOf(await list({ storeId: webShopId, customerName: "grace" }))).toEqual([]);
  });

  it("sorts by OrderDate, ModifyDate or CreateDate, either way", async () => {
    expect(keysOf(await list({ sortBy: "OrderDate" }))).toEqual(["katherine", "grace", "alan", "ada", "dorothy"]);
    expect(keysOf(await list({ sortBy: "OrderDate", sortDir: "DESC" }))).toEqual(["dorothy", "ada", "alan", "grace", "katherine"]);
    expect(keysOf(await list({ sortBy: "CreateDate", sortDir: "ASC" }))).toEqual(["grace", "alan", "ada", "katherine", "dorothy"]);
    expect(keysOf(await list({ sortBy: "CreateDate", sortDir: "DESC" }))).toEqual(["dorothy", "katherine", "ada", "alan", "grace"]);
    expect(keysOf(await list({ sortBy: "ModifyDate" }))).toEqual(["dorothy", "katherine", "ada", "alan", "grace"]);
    expect(keysOf(await list({ sortBy: "ModifyDate", sortDir: "DESC" }))).toEqual(["grace", "alan", "ada", "katherine", "dorothy"]);
    for (const query of [{ sortBy: "Total" }, { sortBy: "OrderDate", sortDir: "down" }] as Record<string, string>[]) {
      const response = await api.listOrders(query);
      expect(response.status).toBe(400);
      expect(response.json.code).toBe("invalid_input");
    }
  });

  it("pages with page and pageSize, answering total and pages", async () => {
    const first = await list({ sortBy: "OrderDate", pageSize: 2 });
    const second = await list({ sortBy: "OrderDate", pageSize: 2, page: 2 });
    const third = await list({ sortBy: "OrderDate", pageSize: 2, page: 3 });
    const past = await list({ sortBy: "OrderDate", pageSize: 2, page: 4 });
    expect(keysOf(first)).toEqual(["katherine", "grace"]);
    expect(keysOf(second)).toEqual(["alan", "ada"]);
    expect(keysOf(third)).toEqual(["dorothy"]);
    expect(keysOf(past)).toEqual([]);
    for (const [response, page] of [[first, 1], [second, 2], [third, 3], [past, 4]] as const) {
      expect(response.json).toMatchObject({ total: 5, page, pages: 3 });
    }
    expect((await list({ pageSize: 500 })).json).toMatchObject({ total: 5, pages: 1 });
  });

  it("refuses pageSize 501, and a page or pageSize that is not a positive whole number", async () => {
    const tooBig = await api.listOrders({ pageSize: 501 });
    expect(tooBig.status).toBe(400);
    expect(tooBig.json).toEqual({ message: expect.stringContaining("pageSize"), code: "invalid_input", fieldErrors: { pageSize: [expect.stringContaining("500")] } });
    for (const query of [{ pageSize: 0 }, { pageSize: "ten" }, { page: 0 }, { page: 1.5 }] as Record<string, string | number>[]) {
      const response = await api.listOrders(query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(Object.keys(response.json.fieldErrors)).toEqual(Object.keys(query));
    }
  });
});
