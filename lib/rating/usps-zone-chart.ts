import { AppError } from "@/lib/errors";
import { inEnglish, message, type Message, type MessageParams } from "@/lib/i18n/message";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * USPS domestic zone charts (postcalc.usps.com's Domestic Zone Chart service), read and looked up.
 *
 * The legend, as USPS prints it under the chart and as we apply it:
 * - the zone is the digit(s): 1–9 (9 is the freely associated states and some territories);
 * - `*` the destination is in the origin's NDC (sameNdc: parcel prices may differ for it);
 * - `+` the destination ZIP3 has 5-digit exceptions, listed in `zip5s` (USPS's Zip5Digit). An
 *   exception's MailService says which mail it applies to: "Priority Mail service" to Priority only,
 *   "USPS Ground Advantage (< 16 oz.)" to Ground Advantage under 16 oz only, "" to every service.
 *   Where no exception applies (Ground Advantage at 16 oz or more, say), the ZIP3's own zone does.
 */

export type UspsService = "priority" | "ground_advantage";

const SAME_NDC = 1;
const HAS_EXCEPTIONS = 2;

/** Who a 5-digit exception applies to: "" every service, "p" Priority Mail, "g" Ground Advantage under 16 oz. */
type ExceptionScope = "" | "p" | "g";

/** `[fromZip3, toZip3, zone, flags]`: flags is SAME_NDC | HAS_EXCEPTIONS. Sorted, not overlapping. */
type Zip3Range = [number, number, string, number];
/** `[fromZip5, toZip5, zone, flags, scope]`, sorted by fromZip5. */
type Zip5Range = [number, number, string, number, ExceptionScope];

export interface UspsZoneChart {
  originZip3From: string;
  originZip3To: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  zip3s: Zip3Range[];
  zip5s: Zip5Range[];
}

export interface UspsZoneLookup {
  zone: string;
  /** A 5-digit exception gave the zone, not the destination's ZIP3 row. */
  exception: boolean;
  sameNdc: boolean;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function invalid(key: Extract<MessageKey, `zoneChartErrors.${string}`>, params?: MessageParams): AppError {
  return new AppError("invalid_input", message("zoneChartErrors.notAChart", { reason: message(key, params) }));
}

/** "April 1, 2024" (USPS's words) or 2024-04-01 → 2024-04-01. */
export function normalizeUspsDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  const words = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(raw.trim());
  let year: number, month: number, day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (words) {
    const index = MONTHS.findIndex((name) => name.startsWith(words[1].toLowerCase()) && words[1].length >= 3);
    if (index < 0) return null;
    [year, month, day] = [Number(words[3]), index + 1, Number(words[2])];
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** "8", "8+", "1*", "2*+" → the zone and its flags. */
function parseZone(raw: unknown, where: string): { zone: string; flags: number } {
  const match = typeof raw === "string" ? /^([1-9])([*+]*)$/.exec(raw.trim()) : null;
  if (!match) throw invalid("zoneChartErrors.badZone", { where, value: JSON.stringify(raw) });
  return { zone: match[1], flags: (match[2].includes("*") ? SAME_NDC : 0) | (match[2].includes("+") ? HAS_EXCEPTIONS : 0) };
}

/** "005---089" or "962" (digits `digits` long) → [5, 89]. */
function parseRange(raw: unknown, digits: 3 | 5, where: string): [number, number] {
  const pattern = digits === 3 ? /^(\d{3})(?:-+(\d{3}))?$/ : /^(\d{5})(?:-+(\d{5}))?$/;
  const match = typeof raw === "string" ? pattern.exec(raw.trim()) : null;
  if (!match) throw invalid("zoneChartErrors.badRange", { where, value: JSON.stringify(raw), digits, example: digits === 3 ? "005---089" : "09000---09999" });
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  if (to < from) throw invalid("zoneChartErrors.rangeBackwards", { where, value: String(raw) });
  return [from, to];
}

function parseScope(raw: unknown, where: string): ExceptionScope {
  const text = typeof raw === "string" ? raw.trim() : raw === undefined || raw === null ? "" : null;
  if (text === "") return "";
  if (text !== null && /^priority mail/i.test(text)) return "p";
  if (text !== null && /^usps ground advantage \(< ?16 oz\.?\)$/i.test(text)) return "g";
  // An unknown scope applied to every service would give some parcels a wrong zone: refuse the chart instead.
  throw invalid("zoneChartErrors.badMailService", { where, value: JSON.stringify(raw) });
}

function rowsOf(value: unknown, name: string | Message): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw invalid("zoneChartErrors.notAList", { name });
  return value.map((row, index) => {
    if (!row || typeof row !== "object") throw invalid("zoneChartErrors.notAnObject", { name, index });
    return row as Record<string, unknown>;
  });
}

const pad3 = (zip3: number) => String(zip3).padStart(3, "0");

/**
 * The service's JSON as a chart. Two shapes are read: USPS's own answer (`EffectiveDate`,
 * `Column0`…`ColumnN` of ZIP3 rows, `Zip5Digit`, and `…Error` fields that say why it has no chart),
 * which does not name its origin, so `options.originZip3` must; and the same answer as saved by
 * tools (`originMin`, `originMax`, `effectiveDateRaw`, `zip3s`, `zip5s`).
 */
export function parseUspsZoneChartJson(json: unknown, options: { originZip3?: string } = {}): UspsZoneChart {
  if (!json || typeof json !== "object" || Array.isArray(json)) throw invalid("zoneChartErrors.expectedObject");
  const source = json as Record<string, unknown>;
  const failure = Object.keys(source).find((key) => /error$/i.test(key) && typeof source[key] === "string" && (source[key] as string).trim() !== "");
  // The service's own error text is not shown: it is a foreign body; its field name says enough.
  if (failure) throw new AppError("invalid_input", message("zoneChartErrors.serviceHasNoChart", { field: failure }));

  const saved = source.zip3s !== undefined;
  const rawDate = saved ? source.effectiveDateRaw : source.EffectiveDate;
  const effectiveDate = typeof rawDate === "string" ? normalizeUspsDate(rawDate) : null;
  if (!effectiveDate) throw invalid("zoneChartErrors.badDate", { value: JSON.stringify(rawDate ?? null) });

  let originFrom: string, originTo: string;
  if (typeof source.originMin === "string" && typeof source.originMax === "string") {
    if (!/^\d{5}$/.test(source.originMin) || !/^\d{5}$/.test(source.originMax) || source.originMax < source.originMin)
      throw invalid("zoneChartErrors.badOriginRange", { from: source.originMin, to: source.originMax });
    [originFrom, originTo] = [source.originMin.slice(0, 3), source.originMax.slice(0, 3)];
    if (options.originZip3 && (options.originZip3 < originFrom || options.originZip3 > originTo))
      throw invalid("zoneChartErrors.wrongOrigin", { chart: originTo === originFrom ? originFrom : `${originFrom}–${originTo}`, origin: options.originZip3 });
  } else if (options.originZip3 && /^\d{3}$/.test(options.originZip3)) {
    originFrom = originTo = options.originZip3;
  } else throw invalid("zoneChartErrors.noOrigin");

  const zip3Rows = saved
    ? rowsOf(source.zip3s, message("zoneChartErrors.zip3Rows")).map((row, index) => ({ row, where: `zip3s[${index}]` }))
    : Object.keys(source)
        .filter((key) => /^column\d+$/i.test(key))
        .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)))
        .flatMap((key) => rowsOf(source[key], key).map((row, index) => ({ row, where: `${key}[${index}]` })));
  const zip3s: Zip3Range[] = zip3Rows.map(({ row, where }) => {
    const [from, to] = parseRange(row.ZipCodes, 3, where);
    const { zone, flags } = parseZone(row.Zone, where);
    return [from, to, zone, flags];
  });
  if (zip3s.length === 0) throw invalid("zoneChartErrors.noDestinations");
  zip3s.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < zip3s.length; i++)
    if (zip3s[i][0] <= zip3s[i - 1][1]) throw invalid("zoneChartErrors.listedTwice", { zip3: pad3(zip3s[i][0]) });

  const zip5Rows = rowsOf(saved ? (source.zip5s ?? []) : (source.Zip5Digit ?? []), saved ? "zip5s" : "Zip5Digit");
  const zip5s: Zip5Range[] = zip5Rows.map((row, index) => {
    const where = `${saved ? "zip5s" : "Zip5Digit"}[${index}]`;
    const [from, to] = parseRange(row.ZipCodes, 5, where);
    const { zone, flags } = parseZone(row.Zone, where);
    return [from, to, zone, flags, parseScope(row.MailService, where)];
  });
  zip5s.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  return { originZip3From: originFrom, originZip3To: originTo, effectiveDate, zip3s, zip5s };
}

