import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { applyCsvChunk, getCsvImport, previewCsvOrders, startCsvImport } from "@/lib/csv/csv-imports";
import type { CsvChunkInput, CsvFingerprint } from "@/lib/csv/import-protocol";
import type { FieldKey } from "@/lib/csv/fields";
import { fingerprintCsvGroups, groupCsvRows, rowsToOrders, type CsvOrder } from "@/lib/csv/rows-to-orders";
import { importOrders } from "@/lib/orders/import-orders";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const HEADERS = ["Order Number", "Order Date", "Ship To Name", "Country", "Item", "Qty", "Price"];
const MAPPING: Record<number, FieldKey> = { 0: "orderNumber", 1: "orderDate", 2: "shipTo.name", 3: "shipTo.country", 4: "item.name", 5: "item.quantity", 6: "item.unitPrice" };
const OPTIONS = { timeZone: "America/New_York", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" } as const;
const FILE = [
  ["7001", "11/05/2026", "Grace Hopper", "US", "Mug", "2", "12.50"],
  ["7002", "11/05/2026", "Ada Lovelace", "GB", "Tea", "1", "8.99"],
  ["7001", "", "", "", "Pot", "1", "30"],
];
const by = { actor: "user-1" };

function fingerprintedGroups(rows: string[][], options: typeof OPTIONS = OPTIONS) {
  const { groups } = groupCsvRows(rows, MAPPING, options);
  fingerprintCsvGroups(rows, MAPPING, options, groups);
  return groups;
}

const fingerprints = (rows: string[][]) =>
  fingerprintedGroups(rows).map((group) => ({ orderNumber: group.number!, digest: group.digest!, rowNumbers: group.rows.map((index) => index + 2) }));

async function importFile(workspaceId: string, storeId: number, orders: unknown[]) {
  const { importId } = await startCsvImport(workspaceId, { storeId, fileName: "orders.csv", options: OPTIONS, mapping: MAPPING, headers: HEADERS, totalChunks: 1, totalRows: 3 });
  return { importId, outcome: await applyCsvChunk(workspaceId, importId, 0, { orders } as CsvChunkInput, by) };
}

/** Which of these orders the store has as their rows last imported them: the page asks a preview of them by fingerprint. */
async function unchangedOf(workspaceId: string, storeId: number, orders: CsvFingerprint[]): Promise<string[]> {
  const { results } = await previewCsvOrders(workspaceId, { storeId, orders }, by);
  return results.filter((result) => result.outcome === "unchanged").map((result) => result.orderNumber).sort();
}

async function firstImport() {
  const merchant = await createMerchant();
  const { orders } = rowsToOrders(FILE, MAPPING, { ...OPTIONS, headers: HEADERS });
  await importFile(merchant.workspaceId, merchant.manualStoreId, JSON.parse(JSON.stringify(orders)) as CsvOrder[]);
  return merchant;
}


describe("CSV re-import by fingerprint", () => {
  it("finds the orders whose rows are as they last imported them, and answers those unchanged without reading them", async () => {
    const { workspaceId, manualStoreId } = await firstImport();
    const before = await db.read.selectFrom("orders").select(["order_number", "modified_at"]).where("store_id", "=", manualStoreId).orderBy("id").execute();

    const known = fingerprints(FILE);
    expect(await unchangedOf(workspaceId, manualStoreId, known)).toEqual(["7001", "7002"]);

    const { importId, outcome } = await importFile(workspaceId, manualStoreId, known);
    expect(outcome).toMatchObject({ counts: { created: 0, updated: 0, unchanged: 2, skipped: 0, failed: 0 }, results: [] });
    expect((await getCsvImport(workspaceId, importId)).counts).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0, failed: 0 });
    const run = await db.read.selectFrom("import_runs").selectAll().where("id", "=", (await db.read.selectFrom("csv_imports").select("run_id").where("id", "=", importId).executeTakeFirstOrThrow()).run_id).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ fetched: 2, unchanged: 2, created: 0, failed: 0 });
    expect(await db.read.selectFrom("orders").select(["order_number", "modified_at"]).where("store_id", "=", manualStoreId).orderBy("id").execute()).toEqual(before);
    expect((await previewCsvOrders(workspaceId, { storeId: manualStoreId, orders: known }, by)).unchanged).toBe(2);
  });

  it("does not find an order whose rows, reading options or stored order changed, or that is cancelled", async () => {
    const { workspaceId, manualStoreId } = await firstImport();
    const ask = async (rows: string[][], options: typeof OPTIONS | { [K in keyof typeof OPTIONS]: string } = OPTIONS) => {
      const groups = fingerprintedGroups(rows, options as typeof OPTIONS);
      return unchangedOf(workspaceId, manualStoreId, groups.map((group) => ({ orderNumber: group.number!, digest: group.digest!, rowNumbers: [2] })));
    };
    expect(await ask([FILE[0], FILE[1], FILE[2].with(5, "3")])).toEqual(["7002"]);
    expect(await ask(FILE, { ...OPTIONS, timeZone: "UTC" })).toEqual([]);

    // The merchant edits 7002 in Shipdeck; a later import of the file must put its rows back.
    const [stored] = await db.read.selectFrom("orders").select(["order_key", "order_date"]).where("order_number", "=", "7002").execute();
    await importOrders(workspaceId, manualStoreId, [{ orderKey: stored.order_key, orderNumber: "7002", orderDate: stored.order_date, status: "on_hold" }], { source: "manual" });
    expect(await ask(FILE)).toEqual(["7001"]);

    await importOrders(workspaceId, manualStoreId, [{ orderKey: "7001", orderNumber: "7001", orderDate: stored.order_date, status: "cancelled" }], { source: "manual" });
    expect(await ask(FILE)).toEqual([]);
  });

  it("fails an order sent by fingerprint that changed since the browser asked, writing nothing for it", async () => {
    const { workspaceId, manualStoreId } = await firstImport();
    const known = fingerprints(FILE);
    const [stored] = await db.read.selectFrom("orders").select("order_date").where("order_number", "=", "7002").execute();
    await importOrders(workspaceId, manualStoreId, [{ orderKey: "7002", orderNumber: "7002", orderDate: stored.order_date, status: "on_hold" }], { source: "manual" });
    const changed = await db.read.selectFrom("orders").selectAll().where("order_number", "=", "7002").executeTakeFirstOrThrow();

    const { outcome } = await importFile(workspaceId, manualStoreId, known);
    expect(outcome.counts).toMatchObject({ unchanged: 1, failed: 1 });
    expect(outcome.results).toHaveLength(1);
    expect(outcome.results[0]).toEqual({ orderNumber: "7002", rowNumbers: [3], outcome: "failed", reason: expect.stringContaining("changed in Shipdeck") });
    expect(await db.read.selectFrom("orders").selectAll().where("order_number", "=", "7002").executeTakeFirstOrThrow()).toEqual(changed);
  });

  it("answers only for the workspace's own stores, and checks what it is asked", async () => {
    const { workspaceId, manualStoreId } = await firstImport();
    const other = await createMerchant("Other Merchant");
    const orders = fingerprints(FILE);
    expect((await rejection(unchangedOf(other.workspaceId, manualStoreId, orders))).code).toBe("not_found");
    expect(await unchangedOf(other.workspaceId, other.manualStoreId, orders)).toEqual([]);

    const tooMany = await rejection(unchangedOf(workspaceId, manualStoreId, Array.from({ length: 5001 }, () => orders[0])));
    expect(tooMany.fieldErrors).toHaveProperty("orders");
    const badDigest = await rejection(unchangedOf(workspaceId, manualStoreId, [{ orderNumber: "7001", digest: "sha1:abc", rowNumbers: [2] }]));
    expect(badDigest.message).toMatch(/orders\.0/);
  });
});
