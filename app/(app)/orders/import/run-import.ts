import type { CsvOrder } from "@/lib/csv/rows-to-orders";
import type { CsvRowError } from "@/lib/csv/write-csv";
import { ApiError, finishImport, previewOrders, putChunk, ZERO_COUNTS, type Counts, type OrderResult } from "./import-api";

/** The server takes at most 500 orders and 4 MB per request; a chunk stays under both, and never splits an order. */
export const MAX_CHUNK_ORDERS = 500;
const MAX_CHUNK_BYTES = 3_500_000;
/** A failed chunk is sent again up to this many times; the server applies a chunk once, so a repeat is safe. */
export const MAX_RETRIES = 3;

export function chunkOrders(orders: readonly CsvOrder[]): CsvOrder[][] {
  const encoder = new TextEncoder();
  const chunks: CsvOrder[][] = [];
  let chunk: CsvOrder[] = [];
  let bytes = 0;
  for (const order of orders) {
    const size = encoder.encode(JSON.stringify(order)).length + 1;
    if (chunk.length === MAX_CHUNK_ORDERS || (chunk.length > 0 && bytes + size > MAX_CHUNK_BYTES)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(order);
    bytes += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

export interface Tally {
  counts: Counts;
  results: OrderResult[];
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { created: a.created + b.created, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged, skipped: a.skipped + b.skipped, failed: a.failed + b.failed };
}

/** The dry run, chunk by chunk: what importing would do, nothing written. */
export async function previewChunks(importId: string, chunks: readonly CsvOrder[][], onProgress: (ordersDone: number) => void): Promise<Tally> {
  let counts = ZERO_COUNTS;
  const results: OrderResult[] = [];
  let done = 0;
  for (const chunk of chunks) {
    const answer = await withRetries(() => previewOrders(importId, chunk));
    counts = addCounts(counts, answer);
    results.push(...answer.results);
    done += chunk.length;
    onProgress(done);
  }
  return { counts, results };
}

/** Sends one chunk, once it has gone through, calls `onChunk` with its results; resumes from `from`. */
export async function applyChunks(
  importId: string,
  chunks: readonly CsvOrder[][],
  { from, onChunk, onRetry }: { from: number; onChunk: (index: number, tally: Tally) => void; onRetry: (index: number, attempt: number) => void },
): Promise<void> {
  for (let index = from; index < chunks.length; index++) {
    const answer = await withRetries(() => putChunk(importId, index, chunks[index]), (attempt) => onRetry(index, attempt));
    onChunk(index, { counts: answer.counts, results: answer.results });
  }
}

/** Closes the import once every chunk is in; retried like a chunk (finishing twice answers the same). */
export const finishChunks = (importId: string) => withRetries(() => finishImport(importId));

async function withRetries<T>(send: () => Promise<T>, onRetry?: (attempt: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ApiError) || !error.retryable || attempt >= MAX_RETRIES) throw error;
      onRetry?.(attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

/** Orders the server refused, as errors on each of their rows, for the error report. */
export function serverRowErrors(results: readonly OrderResult[]): CsvRowError[] {
  return results
    .filter((result) => result.outcome === "failed")
    .flatMap((result) => result.rowNumbers.map((row) => ({ row, column: null, message: result.reason ?? `Order ${result.orderNumber} was not imported` })));
}

/** Row errors from both sides, by row. */
export function mergeRowErrors(...lists: readonly CsvRowError[][]): CsvRowError[] {
  return lists.flat().sort((a, b) => a.row - b.row);
}
