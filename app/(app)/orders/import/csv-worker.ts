/// <reference lib="webworker" />
import { decodeCsvBytes } from "@/lib/csv/decode";
import { EXPORT_MAPPING, ORDERS_EXPORT_COLUMNS } from "@/lib/csv/export-orders";
import { parseCsvText, type ParsedCsv } from "@/lib/csv/parse";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import { headersSignature, suggestMapping } from "@/lib/csv/suggest-mapping";
import { errorReport } from "@/lib/csv/write-csv";
import type { BuiltOrders, Mapping, ParsedFile, WorkerReply, WorkerRequest } from "./worker-protocol";

/**
 * Reading, parsing and grouping a file of up to 50 MB takes seconds; here it does not freeze the
 * page. The rows stay in this worker, and the page asks for what it needs (orders, error report).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let file: ParsedCsv | null = null;

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
    case "orders": {
      const parsed = current();
      const result: BuiltOrders = rowsToOrders(parsed.rows, request.mapping, { ...request.options, rowNumbers: parsed.rowNumbers, headers: parsed.headers });
      return result;
    }
    case "report": {
      const parsed = current();
      return errorReport(parsed.headers, parsed.rows, request.errors, { rowNumbers: parsed.rowNumbers });
    }
  }
}

function current(): ParsedCsv {
  if (!file) throw new Error("Choose a file first.");
  return file;
}

async function parse(input: File): Promise<ParsedFile> {
  file = null;
  const decoded = decodeCsvBytes(new Uint8Array(await input.arrayBuffer()));
  const parsed = parseCsvText(decoded.text);
  file = parsed;
  const signature = headersSignature(parsed.headers);
  const isExport = signature === EXPORT_SIGNATURE;
  return {
    fileName: input.name,
    headers: parsed.headers,
    samples: parsed.headers.map((_, col) => parsed.rows.slice(0, SAMPLE_ROWS).find((row) => row[col]?.trim())?.[col]?.trim() ?? ""),
    rowCount: parsed.rows.length,
    encoding: decoded.encoding,
    issues: parsed.errors,
    signature,
    suggested: isExport ? { ...EXPORT_MAPPING } : (suggestMapping(parsed.headers) as Mapping),
    suggestedFrom: isExport ? "export" : "headers",
  };
}
