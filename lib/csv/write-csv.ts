import type { Localizable } from "@/lib/i18n/message";

/**
 * Every CSV Shipdeck writes goes through `toCsv`: RFC 4180 quoting, CRLF line ends, and cells a
 * spreadsheet would run as a formula defused (CSV injection). Runs in the browser and in Node.
 */
type CsvCell = string | number | null | undefined;

/** A spreadsheet runs a cell starting with one of these as a formula (or, for tab and CR, may strip them and then run it). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** Our own guard on a cell read back: one apostrophe before a formula start. */
const GUARDED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The cell as text a spreadsheet shows and does not run: a leading apostrophe before `=`, `+`,
 * `-`, `@`, tab or CR, except for plain numbers ("-12.50" stays a number). Cells already starting
 * with apostrophes before such a character get one more, so `readCsvCell` can always undo exactly one.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormula`: a cell Shipdeck exported reads back as the value it exported. */
export function readCsvCell(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

function csvField(cell: CsvCell): string {
  const text = cell == null || (typeof cell === "number" && !Number.isFinite(cell)) ? "" : neutraliseFormula(String(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text; every record, the last included, ends with CRLF, so chunks of one export can be concatenated. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  let out = "";
  for (const row of rows) out += `${row.map(csvField).join(",")}\r\n`;
  return out;
}

/** `message` in English (the API, the error report); `key` and `params` for the page to show it in the merchant's language. */
export interface CsvRowError extends Localizable {
  /** The row's number in the spreadsheet (the header is row 1). */
  row: number;
  /** The header of the column at fault, or null when the error is about the whole row. */
  column: string | null;
}

/**
 * The import's error report: the file's header plus an "Error" column, and each row that had an
 * error, as it was in the file, with its messages (prefixed by their column). A merchant fixes
 * the rows in place and imports the report itself: the extra column is simply left unmapped.
 * `rows` are the data rows: `rows[i]` is spreadsheet row `rowNumbers[i]` when given (parseCsvText's),
 * else `firstDataRowNumber + i` (default 2: one header row). `errorColumn` names the extra column in the
 * merchant's language; each error's `message` is written as given (the page hands them translated).
 */
export function errorReport(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  errors: readonly CsvRowError[],
  options: { firstDataRowNumber?: number; rowNumbers?: readonly number[]; errorColumn?: string } = {},
): string {
  const firstDataRowNumber = options.firstDataRowNumber ?? 2;
  const indexByRow = options.rowNumbers ? new Map(options.rowNumbers.map((row, index) => [row, index])) : null;
  const messages = new Map<number, string[]>();
  for (const error of errors) {
    const text = error.column ? `${error.column}: ${error.message}` : error.message;
    const list = messages.get(error.row);
    if (list) list.push(text);
    else messages.set(error.row, [text]);
  }
  const reported = [...messages]
    .sort(([a], [b]) => a - b)
    .flatMap(([rowNumber, rowMessages]) => {
      const row = rows[indexByRow ? (indexByRow.get(rowNumber) ?? -1) : rowNumber - firstDataRowNumber];
      return row ? [{ row, message: rowMessages.join("; ") }] : [];
    });
  // A row longer than the header keeps its extra cells; the Error column comes after the longest.
  const width = reported.reduce((widest, { row }) => Math.max(widest, row.length), headers.length);
  const out: CsvCell[][] = [[...headers.map(readCsvCell), ...Array<string>(width - headers.length).fill(""), options.errorColumn ?? "Error"]];
  for (const { row, message } of reported) {
    // Cells go back as the import read them (our guard undone), so toCsv guards each exactly once.
    out.push([...Array.from({ length: width }, (_, index) => readCsvCell(row[index] ?? "")), message]);
  }
  return toCsv(out);
}
