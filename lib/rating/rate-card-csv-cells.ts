import { plainAmountToCents } from "@/lib/money";

/** The cells of a rate card CSV, read as merchants write them in a spreadsheet. Null when unreadable. */

export const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");
export const isBlankRow = (cells: string[]) => cells.every((cell) => cell.trim() === "");
export const roundOz = (oz: number) => Math.round(oz * 1000) / 1000;

/** A dollar amount ("8.25", "$8.25", "8") in cents, or null. */
export function dollarsToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "");
  const cents = plainAmountToCents(cleaned);
  return cents === null || cents < 0 ? null : cents;
}

export function positiveNumber(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(value) && value > 0 ? value : null;
}

/** "5", "05" (a spreadsheet dropped the zeros) → "005". */
export function zip3(text: string): string | null {
  const trimmed = text.trim();
  return /^\d{1,3}$/.test(trimmed) ? trimmed.padStart(3, "0") : null;
}

/** "005-089", "005---089" (USPS's way), "902" → [from, to]. */
export function zip3Range(text: string): [string, string] | null {
  const [from, to = from, ...rest] = text.split(/\s*-+\s*/);
  const a = zip3(from);
  const b = zip3(to);
  return rest.length || !a || !b || a > b ? null : [a, b];
}

/**
 * "96799", "96700-96899", a whole ZIP3 "967" or a ZIP3 range "995-999" → [from, to] as 5-digit
 * ZIPs. Four digits are a ZIP whose leading zero a spreadsheet dropped ("4901" is 04901).
 */
export function zip5Range(text: string): [string, string] | null {
  const [from, to = from, ...rest] = text.trim().split(/\s*-+\s*/);
  if (rest.length) return null;
  let a: string | null = null;
  let b: string | null = null;
  if (/^\d{1,3}$/.test(from) && /^\d{1,3}$/.test(to)) {
    a = `${from.padStart(3, "0")}00`;
    b = `${to.padStart(3, "0")}99`;
  } else if (/^\d{4,5}$/.test(from) && /^\d{4,5}$/.test(to)) {
    a = from.padStart(5, "0");
    b = to.padStart(5, "0");
  }
  return !a || !b || a > b ? null : [a, b];
}

export function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/**
 * Comma, semicolon (spreadsheets in decimal-comma locales) or tab: the one most lines have.
 * Papaparse's own guess wants rows of equal width, which sections of different widths are not.
 */
export function delimiterOf(text: string): string {
  const lines = text.split(/\r?\n/, 200);
  let best = ",";
  let bestLines = 0;
  for (const delimiter of [",", ";", "\t"]) {
    const count = lines.filter((line) => line.includes(delimiter)).length;
    if (count > bestLines) [best, bestLines] = [delimiter, count];
  }
  return best;
}
