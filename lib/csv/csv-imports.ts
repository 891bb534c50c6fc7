import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { CsvImportStatus, Database } from "@/db/schema";
import { AppError, notFound, parseWith } from "@/lib/errors";
import { finishImportRun, startImportRun } from "@/lib/imports/import-runs";
import { findOrdersAlreadyImported, importOrders, type ImportOutcome, type ImportResult } from "@/lib/orders/import-orders";
import { normalizedOrderSchema, type NormalizedOrder } from "@/lib/orders/schema";
import { WEIGHT_UNITS } from "@/lib/weights";
import { MAX_ENTRIES_PER_CHUNK, MAX_FINGERPRINTS_PER_REQUEST, MAX_ORDERS_READ_PER_CHUNK } from "./plan-chunks";
import { ROW_DIGEST_PATTERN } from "./row-digest";
import { reserveOrderNumbers } from "@/lib/workspaces/next-order-number";
import { columnMappingSchema, type ColumnMappingInput } from "./csv-mappings";

/** The largest preview or chunk body. */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest body that starts an import (header row and mapping). */
export const MAX_START_BYTES = 1024 * 1024;

/**
 * A chunk whose claim is older than this and still has no results was left by a request that
 * died: the next send of the chunk takes it over (re-applying is harmless, see `applyCsvChunk`).
 */
const STALE_CLAIM_MS = 60_000;
/** How long a second send of a chunk waits for the first to finish before answering "retry". */
const WAIT_FOR_CHUNK_MS = 15_000;
const POLL_MS = 100;

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const csvImportOptionsSchema = z.object({
  timeZone: z.string().min(1).max(100).refine(isTimeZone, "Choose a time zone such as America/New_York."),
  dateOrder: z.enum(["MDY", "DMY"]),
  weightUnit: z.enum(WEIGHT_UNITS),
  blankCells: z.enum(["keep", "clear"]),
});
export type CsvImportOptions = z.infer<typeof csvImportOptionsSchema>;

export const startCsvImportSchema = z
  .object({
    storeId: z.number().int().positive(),
    fileName: z.string().trim().min(1, "The file needs a name.").max(255),
    options: csvImportOptionsSchema,
    mapping: columnMappingSchema,
    headers: z.array(z.string().max(1000)).min(1, "The file has no header row.").max(2000),
    totalChunks: z.number().int().min(0).max(100_000),
    totalRows: z.number().int().min(0).max(10_000_000),
    /** Rows the browser could not read into orders: they make the import partial. */
    rowsLeftOut: z.number().int().min(0).max(10_000_000).default(0),
  })
  .superRefine((input, context) => {
    for (const column of Object.keys(input.mapping)) {
      if (Number(column) >= input.headers.length) {
        context.addIssue({ code: "custom", path: ["mapping", column], message: `The file has no column ${Number(column) + 1}.` });
      }
    }
    if (!Object.values(input.mapping).includes("orderNumber")) {
      context.addIssue({ code: "custom", path: ["mapping"], message: "Choose the column that holds the order number." });
    }
  });
export type StartCsvImportInput = z.input<typeof startCsvImportSchema>;

const rowNumbersSchema = z.array(z.number().int().min(1)).max(100_000);
const digestSchema = z.string().regex(ROW_DIGEST_PATTERN, "A fingerprint is c1 and 32 hex digits.");
const orderNumberSchema = normalizedOrderSchema.shape.orderNumber;

/**
 * One order as the browser built it (`CsvOrder` of lib/csv/rows-to-orders.ts). The order itself
 * is checked here only for being an object: each one is validated on its own with the order
 * schema, so a bad order fails alone and the rest of the chunk is imported.
 */
const csvOrderSchema = z.object({
  order: z.custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value), "Each order is an object."),
  rowNumbers: rowNumbersSchema,
  auto: z.boolean(),
  digest: digestSchema.optional(),
});

/**
 * An order the browser did not read again (`CsvUnchangedOrder`): its rows have the fingerprint
 * that last wrote it, so it stays as it is. The server checks that this is still so.
 */
const csvUnchangedOrderSchema = z.object({ orderNumber: orderNumberSchema, digest: digestSchema, rowNumbers: rowNumbersSchema });

type CsvChunkEntry = z.infer<typeof csvOrderSchema> | z.infer<typeof csvUnchangedOrderSchema>;