/** The last index whose range starts at or before `key`, or -1. */
function lastStartingAtOrBefore(ranges: readonly (readonly [number, number, ...unknown[]])[], key: number): number {
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle][0] <= key) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function appliesTo(scope: ExceptionScope, service: UspsService, weightOz: number): boolean {
  if (scope === "") return true;
  if (scope === "p") return service === "priority";
  return service === "ground_advantage" && weightOz < 16;
}

/** A chart has a handful of exceptions (8 on USPS's): walk back from the last one starting at or before the ZIP. */
function findException(zip5s: readonly Zip5Range[], zip5: number, service: UspsService, weightOz: number): Zip5Range | null {
  for (let i = lastStartingAtOrBefore(zip5s, zip5); i >= 0; i--) {
    const range = zip5s[i];
    if (range[1] >= zip5 && appliesTo(range[4], service, weightOz)) return range;
  }
  return null;
}

/**
 * The zone from the chart's origin to `destZip5` for this service and weight; null when the chart
 * lists no zone for that ZIP (an unused ZIP3, or not a 5-digit ZIP).
 */
export function lookupUspsZone(chart: UspsZoneChart, destZip5: string, service: UspsService, weightOz: number): UspsZoneLookup | null {
  if (destZip5.length !== 5) return null;
  const zip5 = Number(destZip5);
  if (!Number.isInteger(zip5) || zip5 < 0) return null;
  const zip3 = Math.floor(zip5 / 100);
  const index = lastStartingAtOrBefore(chart.zip3s, zip3);
  if (index < 0) return null;
  const row = chart.zip3s[index];
  if (row[1] < zip3) return null;
  const exception = chart.zip5s.length ? findException(chart.zip5s, zip5, service, weightOz) : null;
  if (exception) return { zone: exception[2], exception: true, sameNdc: (exception[3] & SAME_NDC) !== 0 };
  return { zone: row[2], exception: false, sameNdc: (row[3] & SAME_NDC) !== 0 };
}

