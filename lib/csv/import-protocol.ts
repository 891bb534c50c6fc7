import { z } from "zod";
import type { CsvImportStatus } from "@/db/schema";
import { timeZoneSchema } from "@/lib/dates";
import { inEnglish, message } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { normalizedOrderSchema } from "@/lib/orders/schema";
import { WEIGHT_UNITS } from "@/lib/weights";
import { columnMappingSchema, type ColumnMappingInput } from "./mapping-schema";
import { ROW_DIGEST_PATTERN } from "./row-digest";

/**
 * What the import page and the server say to each other (app/api/csv-imports): the bodies the
 * server checks, the answers the page reads, and the limits both keep. Browser-safe: the page's
 * worker and lib/csv/csv-imports.ts (the server) both import it.
 */

/** The largest preview or chunk body. */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest body that starts an import (header row and mapping). */
export const MAX_START_BYTES = 1024 * 1024;
/** Orders read from their rows in one chunk: what the server writes in one transaction. */
export const MAX_ORDERS_READ_PER_CHUNK = 1_000;
/** Entries in one chunk or preview in all: the others are sent by fingerprint, a few dozen bytes each. */
export const MAX_ENTRIES_PER_CHUNK = 5_000;

export const csvImportOptionsSchema = z.object({
  timeZone: timeZoneSchema,
  dateOrder: z.enum(["MDY", "DMY"]),
  weightUnit: z.enum(WEIGHT_UNITS),
  blankCells: z.enum(["keep", "clear"]),
  /** "1.234,50": amounts and weights are written with decimal commas. Imports started before this option read decimal points. */
  decimalComma: z.boolean().default(false),
});
export type CsvImportOptions = z.infer<typeof csvImportOptionsSchema>;

/** The options a saved mapping keeps: any of the import's, each checked as the import checks it. */
export const savedCsvOptionsSchema = csvImportOptionsSchema.extend({ decimalComma: z.boolean() }).partial();
export type SavedCsvOptions = z.infer<typeof savedCsvOptionsSchema>;

// Zod keeps a message as text: the English catalog's, which the import page reads back into its key (lib/i18n/message.ts).
const said = en.csvImportErrors;

export const startCsvImportSchema = z
  .object({
    storeId: z.number().int().positive(),
    fileName: z.string().trim().min(1, said.fileNeedsName).max(255),
    options: csvImportOptionsSchema,
    mapping: columnMappingSchema,
    headers: z.array(z.string().max(1000)).min(1, said.noHeaderRow).max(2000),
    totalChunks: z.number().int().min(0).max(100_000),
    totalRows: z.number().int().min(0).max(10_000_000),
    /** Rows the browser could not read into orders: they make the import partial. */
    rowsLeftOut: z.number().int().min(0).max(10_000_000).default(0),
  })
  .superRefine((input, context) => {
    for (const column of Object.keys(input.mapping)) {
      if (Number(column) >= input.headers.length) {
        context.addIssue({ code: "custom", path: ["mapping", column], message: inEnglish(message("csvImportErrors.noColumn", { column: Number(column) + 1 })) });
      }
    }
    if (!Object.values(input.mapping).includes("orderNumber")) {
      context.addIssue({ code: "custom", path: ["mapping"], message: en.csvErrors.chooseOrderNumberColumn });
    }
  });
export type StartCsvImportInput = z.input<typeof startCsvImportSchema>;

const rowNumbersSchema = z.array(z.number().int().min(1)).max(100_000);
const digestSchema = z.string().regex(ROW_DIGEST_PATTERN, said.fingerprintShape);

/**
 * One order read from its rows (`CsvOrder` of lib/csv/rows-to-orders.ts). The order itself is
 * checked here only for being an object: each is validated on its own with the order schema,
 * so a bad order fails alone and the rest of the chunk is imported.
 */
const csvOrderSchema = z.object({
  order: z.custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value), said.orderIsObject),
  rowNumbers: rowNumbersSchema,
  auto: z.boolean(),
  digest: digestSchema.optional(),
});

/**
 * An order sent by its number and the fingerprint of its rows only (`CsvFingerprint`): unchanged
 * when its stored order was last written from that fingerprint, which the server checks.
 */
const csvFingerprintSchema = z.object({ orderNumber: normalizedOrderSchema.shape.orderNumber, digest: digestSchema, rowNumbers: rowNumbersSchema });

/**
 * Either kind of entry, told apart by whether it carries an order: a union would try one schema,
 * fail and try the other, which costs as much as the checks themselves on a re-import's 100,000
 * fingerprints.
 */
const csvChunkEntrySchema = z.custom<z.infer<typeof csvOrderSchema> | z.infer<typeof csvFingerprintSchema>>().transform((entry, context) => {
  const schema = typeof entry === "object" && entry !== null && "order" in entry ? csvOrderSchema : csvFingerprintSchema;
  const parsed = schema.safeParse(entry);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) context.addIssue({ ...issue, code: "custom", path: issue.path });
  return z.NEVER;
});

export const csvChunkSchema = z.object({
  orders: z
    .array(csvChunkEntrySchema)
    .max(MAX_ENTRIES_PER_CHUNK, inEnglish(message("csvImportErrors.atMostOrders", { max: MAX_ENTRIES_PER_CHUNK })))
    .refine(
      (entries) => entries.filter((entry) => "order" in entry).length <= MAX_ORDERS_READ_PER_CHUNK,
      inEnglish(message("csvImportErrors.atMostOrdersRead", { max: MAX_ORDERS_READ_PER_CHUNK })),
    ),
});
export type CsvChunkInput = z.input<typeof csvChunkSchema>;
export type CsvChunkEntry = z.infer<typeof csvChunkSchema>["orders"][number];
export type CsvFingerprint = z.infer<typeof csvFingerprintSchema>;
/** A preview names the store the orders would go to; the rest is a chunk. */
export type CsvPreviewInput = CsvChunkInput & { storeId: number };

type CsvOutcome = "created" | "updated" | "unchanged" | "skipped" | "failed";
export type CsvImportCounts = Record<CsvOutcome, number>;
export const ZERO_COUNTS: CsvImportCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };

export interface CsvOrderResult {
  /** The assigned number for an AUTO order ("AUTO" in a preview, or when it failed before getting one); "" when the payload had none. */
  orderNumber: string;
  rowNumbers: number[];
  outcome: CsvOutcome;
  reason?: string;
}

/** A preview answers every entry, in the order sent. */
export interface CsvPreview extends CsvImportCounts {
  results: CsvOrderResult[];
}

/** What a chunk answers, and keeps for a second send of it. */
export interface CsvChunkRecord {
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
  /** The import run: the orders list shows the orders it created with `?run=`. */
  runId: number;
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

export interface CsvImportFinished {
  status: CsvImportStatus;
  counts: CsvImportCounts;
}