export const csvChunkSchema = z.object({
  orders: z
    .array(z.union([csvOrderSchema, csvUnchangedOrderSchema]))
    .max(MAX_ENTRIES_PER_CHUNK, `Send at most ${MAX_ENTRIES_PER_CHUNK} orders at a time.`)
    .refine(
      (entries) => entries.filter((entry) => "order" in entry).length <= MAX_ORDERS_READ_PER_CHUNK,
      `Send at most ${MAX_ORDERS_READ_PER_CHUNK} orders read from their rows at a time; the others by fingerprint.`,
    ),
});
export type CsvChunkInput = z.input<typeof csvChunkSchema>;
/** A preview names the store the orders would go to; the rest is a chunk. */
export type CsvPreviewInput = CsvChunkInput & { storeId: number };

export const unchangedCsvOrdersSchema = z.object({
  storeId: z.number().int().positive(),
  orders: z
    .array(z.object({ orderNumber: orderNumberSchema, digest: digestSchema }))
    .max(MAX_FINGERPRINTS_PER_REQUEST, `Ask about at most ${MAX_FINGERPRINTS_PER_REQUEST} orders at a time.`),
});
export type UnchangedCsvOrdersInput = z.input<typeof unchangedCsvOrdersSchema>;

export interface CsvImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface CsvOrderResult {
  /** The assigned number for an AUTO order ("AUTO" in a preview, or when it failed before getting one); "" when the payload had none. */
  orderNumber: string;
  rowNumbers: number[];
  outcome: ImportOutcome;
  reason?: string;
}

export interface CsvPreview extends CsvImportCounts {
  results: CsvOrderResult[];
}

/** What a chunk answers, and keeps for a second send of it. */
interface CsvChunkRecord {
  counts: CsvImportCounts;
  /**
   * The orders to report one by one: those that failed or were skipped, and AUTO orders with the
   * numbers they got. The rest are in the counts (a chunk of 1,000 created orders answers no list).
   */
  results: CsvOrderResult[];
}

export interface CsvChunkOutcome extends CsvChunkRecord {
  chunkIndex: number;
  /** False when this chunk had been applied already: these are its stored results. */
  applied: boolean;
}

export interface CsvImportSummary {
  id: string;
  status: CsvImportStatus;
  fileName: string;
  storeId: number;
  totalChunks: number;
  chunksDone: number;
  /** Which chunk indexes are done, ascending: a resumed import sends the others. */
  appliedChunks: number[];
  totalRows: number;
  /** Rows the browser could not read into orders, never sent. */
  rowsLeftOut: number;
  counts: CsvImportCounts;
  options: CsvImportOptions;
  mapping: ColumnMappingInput;
  headers: string[];
  /** ISO 8601, UTC. */
  createdAt: string;
  finishedAt: string | null;
}

/** Who is importing: the signed-in user, recorded on each order's history. */
export interface CsvImporter {
  actor: string | null;
}

/** Starts an import of a file into one of the workspace's stores, with its import run. */
export async function startCsvImport(workspaceId: string, input: StartCsvImportInput, now = Date.now()): Promise<{ importId: string }> {
  const parsed = parseWith(startCsvImportSchema, input, "import");
  const storeId = await storeOfWorkspace(workspaceId, parsed.storeId);
  const runId = await startImportRun(workspaceId, storeId, "csv", "manual", null, now);
  const importId = randomUUID();
  try {
    await getDb()
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
  } catch (error) {
    await finishImportRun(workspaceId, runId, { status: "failed", cursorAfter: null, error: "The import could not be recorded." });
    throw error;
  }
  return { importId };
}

