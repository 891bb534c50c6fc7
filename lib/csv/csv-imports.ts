import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { db, type WriteTransaction } from "@/db/database";
import type { Database } from "@/db/schema";
import { AppError, notFound, parseWith } from "@/lib/errors";
import { inEnglish, message } from "@/lib/i18n/message";
import { finishImportRun, startImportRun } from "@/lib/imports/import-runs";
import { checkOrders, findOrdersAlreadyImported, importOrders, numberCheckedOrder, type CheckedOrders, type ImportResult } from "@/lib/orders/import-orders";
import type { NormalizedOrder } from "@/lib/orders/schema";
import { markOrdersMadeFromCsvRows } from "@/lib/orders/csv-auto-rows";
import { reserveOrderNumbers } from "@/lib/workspaces/next-order-number";
import {
  csvChunkSchema, startCsvImportSchema, ZERO_COUNTS,
  type CsvChunkEntry, type CsvChunkInput, type CsvChunkOutcome, type CsvChunkRecord, type CsvFingerprint, type CsvImportCounts, type CsvImportFinished,
  type CsvImportOptions, type CsvImportSummary, type CsvOrderResult, type CsvPreview, type CsvPreviewInput, type StartCsvImportInput,
} from "./import-protocol";
import type { ColumnMappingInput } from "./mapping-schema";

/** Who is importing: the signed-in user, recorded on each order's history. */
export interface CsvImporter {
  actor: string | null;
}

/** Starts an import of a file into one of the workspace's stores, with its import run. */
export async function startCsvImport(workspaceId: string, input: StartCsvImportInput, now = Date.now()): Promise<{ importId: string; runId: number }> {
  const parsed = parseWith(startCsvImportSchema, input, "import");
  const storeId = await storeOfWorkspace(workspaceId, parsed.storeId);
  const importId = randomUUID();
  const runId = await db.transaction(async (tx) => {
    const runId = await startImportRun(workspaceId, storeId, "csv", "manual", null, now, tx);
    await tx.db
      .insertInto("csv_imports")
      .values({
        id: importId,
        workspace_id: workspaceId,
        store_id: storeId,
        run_id: runId,
        file_name: parsed.fileName,
        options: JSON.stringify(parsed.options),
        mapping: JSON.stringify(parsed.mapping),
        headers: JSON.stringify(parsed.headers),
        total_chunks: parsed.totalChunks,
        total_rows: parsed.totalRows,
        rows_left_out: parsed.rowsLeftOut,
        created_at: now,
        finished_at: null,
      })
      .execute();
    return runId;
  });
  return { importId, runId };
}

/** Where an import stands. Another workspace's import is not found. */
export async function getCsvImport(workspaceId: string, importId: string): Promise<CsvImportSummary> {
  const row = await loadImport(workspaceId, importId);
  const chunks = await db.read.selectFrom("csv_import_chunks").select("chunk_index").where("import_id", "=", row.id).orderBy("chunk_index").execute();
  return {
    id: row.id,
    status: row.status,
    runId: row.run_id,
    fileName: row.file_name,
    storeId: row.store_id,
    totalChunks: row.total_chunks,
    chunksDone: chunks.length,
    appliedChunks: chunks.map((chunk) => chunk.chunk_index),
    totalRows: row.total_rows,
    rowsLeftOut: row.rows_left_out,
    counts: countsOf(row),
    options: JSON.parse(row.options) as CsvImportOptions,
    mapping: JSON.parse(row.mapping) as ColumnMappingInput,
    headers: JSON.parse(row.headers) as string[],
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at == null ? null : new Date(row.finished_at).toISOString(),
  };
}

/**
 * What importing these entries into the store would do, decided exactly as the import will (a
 * dry run of the write path) and written nowhere; no import is started. An entry sent by
 * fingerprint answers "unchanged" when its order was last written from those rows: asked about a
 * sample of a file's orders, that tells the page which it need not read again. AUTO orders count
 * as created; no number is taken for them.
 */
