import type { CsvEncoding } from "@/lib/csv/decode";
import type { CsvIssue } from "@/lib/csv/parse";
import type { CsvOrder, FieldKey, RowsToOrdersOptions } from "@/lib/csv/rows-to-orders";
import type { CsvRowError } from "@/lib/csv/write-csv";

/** Column index → the field it fills; null for a column left out. */
export type Mapping = Record<number, FieldKey | null>;

export type ImportOptions = Pick<RowsToOrdersOptions, "timeZone" | "dateOrder" | "weightUnit" | "blankCells">;

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
  /** "export": the file is a Shipdeck export, mapped as it was written. */
  suggestedFrom: "export" | "headers";
}

export interface BuiltOrders {
  orders: CsvOrder[];
  errors: CsvRowError[];
}

export type WorkerRequest = { id: number } & (
  | { type: "parse"; file: File }
  | { type: "orders"; mapping: Mapping; options: ImportOptions }
  | { type: "report"; errors: CsvRowError[] }
);

export type WorkerReply = { id: number } & ({ ok: true; value: unknown } | { ok: false; message: string });