/** Where an import stands. Another workspace's import is not found. */
export async function getCsvImport(workspaceId: string, importId: string): Promise<CsvImportSummary> {
  const row = await loadImport(workspaceId, importId);
  const chunks = await getDb()
    .selectFrom("csv_import_chunks")
    .select("chunk_index")
    .where("import_id", "=", row.id)
    .where("results", "is not", null)
    .orderBy("chunk_index")
    .execute();
  return {
    id: row.id,
    status: row.status,
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
 * What importing these orders into the store would do, decided exactly as the import will (a
 * dry run of the write path) and written nowhere; no import is started, so previewing again
 * leaves nothing behind. AUTO orders count as created; no number is taken for them.
 */
export async function previewCsvOrders(workspaceId: string, input: CsvPreviewInput, by: CsvImporter): Promise<CsvPreview> {
  const storeId = await storeOfWorkspace(workspaceId, (input as { storeId?: unknown } | null)?.storeId);
  const { orders } = parseChunk(input, { storeId, workspaceId });
  const prepared = prepareOrders(orders);
  prepared.autoIndexes.forEach((index) => {
    prepared.orders[index] = { ...prepared.orders[index], orderKey: `auto-preview:${randomUUID()}`, orderNumber: AUTO };
  });
  const outcomes = await importOrders(workspaceId, storeId, prepared.orders, { source: "csv", actor: by.actor, dryRun: true, digests: prepared.digests });
  const results = resultsOf(orders, outcomes, prepared, await checkUnchanged(workspaceId, storeId, orders));
  return { ...tally(results), results };
}

/**
 * Which of these orders of a store are exactly as their file rows last imported them (same
 * fingerprint, still open): the browser leaves those out of what it reads and sends.
 */
export async function findUnchangedCsvOrders(workspaceId: string, input: UnchangedCsvOrdersInput): Promise<{ unchanged: string[] }> {
  const { storeId, orders } = parseWith(unchangedCsvOrdersSchema, input, "fingerprints");
  const matching = await findOrdersAlreadyImported(workspaceId, new Map(orders.map((order) => [order.orderNumber, order.digest])), await storeOfWorkspace(workspaceId, storeId));
  return { unchanged: [...matching.keys()] };
}

/**
 * Imports one chunk into the import's store (a chunk naming another store is refused). Each
 * order sent whole is validated again with the order schema; an invalid one fails with its
 * reason and the others are imported. An order sent by fingerprint is unchanged if its stored
 * order still carries that fingerprint. AUTO orders get the next numbers of the workspace's
 * sequence.
 *
 * A chunk is applied once: its row is claimed in a write transaction before anything is
 * imported, so a second send (a retry, a double click, a second tab) gets the first one's stored
 * results with `applied: false`, waiting for them if the first is still running. The claim also
 * holds the AUTO numbers it reserved: a claim left by a request that died is taken over with the
 * same numbers, so re-applying the chunk finds its orders instead of creating them twice.
 */
export async function applyCsvChunk(workspaceId: string, importId: string, chunkIndex: number, input: CsvChunkInput, by: CsvImporter): Promise<CsvChunkOutcome> {
  const csvImport = await loadImport(workspaceId, importId);
  const { orders } = parseChunk(input, { storeId: csvImport.store_id, workspaceId });
  if (!Number.isInteger(chunkIndex) || chunkIndex < 0 || chunkIndex >= csvImport.total_chunks) {
    const message = csvImport.total_chunks === 0 ? "This import has no chunks." : `This import has chunks 0 to ${csvImport.total_chunks - 1}.`;
    throw new AppError("invalid_input", `There is no such chunk. ${message}`, { chunkIndex: [message] });
  }
  const prepared = prepareOrders(orders);

  let claim = await claimChunk(workspaceId, csvImport, chunkIndex, prepared);
  while (claim.kind !== "claimed") {
    if (claim.kind === "done") return storedOutcome(chunkIndex, claim.record);
    const record = await waitForResults(importId, chunkIndex);
    if (record) return storedOutcome(chunkIndex, record);
    // The other send failed and let the chunk go: take it.
    claim = await claimChunk(workspaceId, csvImport, chunkIndex, prepared);
  }
  const { numbers } = claim;

  prepared.autoIndexes.forEach((index, i) => {
    prepared.orders[index] = { ...prepared.orders[index], orderKey: numbers[i], orderNumber: numbers[i] };
  });
  let outcomes: ImportResult[];
  try {
    outcomes = await importOrders(workspaceId, csvImport.store_id, prepared.orders, { source: "csv", runId: csvImport.run_id, actor: by.actor, digests: prepared.digests });
  } catch (error) {
    // Let the next send take the chunk over at once rather than wait for the claim to go stale.
    await getDb()
      .updateTable("csv_import_chunks")
      .set({ claimed_at: 0 })
      .where("import_id", "=", importId)
      .where("chunk_index", "=", chunkIndex)
      .where("results", "is", null)
      .execute();
    throw error;
  }
  const unchanged = await checkUnchanged(workspaceId, csvImport.store_id, orders);
  const allResults = resultsOf(orders, outcomes, prepared, unchanged);
  const counts = tally(allResults);
  const autoPositions = new Set([...prepared.auto].map((index) => prepared.positions[index]));
  const record: CsvChunkRecord = {
    counts,
    results: allResults.filter((result, position) => result.outcome === "failed" || result.outcome === "skipped" || autoPositions.has(position)),
  };

  const recorded = await getDb().transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("csv_import_chunks")
      .set({ results: JSON.stringify(record), applied_at: Date.now() })
      .where("import_id", "=", importId)
      .where("chunk_index", "=", chunkIndex)
      .where("results", "is", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await trx
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
    const notRead = tally(allResults.filter((_, position) => !("order" in orders[position])));
    if (notRead.unchanged + notRead.failed > 0) {
      await trx
        .updateTable("import_runs")
        .set((eb) => ({
          fetched: eb("fetched", "+", notRead.unchanged + notRead.failed),
          unchanged: eb("unchanged", "+", notRead.unchanged),
          failed: eb("failed", "+", notRead.failed),
        }))
        .where("id", "=", csvImport.run_id)
        .execute();
    }
    return true;
  });
  // Only a claim taken over from under us (ours had gone stale) can lose this race; the first record stands.
  if (!recorded) {
    const stored = await waitForResults(importId, chunkIndex);
    if (stored) return storedOutcome(chunkIndex, stored);
    throw new AppError("conflict", "This part of the file is still being imported; send it again in a moment.");
  }
  return { chunkIndex, applied: true, ...record };
}

/**
 * Ends the import: succeeded when every chunk arrived, no order failed and the browser left no
 * row out; failed when nothing was imported; partial otherwise. Finishing twice answers the same.
 */
export async function finishCsvImport(workspaceId: string, importId: string, now = Date.now()): Promise<{ status: CsvImportStatus; counts: CsvImportCounts }> {
  const csvImport = await loadImport(workspaceId, importId);
  if (csvImport.status !== "running") return { status: csvImport.status, counts: countsOf(csvImport) };
  const chunks = await getDb().selectFrom("csv_import_chunks").select(["claimed_at", "results"]).where("import_id", "=", importId).execute();
  if (chunks.some((chunk) => chunk.results === null && chunk.claimed_at > now - STALE_CLAIM_MS)) {
    throw new AppError("conflict", "A chunk is still being imported; finish the import when it is done.");
  }
  const chunksDone = chunks.filter((chunk) => chunk.results !== null).length;
  const counts = countsOf(csvImport);
  const imported = counts.created + counts.updated + counts.unchanged + counts.skipped;
  const missing = csvImport.total_chunks - chunksDone;
  const leftOut = csvImport.rows_left_out;
  const status: Exclude<CsvImportStatus, "running"> =
    missing === 0 && counts.failed === 0 && leftOut === 0 ? "succeeded"
    : imported === 0 && (counts.failed > 0 || missing > 0 || leftOut > 0) ? "failed"
    : "partial";
  const problems = [
    missing > 0 ? `${missing} of ${csvImport.total_chunks} parts of the file were not imported.` : null,
    leftOut > 0 ? `${leftOut} ${leftOut === 1 ? "row" : "rows"} of the file could not be read into orders.` : null,
  ].filter(Boolean);
  const error = problems.length ? problems.join(" ") : null;
  await finishImportRun(workspaceId, csvImport.run_id, { status, cursorAfter: null, error }, now);
  await getDb()
    .updateTable("csv_imports")
    .set({ status, finished_at: now })
    .where("id", "=", importId)
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "running")
    .execute();
  const finished = await loadImport(workspaceId, importId);
  return { status: finished.status, counts: countsOf(finished) };
}