export async function previewCsvOrders(workspaceId: string, input: CsvPreviewInput, by: CsvImporter): Promise<CsvPreview> {
  const storeId = await storeOfWorkspace(workspaceId, (input as { storeId?: unknown } | null)?.storeId);
  const entries = parseChunk(input, { storeId, workspaceId });
  const prepared = prepareOrders(entries);
  const importedBefore = await findAutoRowsImported(db.read, storeId, prepared, Date.now() + 1);
  for (const index of prepared.auto) {
    numberCheckedOrder(prepared.checked, index, importedBefore.get(index) ?? { orderKey: `auto-preview:${randomUUID()}`, orderNumber: AUTO });
  }
  const byFingerprint = await checkFingerprints(workspaceId, storeId, entries);
  const outcomes = await importOrders(workspaceId, storeId, prepared.checked, { source: "csv", actor: by.actor, dryRun: true });
  const results = resultsOf(entries, outcomes, prepared, byFingerprint);
  return { ...tally(results), results };
}

/**
 * Imports one chunk into the import's store (a chunk naming another store is refused). Each
 * order sent whole is validated again with the order schema; an invalid one fails with its
 * reason and the others are imported. An order sent by fingerprint is unchanged if its stored
 * order still carries that fingerprint. AUTO orders get the next numbers of the workspace's
 * sequence.
 *
 * A chunk is applied once: it is applied and recorded in one write transaction, so a second send
 * (a retry, a double click, a second tab) waits for the first and gets its record with `applied:
 * false`, and a send that fails leaves nothing, AUTO numbers included.
 */
export async function applyCsvChunk(workspaceId: string, importId: string, chunkIndex: number, input: CsvChunkInput, by: CsvImporter): Promise<CsvChunkOutcome> {
  const csvImport = await loadImport(workspaceId, importId);
  const entries = parseChunk(input, { storeId: csvImport.store_id, workspaceId });
  if (!Number.isInteger(chunkIndex) || chunkIndex < 0 || chunkIndex >= csvImport.total_chunks) {
    const range = csvImport.total_chunks === 0 ? message("csvImportErrors.noChunks") : message("csvImportErrors.chunkRange", { last: csvImport.total_chunks - 1 });
    throw new AppError("invalid_input", message("csvImportErrors.noSuchChunk", { range }), { chunkIndex: [inEnglish(range)] });
  }
  const prepared = prepareOrders(entries);
  const byFingerprint = await checkFingerprints(workspaceId, csvImport.store_id, entries);

  return db.transaction(async (tx) => {
    const done = await tx.db.selectFrom("csv_import_chunks").select("results").where("import_id", "=", importId).where("chunk_index", "=", chunkIndex).executeTakeFirst();
    if (done) return { chunkIndex, applied: false, ...(JSON.parse(done.results) as CsvChunkRecord) };
    const { status } = await tx.db.selectFrom("csv_imports").select("status").where("id", "=", importId).executeTakeFirstOrThrow();
    if (status !== "running") throw new AppError("conflict", message("csvImportErrors.finished"));

    // An AUTO row an earlier import made an order of is that order again; the others take new
    // numbers, and only those that passed the schema, so a failing row does not use one up.
    const importedBefore = await findAutoRowsImported(tx.db, csvImport.store_id, prepared, csvImport.created_at);
    for (const [index, order] of importedBefore) numberCheckedOrder(prepared.checked, index, order);
    const numbered = [...prepared.auto].filter((index) => !prepared.checked.failed.has(index) && !importedBefore.has(index));
    const numbers = await reserveFreeNumbers(tx, workspaceId, csvImport.store_id, numbered.length, prepared.keys);
    numbered.forEach((index, i) => numberCheckedOrder(prepared.checked, index, { orderKey: numbers[i], orderNumber: numbers[i] }));
    const outcomes = await importOrders(workspaceId, csvImport.store_id, prepared.checked, { source: "csv", runId: csvImport.run_id, actor: by.actor, tx });
    await rememberAutoRows(tx, numbered, outcomes, prepared);
    const results = resultsOf(entries, outcomes, prepared, byFingerprint);
    const counts = tally(results);
    const autoPositions = new Set([...prepared.auto].map((index) => prepared.positions[index]));
    const record: CsvChunkRecord = {
      counts,
      results: results.filter((result, position) => result.outcome === "failed" || result.outcome === "skipped" || autoPositions.has(position)),
    };
    await tx.db.insertInto("csv_import_chunks").values({ import_id: importId, chunk_index: chunkIndex, results: JSON.stringify(record), applied_at: Date.now() }).execute();
    await tx.db
      .updateTable("csv_imports")
      .set((eb) => ({
        created: eb("created", "+", counts.created),
        updated: eb("updated", "+", counts.updated),
        unchanged: eb("unchanged", "+", counts.unchanged),
        skipped: eb("skipped", "+", counts.skipped),
        failed: eb("failed", "+", counts.failed),
      }))
      .where("id", "=", importId)
      .execute();
    // The write path counted the orders it read; these it never saw.
    const notRead = tally([...byFingerprint.values()]);
    if (notRead.unchanged + notRead.failed > 0) {
      await tx.db
        .updateTable("import_runs")
        .set((eb) => ({
          fetched: eb("fetched", "+", notRead.unchanged + notRead.failed),
          unchanged: eb("unchanged", "+", notRead.unchanged),
          failed: eb("failed", "+", notRead.failed),
        }))
        .where("id", "=", csvImport.run_id)
        .execute();
    }
    return { chunkIndex, applied: true, ...record };
  });
}

