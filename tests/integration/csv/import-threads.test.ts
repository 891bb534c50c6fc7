import { describe, expect, it } from "vitest";
import { availableParallelism } from "node:os";
import { db } from "@/db/database";
import { applyCsvChunkFromBody, previewCsvOrdersFromBody, runningImportThreads, startImportThreads } from "@/lib/csv/chunk-worker";
import { finishCsvImport, previewCsvOrders, startCsvImport } from "@/lib/csv/csv-imports";
import { AppError } from "@/lib/errors";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import type { FieldKey } from "@/lib/csv/fields";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const HEADERS = ["Order Number", "Order Date", "Ship To - Name", "Ship To - Address 1", "Ship To - City", "Ship To - Postal Code", "Ship To - Country", "Item - Name", "Item - Qty"];
const MAPPING: Record<number, FieldKey> = { 0: "orderNumber", 1: "orderDate", 2: "shipTo.name", 3: "shipTo.street1", 4: "shipTo.city", 5: "shipTo.postalCode", 6: "shipTo.country", 7: "item.name", 8: "item.quantity" };
const OPTIONS = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" } as const;
const CHUNKS = 6;
const ORDERS_PER_CHUNK = 200;

/** One chunk's body: numbered orders, and as many AUTO rows, which take numbers from the workspace's sequence. */
function chunkBody(chunk: number): string {
  const rows = Array.from({ length: ORDERS_PER_CHUNK }, (_, i) => [
    i % 2 === 0 ? `T-${chunk}-${i}` : "AUTO", "11/05/2026", `Buyer ${chunk}-${i}`, `${i} Main St`, "Boston", "02134", "US", "Mug", "1",
  ]);
  const { orders, errors } = rowsToOrders(rows, MAPPING, { ...OPTIONS, headers: HEADERS });
  expect(errors).toEqual([]);
  return JSON.stringify({ orders });
}

describe("the CSV import's threads on a database file", () => {
  it("previews on an import thread, answering what the preview answers in-process, refusals included", async () => {
    const merchant = await createMerchant();
    const other = await createMerchant();
    // Numbered orders only: a preview gives each AUTO order a key of its own, different every time.
    const orders = (JSON.parse(chunkBody(9)) as { orders: { auto: boolean }[] }).orders.filter((entry) => !entry.auto);
    const body = JSON.stringify({ storeId: merchant.manualStoreId, orders });

    expect(runningImportThreads()).toBe(0);
    const onThread = await previewCsvOrdersFromBody(merchant.workspaceId, body, { actor: merchant.userId });
    expect(runningImportThreads()).toBeGreaterThan(0);
    expect(onThread).toEqual(await previewCsvOrders(merchant.workspaceId, JSON.parse(body), { actor: merchant.userId }));
    expect(onThread.created).toBe(ORDERS_PER_CHUNK / 2);
    // Nothing written.
    const written = await db.read.selectFrom("orders").select("id").where("workspace_id", "=", merchant.workspaceId).execute();
    expect(written).toEqual([]);

    // Another workspace's store: the thread's refusal reaches the route as the same AppError.
    const refused = await previewCsvOrdersFromBody(other.workspaceId, body, { actor: other.userId }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("not_found");
    const malformed = await previewCsvOrdersFromBody(merchant.workspaceId, "{", { actor: merchant.userId }).catch((error: unknown) => error);
    expect((malformed as AppError).code).toBe("invalid_input");
  });

  it("applies chunks sent at once on up to two threads, each exactly once, with one number per AUTO order", async () => {
    const merchant = await createMerchant();
    const { importId } = await startCsvImport(merchant.workspaceId, {
      storeId: merchant.manualStoreId, fileName: "threads.csv", options: OPTIONS, mapping: MAPPING, headers: HEADERS, totalChunks: CHUNKS, totalRows: CHUNKS * ORDERS_PER_CHUNK,
    });
    await startImportThreads();
    expect(runningImportThreads()).toBe(Math.min(2, availableParallelism()));

    // Every chunk at once, and each a second time (a retry racing the first send), as a busy page would.
    const bodies = Array.from({ length: CHUNKS }, (_, chunk) => chunkBody(chunk));
    const sends = [...bodies.entries(), ...bodies.entries()].map(([chunk, body]) => applyCsvChunkFromBody(merchant.workspaceId, importId, chunk, body, { actor: merchant.userId }));
    const outcomes = await Promise.all(sends);
    // Two threads where there are two cores; never one per chunk.
    expect(runningImportThreads()).toBe(Math.min(2, availableParallelism()));

    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      const [first, second] = [outcomes[chunk], outcomes[chunk + CHUNKS]];
      expect([first.applied, second.applied].sort()).toEqual([false, true]);
      expect(first.counts).toEqual({ created: ORDERS_PER_CHUNK, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
      expect(second.counts).toEqual(first.counts);
      // The repeat answers the AUTO orders' numbers the first send gave them.
      expect(second.results).toEqual(first.results);
    }

    const orders = await db.read.selectFrom("orders").select(["order_number"]).where("workspace_id", "=", merchant.workspaceId).execute();
    expect(orders).toHaveLength(CHUNKS * ORDERS_PER_CHUNK);
    expect(new Set(orders.map((order) => order.order_number)).size).toBe(orders.length);
    const chunkRecords = await db.read.selectFrom("csv_import_chunks").select("chunk_index").where("import_id", "=", importId).execute();
    expect(chunkRecords.map((record) => record.chunk_index).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await finishCsvImport(merchant.workspaceId, importId)).toEqual({ status: "succeeded", counts: { created: CHUNKS * ORDERS_PER_CHUNK, updated: 0, unchanged: 0, skipped: 0, failed: 0 } });
  });
});
