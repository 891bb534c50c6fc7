import { findUnchangedOrders as findUnchanged, type CsvChunkEntry } from "@/lib/csv/plan-chunks";
import type { Fingerprint, ImportOptions, Mapping } from "./worker-protocol";

/** The CSV import endpoints (app/api/csv-imports, app/api/csv-mappings), as the browser calls them. */

export type Outcome = "created" | "updated" | "unchanged" | "skipped" | "failed";
export type Counts = Record<Outcome, number>;
export interface OrderResult {
  orderNumber: string;
  rowNumbers: number[];
  outcome: Outcome;
  reason?: string;
}
export type ImportStatus = "running" | "succeeded" | "partial" | "failed";
export interface ImportState {
  id: string;
  status: ImportStatus;
  fileName: string;
  storeId: number;
  totalChunks: number;
  chunksDone: number;
  totalRows: number;
  rowsLeftOut: number;
  counts: Counts;
  createdAt: number | string;
  finishedAt: number | string | null;
}
export interface SavedMapping {
  id: number | string;
  name: string;
  headersSignature: string;
  mapping: Record<string, string | null>;
}

export const ZERO_COUNTS: Counts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };

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

export interface NewImport {
  storeId: number;
  fileName: string;
  options: ImportOptions;
  mapping: Mapping;
  headers: string[];
  totalChunks: number;
  totalRows: number;
  rowsLeftOut: number;
}

export const createImport = (body: NewImport) => call<{ importId: string }>("POST", "/api/csv-imports", body);

/**
 * The order numbers of the store whose fingerprint is the one given: as the same rows last
 * imported them. `rest` is only called when some of the `sample` is unchanged.
 */
export const findUnchangedOrders = (storeId: number, sample: readonly Fingerprint[], rest: () => Promise<Fingerprint[]>) =>
  findUnchanged(sample, rest, async (orders) => (await call<{ unchanged: string[] }>("POST", "/api/csv-imports/unchanged-orders", { storeId, orders })).unchanged);

export const previewOrders = (storeId: number, orders: CsvChunkEntry[]) =>
  call<Counts & { results: OrderResult[] }>("POST", "/api/csv-imports/preview", { storeId, orders });

export const putChunk = (importId: string, chunkIndex: number, orders: CsvChunkEntry[]) =>
  call<{ chunkIndex: number; applied: boolean; counts: Counts; results: OrderResult[] }>(
    "PUT",
    `/api/csv-imports/${encodeURIComponent(importId)}/chunks/${chunkIndex}`,
    { orders },
  );

export const finishImport = (importId: string) =>
  call<{ status: ImportStatus; counts: Counts }>("POST", `/api/csv-imports/${encodeURIComponent(importId)}/finish`);

export const getImport = (importId: string) => call<ImportState>("GET", `/api/csv-imports/${encodeURIComponent(importId)}`);

export const listMappings = (headersSignature: string) =>
  call<SavedMapping[]>("GET", `/api/csv-mappings?headersSignature=${encodeURIComponent(headersSignature)}`);

export const saveMapping = (body: { name: string; headersSignature: string; mapping: Mapping }) => call<{ id: number | string }>("POST", "/api/csv-mappings", body);