// ─── Internals ──────────────────────────────────────────────────────────────────────────────────

const AUTO = "AUTO";

type CsvImportRow = Awaited<ReturnType<typeof loadImport>>;

/** The id of one of the workspace's stores; another workspace's store, or no store, is not found. */
async function storeOfWorkspace(workspaceId: string, storeId: unknown): Promise<number> {
  const id = typeof storeId === "number" && Number.isSafeInteger(storeId) && storeId > 0 ? storeId : null;
  const store = id === null ? undefined : await getDb().selectFrom("stores").select("id").where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!store) throw notFound("Store not found");
  return store.id;
}

async function loadImport(workspaceId: string, importId: string) {
  const row = await getDb().selectFrom("csv_imports").selectAll().where("id", "=", importId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!row) throw notFound("Import not found");
  return row;
}

function countsOf(row: CsvImportCounts): CsvImportCounts {
  return { created: row.created, updated: row.updated, unchanged: row.unchanged, skipped: row.skipped, failed: row.failed };
}

interface PreparedOrders {
  /** What goes to `importOrders`; AUTO orders get their key and number later. */
  orders: NormalizedOrder[];
  /** The fingerprint of each of `orders`, stored with it; undefined for AUTO orders. */
  digests: (string | undefined)[];
  /** Each of `orders`' position in the chunk. */
  positions: number[];
  /** Indexes into `orders` of the valid AUTO orders, which need a number. */
  autoIndexes: number[];
  /** Indexes into `orders` of all AUTO orders. */
  auto: Set<number>;
  /** Keys the chunk's numbered orders use: an AUTO number must not land on one. */
  keys: Set<string>;
}

