import { beforeAll, describe, expect, it } from "vitest";
import { generateOrders } from "@/lib/demo/generate-orders";
import { describeImportRun, startImportRun } from "@/lib/imports/import-runs";
import { importOrders } from "@/lib/orders/import-orders";
import { countOrdersByStatus, listOrders } from "@/lib/orders/list-orders";
import { orderListQuerySchema } from "@/lib/orders/list-query";
import { getOrdersPage } from "@/lib/orders/get-orders-page";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const endAt = Date.UTC(2026, 10, 20);
let merchant: Awaited<ReturnType<typeof createMerchant>>;
let other: Awaited<ReturnType<typeof createMerchant>>;
let firstRun: number;
let secondRun: number;
let firstRunNumbers: string[];
let addedBySecondRun: string[];

beforeAll(async () => {
  merchant = await createMerchant();
  other = await createMerchant("Other");
  const first = [...generateOrders(40, { seed: 3, endAt, spanDays: 10, numberPrefix: "A-" })];
  firstRun = await startImportRun(merchant.workspaceId, merchant.manualStoreId, "csv", "manual", null);
  await importOrders(merchant.workspaceId, merchant.manualStoreId, first, { source: "csv", runId: firstRun });
  firstRunNumbers = first.map((order) => order.orderNumber).sort();
  // A second run re-sends ten of the first run's orders (edited) and adds five: only the five are its creations.
  secondRun = await startImportRun(merchant.workspaceId, merchant.manualStoreId, "csv", "manual", null);
  const again = first.slice(0, 10).map((order) => ({ ...order, customerNotes: "edited" }));
  const added = [...generateOrders(5, { seed: 4, endAt, spanDays: 10, numberPrefix: "B-" })];
  addedBySecondRun = added.map((order) => order.orderNumber).sort();
  const outcomes = await importOrders(merchant.workspaceId, merchant.manualStoreId, [...again, ...added], { source: "csv", runId: secondRun });
  expect(outcomes.filter((outcome) => outcome.outcome === "created")).toHaveLength(5);
  // Orders made outside any run are not any run's.
  await importOrders(merchant.workspaceId, merchant.manualStoreId, [...generateOrders(7, { seed: 5, endAt, spanDays: 10, numberPrefix: "M-" })], { source: "manual" });
});

const view = (run: number, status = "all") => orderListQuerySchema.parse({ status, run: String(run), size: "250" });

describe("the orders an import run created", () => {
  it("lists exactly the orders the run created, not those it updated", async () => {
    const page = await listOrders(merchant.workspaceId, view(firstRun));
    expect(page.orders.map((order) => order.orderNumber).sort()).toEqual(firstRunNumbers);
    const second = await listOrders(merchant.workspaceId, view(secondRun));
    expect(second.orders.map((order) => order.orderNumber).sort()).toEqual(addedBySecondRun);
  });

  it("counts the run's orders by status for the tabs", async () => {
    const counts = await countOrdersByStatus(merchant.workspaceId, { runId: firstRun });
    expect(counts.all).toBe(40);
    const page = await listOrders(merchant.workspaceId, view(firstRun, "awaiting_shipment"));
    expect(page.orders).toHaveLength(counts.awaiting_shipment);
  });

  it("describes the run for the page, and another workspace's run is nobody's here", async () => {
    const data = await getOrdersPage(merchant.workspaceId, view(firstRun), "UTC");
    expect(data.run).toMatchObject({ id: firstRun, kind: "csv", storeId: merchant.manualStoreId });
    expect(data.total).toBe(40);
    expect(await describeImportRun(other.workspaceId, firstRun)).toBeNull();
    const theirs = await getOrdersPage(other.workspaceId, view(firstRun), "UTC");
    expect(theirs.page.orders).toHaveLength(0);
    expect(theirs.counts.all).toBe(0);
    expect(theirs.run).toBeNull();
    expect(theirs.empty).toBe(false);
  });

  it("ignores a run parameter that is not a run number", () => {
    expect(orderListQuerySchema.parse({ run: "abc" }).run).toBeUndefined();
    expect(orderListQuerySchema.parse({ run: "1e400" }).run).toBeUndefined();
  });
});
