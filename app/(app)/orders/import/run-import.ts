import { CHUNKS_IN_FLIGHT, type CsvChunkEntry } from "@/lib/csv/plan-chunks";
import type { CsvRowError } from "@/lib/csv/write-csv";
import { ApiError, finishImport, previewOrders, putChunk } from "./import-api";
import { ZERO_COUNTS, type CsvImportCounts, type CsvOrderResult } from "@/lib/csv/import-protocol";
import { localizable, message } from "@/lib/i18n/message";

/** A failed chunk is sent again up to this many times; the server applies a chunk once, so a repeat is safe. */
export const MAX_RETRIES = 3;

export interface Tally {
  counts: CsvImportCounts;
  results: CsvOrderResult[];
}

export function addCounts(a: CsvImportCounts, b: CsvImportCounts): CsvImportCounts {
  return { created: a.created + b.created, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged, skipped: a.skipped + b.skipped, failed: a.failed + b.failed };
}

/** The dry run, chunk by chunk (CHUNKS_IN_FLIGHT at a time): what importing into the store would do, nothing written. */
export async function previewChunks(storeId: number, chunks: readonly CsvChunkEntry[][], onProgress: (ordersDone: number) => void): Promise<Tally> {
  const tallies: Tally[] = new Array(chunks.length);
  let done = 0;
  await sendInFlight(
    chunks.map((_, index) => index),
    async (index) => {
      const answer = await withRetries(() => previewOrders(storeId, chunks[index]));
      tallies[index] = { counts: answer, results: answer.results };
      done += chunks[index].length;
      onProgress(done);
    },
  );
  return { counts: tallies.reduce((sum, tally) => addCounts(sum, tally.counts), ZERO_COUNTS), results: tallies.flatMap((tally) => tally.results) };
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
  await sendInFlight(pending, async (index) => {
    const answer = await withRetries(() => putChunk(importId, index, chunks[index]), (attempt) => onRetry(index, attempt));
    onChunk(index, { counts: answer.counts, results: answer.results });
  });
}

/** Runs `send` for each index in order, CHUNKS_IN_FLIGHT at a time; after a failure no new send starts, and it rejects with it. */
async function sendInFlight(indexes: readonly number[], send: (index: number) => Promise<void>): Promise<void> {
  const pending = [...indexes];
  let failed = false;
  const lane = async () => {
    for (let index = pending.shift(); index !== undefined && !failed; index = pending.shift()) {
      try {
        await send(index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_IN_FLIGHT }, lane));
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
export function serverRowErrors(results: readonly CsvOrderResult[]): CsvRowError[] {
  return results
    .filter((result) => result.outcome === "failed")
    .flatMap((result) => result.rowNumbers.map((row) => ({ row, column: null, ...(result.reason ? { message: result.reason } : localizable(message("csvErrors.orderNotImported", { order: result.orderNumber ?? "" }))) })));
}
