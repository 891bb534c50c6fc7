import { buildCsvOrders, type CsvOrder, type CsvRowGroup, type CsvUnchangedOrder, type FieldKey, type RowsToOrdersOptions } from "./rows-to-orders";
import type { CsvRowError } from "./write-csv";

/** What a chunk holds: orders read from their rows, and orders sent by number and fingerprint only. */
export type CsvChunkEntry = CsvOrder | CsvUnchangedOrder;

/** The server takes at most this many orders per chunk (MAX_ORDERS_PER_CHUNK of lib/csv/csv-imports.ts). */
export const MAX_CHUNK_ORDERS = 500;
/**
 * The most characters of cells a chunk's rows may hold. Orders read from them are about 1.5 times
 * as long in JSON, well under the server's 4 MB per request.
 */
export const MAX_CHUNK_CELL_CHARS = 1_500_000;

/**
 * The file's row groups cut into chunks of whole orders, in file order, each small enough for
 * one request. Cut before any order is read, so the import can start while the rest is read.
 */
export function planCsvChunks(rows: readonly (readonly string[])[], groups: readonly CsvRowGroup[]): CsvRowGroup[][] {
  const chunks: CsvRowGroup[][] = [];
  let chunk: CsvRowGroup[] = [];
  let chars = 0;
  for (const group of groups) {
    let size = 0;
    for (const index of group.rows) for (const cell of rows[index]) size += cell.length + 4;
    if (chunk.length === MAX_CHUNK_ORDERS || (chunk.length > 0 && chars + size > MAX_CHUNK_CELL_CHARS)) {
      chunks.push(chunk);
      chunk = [];
      chars = 0;
    }
    chunk.push(group);
    chars += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/**
 * One chunk's entries: orders the server found unchanged go by number and fingerprint, the
 * others are read from their rows. `orders` and `errors` are those of the orders read.
 */
export function buildCsvChunk(
  rows: readonly (readonly string[])[],
  mapping: Readonly<Record<number, FieldKey | null>>,
  options: RowsToOrdersOptions,
  groups: readonly CsvRowGroup[],
  unchanged: ReadonlySet<string>,
): { entries: CsvChunkEntry[]; orders: CsvOrder[]; errors: CsvRowError[] } {
  const known: CsvUnchangedOrder[] = [];
  const toRead: CsvRowGroup[] = [];
  for (const group of groups) {
    if (group.number !== null && group.digest !== null && unchanged.has(group.number)) known.push({ orderNumber: group.number, digest: group.digest, rowNumbers: group.rowNumbers });
    else toRead.push(group);
  }
  const { orders, errors } = buildCsvOrders(rows, mapping, options, toRead);
  return { entries: [...known, ...orders], orders, errors };
}