/**
 * The chunk, checked. Its orders go to the import's store whatever they say, and a chunk that
 * names another store or workspace is refused whole: no page of ours sends one.
 */
function parseChunk(input: CsvChunkInput, target: { storeId: number; workspaceId: string }): { orders: CsvChunkEntry[] } {
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
    throw new AppError("forbidden", "This import's orders go to its own store; a chunk cannot name another store or workspace.");
  }
  return parseWith(csvChunkSchema, input, "chunk");
}

/**
 * The chunk's orders sent whole, as the write path takes them. A CSV order is keyed by its
 * order number, whatever key the payload carries. An AUTO order ("auto", or the number AUTO)
 * gets a number only if it is valid, so a failing row does not use one up: it fails with a
 * placeholder.
 */
function prepareOrders(entries: CsvChunkEntry[]): PreparedOrders {
  const prepared: PreparedOrders = { orders: [], digests: [], positions: [], autoIndexes: [], auto: new Set(), keys: new Set() };
  entries.forEach((entry, position) => {
    if (!("order" in entry)) return;
    const index = prepared.orders.length;
    prepared.positions.push(position);
    const number = typeof entry.order.orderNumber === "string" ? entry.order.orderNumber.trim() : entry.order.orderNumber;
    if (entry.auto || (typeof number === "string" && number.toUpperCase() === AUTO)) {
      const order = { ...entry.order, orderKey: AUTO, orderNumber: AUTO } as NormalizedOrder;
      prepared.orders.push(order);
      prepared.digests.push(undefined);
      prepared.auto.add(index);
      if (normalizedOrderSchema.safeParse(order).success) prepared.autoIndexes.push(index);
      return;
    }
    const order = entry.order as NormalizedOrder;
    order.orderNumber = number as string;
    order.orderKey = typeof number === "string" ? number : (undefined as unknown as string);
    prepared.orders.push(order);
    prepared.digests.push(entry.digest);
    if (typeof number === "string" && number) prepared.keys.add(number);
  });
  return prepared;
}

const CHANGED_SINCE_CHECKED = "This order changed in Shipdeck after the file was checked; import the file again to apply its rows.";

/**
 * The chunk's orders sent by fingerprint: unchanged when the store's order still carries it,
 * failed (nothing written) when the order changed since the browser asked.
 */
async function checkUnchanged(workspaceId: string, storeId: number, entries: CsvChunkEntry[]): Promise<Map<number, CsvOrderResult>> {
  const results = new Map<number, CsvOrderResult>();
  const known = entries.flatMap((entry, position) => ("order" in entry ? [] : [{ entry, position }]));
  if (known.length === 0) return results;
  const matching = await findOrdersAlreadyImported(workspaceId, new Map(known.map(({ entry }) => [entry.orderNumber, entry.digest])), storeId);
  for (const { entry, position } of known) {
    const { orderNumber, rowNumbers } = entry;
    results.set(position, matching.has(orderNumber) ? { orderNumber, rowNumbers, outcome: "unchanged" } : { orderNumber, rowNumbers, outcome: "failed", reason: CHANGED_SINCE_CHECKED });
  }
  return results;
}

/** One result per entry of the chunk, in its order: the write path's for orders sent whole, the check's for the others. */
function resultsOf(entries: CsvChunkEntry[], outcomes: ImportResult[], prepared: PreparedOrders, unchanged: Map<number, CsvOrderResult>): CsvOrderResult[] {
  const results: CsvOrderResult[] = new Array(entries.length);
  outcomes.forEach((outcome, index) => {
    const position = prepared.positions[index];
    const orderNumber = prepared.auto.has(index) ? prepared.orders[index].orderNumber : outcome.orderNumber;
    const reason = reasonOf(outcome);
    results[position] = { orderNumber: orderNumber ?? "", rowNumbers: entries[position].rowNumbers, outcome: outcome.outcome, ...(reason ? { reason } : {}) };
  });
  for (const [position, result] of unchanged) results[position] = result;
  return results;
}

