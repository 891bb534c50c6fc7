import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { connectorFor } from "@/lib/connectors/registry";
import { applyCsvChunkFromBody } from "@/lib/csv/chunk-worker";
import { startCsvImport } from "@/lib/csv/csv-imports";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import type { FieldKey } from "@/lib/csv/fields";
import { importStore } from "@/lib/imports/import-store";
import { runImportTick } from "@/lib/imports/import-tick";
import { createStore } from "@/lib/stores/manage-stores";
import { startShopifyFake, type ShopifyFake } from "../fakes/shopify/server";
import { callRoute, createApiCredentials } from "../helpers/api";
import { useTestDatabase } from "../helpers/database";
import { createMerchant } from "../helpers/workspaces";
import { inputsPerSurface } from "./mutate";
import { recordSurface } from "./record";

useTestDatabase();

/** Orders every writer touches, by the same keys in the same store. */
const KEYS = Math.round(inputsPerSurface() / 4);
const HEADERS = ["Order Number", "Order Date", "Ship To - Name", "Ship To - Address 1", "Ship To - City", "Ship To - Postal Code", "Ship To - Country", "Notes", "Item - Name", "Item - Qty"];
const MAPPING: Record<number, FieldKey> = { 0: "orderNumber", 1: "orderDate", 2: "shipTo.name", 3: "shipTo.street1", 4: "shipTo.city", 5: "shipTo.postalCode", 6: "shipTo.country", 7: "customerNotes", 8: "item.name", 9: "item.quantity" };
const OPTIONS = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep", decimalComma: false } as const;
const key = (i: number) => `OV-${i}`;

function apiOrder(i: number, note: string) {
  return {
    orderNumber: key(i), orderKey: key(i), orderDate: "2026-11-05T10:00:00", orderStatus: "awaiting_shipment", customerNotes: note,
    billTo: { name: "Ada" }, shipTo: { name: "Ada", street1: "1 Main St", city: "Boston", state: "MA", postalCode: "02134", country: "US" },
    items: [{ name: "Mug", quantity: 1, unitPrice: 10 }],
  };
}

let shop: ShopifyFake;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  process.env.API_RATE_LIMIT_PER_MINUTE = "100000000";
  process.env.API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE = "100000000";
  shop = await startShopifyFake({ startAt: Date.now() - 86_400_000, maxPageSize: 50, bucketSize: 1_000_000 });
  for (let i = 0; i < 150; i++) shop.add({ note: "shop" });
});
afterAll(async () => {
  await shop.close();
  delete process.env.API_RATE_LIMIT_PER_MINUTE;
  delete process.env.API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE;
});

