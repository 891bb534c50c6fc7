import type { CsvChunkEntry } from "@/lib/csv/plan-chunks";
import type { CsvRowError } from "@/lib/csv/write-csv";
import { ApiError, finishImport, previewOrders, putChunk, ZERO_COUNTS, type Counts, type OrderResult } from "./import-api";

/** A failed chunk is sent again up to this many times; the server applies a chunk once, so a repeat is safe. */
export const MAX_RETRIES = 3;
/** Chunks sent at once: the server reads one while it writes the other. */
export const CHUNKS_IN_FLIGHT = 2;

export interface Tally {
  counts: Counts;
  results: OrderResult[];
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { created: a.created + b.created, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged, skipped: a.skipped + b.skipped, failed: a.failed + b.failed };
}

/** The dry run, chunk by chunk: what importing into the store would do, nothing written. */
export async function previewChunks(storeId: number, chunks: readonly CsvChunkEntry[][], onProgress: (ordersDone: number) => void): Promise<Tally> {
  let counts = ZERO_COUNTS;
  const results: OrderResult[] = [];
  let done = 0;
  for (const chunk of chunks) {
    const answer = await withRetries(() => previewOrders(storeId, chunk));
    counts = addCounts(counts, answer);
    results.push(...answer.results);
    done += chunk.length;
    onProgress(done);
  }
  return { counts, results };
}

/**
 * Sends every chunk not `done`, CHUNKS_IN_FLIGHT at a time, each retried; `onChunk` gets each
 * one's results as it goes through. A failure stops the sending and rejects with it.
 */
export async function applyChunks(
  importId: string,
  chunks: readonly CsvChunkEntry[][],
  { done, onChunk, onRetry }: { done: ReadonlySet<number>; onChunk: (index: number, tally: Tally) => void; onRetry: (index: number, attempt: number) => void },
): Promise<void> {
  const pending = chunks.map((_, index) => index).filter((index) => !done.has(index));
  let failed = false;
  const send = async () => {
    for (let index = pending.shift(); index !== undefined && !failed; index = pending.shift()) {
      const chunkIndex = index;
      try {
        const answer = await withRetries(() => putChunk(importId, chunkIndex, chunks[chunkIndex]), (attempt) => onRetry(chunkIndex, attempt));
        onChunk(chunkIndex, { counts: answer.counts, results: answer.results });
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_IN_FLIGHT }, send));
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
