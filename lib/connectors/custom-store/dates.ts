const MINUTE_MS = 60_000;

/** `MM/dd/yyyy HH:mm` in UTC: the format ShipStation sends in start_date and end_date. */
export function formatCustomStoreDate(epochMs: number): string {
  const date = new Date(epochMs);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
}

export const floorToMinute = (epochMs: number) => Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
export const ceilToMinute = (epochMs: number) => Math.ceil(epochMs / MINUTE_MS) * MINUTE_MS;

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?)?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date as stores write it, in UTC. The guide asks for `MM/dd/yyyy HH:mm` and allows 12- and
 * 24-hour notation, so `12/8/2011 9:56 PM`, `12/08/2011 21:56` and even the guide's own
 * `12/8/2011 21:56 PM` (a 24-hour time with a stray PM) all read as 21:56; seconds and ISO 8601
 * are accepted too. Null when it is not a date.
 */
export function parseCustomStoreDate(text: string): number | null {
  const value = text.trim();
  const us = US_DATE.exec(value);
  if (us) {
    const [, month, day, yearText, hourText = "0", minute = "0", second = "0", meridiem] = us;
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    let hour = Number(hourText);
    if (meridiem) {
      if (hour === 0 || hour > 23) return null;
      if (/p/i.test(meridiem) && hour < 12) hour += 12;
      if (/a/i.test(meridiem) && hour === 12) hour = 0;
    }
    return utc(year, Number(month), Number(day), hour, Number(minute), Number(second));
  }
  const iso = ISO_DATE.exec(value);
  if (iso) {
    // No zone means UTC here, as everywhere in this protocol.
    const withZone = iso[1] ? value : value.length === 10 ? `${value}T00:00:00Z` : `${value.replace(" ", "T")}Z`;
    const parsed = Date.parse(withZone);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second);
  // 2/30 rolls over into March; a real date comes back with the same day.
  return new Date(epoch).getUTCDate() === day ? epoch : null;
}