/**
 * Ends the import: succeeded when every chunk arrived, no order failed and the browser left no
 * row out; failed when nothing was imported; partial otherwise. Decided in a write transaction,
 * so no chunk lands between the count and the verdict. Finishing twice answers the same.
 */
export async function finishCsvImport(workspaceId: string, importId: string, now = Date.now()): Promise<CsvImportFinished> {
  await loadImport(workspaceId, importId);
  return db.transaction(async (tx) => {
    const csvImport = await tx.db.selectFrom("csv_imports").selectAll().where("id", "=", importId).executeTakeFirstOrThrow();
    const counts = countsOf(csvImport);
    if (csvImport.status !== "running") return { status: csvImport.status, counts };
    const { chunksDone } = await tx.db.selectFrom("csv_import_chunks").select((eb) => eb.fn.countAll<number>().as("chunksDone")).where("import_id", "=", importId).executeTakeFirstOrThrow();
    const imported = counts.created + counts.updated + counts.unchanged + counts.skipped;
    const missing = csvImport.total_chunks - Number(chunksDone);
    const leftOut = csvImport.rows_left_out;
    const status =
      missing === 0 && counts.failed === 0 && leftOut === 0 ? "succeeded"
      : imported === 0 && (counts.failed > 0 || missing > 0 || leftOut > 0) ? "failed"
      : "partial";
    const problems = [
      missing > 0 ? inEnglish(message("csvImportErrors.partsMissing", { missing, total: csvImport.total_chunks })) : null,
      leftOut > 0 ? inEnglish(leftOut === 1 ? message("csvImportErrors.rowLeftOut") : message("csvImportErrors.rowsLeftOut", { count: leftOut })) : null,
    ].filter(Boolean);
    // One message per line, so a page reads each back into the merchant's language.
    await finishImportRun(workspaceId, csvImport.run_id, { status, cursorAfter: null, error: problems.length ? problems.join("\n") : null }, now, tx);
    await tx.db.updateTable("csv_imports").set({ status, finished_at: now }).where("id", "=", importId).execute();
    return { status, counts };
  });
}

// ─── Internals ──────────────────────────────────────────────────────────────────────────────────

const AUTO = "AUTO";

/** The id of one of the workspace's stores; another workspace's store, or no store, is not found. */
async function storeOfWorkspace(workspaceId: string, storeId: unknown): Promise<number> {
  const id = typeof storeId === "number" && Number.isSafeInteger(storeId) && storeId > 0 ? storeId : null;
  const store = id === null ? undefined : await db.read.selectFrom("stores").select("id").where("id", "=", id).where("workspace_id", "=", workspaceId).where("deleted_at", "is", null).executeTakeFirst();
  if (!store) throw notFound(message("storeErrors.storeNotFound"));
  return store.id;
}

async function loadImport(workspaceId: string, importId: string) {
  const row = await db.read.selectFrom("csv_imports").selectAll().where("id", "=", importId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!row) throw notFound(message("csvImportErrors.importNotFound"));
  return row;
}

function countsOf(row: CsvImportCounts): CsvImportCounts {
  return { created: row.created, updated: row.updated, unchanged: row.unchanged, skipped: row.skipped, failed: row.failed };
}

interface PreparedOrders {
  /** The chunk's orders sent whole, checked for the write path (outside the chunk's transaction); AUTO orders get their key and number later. */
  checked: CheckedOrders;
  /** Each order's position in the chunk. */
  positions: number[];
  /** Indexes of the AUTO orders. */
  auto: Set<number>;
  /** Each AUTO order's row fingerprint, by index. */
  autoRows: Map<number, string>;
  /** Keys the chunk's numbered orders use: an AUTO number must not land on one. */
  keys: Set<string>;
}

