import type { CsvEncoding } from "@/lib/csv/decode";
import type { WeightUnit } from "@/lib/weights";
import type { CsvIssue } from "@/lib/csv/parse";
import type { CsvFingerprint } from "@/lib/csv/import-protocol";
import type { CsvChunkEntry } from "@/lib/csv/plan-chunks";
import type { FieldKey } from "@/lib/csv/fields";
import type { CsvOrder, RowsToOrdersOptions } from "@/lib/csv/rows-to-orders";
import type { DateOrderEvidence, NumberFormatEvidence } from "@/lib/csv/values";
import type { CsvRowError } from "@/lib/csv/write-csv";

/** Column index → the field it fills; null for a column left out. */
export type Mapping = Record<number, FieldKey | null>;

export type ImportOptions = Required<Pick<RowsToOrdersOptions, "timeZone" | "dateOrder" | "weightUnit" | "blankCells" | "decimalComma">>;

/** What the page needs of a parsed file; the rows themselves stay in the worker. */
export interface ParsedFile {
  fileName: string;
  headers: string[];
  /** Per column, the first non-blank value of the first rows, to show next to its dropdown. */
  samples: string[];
  rowCount: number;
  encoding: CsvEncoding;
  issues: CsvIssue[];
  signature: string;
  suggested: Mapping;
  /** The unit the weight columns' headers name ("Gewicht (g)"), for weights written without one. */
  suggestedWeightUnit: WeightUnit | null;
  /** What each column holding numeric dates (03/04/2026) says of their order, by column index. */
  dateEvidence: Record<number, DateOrderEvidence>;
  /** What each column holding numbers (12,50 or 1,234.50) says of the decimal separator, by column index. */
  numberEvidence: Record<number, NumberFormatEvidence>;
  /** "export": the file is a Shipdeck export, mapped as it was written. */
  suggestedFrom: "export" | "headers";
}

/** A numbered order of the file by its fingerprint, to ask the server whether it is unchanged. */
export type Fingerprint = CsvFingerprint;

/** Which fingerprints to make: the sample asked about first, or the rest, needed only once some of the sample is unchanged. */
export type FingerprintPart = "sample" | "rest";

/** The file cut into chunks, ready to preview and import. */
export interface ImportPlan {
  chunks: CsvChunkEntry[][];
  /** The orders read from their rows (not those found unchanged), in file order: the preview shows the first. */
  orders: CsvOrder[];
  /** Every order the chunks send, those found unchanged included. */
  total: number;
  /** Rows that could not be read into orders, by row; they are not sent. */
  errors: CsvRowError[];
  /** How many rows `errors` names: the rows left out of the import. */
  rowsLeftOut: number;
}

export type WorkerRequest = { id: number } & (
  | { type: "parse"; file: File }
  | { type: "fingerprints"; mapping: Mapping; options: ImportOptions; part: FingerprintPart }
  | { type: "plan"; unchanged: string[] }
  | { type: "report"; errors: CsvRowError[]; errorColumn: string }
);

export type WorkerReply = { id: number } & ({ ok: true; value: unknown } | { ok: false; message: string });
