import type { CsvMappingSummary } from "@/lib/csv/csv-mappings";
import type { SavedCsvOptions } from "@/lib/csv/import-protocol";
import type { CsvChunkOutcome, CsvImportFinished, CsvImportSummary, CsvPreview, StartCsvImportInput } from "@/lib/csv/import-protocol";
import { findUnchangedOrders as findUnchanged, type CsvChunkEntry } from "@/lib/csv/plan-chunks";
import type { Fingerprint, Mapping } from "./worker-protocol";

/** The CSV import endpoints (app/api/csv-imports, app/api/csv-mappings), as the browser calls them. */

/** An answer other than 2xx, or no answer. `retryable`: the same request may succeed later (network, 5xx, 429). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get retryable(): boolean {
    return this.status === null || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    throw new ApiError("", null);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!response.ok) {
    const message = (json as { message?: unknown } | null)?.message;
    throw new ApiError(typeof message === "string" ? message : `HTTP ${response.status}`, response.status);
  }
  return json as T;
}

export const createImport = (body: StartCsvImportInput) => call<{ importId: string; runId: number }>("POST", "/api/csv-imports", body);

export const previewOrders = (storeId: number, orders: CsvChunkEntry[]) => call<CsvPreview>("POST", "/api/csv-imports/preview", { storeId, orders });

/**
 * The order numbers of the store whose fingerprint is the one given: as the same rows last
 * imported them, asked as a preview of those orders by fingerprint. `rest` is only called when
 * some of the `sample` is unchanged.
 */
export const findUnchangedOrders = (storeId: number, sample: readonly Fingerprint[], rest: () => Promise<Fingerprint[]>) =>
  findUnchanged(sample, rest, async (orders) =>
    (await previewOrders(storeId, orders)).results.filter((result) => result.outcome === "unchanged").map((result) => result.orderNumber),
  );

export const putChunk = (importId: string, chunkIndex: number, orders: CsvChunkEntry[]) =>
  call<CsvChunkOutcome>("PUT", `/api/csv-imports/${encodeURIComponent(importId)}/chunks/${chunkIndex}`, { orders });

export const finishImport = (importId: string) => call<CsvImportFinished>("POST", `/api/csv-imports/${encodeURIComponent(importId)}/finish`);

export const getImport = (importId: string) => call<CsvImportSummary>("GET", `/api/csv-imports/${encodeURIComponent(importId)}`);

export const listMappings = (headersSignature: string) =>
  call<CsvMappingSummary[]>("GET", `/api/csv-mappings?headersSignature=${encodeURIComponent(headersSignature)}`);

export const saveMapping = (body: { name: string; headersSignature: string; mapping: Mapping; options: SavedCsvOptions; headers: string[] }) => call<{ id: number | string }>("POST", "/api/csv-mappings", body);
