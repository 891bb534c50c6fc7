import { z } from "zod";
import { inEnglish, message } from "@/lib/i18n/message";

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than using it, and imports read a date per row. */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in `timeZone` at that instant. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = zoneFormatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wallClock = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in `timeZone`: the earlier one when clocks fall back, and
 * a time the clocks skip when they spring forward (02:30 on a US change day) read as the same
 * time after the change (03:30), as Java, Temporal and most libraries do.
 */
export function instantOfWallClock(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let instant = asUtc - zoneOffsetMs(asUtc, timeZone);
  // A second pass settles instants near a DST change, where the first guess used the other offset.
  instant = asUtc - zoneOffsetMs(instant, timeZone);
  const offset = zoneOffsetMs(instant, timeZone);
  if (instant + offset === asUtc) return instant;
  const otherOffset = zoneOffsetMs(asUtc - offset, timeZone);
  return Math.max(asUtc - offset, asUtc - otherOffset);
}

/** Midnight at the start of `YYYY-MM-DD` in `timeZone`, as a UTC instant. */
export function startOfDay(day: string, timeZone: string): number {
  const [year, month, date] = day.split("-").map(Number);
  return instantOfWallClock(year, month, date, 0, 0, 0, timeZone);
}

/** Midnight at the start of the day after `YYYY-MM-DD` in `timeZone`. */
export function startOfNextDay(day: string, timeZone: string): number {
  const [year, month, date] = day.split("-").map(Number);
  const next = new Date(Date.UTC(year, month - 1, date + 1));
  return instantOfWallClock(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, 0, timeZone);
}

/** A UTC offset as written ("Z", "+02:00", "-0500", "+05") in minutes east; NaN for minutes past 59. */
export function offsetMinutesOf(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(2) || "0");
  if (minutes > 59) return Number.NaN;
  return (offset[0] === "-" ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + minutes);
}

/**
 * IANA zone names are ASCII letters, digits and "._+-/", starting with a letter ("Etc/GMT+5").
 * Newer engines also take UTC offsets ("+05:00") as zones; refused, so every runtime agrees.
 */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9._+\/-]{0,99}$/;
/** Zones found valid: checking builds an Intl formatter, about a millisecond, and every CSV chunk checks. */
const knownZones = new Set<string>();

/**
 * Whether `zone` is "UTC" or an IANA zone name this runtime's Intl knows, including links
 * ("US/Eastern", "Asia/Calcutta") and any letter case, as `Intl.DateTimeFormat` reads them.
 */
export function isTimeZone(zone: string): boolean {
  if (zone === "UTC" || knownZones.has(zone)) return true;
  if (!ZONE_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    return false;
  }
  // Names come from cookies and request bodies too: bound what made-up spellings can grow.
  if (knownZones.size < 1000) knownZones.add(zone);
  return true;
}

/** A time zone field: the API's, the CSV import's; the message names what was sent. */
export const timeZoneSchema = z.string().refine(isTimeZone, {
  error: (issue) => inEnglish(message("formErrors.notTimeZone", { value: String(issue.input) })),
});
