import { MAX_ENTRIES_PER_CHUNK, MAX_ORDERS_READ_PER_CHUNK, type CsvFingerprint } from "./import-protocol";
import type { FieldKey } from "./fields";
import { buildCsvOrders, fingerprintCsvGroups, type CsvOrder, type CsvRowGroup, type RowsToOrdersOptions } from "./rows-to-orders";
import type { CsvRowError } from "./write-csv";

/** What a chunk holds: orders read from their rows, and orders sent by number and fingerprint only. */
export type CsvChunkEntry = CsvOrder | CsvFingerprint;
/** Chunks a browser sends at once, so the server reads one while it writes another. */
export const CHUNKS_IN_FLIGHT = 3;
/** What an order sent by fingerprint counts towards MAX_CHUNK_CELL_CHARS. */
const FINGERPRINT_CHARS = 100;
/**
 * The most characters of cells a chunk's rows may hold. Orders read from them are about 1.5 times
 * as long in JSON, well under the server's 4 MB per request.
 */
const MAX_CHUNK_CELL_CHARS = 1_500_000;

/** How many fingerprints are asked about first: none unchanged among them, and the file is taken as new. */
const FINGERPRINT_SAMPLE = 1_000;

/**
 * The items asked about first, and the others, both in file order. A small list is asked about
 * whole; of a large one, every nth item, spread over the file, so that one request tells whether
 * the file was imported before (and only these need fingerprinting before the import can start).
 */
export function splitFingerprintSample<T>(items: readonly T[]): { sample: T[]; rest: T[] } {
  if (items.length <= MAX_ENTRIES_PER_CHUNK) return { sample: [...items], rest: [] };
  const step = Math.ceil(items.length / FINGERPRINT_SAMPLE);
  const sample: T[] = [];
  const rest: T[] = [];
  items.forEach((item, index) => (index % step === 0 ? sample : rest).push(item));
  return { sample, rest };
}

/** These numbered groups by their fingerprints, each made now if it has none yet: what the server is asked about. */
export function fingerprintsOf(
  rows: readonly (readonly string[])[],
  mapping: Readonly<Record<number, FieldKey | null>>,
  options: RowsToOrdersOptions,
  groups: readonly CsvRowGroup[],
): CsvFingerprint[] {
  fingerprintCsvGroups(rows, mapping, options, groups);
  return groups.map((group) => ({ orderNumber: group.number!, digest: group.digest!, rowNumbers: group.rowNumbers }));
}

/**
 * The order numbers whose fingerprint the server found unchanged, asked `ask` in requests of at
 * most MAX_ENTRIES_PER_CHUNK: the `sample` (from `splitFingerprintSample`) first, then
 * `rest()` only when some of the sample is unchanged; otherwise the file is taken as new and the
 * rest is neither fingerprinted nor asked about. Taking an unchanged order as new costs only
 * speed: sent whole, the server still finds it unchanged.
 */
export async function findUnchangedOrders(
  sample: readonly CsvFingerprint[],
  rest: () => Promise<CsvFingerprint[]> | CsvFingerprint[],
  ask: (fingerprints: CsvFingerprint[]) => Promise<string[]>,
): Promise<string[]> {
  const found = await askInSlices(sample, ask);
  if (found.length === 0) return [];
  return [...found, ...(await askInSlices(await rest(), ask))];
}

async function askInSlices(fingerprints: readonly CsvFingerprint[], ask: (fingerprints: CsvFingerprint[]) => Promise<string[]>): Promise<string[]> {
  const found: string[] = [];
  for (let start = 0; start < fingerprints.length; start += MAX_ENTRIES_PER_CHUNK) {
    found.push(...(await ask(fingerprints.slice(start, start + MAX_ENTRIES_PER_CHUNK))));
  }
  return found;
}

/**
 * The file's row groups cut into chunks of whole orders, in file order, each small enough for
 * one request. Cut before any order is read, so the import can start while the rest is read.
 * Orders the server found `unchanged` go by fingerprint, so many more of them fit in a chunk.
 */
export function planCsvChunks(rows: readonly (readonly string[])[], groups: readonly CsvRowGroup[], unchanged: ReadonlySet<string>): CsvRowGroup[][] {
  const chunks: CsvRowGroup[][] = [];
  let chunk: CsvRowGroup[] = [];
  let read = 0;
  let chars = 0;
  for (const group of groups) {
    const toRead = !isUnchanged(group, unchanged);
    let size = FINGERPRINT_CHARS;
    if (toRead) for (const index of group.rows) for (const cell of rows[index]) size += cell.length + 4;
    const full = chunk.length === MAX_ENTRIES_PER_CHUNK || (toRead && read === MAX_ORDERS_READ_PER_CHUNK) || chars + size > MAX_CHUNK_CELL_CHARS;
    if (chunk.length > 0 && full) {
      chunks.push(chunk);
      chunk = [];
      read = 0;
      chars = 0;
    }
    chunk.push(group);
    if (toRead) read++;
    chars += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

function isUnchanged(group: CsvRowGroup, unchanged: ReadonlySet<string>): boolean {
  return group.number !== null && group.digest !== null && unchanged.has(group.number);
}

/**
 * One chunk's entries: orders the server found unchanged go by number and fingerprint, the
 * others are read from their rows. `orders` and `errors` are those of the orders read. Groups
 * not fingerprinted yet are fingerprinted here, as each order sent whole carries its digest.
 */
export function buildCsvChunk(
  rows: readonly (readonly string[])[],
  mapping: Readonly<Record<number, FieldKey | null>>,
  options: RowsToOrdersOptions,
  groups: readonly CsvRowGroup[],
  unchanged: ReadonlySet<string>,
): { entries: CsvChunkEntry[]; orders: CsvOrder[]; errors: CsvRowError[] } {
  fingerprintCsvGroups(rows, mapping, options, groups);
  const known: CsvFingerprint[] = [];
  const toRead: CsvRowGroup[] = [];
  for (const group of groups) {
    if (isUnchanged(group, unchanged)) known.push({ orderNumber: group.number!, digest: group.digest!, rowNumbers: group.rowNumbers });
    else toRead.push(group);
  }
  const { orders, errors } = buildCsvOrders(rows, mapping, options, toRead);
  return { entries: [...known, ...orders], orders, errors };
}