export interface UspsZoneChartEntry {
  chart: UspsZoneChart;
  source: "usps_service" | "upload";
  fetchedAt: number;
}

export interface UspsZoneChartSet {
  /**
   * The chart serving the origin on `shipDate` (YYYY-MM-DD): the one with the latest effective date
   * on or before it. A ship date before every stored chart gets the oldest one: zone charts change
   * rarely, a chart is only stored once fetched for a date it serves, and a past ship date is not
   * worth refusing a quote over (the entry's effectiveDate says which chart was used).
   * Null when no chart serves the origin at all.
   */
  chartFor(originZip5: string, shipDate: string): UspsZoneChartEntry | null;
}

export function indexZoneCharts(entries: UspsZoneChartEntry[]): UspsZoneChartSet {
  const byOrigin = new Map<string, UspsZoneChartEntry[]>();
  for (const entry of entries) {
    for (let zip3 = Number(entry.chart.originZip3From); zip3 <= Number(entry.chart.originZip3To); zip3++) {
      const list = byOrigin.get(pad3(zip3)) ?? [];
      list.push(entry);
      byOrigin.set(pad3(zip3), list);
    }
  }
  for (const list of byOrigin.values()) list.sort((a, b) => (a.chart.effectiveDate < b.chart.effectiveDate ? -1 : a.chart.effectiveDate > b.chart.effectiveDate ? 1 : a.fetchedAt - b.fetchedAt));
  return {
    chartFor(originZip5, shipDate) {
      const list = byOrigin.get(originZip5.slice(0, 3));
      if (!list) return null;
      let chosen = list[0];
      for (const entry of list) if (entry.chart.effectiveDate <= shipDate) chosen = entry;
      return chosen;
    },
  };
}

export const NO_ZONE_CHARTS: UspsZoneChartSet = { chartFor: () => null };

/** "902xx", "900xx–902xx": the origins a chart serves. */
export function zoneChartOrigin(chart: UspsZoneChart): string {
  return chart.originZip3From === chart.originZip3To ? `${chart.originZip3From}xx` : `${chart.originZip3From}xx–${chart.originZip3To}xx`;
}

/** Where a zone came from, in the words the calculator and the settings page show. */
export function describeZoneChart(chart: UspsZoneChart): string {
  const origin = zoneChartOrigin(chart);
  return inEnglish(message("ratingErrors.zoneChart", { origin, date: chart.effectiveDate }));
}
