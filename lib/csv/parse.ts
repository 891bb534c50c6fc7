import Papa from "papaparse";
import { inEnglish, localizable, message, type Localizable } from "@/lib/i18n/message";

type CsvDelimiter = "," | "\t" | ";";
const CSV_DELIMITERS: readonly CsvDelimiter[] = [",", "\t", ";"];

type CsvIssueCode =
  | "empty_file"
  | "duplicate_header"
  | "short_row"
  | "long_row"
  | "unclosed_quote"
  | "malformed_quote";

/**
 * A problem found while reading the file. `row` is the row a spreadsheet shows: the header is row 1
 * (blank lines count, a quoted value spanning several lines is one row).
 */
export interface CsvIssue extends Localizable {
  row: number;
  code: CsvIssueCode;
}

export interface ParsedCsv {
  /** Trimmed; empty ones are "Column N", repeated ones get " (2)", " (3)"… so every header is unique. */
  headers: string[];
  /** Data rows, each exactly `headers.length` cells, text as in the file (not trimmed). */
  rows: string[][];
  /** The spreadsheet row number of each entry of `rows` (same index), for error reports. */
  rowNumbers: number[];
  delimiter: CsvDelimiter;
  errors: CsvIssue[];
}

/**
 * CSV text (already decoded, see `decodeCsvBytes`) to a header and rectangular rows, with
 * papaparse in array mode (`header: false`), mapped by column index later. The delimiter is
 * detected among comma, tab and semicolon unless given; CRLF or LF, quoted delimiters, quoted
 * newlines and doubled quotes are papaparse's. Whitespace-only lines are skipped like papaparse's
 * `skipEmptyLines: "greedy"`, but here, so that row numbers still match the spreadsheet.
 */
export function parseCsvText(text: string, options: { delimiter?: string } = {}): ParsedCsv {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = options.delimiter === undefined ? detectDelimiter(text) : checkedDelimiter(options.delimiter);
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter, skipEmptyLines: false });
  const records = parsed.data;
  const errors: CsvIssue[] = [];

  for (const error of parsed.errors) {
    if (error.type !== "Quotes" || error.row === undefined) continue;
    const row = error.row + 1;
    errors.push(
      error.code === "MissingQuotes"
        ? { row, code: "unclosed_quote", ...localizable(message("csvErrors.unclosedQuote", { row })) }
        : { row, code: "malformed_quote", ...localizable(message("csvErrors.malformedQuote", { row })) },
    );
  }

  const headerIndex = records.findIndex((record) => !isBlank(record));
  if (headerIndex === -1) {
    return { headers: [], rows: [], rowNumbers: [], delimiter, errors: [{ row: 1, code: "empty_file", ...localizable(message("csvErrors.emptyFile")) }] };
  }
  const headerRow = headerIndex + 1;
  const headers = uniqueHeaders(records[headerIndex], headerRow, errors);
  const named = records[headerIndex].map((header) => header.trim() !== "");

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let index = headerIndex + 1; index < records.length; index++) {
    const record = records[index];
    if (isBlank(record)) continue;
    const row = index + 1;
    rows.push(fitToHeader(record, headers.length, named, row, errors));
    rowNumbers.push(row);
  }

  errors.sort((a, b) => a.row - b.row);
  return { headers, rows, rowNumbers, delimiter, errors };
}

function detectDelimiter(text: string): CsvDelimiter {
  // Guessed on the first rows with blank lines skipped: counted in, they make every delimiter look inconsistent.
  const guess = Papa.parse<string[]>(text, { header: false, preview: 1, skipEmptyLines: "greedy", delimitersToGuess: [...CSV_DELIMITERS] });
  const found = guess.meta.delimiter as CsvDelimiter;
  return CSV_DELIMITERS.includes(found) ? found : ",";
}

function checkedDelimiter(delimiter: string): CsvDelimiter {
  if ((CSV_DELIMITERS as readonly string[]).includes(delimiter)) return delimiter as CsvDelimiter;
  throw new RangeError(`Unsupported CSV delimiter ${JSON.stringify(delimiter)}: use a comma, a tab or a semicolon.`);
}

function isBlank(record: string[]): boolean {
  for (const cell of record) if (cell.trim() !== "") return false;
  return true;
}

function uniqueHeaders(record: string[], row: number, errors: CsvIssue[]): string[] {
  const named = record.map((cell, index) => cell.trim() || inEnglish(message("csvErrors.columnNumber", { number: index + 1 })));
  const taken = new Set(named.map((header) => header.toLowerCase()));
  const firstSeen = new Map<string, number>();
  return named.map((header, index) => {
    const key = header.toLowerCase();
    const first = firstSeen.get(key);
    if (first === undefined) {
      firstSeen.set(key, index);
      return header;
    }
    let n = 2;
    while (taken.has(`${key} (${n})`)) n++;
    const renamed = `${header} (${n})`;
    taken.add(renamed.toLowerCase());
    errors.push({
      row,
      code: "duplicate_header",
      ...localizable(message("csvErrors.duplicateHeader", { first: first + 1, second: index + 1, header, renamed })),
    });
    return renamed;
  });
}

function fitToHeader(record: string[], width: number, named: boolean[], row: number, errors: CsvIssue[]): string[] {
  if (record.length === width) return record;
  if (record.length < width) {
    // Missing cells under columns without a header (a trailing comma on the header line) are not worth a word.
    if (named.slice(record.length).some(Boolean)) {
      errors.push({ row, code: "short_row", ...localizable(message("csvErrors.shortRow", { row, count: record.length, width })) });
    }
    return record.concat(Array<string>(width - record.length).fill(""));
  }
  const extra = record.slice(width);
  if (!isBlank(extra)) {
    errors.push({ row, code: "long_row", ...localizable(message("csvErrors.longRow", { row, count: record.length, width, extra: extra.length })) });
  }
  return record.slice(0, width);
}