/** The write path's reason, without the order key's errors: a CSV order's key is its number, which says the same. */
function reasonOf(outcome: ImportResult): string | undefined {
  if (outcome.outcome !== "failed" || !outcome.fieldErrors) return outcome.reason;
  const entries = Object.entries(outcome.fieldErrors).filter(([field]) => field !== "orderKey");
  if (entries.length === 0) return outcome.reason;
  return entries.map(([field, messages]) => `${field}: ${messages[0]}`).join("; ");
}

function tally(results: CsvOrderResult[]): CsvImportCounts {
  const counts: CsvImportCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const result of results) counts[result.outcome]++;
  return counts;
}

function storedOutcome(chunkIndex: number, stored: string): CsvChunkOutcome {
  return { chunkIndex, applied: false, ...(JSON.parse(stored) as CsvChunkRecord) };
}

type Claim = { kind: "claimed"; numbers: string[] } | { kind: "done"; record: string } | { kind: "busy" };

/**
 * Takes the chunk, in one write transaction (so two sends cannot both take it): a chunk with
 * results is done, a fresh claim is someone else's, otherwise it is ours, with a number reserved
 * for each valid AUTO order (kept from a stale claim, topped up if needed).
 */
async function claimChunk(workspaceId: string, csvImport: CsvImportRow, chunkIndex: number, prepared: PreparedOrders): Promise<Claim> {
  const now = Date.now();
  return getDb().transaction().execute(async (trx): Promise<Claim> => {
    const existing = await trx
      .selectFrom("csv_import_chunks")
      .select(["claimed_at", "auto_numbers", "results"])
      .where("import_id", "=", csvImport.id)
      .where("chunk_index", "=", chunkIndex)
      .executeTakeFirst();
    if (existing?.results != null) return { kind: "done", record: existing.results };
    if (existing && existing.claimed_at > now - STALE_CLAIM_MS) return { kind: "busy" };
    const current = await trx.selectFrom("csv_imports").select("status").where("id", "=", csvImport.id).executeTakeFirstOrThrow();
    if (current.status !== "running") throw new AppError("conflict", "This import is finished; start a new import to import more rows.");

    const numbers = existing ? (JSON.parse(existing.auto_numbers) as string[]) : [];
    const needed = prepared.autoIndexes.length - numbers.length;
    if (needed > 0) numbers.push(...(await reserveFreeNumbers(trx, workspaceId, csvImport.store_id, needed, prepared.keys)));
    if (existing) {
      await trx
        .updateTable("csv_import_chunks")
        .set({ claimed_at: now, auto_numbers: JSON.stringify(numbers) })
        .where("import_id", "=", csvImport.id)
        .where("chunk_index", "=", chunkIndex)
        .execute();
    } else {
      await trx
        .insertInto("csv_import_chunks")
        .values({ import_id: csvImport.id, chunk_index: chunkIndex, claimed_at: now, auto_numbers: JSON.stringify(numbers), results: null, applied_at: null })
        .execute();
    }
    return { kind: "claimed", numbers };
  });
}

/**
 * The next `count` numbers of the workspace's sequence that no order already uses: an AUTO order
 * keyed by a number some order of the store has (typed in, or from an earlier file) would
 * otherwise update that order instead of creating one.
 */
async function reserveFreeNumbers(trx: Kysely<Database>, workspaceId: string, storeId: number, count: number, taken: Set<string>): Promise<string[]> {
  const free: string[] = [];
  for (let round = 0; free.length < count; round++) {
    if (round === 20) throw new Error("Could not find free order numbers");
    const candidates = (await reserveOrderNumbers(workspaceId, count - free.length, trx)).filter((number) => !taken.has(number));
    if (candidates.length === 0) continue;
    const used = await trx
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

/**
 * A chunk another request is applying: its results once they are recorded, or null when that
 * request gave the chunk up (it failed), so this one can take it.
 */
async function waitForResults(importId: string, chunkIndex: number): Promise<string | null> {
  const deadline = Date.now() + WAIT_FOR_CHUNK_MS;
  for (;;) {
    const row = await getDb()
      .selectFrom("csv_import_chunks")
      .select(["results", "claimed_at"])
      .where("import_id", "=", importId)
      .where("chunk_index", "=", chunkIndex)
      .executeTakeFirst();
    if (row?.results != null) return row.results;
    if (!row || row.claimed_at < Date.now() - STALE_CLAIM_MS) return null;
    if (Date.now() > deadline) throw new AppError("conflict", "This part of the file is still being imported; send it again in a moment.");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