describe("concurrent writers on overlapping orders: no duplicates, no failures, busy never shown", () => {
  it(`createorders from two clients, a CSV import on its own thread, a store import and a cron tick, all at once over ${KEYS} shared keys`, async () => {
    const { workspaceId, manualStoreId } = await createMerchant("Busy Merchant");
    const api = await createApiCredentials(workspaceId);
    const shopStoreId = Number(await createStore(workspaceId, { platform: "shopify", name: "Busy Shop", baseUrl: shop.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } }));
    const { POST: createOrders } = await import("@/app/api/v1/orders/createorders/route");

    const rows = Array.from({ length: KEYS }, (_, i) => [key(i), "11/05/2026", "Ada", "1 Main St", "Boston", "02134", "US", "csv", "Mug", "1"]);
    const { orders, errors } = rowsToOrders(rows, MAPPING, { ...OPTIONS, headers: HEADERS });
    expect(errors).toEqual([]);
    const chunks = Array.from({ length: Math.ceil(orders.length / 50) }, (_, i) => orders.slice(i * 50, i * 50 + 50));
    const { importId } = await startCsvImport(workspaceId, { storeId: manualStoreId, fileName: "busy.csv", options: OPTIONS, mapping: MAPPING, headers: HEADERS, totalChunks: chunks.length, totalRows: rows.length });

    const apiClient = async (note: string) => {
      const answers: { status: number; failed: number }[] = [];
      for (let start = 0; start < KEYS; start += 25) {
        const body = Array.from({ length: Math.min(25, KEYS - start) }, (_, j) => apiOrder(start + j, note));
        const answer = await callRoute(createOrders, "/api/v1/orders/createorders", { method: "POST", authorization: api.authorization, body });
        answers.push({ status: answer.status, failed: (answer.json.results ?? []).filter((result: { success: boolean }) => !result.success).length });
      }
      return answers;
    };
    const csvImport = async () => {
      const outcomes = [];
      for (const [index, chunk] of chunks.entries()) outcomes.push(await applyCsvChunkFromBody(workspaceId, importId, index, JSON.stringify({ orders: chunk }), { actor: "busy-user" }));
      return outcomes;
    };
    const noSleep = async () => undefined;
    const [clientA, clientB, csv, manualImport, tick] = await Promise.all([
      apiClient("api-a"),
      apiClient("api-b"),
      csvImport(),
      importStore(workspaceId, shopStoreId, { trigger: "manual", connector: connectorFor("shopify"), sleep: noSleep }),
      runImportTick({ budgetMs: 30_000, sleep: noSleep }),
    ]);

    // Nothing a merchant or a client would see as a failure; the store import and the tick share one lease.
    const apiFailures = [...clientA, ...clientB].filter((answer) => answer.status !== 200 || answer.failed > 0);
    const csvFailed = csv.reduce((sum, outcome) => sum + outcome.counts.failed, 0);
    expect(apiFailures).toEqual([]);
    expect(csvFailed).toBe(0);
    expect(["succeeded", "busy"]).toContain(manualImport.status);
    expect(tick.failed).toBe(0);

    const manual = await db.read.selectFrom("orders").select(["order_key", "customer_notes"]).where("store_id", "=", manualStoreId).execute();
    const duplicated = manual.length - new Set(manual.map((order) => order.order_key)).size;
    const garbled = manual.filter((order) => !["api-a", "api-b", "csv"].includes(order.customer_notes ?? ""));
    const itemCounts = await db.read
      .selectFrom("order_items")
      .innerJoin("orders", "orders.id", "order_items.order_id")
      .select(["orders.order_key", (eb) => eb.fn.countAll<number>().as("items")])
      .where("orders.store_id", "=", manualStoreId)
      .groupBy("orders.order_key")
      .execute();
    const halfWritten = itemCounts.filter((row) => Number(row.items) !== 1);

    // Whichever ran first, a clean pull leaves the shop's orders in Shipdeck exactly once.
    await importStore(workspaceId, shopStoreId, { trigger: "manual", connector: connectorFor("shopify"), sleep: noSleep });
    const shopOrders = await db.read.selectFrom("orders").select("order_key").where("store_id", "=", shopStoreId).execute();
    const shopLost = shop.orders.all().filter((order) => !shopOrders.some((row) => row.order_key === String(order.id))).length;
    const shopDuplicated = shopOrders.length - new Set(shopOrders.map((row) => row.order_key)).size;

    await recordSurface("concurrent writers", {
      tried: KEYS,
      writers: "2 API clients, CSV import thread, store import, cron tick",
      api_failures: apiFailures.length,
      csv_failed: csvFailed,
      store_import: manualImport.status,
      lost: KEYS - new Set(manual.map((order) => order.order_key)).size + shopLost,
      duplicated: duplicated + shopDuplicated,
      half_written: halfWritten.length + garbled.length,
    });
    expect({ orders: new Set(manual.map((order) => order.order_key)).size, duplicated, garbled: garbled.length, halfWritten: halfWritten.length }).toEqual({ orders: KEYS, duplicated: 0, garbled: 0, halfWritten: 0 });
    expect({ shopLost, shopDuplicated }).toEqual({ shopLost: 0, shopDuplicated: 0 });
  });
});
