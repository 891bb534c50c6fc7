/// <reference lib="webworker" />
import { decodeCsvBytes } from "@/lib/csv/decode";
import { EXPORT_MAPPING, ORDERS_EXPORT_COLUMNS } from "@/lib/csv/export-orders";
import { parseCsvText, type ParsedCsv } from "@/lib/csv/parse";
import { buildCsvChunk, fingerprintsOf, planCsvChunks, splitFingerprintSample } from "@/lib/csv/plan-chunks";
import { groupCsvRows, mergeErrors, type CsvOrder, type CsvRowGroup, type RowsToOrdersOptions } from "@/lib/csv/rows-to-orders";
import { headersSignature, refineMappingWithRows, suggestMapping, suggestWeightUnit } from "@/lib/csv/suggest-mapping";
import { dateOrderEvidence, looksLikeNumber, looksLikeNumericDate, numberFormatEvidence, type DateOrderEvidence, type NumberFormatEvidence } from "@/lib/csv/values";
import { errorReport, type CsvRowError } from "@/lib/csv/write-csv";
import type { Fingerprint, ImportOptions, ImportPlan, Mapping, ParsedFile, WorkerReply, WorkerRequest } from "./worker-protocol";

/**
 * Reading, parsing and grouping a file of up to 50 MB takes seconds; here it does not freeze the
 * page. The rows stay in this worker, and the page asks for what it needs (fingerprints, the
 * chunks to send, the error report).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let file: ParsedCsv | null = null;
/** The file's rows grouped into orders under the mapping and options last asked for. */
interface Grouping {
  mapping: Mapping;
  options: RowsToOrdersOptions;
  groups: CsvRowGroup[];
  errors: CsvRowError[];
}
let grouping: Grouping | null = null;

const EXPORT_SIGNATURE = headersSignature(ORDERS_EXPORT_COLUMNS);
const SAMPLE_ROWS = 20;

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    const value = await handle(request);
    scope.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id: request.id, ok: false, message } satisfies WorkerReply);
  }
};

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case "parse":
      return parse(request.file);
    case "fingerprints":
      return request.part === "sample" ? fingerprintSample(request.mapping, request.options) : fingerprintRest();
    case "plan":
      return plan(new Set(request.unchanged));
    case "report": {
      const parsed = current();
      return errorReport(parsed.headers, parsed.rows, request.errors, { rowNumbers: parsed.rowNumbers, errorColumn: request.errorColumn });
    }
  }
}

function current(): ParsedCsv {
  if (!file) throw new Error("Choose a file first.");
  return file;
}

/**
 * Groups the rows into orders under this mapping and these options, and fingerprints only the
 * sample asked about first: a new file's other orders are fingerprinted as each chunk is read.
 */
function fingerprintSample(mapping: Mapping, importOptions: ImportOptions): Fingerprint[] {
  const parsed = current();
  const options: RowsToOrdersOptions = { ...importOptions, rowNumbers: parsed.rowNumbers, headers: parsed.headers };
  const { groups, errors } = groupCsvRows(parsed.rows, mapping, options);
  grouping = { mapping, options, groups, errors };
  return fingerprintsOf(parsed.rows, mapping, options, splitFingerprintSample(numbered(groups)).sample);
}

/** The fingerprints of the numbered orders left out of the sample, once some of it was found unchanged. */
function fingerprintRest(): Fingerprint[] {
  if (!grouping) throw new Error("Choose the columns first.");
  const { mapping, options, groups } = grouping;
  return fingerprintsOf(current().rows, mapping, options, splitFingerprintSample(numbered(groups)).rest);
}

function numbered(groups: readonly CsvRowGroup[]): CsvRowGroup[] {
  return groups.filter((group) => group.number !== null);
}


/** Reads every order the server did not find unchanged, chunk by chunk. */
function plan(unchanged: ReadonlySet<string>): ImportPlan {
  const parsed = current();
  if (!grouping) throw new Error("Choose the columns first.");
  const { mapping, options, groups } = grouping;
  const chunks: ImportPlan["chunks"] = [];
  const orders: CsvOrder[] = [];
  const errors: CsvRowError[][] = [grouping.errors];
  for (const chunkGroups of planCsvChunks(parsed.rows, groups, unchanged)) {
    const chunk = buildCsvChunk(parsed.rows, mapping, options, chunkGroups, unchanged);
    // A chunk whose orders all had errors is not sent.
    if (chunk.entries.length) chunks.push(chunk.entries);
    orders.push(...chunk.orders);
    errors.push(chunk.errors);
  }
  const rowErrors = mergeErrors(...errors);
  return {
    chunks,
    orders,
    total: chunks.reduce((sum, chunk) => sum + chunk.length, 0),
    errors: rowErrors,
    rowsLeftOut: new Set(rowErrors.map((rowError) => rowError.row)).size,
  };
}

/** The date order evidence of every column whose sample is a numeric date, read from all its cells. */
function dateEvidenceOf(parsed: ParsedCsv, samples: string[]): Record<number, DateOrderEvidence> {
  const evidence: Record<number, DateOrderEvidence> = {};
  samples.forEach((sample, col) => {
    if (looksLikeNumericDate(sample)) evidence[col] = dateOrderEvidence(parsed.rows.map((row) => row[col] ?? ""));
  });
  return evidence;
}

/** The decimal separator evidence of every column whose sample is a number, read from all its cells. */
function numberEvidenceOf(parsed: ParsedCsv, samples: string[]): Record<number, NumberFormatEvidence> {
  const evidence: Record<number, NumberFormatEvidence> = {};
  samples.forEach((sample, col) => {
    if (looksLikeNumber(sample)) evidence[col] = numberFormatEvidence(parsed.rows.map((row) => row[col] ?? ""));
  });
  return evidence;
}

async function parse(input: File): Promise<ParsedFile> {
  file = null;
  grouping = null;
  const decoded = decodeCsvBytes(new Uint8Array(await input.arrayBuffer()));
  const parsed = parseCsvText(decoded.text);
  file = parsed;
  const signature = headersSignature(parsed.headers);
  const samples = parsed.headers.map((_, col) => parsed.rows.slice(0, SAMPLE_ROWS).find((row) => row[col]?.trim())?.[col]?.trim() ?? "");
  const isExport = signature === EXPORT_SIGNATURE;
  const suggested = isExport ? { ...EXPORT_MAPPING } : (refineMappingWithRows(suggestMapping(parsed.headers), parsed.rows) as Mapping);
  return {
    fileName: input.name,
    headers: parsed.headers,
    samples,
    rowCount: parsed.rows.length,
    encoding: decoded.encoding,
    issues: parsed.errors,
    signature,
    suggested,
    suggestedWeightUnit: isExport ? null : suggestWeightUnit(parsed.headers, suggested),
    suggestedFrom: isExport ? "export" : "headers",
    dateEvidence: dateEvidenceOf(parsed, samples),
    numberEvidence: numberEvidenceOf(parsed, samples),
  };
}