/**
 * The chunk's entries, checked. Its orders go to the import's store whatever they say, and a
 * chunk that names another store or workspace is refused whole: no page of ours sends one.
 */
function parseChunk(input: CsvChunkInput, target: { storeId: number; workspaceId: string }): CsvChunkEntry[] {
  const claimsElsewhere = (value: unknown) => {
    if (typeof value !== "object" || value === null) return false;
    const record = value as Record<string, unknown>;
    return (
      ("storeId" in record && record.storeId !== target.storeId) ||
      ("store_id" in record && record.store_id !== target.storeId) ||
      ("workspaceId" in record && record.workspaceId !== target.workspaceId) ||
      ("workspace_id" in record && record.workspace_id !== target.workspaceId)
    );
  };
  const entries = (input as { orders?: unknown } | null)?.orders;
  if (claimsElsewhere(input) || (Array.isArray(entries) && entries.some((entry) => claimsElsewhere(entry) || claimsElsewhere((entry as { order?: unknown } | null)?.order)))) {
    throw new AppError("forbidden", message("csvImportErrors.otherStore"));
  }
  return parseWith(csvChunkSchema, input, "chunk").orders;
}

/**
 * The chunk's orders sent whole, checked as the write path takes them. A CSV order is keyed by
 * its order number, whatever key the payload carries; its fingerprint is stored with it. An AUTO
 * order ("auto", or the number AUTO) is checked with a placeholder and numbered later.
 */
function prepareOrders(entries: CsvChunkEntry[]): PreparedOrders {
  const orders: NormalizedOrder[] = [];
  const digests: (string | undefined)[] = [];
  const prepared = { positions: [] as number[], auto: new Set<number>(), autoRows: new Map<number, string>(), keys: new Set<string>() };
  entries.forEach((entry, position) => {
    if (!("order" in entry)) return;
    const index = orders.length;
    prepared.positions.push(position);
    const number = typeof entry.order.orderNumber === "string" ? entry.order.orderNumber.trim() : entry.order.orderNumber;
    if (entry.auto || (typeof number === "string" && number.toUpperCase() === AUTO)) {
      orders.push({ ...entry.order, orderKey: AUTO, orderNumber: AUTO } as NormalizedOrder);
      digests.push(entry.digest);
      prepared.auto.add(index);
      if (entry.digest) prepared.autoRows.set(index, entry.digest);
      return;
    }
    const order = entry.order as NormalizedOrder;
    order.orderNumber = number as string;
    order.orderKey = typeof number === "string" ? number : (undefined as unknown as string);
    orders.push(order);
    digests.push(entry.digest);
    if (typeof number === "string" && number) prepared.keys.add(number);
  });
  return { ...prepared, checked: checkOrders(orders, { kind: "csv", values: digests }) };
}

const CHANGED_SINCE_CHECKED = inEnglish(message("csvImportErrors.changedSinceChecked"));

/**
 * The entries sent by fingerprint, by position: unchanged when the store's order still carries
 * it, failed (nothing written) when it does not, as when the order changed since the page asked.
 */
async function checkFingerprints(workspaceId: string, storeId: number, entries: CsvChunkEntry[]): Promise<Map<number, CsvOrderResult>> {
  const results = new Map<number, CsvOrderResult>();
  const sent = entries.flatMap((entry, position) => ("order" in entry ? [] : [{ entry, position }]));
  if (sent.length === 0) return results;
  const matching = await findOrdersAlreadyImported(workspaceId, "csv", new Map(sent.map(({ entry }) => [entry.orderNumber, entry.digest])), storeId);
  for (const { entry, position } of sent as { entry: CsvFingerprint; position: number }[]) {
    const { orderNumber, rowNumbers } = entry;
    results.set(position, matching.has(orderNumber) ? { orderNumber, rowNumbers, outcome: "unchanged" } : { orderNumber, rowNumbers, outcome: "failed", reason: CHANGED_SINCE_CHECKED });
  }
  return results;
}

