import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { db } from "@/db/database";
import { applyCsvChunk, finishCsvImport, getCsvImport, previewCsvOrders, startCsvImport } from "@/lib/csv/csv-imports";
import type { CsvChunkInput, CsvPreviewInput, StartCsvImportInput } from "@/lib/csv/import-protocol";
import type { FieldKey } from "@/lib/csv/fields";
import { rowsToOrders, type CsvOrder } from "@/lib/csv/rows-to-orders";
import { localize } from "@/lib/i18n/message";
import { createTranslator } from "@/lib/i18n/translate";
import { importOrders } from "@/lib/orders/import-orders";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const HEADERS = ["Order Number", "Order Date", "Email", "Ship To Name", "Address", "City", "State", "Zip", "Country", "Notes", "SKU", "Item", "Qty", "Price"];
const MAPPING: Record<number, FieldKey | null> = {
  0: "orderNumber", 1: "orderDate", 2: "customerEmail", 3: "shipTo.name", 4: "shipTo.street1", 5: "shipTo.city", 6: "shipTo.state",
  7: "shipTo.postalCode", 8: "shipTo.country", 9: "customerNotes", 10: "item.sku", 11: "item.name", 12: "item.quantity", 13: "item.unitPrice",
};
const OPTIONS = { timeZone: "America/New_York", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" } as const;

/** A data row: an order line for `number`, with what the test changes. */
function row(number: string, cells: Partial<Record<"date" | "email" | "name" | "notes" | "sku" | "item" | "qty" | "price", string>> = {}): string[] {
  return [
    number, cells.date ?? "11/05/2026 09:30", cells.email ?? "grace@example.com", cells.name ?? "Grace Hopper", "1 Navy Way", "Arlington", "VA",
    "22201", "US", cells.notes ?? "", cells.sku ?? "MUG-BLUE", cells.item ?? "Blue enamel mug", cells.qty ?? "2", cells.price ?? "12.50",
  ];
}

/** The orders the browser would send for these rows: built by rowsToOrders, then through JSON as fetch sends them. */
function ordersOf(rows: string[][], options: { blankCells?: "keep" | "clear" } = {}): CsvOrder[] {
  const { orders, errors } = rowsToOrders(rows, MAPPING, { ...OPTIONS, ...options, headers: HEADERS });
  expect(errors).toEqual([]);
  return JSON.parse(JSON.stringify(orders)) as CsvOrder[];
}

function chunk(orders: unknown[]): CsvChunkInput {
  return { orders: orders as CsvChunkInput["orders"] };
}

async function start(workspaceId: string, storeId: number, overrides: Partial<StartCsvImportInput> = {}) {
  const { importId } = await startCsvImport(workspaceId, {
    storeId, fileName: "orders.csv", options: OPTIONS, mapping: MAPPING, headers: HEADERS, totalChunks: 1, totalRows: 1, ...overrides,
  });
  return importId;
}

const by = { actor: "user-1" };

async function storeOrders(storeId: number) {
  return db.read.selectFrom("orders").selectAll().where("store_id", "=", storeId).orderBy("id").execute();
}
async function lastOrderNumber(workspaceId: string) {
  return (await db.read.selectFrom("workspaces").select("last_order_number").where("id", "=", workspaceId).executeTakeFirstOrThrow()).last_order_number;
}
async function getCsvImportRun(importId: string) {
  return (await db.read.selectFrom("csv_imports").select("run_id").where("id", "=", importId).executeTakeFirstOrThrow()).run_id;
}

describe("CSV import", () => {
  it("previews what the file would do without writing anything", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    await importOrders(workspaceId, manualStoreId, [buildOrder({ orderKey: "1001", orderNumber: "1001", customerEmail: "old@example.com" })], { source: "manual" });
    const orders = ordersOf([row("1001"), row("1002"), row("AUTO")]);
    const invalid = { ...orders[1], order: { ...orders[1].order, orderNumber: "1003", orderKey: "1003", shipTo: { country: "United States" } }, rowNumbers: [5] };

    const preview = await previewCsvOrders(workspaceId, { storeId: manualStoreId, ...chunk([...orders, invalid]) }, by);

    expect(preview).toMatchObject({ created: 2, updated: 1, unchanged: 0, skipped: 0, failed: 1 });
    expect(preview.results).toEqual([
      { orderNumber: "1001", rowNumbers: [2], outcome: "updated" },
      { orderNumber: "1002", rowNumbers: [3], outcome: "created" },
      { orderNumber: "AUTO", rowNumbers: [4], outcome: "created" },
      { orderNumber: "1003", rowNumbers: [5], outcome: "failed", reason: expect.stringContaining("shipTo.country") },
    ]);
    expect((await storeOrders(manualStoreId)).map((order) => [order.order_number, order.customer_email])).toEqual([["1001", "old@example.com"]]);
    expect(await lastOrderNumber(workspaceId)).toBe(0);
    expect(await db.read.selectFrom("import_errors").selectAll().execute()).toEqual([]);
    // A preview starts no import: nothing is left running when the merchant goes back and previews again.
    expect(await db.read.selectFrom("import_runs").selectAll().where("workspace_id", "=", workspaceId).execute()).toEqual([]);
    expect(await db.read.selectFrom("csv_imports").selectAll().where("workspace_id", "=", workspaceId).execute()).toEqual([]);
  });

  it("imports each chunk into the import's store with its run, and finishing reports how it went", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const importId = await start(workspaceId, manualStoreId, { totalChunks: 2, totalRows: 4 });
    const orders = ordersOf([row("2001"), row("2001", { sku: "TEA", item: "Earl Grey", qty: "1", price: "8.99" }), row("2002"), row("2003")]);

    const first = await applyCsvChunk(workspaceId, importId, 0, chunk(orders.slice(0, 2)), by);
    expect(first).toEqual({
      chunkIndex: 0,
      applied: true,
      counts: { created: 2, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
      // Orders that simply went in are in the counts, not listed one by one.
      results: [],
    });
    expect(await getCsvImport(workspaceId, importId)).toMatchObject({ status: "running", chunksDone: 1, appliedChunks: [0], totalChunks: 2, totalRows: 4 });

    await applyCsvChunk(workspaceId, importId, 1, chunk(orders.slice(2)), by);
    expect(await finishCsvImport(workspaceId, importId)).toEqual({ status: "succeeded", counts: { created: 3, updated: 0, unchanged: 0, skipped: 0, failed: 0 } });

    const stored = await storeOrders(manualStoreId);
    expect(stored.map((order) => order.order_number)).toEqual(["2001", "2002", "2003"]);
    const items = await db.read.selectFrom("order_items").select("sku").where("order_id", "=", stored[0].id).orderBy("position").execute();
    expect(items.map((item) => item.sku)).toEqual(["MUG-BLUE", "TEA"]);
    const summary = await getCsvImport(workspaceId, importId);
    expect(summary).toMatchObject({ status: "succeeded", fileName: "orders.csv", storeId: manualStoreId, chunksDone: 2, counts: { created: 3 } });
    expect(summary.finishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const run = await db.read.selectFrom("import_runs").selectAll().where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ kind: "csv", trigger: "manual", store_id: manualStoreId, status: "succeeded", created: 3 });
    const events = await db.read.selectFrom("order_events").select(["source", "actor", "import_run_id"]).where("order_id", "=", stored[0].id).execute();
    expect(events).toEqual([{ source: "csv", actor: "user-1", import_run_id: run.id }]);
    // Finishing again changes nothing.
    expect((await finishCsvImport(workspaceId, importId)).status).toBe("succeeded");
  });

  it("finishes partial when the browser left rows out, so the import's state after a reload says so", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const importId = await start(workspaceId, manualStoreId, { totalRows: 3, rowsLeftOut: 2 });
    await applyCsvChunk(workspaceId, importId, 0, chunk(ordersOf([row("2101")])), by);
    expect(await finishCsvImport(workspaceId, importId)).toMatchObject({ status: "partial", counts: { created: 1, failed: 0 } });
    expect(await getCsvImport(workspaceId, importId)).toMatchObject({ status: "partial", rowsLeftOut: 2 });
    const run = await db.read.selectFrom("import_runs").select(["status", "error"]).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(run).toEqual({ status: "partial", error: "2 rows of the file could not be read into orders." });

    const nothingRead = await start(workspaceId, manualStoreId, { totalChunks: 0, totalRows: 1, rowsLeftOut: 1 });
    expect((await finishCsvImport(workspaceId, nothingRead)).status).toBe("failed");
  });

  it("keeps each reason a partial import gives as a message of its own, which a French page reads back in French", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const importId = await start(workspaceId, manualStoreId, { totalChunks: 2, totalRows: 4, rowsLeftOut: 2 });
    await applyCsvChunk(workspaceId, importId, 0, chunk(ordersOf([row("2201")])), by);
    expect((await finishCsvImport(workspaceId, importId)).status).toBe("partial");
    const { error } = await db.read.selectFrom("import_runs").select("error").where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(error).toBe("1 of 2 parts of the file were not imported.\n2 rows of the file could not be read into orders.");
    expect(localize(error!, createTranslator("fr"))).toBe(
      "Parties du fichier non importées\u00a0: 1 sur 2.\n2 lignes du fichier n’ont pas pu être lues comme des commandes.",
    );
  });

  it("applies a chunk sent twice once, and the second send gets the stored results", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const importId = await start(workspaceId, manualStoreId, { totalChunks: 2 });
    const orders = chunk(ordersOf([row("3001"), row("AUTO"), row("AUTO")]));

    const first = await applyCsvChunk(workspaceId, importId, 0, orders, by);
    const again = await applyCsvChunk(workspaceId, importId, 0, orders, by);

    expect(first.applied).toBe(true);
    expect(again).toEqual({ ...first, applied: false });
    expect((await storeOrders(manualStoreId)).map((order) => order.order_number)).toEqual(["3001", "1", "2"]);
    expect(await lastOrderNumber(workspaceId)).toBe(2);
    expect((await getCsvImport(workspaceId, importId)).counts.created).toBe(3);
  });

  it("applies a chunk once when two sends of it arrive together", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const importId = await start(workspaceId, manualStoreId);
    const orders = chunk(ordersOf([row("4001"), row("AUTO"), row("AUTO"), row("AUTO")]));

    const answers = await Promise.all([applyCsvChunk(workspaceId, importId, 0, orders, by), applyCsvChunk(workspaceId, importId, 0, orders, by)]);

    expect(answers.map((answer) => answer.applied).sort()).toEqual([false, true]);
    expect(answers[0].results).toEqual(answers[1].results);
    expect(await storeOrders(manualStoreId)).toHaveLength(4);
    expect(await lastOrderNumber(workspaceId)).toBe(3);
    const run = await db.read.selectFrom("import_runs").select(["created", "fetched"]).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(run).toEqual({ created: 4, fetched: 4 });
  });

  it("numbers AUTO orders from the workspace's sequence, passing over numbers already taken", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    // Numbers 1 and 2 of the sequence are taken: one typed in as "2" earlier, one AUTO.
    await importOrders(workspaceId, manualStoreId, [buildOrder({ orderKey: "2", orderNumber: "2" })], { source: "manual" });
    await db.write.updateTable("workspaces").set({ last_order_number: 1 }).where("id", "=", workspaceId).execute();
    const importId = await start(workspaceId, manualStoreId);

    const outcome = await applyCsvChunk(workspaceId, importId, 0, chunk(ordersOf([row("AUTO"), row("AUTO", { email: "ada@example.com" })])), by);

    expect(outcome.results.map((result) => [result.orderNumber, result.outcome])).toEqual([["3", "created"], ["4", "created"]]);
    const stored = await storeOrders(manualStoreId);
    expect(stored.map((order) => [order.order_key, order.order_number, order.customer_email])).toEqual([
      ["2", "2", "grace@example.com"],
      ["3", "3", "grace@example.com"],
      ["4", "4", "ada@example.com"],
    ]);
  });

  it("recognises AUTO rows on a re-import of the same file: no new numbers, nothing changed", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const rows = [row("AUTO"), row("AUTO"), row("AUTO", { email: "ada@example.com" }), row("5001")];
    const first = await applyCsvChunk(workspaceId, await start(workspaceId, manualStoreId), 0, chunk(ordersOf(rows)), by);
    expect(first.counts).toMatchObject({ created: 4 });

    const preview = await previewCsvOrders(workspaceId, { storeId: manualStoreId, ...chunk(ordersOf(rows)) } as CsvPreviewInput, by);
    expect(preview).toMatchObject({ created: 0, unchanged: 4 });
    const again = await applyCsvChunk(workspaceId, await start(workspaceId, manualStoreId), 0, chunk(ordersOf(rows)), by);

    expect(again.counts).toMatchObject({ created: 0, unchanged: 4 });
    expect(again.results.map((result) => result.orderNumber)).toEqual(["1", "2", "3"]);
    expect((await storeOrders(manualStoreId)).map((order) => order.order_number)).toEqual(["1", "2", "3", "5001"]);
    expect(await lastOrderNumber(workspaceId)).toBe(3);

    // A third identical AUTO row is a new order: the file now says three such orders, not two.
    const more = await applyCsvChunk(workspaceId, await start(workspaceId, manualStoreId), 0, chunk(ordersOf([...rows, row("AUTO")])), by);
    expect(more.counts).toMatchObject({ created: 1, unchanged: 4 });
    expect(await lastOrderNumber(workspaceId)).toBe(4);
  });

  it("applies an AUTO row whose order changed in the file since: the same row, edited, is another order", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    await applyCsvChunk(workspaceId, await start(workspaceId, manualStoreId), 0, chunk(ordersOf([row("AUTO")])), by);
    const edited = await applyCsvChunk(workspaceId, await start(workspaceId, manualStoreId), 0, chunk(ordersOf([row("AUTO", { qty: "3" })])), by);
    expect(edited.counts).toMatchObject({ created: 1 });
  });

  it("applies a chunk sent twice at once only once: the second send waits for the first and answers its record", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const importId = await start(workspaceId, manualStoreId);
    const orders = chunk(ordersOf([row("AUTO"), row("L-1")]));

    const [first, second] = await Promise.all([applyCsvChunk(workspaceId, importId, 0, orders, by), applyCsvChunk(workspaceId, importId, 0, orders, by)]);

    expect(first).toMatchObject({ applied: true, counts: { created: 2 }, results: [{ orderNumber: "1", outcome: "created" }] });
    expect(second).toEqual({ ...first, applied: false });
    expect((await storeOrders(manualStoreId)).map((order) => order.order_number).sort()).toEqual(["1", "L-1"]);
    expect(await lastOrderNumber(workspaceId)).toBe(1);
  });

  it("leaves nothing when a send fails part-way, AUTO numbers included, and the next send applies the chunk", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const importId = await start(workspaceId, manualStoreId);
    const orders = chunk(ordersOf([row("AUTO"), row("L-1")]));
    // The writer's connection fails the chunk's INSERT, after the AUTO number was taken in the same transaction.
    await sql`CREATE TEMP TRIGGER refuse_orders BEFORE INSERT ON orders BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`.execute(db.write);
    try {
      await expect(applyCsvChunk(workspaceId, importId, 0, orders, by)).rejects.toThrow("the disk is full");
    } finally {
      await sql`DROP TRIGGER temp.refuse_orders`.execute(db.write);
    }
    expect(await storeOrders(manualStoreId)).toEqual([]);
    expect(await lastOrderNumber(workspaceId)).toBe(0);
    expect((await getCsvImport(workspaceId, importId)).chunksDone).toBe(0);

    expect(await applyCsvChunk(workspaceId, importId, 0, orders, by)).toMatchObject({ applied: true, results: [{ orderNumber: "1", outcome: "created" }] });
  });

  it("refuses a chunk that names another store or workspace, whole, and writes nothing", async () => {
    const merchant = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const secondStore = await db.write
      .insertInto("stores")
      .values({ workspace_id: merchant.workspaceId, platform: "manual", name: "Wholesale", created_at: 0, modified_at: 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const importId = await start(merchant.workspaceId, merchant.manualStoreId);
    const [order, forgedOne] = ordersOf([row("5001"), row("5002")]);
    const forgeries = [
      { orders: [order], storeId: other.manualStoreId },
      { orders: [order, { ...forgedOne, storeId: other.manualStoreId }] },
      { orders: [order, { ...forgedOne, order: { ...forgedOne.order, storeId: secondStore.id } }] },
      { orders: [order, { ...forgedOne, order: { ...forgedOne.order, store_id: other.manualStoreId } }] },
      { orders: [order, { ...forgedOne, order: { ...forgedOne.order, workspaceId: other.workspaceId } }] },
    ];
    for (const forged of forgeries) {
      expect((await rejection(applyCsvChunk(merchant.workspaceId, importId, 0, forged as CsvChunkInput, by))).code).toBe("forbidden");
    }
    // A preview names its store: another workspace's is not found, and its orders cannot name another.
    expect((await rejection(previewCsvOrders(merchant.workspaceId, forgeries[0] as CsvPreviewInput, by))).code).toBe("not_found");
    for (const forged of forgeries.slice(1)) {
      expect((await rejection(previewCsvOrders(merchant.workspaceId, { ...forged, storeId: merchant.manualStoreId } as CsvPreviewInput, by))).code).toBe("forbidden");
    }
    for (const storeId of [merchant.manualStoreId, secondStore.id, other.manualStoreId]) expect(await storeOrders(storeId)).toEqual([]);

    // Naming the import's own store is not a forgery.
    await applyCsvChunk(merchant.workspaceId, importId, 0, { storeId: merchant.manualStoreId, orders: [order] } as CsvChunkInput, by);
    expect((await storeOrders(merchant.manualStoreId)).map((stored) => [stored.order_number, stored.workspace_id])).toEqual([["5001", merchant.workspaceId]]);
  });

  it("keeps each workspace's imports and stores to itself", async () => {
    const merchant = await createMerchant();
    const other = await createMerchant("Other Merchant");
    expect((await rejection(start(merchant.workspaceId, other.manualStoreId))).code).toBe("not_found");

    const importId = await start(merchant.workspaceId, merchant.manualStoreId);
    const orders = chunk(ordersOf([row("6001")]));
    for (const attempt of [
      getCsvImport(other.workspaceId, importId),
      previewCsvOrders(other.workspaceId, { storeId: merchant.manualStoreId, ...orders }, by),
      applyCsvChunk(other.workspaceId, importId, 0, orders, by),
      finishCsvImport(other.workspaceId, importId),
    ]) {
      expect((await rejection(attempt)).code).toBe("not_found");
    }
    expect(await storeOrders(other.manualStoreId)).toEqual([]);
    expect(await storeOrders(merchant.manualStoreId)).toEqual([]);
  });

  it("fails invalid orders one by one with their reasons, imports the rest, and never writes part of an order", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const importId = await start(workspaceId, manualStoreId);
    const [good, badCountry, noDate, badAuto] = ordersOf([row("7001"), row("7002"), row("7003"), row("AUTO")]);
    const orders = [
      good,
      { ...badCountry, order: { ...badCountry.order, shipTo: { ...badCountry.order.shipTo, country: "Narnia" } } },
      { ...noDate, order: { ...noDate.order, orderDate: undefined, items: [{ name: "", quantity: -1, unitPrice: 100 }] } },
      { ...badAuto, order: { ...badAuto.order, currency: "dollars" } },
    ];

    const outcome = await applyCsvChunk(workspaceId, importId, 0, chunk(JSON.parse(JSON.stringify(orders))), by);

    expect(outcome.counts).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 0, failed: 3 });
    expect(outcome.results.map((result) => result.orderNumber)).toEqual(["7002", "7003", "AUTO"]);
    expect(outcome.results[0]).toMatchObject({ orderNumber: "7002", outcome: "failed", reason: expect.stringContaining("shipTo.country: Not a country Shipdeck knows") });
    expect(outcome.results[1].reason).toMatch(/orderDate: .*items\.0\.name: Item name is required.*items\.0\.quantity/);
    expect(outcome.results[2]).toMatchObject({ orderNumber: "AUTO", rowNumbers: [5], outcome: "failed", reason: expect.stringContaining("currency") });
    expect(outcome.results[2].reason).not.toContain("orderKey");

    const stored = await storeOrders(manualStoreId);
    expect(stored.map((order) => order.order_number)).toEqual(["7001"]);
    expect(await db.read.selectFrom("order_events").select("order_id").where("import_run_id", "=", (await getCsvImportRun(importId))).execute()).toEqual([{ order_id: stored[0].id }]);
    // A failing AUTO row does not use up a number.
    expect(await lastOrderNumber(workspaceId)).toBe(0);
    const errors = await db.read.selectFrom("import_errors").select(["ref", "code"]).orderBy("id").execute();
    expect(errors.map((error) => error.ref)).toEqual(["7002", "7003", "AUTO"]);
    expect(await finishCsvImport(workspaceId, importId)).toMatchObject({ status: "partial", counts: { created: 1, failed: 3 } });
  });

  it("leaves an existing order's fields alone where the file's cells are blank and blank cells are kept", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const first = await start(workspaceId, manualStoreId);
    await applyCsvChunk(workspaceId, first, 0, chunk(ordersOf([row("8001", { notes: "Leave at the door" }), row("8002", { notes: "Ring twice" })])), by);

    const keep = await start(workspaceId, manualStoreId);
    const keepOutcome = await applyCsvChunk(workspaceId, keep, 0, chunk(ordersOf([row("8001", { email: "", name: "Grace B. Hopper" })])), by);
    const clear = await start(workspaceId, manualStoreId, { options: { ...OPTIONS, blankCells: "clear" } });
    await applyCsvChunk(workspaceId, clear, 0, chunk(ordersOf([row("8002", { email: "" })], { blankCells: "clear" })), by);

    expect(keepOutcome.counts.updated).toBe(1);
    const [kept, cleared] = await storeOrders(manualStoreId);
    expect(kept).toMatchObject({ ship_to_name: "Grace B. Hopper", customer_email: "grace@example.com", customer_notes: "Leave at the door" });
    expect(cleared).toMatchObject({ customer_email: null, customer_notes: null });
  });

  it("refuses a chunk of more than 1,000 orders to read or 5,000 in all, a chunk the import does not have, and chunks after it finished", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const importId = await start(workspaceId, manualStoreId, { totalChunks: 2 });
    const [order] = ordersOf([row("9001")]);
    const byFingerprint = { orderNumber: "9002", digest: `c1${"0".repeat(32)}`, rowNumbers: [3] };
    const tooManyInAll = await rejection(applyCsvChunk(workspaceId, importId, 0, chunk([order, ...Array.from({ length: 5000 }, () => byFingerprint)]), by));
    expect(tooManyInAll.fieldErrors).toEqual({ orders: [expect.stringContaining("5000")] });

    const tooMany = await rejection(applyCsvChunk(workspaceId, importId, 0, chunk(Array.from({ length: 1001 }, () => order)), by));
    expect(tooMany).toMatchObject({ code: "invalid_input", fieldErrors: { orders: [expect.stringContaining("1000")] } });
    expect((await rejection(previewCsvOrders(workspaceId, { storeId: manualStoreId, ...chunk(Array.from({ length: 1001 }, () => order)) }, by))).code).toBe("invalid_input");
    expect((await rejection(applyCsvChunk(workspaceId, importId, 2, chunk([order]), by))).fieldErrors).toHaveProperty("chunkIndex");
    expect((await rejection(applyCsvChunk(workspaceId, importId, 0, chunk([{ order: "not an order", rowNumbers: [2], auto: false }]), by))).code).toBe("invalid_input");
    expect(await storeOrders(manualStoreId)).toEqual([]);

    await applyCsvChunk(workspaceId, importId, 0, chunk([order]), by);
    // Chunk 1 never arrived: the import is partial, and its run says why.
    expect(await finishCsvImport(workspaceId, importId)).toMatchObject({ status: "partial", counts: { created: 1 } });
    const run = await db.read.selectFrom("import_runs").select(["status", "error"]).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(run).toEqual({ status: "partial", error: "1 of 2 parts of the file were not imported." });
    expect((await rejection(applyCsvChunk(workspaceId, importId, 1, chunk([order]), by))).code).toBe("conflict");
    // The chunk that was applied still answers its results.
    expect((await applyCsvChunk(workspaceId, importId, 0, chunk([order]), by)).applied).toBe(false);
  });

  it("checks what starts an import: the options, the mapping against the headers", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const bad = await rejection(
      start(workspaceId, manualStoreId, {
        options: { ...OPTIONS, timeZone: "Mars/Olympus_Mons" },
        mapping: { 0: "orderNumber", 40: "orderDate", 1: "favouriteColour" } as unknown as StartCsvImportInput["mapping"],
      }),
    );
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["mapping.1", "mapping.40", "options.timeZone"]);
    const noNumber = await rejection(start(workspaceId, manualStoreId, { mapping: { 1: "orderDate" } }));
    expect(noNumber.fieldErrors).toHaveProperty("mapping");
    expect(await db.read.selectFrom("import_runs").selectAll().where("workspace_id", "=", workspaceId).execute()).toEqual([]);
  });
});
