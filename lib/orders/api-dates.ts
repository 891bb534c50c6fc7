import { z } from "zod";
import { instantOfWallClock, offsetMinutesOf, zoneOffsetMs } from "@/lib/dates";

/** ShipStation reads and prints times without an offset in the account's zone: Pacific time unless set otherwise. */
export const DEFAULT_API_TIME_ZONE = "America/Los_Angeles";

export const API_DATE_HINT = "Use ISO 8601 (2026-11-26T14:30:00-08:00) or yyyy-MM-dd HH:mm:ss";

// 2026-11-26 | 2026-11-26T14:30 | 2026-11-26 14:30:00 | 2026-11-26T14:30:00.1234567 | …-08:00 | …-0800 | …Z
const API_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC; `null` when the text names no offset. */
  offsetMinutes: number | null;
}

/**
 * The calendar parts of an API date, or `null` when the text is not one of the accepted forms
 * or names a day or time that does not exist (2026-02-30, 24:00). Years before 1970 are refused:
 * orders store instants since the Unix epoch.
 */
export function apiDateParts(text: string): DateParts | null {
  const match = API_DATE.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", offset] = match;
  const parts: DateParts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    // Millisecond precision: ShipStation's seven digits are truncated, so printing and reading back agree.
    millisecond: Number(fraction.padEnd(3, "0").slice(0, 3)),
    offsetMinutes: offset === undefined ? null : offsetMinutesOf(offset),
  };
  const daysInMonth = new Date(Date.UTC(parts.year, parts.month, 0)).getUTCDate();
  const valid =
    parts.year >= 1970 &&
    parts.month >= 1 && parts.month <= 12 &&
    parts.day >= 1 && parts.day <= daysInMonth &&
    parts.hour <= 23 && parts.minute <= 59 && parts.second <= 59 &&
    (parts.offsetMinutes === null || Math.abs(parts.offsetMinutes) <= 18 * 60);
  return valid ? parts : null;
}

/** Why `text` is not an API date, in words for the field's error; `null` when it is one. */
export function apiDateProblem(text: string): string | null {
  const match = API_DATE.exec(text.trim());
  if (!match) return API_DATE_HINT;
  if (apiDateParts(text)) return null;
  return Number(match[1]) < 1970 ? "Use a date in 1970 or later" : `${API_DATE_HINT}; this day, time or offset does not exist`;
}


/**
 * The UTC instant (epoch ms) of an API date, or `null` when it is not one. A time with an offset
 * or `Z` means that instant; one without is wall-clock time in `timeZone`, and a bare date is
 * midnight there, as ShipStation reads them.
 */
export function parseApiDate(text: string, timeZone: string = DEFAULT_API_TIME_ZONE): number | null {
  const parts = apiDateParts(text);
  if (!parts) return null;
  const { year, month, day, hour, minute, second, millisecond, offsetMinutes } = parts;
  if (offsetMinutes !== null) return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
  return instantOfWallClock(year, month, day, hour, minute, second, timeZone) + millisecond;
}

/**
 * An instant as ShipStation prints it in responses: wall-clock time in `timeZone`, seven
 * fractional digits, no offset ("2026-11-26T14:30:00.0000000").
 */
export function formatApiDate(ms: number, timeZone: string = DEFAULT_API_TIME_ZONE): string {
  const local = new Date(ms + zoneOffsetMs(ms, timeZone));
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date}T${time}.${pad(local.getUTCMilliseconds(), 3)}0000`;
}

/** A date parameter of the API, with the message a developer can act on. */
export const apiDateSchema = z.string().refine((text) => apiDateProblem(text) === null, { error: (issue) => apiDateProblem(String(issue.input)) ?? API_DATE_HINT });