/** One result per entry of the chunk, in its order: the write path's for orders sent whole, the fingerprint check's for the others. */
function resultsOf(entries: CsvChunkEntry[], outcomes: ImportResult[], prepared: PreparedOrders, byFingerprint: Map<number, CsvOrderResult>): CsvOrderResult[] {
  const results: CsvOrderResult[] = new Array(entries.length);
  outcomes.forEach((outcome, index) => {
    const position = prepared.positions[index];
    const orderNumber = prepared.auto.has(index) ? (prepared.checked.byIndex.get(index)?.order.orderNumber ?? AUTO) : outcome.orderNumber;
    const reason = reasonOf(outcome);
    results[position] = { orderNumber: orderNumber ?? "", rowNumbers: entries[position].rowNumbers, outcome: outcome.outcome, ...(reason ? { reason } : {}) };
  });
  for (const [position, result] of byFingerprint) results[position] = result;
  return results;
}

/** The write path's reason, without the order key's errors: a CSV order's key is its number, which says the same. */
function reasonOf(outcome: ImportResult): string | undefined {
  if (outcome.outcome !== "failed" || !outcome.fieldErrors) return outcome.reason;
  const entries = Object.entries(outcome.fieldErrors).filter(([field]) => field !== "orderKey");
  if (entries.length === 0) return outcome.reason;
  return entries.map(([field, messages]) => `${field}: ${messages[0]}`).join("; ");
}

function tally(results: Iterable<CsvOrderResult>): CsvImportCounts {
  const counts = { ...ZERO_COUNTS };
  for (const result of results) counts[result.outcome]++;
  return counts;
}

/**
 * The orders of the store that earlier imports made of these AUTO rows, by index: the k-th of a
 * file's identical AUTO rows is the k-th order made of such a row. Only orders created `before`
 * (the import's start) count, so two identical rows of one file are still two orders.
 */
async function findAutoRowsImported(reader: Kysely<Database>, storeId: number, prepared: PreparedOrders, before: number): Promise<Map<number, { orderKey: string; orderNumber: string }>> {
  const waiting = new Map<string, number[]>();
  for (const [index, digest] of prepared.autoRows) {
    if (!prepared.checked.failed.has(index)) (waiting.get(digest) ?? waiting.set(digest, []).get(digest)!).push(index);
  }
  const found = new Map<number, { orderKey: string; orderNumber: string }>();
  if (waiting.size === 0) return found;
  const rows = await reader
    .selectFrom("orders")
    .select(["order_key", "order_number", "csv_auto_row"])
    .where("store_id", "=", storeId)
    .where("csv_auto_row", "in", [...waiting.keys()])
    .where("created_at", "<", before)
    .orderBy("id")
    .execute();
  for (const row of rows) {
    const index = waiting.get(row.csv_auto_row!)?.shift();
    if (index !== undefined) found.set(index, { orderKey: row.order_key, orderNumber: row.order_number });
  }
  return found;
}

/** Marks the orders just made of AUTO rows with their row's fingerprint, for good. */
async function rememberAutoRows(tx: WriteTransaction, numbered: number[], outcomes: ImportResult[], prepared: PreparedOrders): Promise<void> {
  const made = numbered.flatMap((index) => {
    const { outcome, orderId } = outcomes[index];
    const digest = prepared.autoRows.get(index);
    return outcome === "created" && orderId !== null && digest ? [{ orderId, digest }] : [];
  });
  await markOrdersMadeFromCsvRows(tx, made);
}

/**
 * The next `count` numbers of the workspace's sequence that no order already uses: an AUTO order
 * keyed by a number some order of the store has (typed in, or from an earlier file) would
 * otherwise update that order instead of creating one.
 */
async function reserveFreeNumbers(tx: WriteTransaction, workspaceId: string, storeId: number, count: number, taken: Set<string>): Promise<string[]> {
  const free: string[] = [];
  for (let round = 0; free.length < count; round++) {
    if (round === 20) throw new Error("Could not find free order numbers");
    const candidates = (await reserveOrderNumbers(tx, workspaceId, count - free.length)).filter((number) => !taken.has(number));
    if (candidates.length === 0) continue;
    const used = await tx.db
      .selectFrom("orders")
      .select(["order_key", "order_number"])
      .where((eb) =>
        eb.or([
          eb.and([eb("store_id", "=", storeId), eb("order_key", "in", candidates)]),
          eb.and([eb("workspace_id", "=", workspaceId), eb("order_number", "in", candidates)]),
        ]),
      )
      .execute();
    const usedNumbers = new Set(used.flatMap((order) => [order.order_key, order.order_number]));
    free.push(...candidates.filter((number) => !usedNumbers.has(number)));
  }
  return free;
}
