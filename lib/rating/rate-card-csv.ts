import Papa from "papaparse";
import { CONFIRMATIONS, type Confirmation } from "./types";
import { delimiterOf, dollarsToCents, isBlankRow, normalize, positiveNumber, roundOz, splitList, zip3Range, zip5Range } from "./rate-card-csv-cells";
import {
  DEFAULT_FUEL_BASES,
  DIM_WEIGHT_ROUNDINGS,
  DIMENSION_ROUNDINGS,
  FUEL_BASES,
  rateCardSchema,
  WEIGHT_ROUNDINGS,
  type FuelBasis,
  type RateCard,
  type RateCardInput,
  type Surcharges,
} from "./rate-card";
import { inEnglish, localizable, message, messageOfEnglish, type Localizable, type Message, type MessageParams } from "@/lib/i18n/message";
import type { MessageKey } from "@/lib/i18n/translate";
import { CARD_KEYS, SURCHARGE_COLUMN, SURCHARGE_COLUMNS, USPS_SERVICE_NAMES, type SurchargeColumn } from "./rate-card-csv-words";

/**
 * Reads a rate card from CSV in the format docs/rate-cards.md describes: sections that start with a
 * `[name]` row — `[card]` (key, value rows), `[prices]` (a weight column and one column per zone,
 * in dollars), `[zones]`, `[zip5 exceptions]`, `[countries]`, `[surcharges]`, `[delivery days]`.
 * Pure. Every problem names the spreadsheet row and the column, and all of them are reported at once.
 */

/** A problem of the file: its English words (`message`) and the catalog message they render. */
export type RateCardCsvError = {
  /** The row as a spreadsheet numbers it (the first line is row 1); null for the file as a whole. */
  row: number | null;
  column: string | null;
} & Localizable;

type ProblemKey = Extract<MessageKey, `rateCardCsvErrors.${string}`>;

function problem(row: number | null, column: string | null, key: ProblemKey, params?: MessageParams): RateCardCsvError {
  return { row, column, ...localizable(message(key, params)) };
}

export type RateCardCsvResult = { ok: true; card: RateCard } | { ok: false; errors: RateCardCsvError[] };

export const SECTIONS = ["card", "prices", "zones", "zip5 exceptions", "countries", "surcharges", "delivery days"] as const;
type Section = (typeof SECTIONS)[number];

interface Row {
  row: number;
  cells: string[];
}

/** The problem where it is (`Row 14, column "Zone 5": enter a price such as 8.25`), for the merchant's translator; text when it came as text. */
export function sayRateCardCsvError({ row, column, message: english, key, params }: RateCardCsvError): Message | string {
  const said: Message | string = key ? message(key, params) : english;
  if (row !== null && column !== null) return message("rateCardCsvErrors.atRowColumn", { row, column, problem: said });
  if (row !== null) return message("rateCardCsvErrors.atRow", { row, problem: said });
  if (column !== null) return message("rateCardCsvErrors.atColumn", { column, problem: said });
  return said;
}

/** The same in English, as logs and tests read it. */
export function formatRateCardCsvError(error: RateCardCsvError): string {
  const said = sayRateCardCsvError(error);
  return typeof said === "string" ? said : inEnglish(said);
}

type CardKey = (typeof CARD_KEYS)[keyof typeof CARD_KEYS];
const REQUIRED_KEYS: CardKey[] = ["carrierCode", "carrierName", "serviceCode", "serviceName", "effectiveFrom"];

/** Rows of each section, in file order; rows outside any section are errors. */
function sectionsOf(text: string, errors: RateCardCsvError[]): Map<Section, { headerRow: number; rows: Row[] }> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: delimiterOf(text) });
  const sections = new Map<Section, { headerRow: number; rows: Row[] }>();
  let current: { headerRow: number; rows: Row[] } | null = null;
  parsed.data.forEach((cells, index) => {
    const row = index + 1;
    if (isBlankRow(cells) || cells[0].trim().startsWith("#")) return;
    const heading = /^\[(.+)\]$/.exec(cells[0].trim());
    if (heading) {
      const name = normalize(heading[1]) as Section;
      if (!SECTIONS.includes(name)) {
        errors.push(problem(row, null, "rateCardCsvErrors.unknownSection", { section: heading[1], sections: SECTIONS.map((section) => `[${section}]`).join(", ") }));
        current = null;
      } else if (sections.has(name)) {
        errors.push(problem(row, null, "rateCardCsvErrors.sectionTwice", { section: name }));
        current = null;
      } else {
        current = { headerRow: row, rows: [] };
        sections.set(name, current);
      }
      return;
    }
    if (!current) {
      if (!errors.some((error) => error.key === "rateCardCsvErrors.startWithSection")) errors.push(problem(row, null, "rateCardCsvErrors.startWithSection"));
      return;
    }
    current.rows.push({ row, cells });
  });
  return sections;
}

/** A table section: its first row names the columns. */
function tableOf(section: { headerRow: number; rows: Row[] } | undefined, name: string, errors: RateCardCsvError[]) {
  if (!section) return null;
  const [header, ...rows] = section.rows;
  if (!header) {
    errors.push(problem(section.headerRow, null, "rateCardCsvErrors.needsColumnNames", { section: name }));
    return null;
  }
  const headers = header.cells.map((cell) => cell.trim());
  const column = (wanted: string) => headers.findIndex((cell) => normalize(cell) === normalize(wanted));
  return { header, headers, rows, column };
}

export function parseRateCardCsv(text: string): RateCardCsvResult {
  const errors: RateCardCsvError[] = [];
  const fail: Fail = (row, column, key, params) => void errors.push(problem(row, column, key, params));
  const sections = sectionsOf(text, errors);

  // [card]
  const values = new Map<CardKey, { row: number; value: string; label: string }>();
  const cardSection = sections.get("card");
  if (!cardSection) fail(null, null, "rateCardCsvErrors.noCardSection");
  for (const { row, cells } of cardSection?.rows ?? []) {
    const label = cells[0].trim();
    const key = CARD_KEYS[normalize(label) as keyof typeof CARD_KEYS];
    if (!key) {
      fail(row, label, "rateCardCsvErrors.unknownSetting", { settings: Object.keys(CARD_KEYS).map((known) => `"${known[0].toUpperCase()}${known.slice(1)}"`).join(", ") });
      continue;
    }
    if (values.has(key)) fail(row, label, "rateCardCsvErrors.alreadyGiven", { row: values.get(key)!.row });
    else values.set(key, { row, value: (cells[1] ?? "").trim(), label });
  }
  const setting = (key: CardKey) => values.get(key);
  for (const key of REQUIRED_KEYS) {
    const found = setting(key);
    const label = Object.entries(CARD_KEYS).find(([, value]) => value === key)![0];
    if (cardSection && !found?.value) fail(found?.row ?? cardSection.headerRow, label[0].toUpperCase() + label.slice(1), "rateCardCsvErrors.required");
  }
  const choice = <T extends string>(key: CardKey, allowed: readonly T[], fallback: T | null, aliases: Record<string, T> = {}): T | null => {
    const found = setting(key);
    if (!found?.value) return fallback;
    const wanted = normalize(found.value).replace(/ /g, "_");
    const picked = (allowed as readonly string[]).includes(wanted) ? (wanted as T) : aliases[normalize(found.value)];
    if (!picked) fail(found.row, found.label, "rateCardCsvErrors.useOneOf", { choices: allowed.join(", ") });
    return picked ?? fallback;
  };
  const date = (key: CardKey): string | null => {
    const found = setting(key);
    if (!found?.value) return null;
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(found.value) && !Number.isNaN(Date.parse(`${found.value}T00:00:00Z`)) && new Date(`${found.value}T00:00:00Z`).toISOString().startsWith(found.value);
    if (!valid) fail(found.row, found.label, "rateCardCsvErrors.enterDate");
    return valid ? found.value : null;
  };
  const number = (key: CardKey): number | null => {
    const found = setting(key);
    if (!found?.value) return null;
    const value = positiveNumber(found.value);
    if (value === null) fail(found.row, found.label, "rateCardCsvErrors.enterPositiveNumber");
    return value;
  };
  const effectiveFrom = date("effectiveFrom");
  const effectiveUntil = date("effectiveUntil");
  if (effectiveFrom && effectiveUntil && effectiveUntil < effectiveFrom) fail(setting("effectiveUntil")!.row, setting("effectiveUntil")!.label, "rateCardCsvErrors.untilBeforeFrom", { date: effectiveFrom });
  const samplePrices = choice("samplePrices", ["yes", "no"], "no", { true: "yes", false: "no", y: "yes", n: "no" }) === "yes";
  const zoneSource = choice("zoneSource", ["card", "usps"], "card");
  const uspsService = choice("uspsService", ["priority", "ground_advantage"], null, USPS_SERVICE_NAMES);
  if (zoneSource === "usps" && !setting("uspsService")?.value && cardSection) fail(cardSection.headerRow, "USPS service", "rateCardCsvErrors.uspsServiceRequired");
  const originCountry = (setting("originCountry")?.value || "US").toUpperCase();
  if (!/^[A-Z]{2}$/.test(originCountry)) fail(setting("originCountry")!.row, setting("originCountry")!.label, "rateCardCsvErrors.countryCode");
  const weightRounding = choice("weightRounding", WEIGHT_ROUNDINGS, "ceil_oz_then_lb");
  const maxWeightLb = number("maxWeightLb");
  const dimDivisor = number("dimDivisor");
  const dimAbove = setting("dimAboveCuIn");
  let dimAboveCuIn = 0;
  if (dimAbove?.value) {
    const value = Number(dimAbove.value);
    if (!Number.isFinite(value) || value < 0) fail(dimAbove.row, dimAbove.label, "rateCardCsvErrors.enterVolume");
    else dimAboveCuIn = value;
  }
  const dimSideRounding = choice("dimSideRounding", DIMENSION_ROUNDINGS, "nearest");
  const dimWeightRounding = choice("dimWeightRounding", DIM_WEIGHT_ROUNDINGS, "ceil_lb");

  // [prices]
  const weightBreaksOz: number[] = [];
  const priceRows: number[][] = [];
  const zones: string[] = [];
  const prices = tableOf(sections.get("prices"), "prices", errors);
  if (!sections.get("prices")) fail(null, null, "rateCardCsvErrors.noPricesSection");
  if (prices) {
    const weightHeader = prices.headers[0];
    const unit = /^weight \((lb|oz)\)$/.exec(normalize(weightHeader))?.[1];
    if (!unit) fail(prices.header.row, weightHeader || "A", "rateCardCsvErrors.nameWeightColumn");
    const zoneColumns: { index: number; header: string }[] = [];
    prices.headers.slice(1).forEach((header, offset) => {
      if (!header) return;
      const zone = header.replace(/^zone\s+/i, "").trim();
      if (zones.includes(zone)) fail(prices.header.row, header, "rateCardCsvErrors.zoneTwoColumns", { zone });
      else if (zone.length > 20) fail(prices.header.row, header, "rateCardCsvErrors.zoneNameTooLong");
      else {
        zones.push(zone);
        zoneColumns.push({ index: offset + 1, header });
      }
    });
    if (!zoneColumns.length) fail(prices.header.row, null, "rateCardCsvErrors.addZoneColumn");
    const seen = new Map<number, number>();
    for (const { row, cells } of prices.rows) {
      const weight = positiveNumber(cells[0] ?? "");
      if (weight === null) {
        fail(row, weightHeader, "rateCardCsvErrors.enterWeight", { unit: unit ?? "lb" });
        continue;
      }
      const oz = roundOz(unit === "oz" ? weight : weight * 16);
      const previous = weightBreaksOz.at(-1);
      if (seen.has(oz)) {
        fail(row, weightHeader, "rateCardCsvErrors.weightListed", { weight: cells[0].trim(), unit: unit ?? "lb", row: seen.get(oz)! });
        continue;
      }
      if (previous !== undefined && oz < previous) {
        fail(row, weightHeader, "rateCardCsvErrors.weightsGoUp", { weight: cells[0].trim() });
        continue;
      }
      seen.set(oz, row);
      weightBreaksOz.push(oz);
      priceRows.push(
        zoneColumns.map(({ index, header }) => {
          const cents = dollarsToCents(cells[index] ?? "");
          if (cents === null) fail(row, header, (cells[index] ?? "").trim() ? "rateCardCsvErrors.enterPrice" : "rateCardCsvErrors.enterPriceEveryZone");
          return cents ?? 0;
        }),
      );
    }
    if (!prices.rows.length) fail(prices.header.row, weightHeader, "rateCardCsvErrors.addWeightRow");
  }
  const priced = new Set(zones);
  const zoneCell = (row: number, column: string, text: string): string | null => {
    const zone = text.trim().replace(/^zone\s+/i, "");
    if (!zone) fail(row, column, "rateCardCsvErrors.enterZone");
    else if (!priced.has(zone) && zones.length) fail(row, column, "rateCardCsvErrors.zoneNotPriced", { zone });
    else return zone;
    return null;
  };

  // [zones] and [zip5 exceptions]
  const zip3Zones: RateCardInput["zones"]["zip3"] = [];
  const zoneTable = tableOf(sections.get("zones"), "zones", errors);
  if (zoneTable) {
    const columns = { origin: zoneTable.column("Origin ZIP3"), dest: zoneTable.column("Destination ZIP3"), zone: zoneTable.column("Zone") };
    const missing = Object.entries({ "Origin ZIP3": columns.origin, "Destination ZIP3": columns.dest, Zone: columns.zone }).filter(([, index]) => index < 0);
    for (const [name] of missing) fail(zoneTable.header.row, name, "rateCardCsvErrors.addColumn", { section: "zones" });
    if (!missing.length) {
      const taken = new Map<string, { from: number; to: number; row: number }[]>();
      const originGroups: { from: string; to: string; row: number }[] = [];
      for (const { row, cells } of zoneTable.rows) {
        const origin = zip3Range(cells[columns.origin] ?? "");
        const dest = zip3Range(cells[columns.dest] ?? "");
        const zone = zoneCell(row, "Zone", cells[columns.zone] ?? "");
        if (!origin) fail(row, "Origin ZIP3", "rateCardCsvErrors.enterZip3", { example: "005-089" });
        if (!dest) fail(row, "Destination ZIP3", "rateCardCsvErrors.enterZip3", { example: "005-089" });
        if (!origin || !dest || !zone) continue;
        const clash = originGroups.find((group) => (group.from !== origin[0] || group.to !== origin[1]) && group.from <= origin[1] && origin[0] <= group.to);
        if (clash) {
          fail(row, "Origin ZIP3", "rateCardCsvErrors.originOverlap", { row: clash.row });
          continue;
        }
        if (!originGroups.some((group) => group.from === origin[0] && group.to === origin[1])) originGroups.push({ from: origin[0], to: origin[1], row });
        const key = origin.join("-");
        const ranges = taken.get(key) ?? taken.set(key, []).get(key)!;
        const overlap = ranges.find((range) => range.from <= Number(dest[1]) && Number(dest[0]) <= range.to);
        if (overlap) {
          fail(row, "Destination ZIP3", "rateCardCsvErrors.destinationOverlap", { row: overlap.row });
          continue;
        }
        ranges.push({ from: Number(dest[0]), to: Number(dest[1]), row });
        zip3Zones.push({ originFrom: origin[0], originTo: origin[1], destFrom: dest[0], destTo: dest[1], zone });
      }
    }
  }
  const zip5Zones: RateCardInput["zones"]["zip5"] = [];
  const exceptionTable = tableOf(sections.get("zip5 exceptions"), "zip5 exceptions", errors);
  if (exceptionTable) {
    const columns = { origin: exceptionTable.column("Origin ZIP3"), dest: exceptionTable.column("Destination ZIP5"), zone: exceptionTable.column("Zone") };
    const missing = Object.entries({ "Origin ZIP3": columns.origin, "Destination ZIP5": columns.dest, Zone: columns.zone }).filter(([, index]) => index < 0);
    for (const [name] of missing) fail(exceptionTable.header.row, name, "rateCardCsvErrors.addColumn", { section: "zip5 exceptions" });
    if (!missing.length) {
      for (const { row, cells } of exceptionTable.rows) {
        const origin = zip3Range(cells[columns.origin] ?? "");
        const dest = zip5Range(cells[columns.dest] ?? "");
        const zone = zoneCell(row, "Zone", cells[columns.zone] ?? "");
        if (!origin) fail(row, "Origin ZIP3", "rateCardCsvErrors.enterZip3", { example: "900-935" });
        if (!dest) fail(row, "Destination ZIP5", "rateCardCsvErrors.enterZip5");
        if (origin && dest && zone) zip5Zones.push({ originFrom: origin[0], originTo: origin[1], destFrom: dest[0], destTo: dest[1], zone });
      }
    }
  }

  // [countries]
  const countryZones: RateCardInput["zones"]["countries"] = [];
  const countryTable = tableOf(sections.get("countries"), "countries", errors);
  if (countryTable) {
    const columns = { countries: countryTable.column("Countries"), zone: countryTable.column("Zone") };
    if (columns.countries < 0) fail(countryTable.header.row, "Countries", "rateCardCsvErrors.addColumn", { section: "countries" });
    if (columns.zone < 0) fail(countryTable.header.row, "Zone", "rateCardCsvErrors.addColumn", { section: "countries" });
    if (columns.countries >= 0 && columns.zone >= 0) {
      const seen = new Map<string, number>();
      for (const { row, cells } of countryTable.rows) {
        const zone = zoneCell(row, "Zone", cells[columns.zone] ?? "");
        const codes = splitList((cells[columns.countries] ?? "").toUpperCase());
        if (!codes.length) fail(row, "Countries", "rateCardCsvErrors.listCountries");
        for (const country of codes) {
          if (!/^([A-Z]{2}|\*)$/.test(country)) fail(row, "Countries", "rateCardCsvErrors.notCountryCode", { country });
          else if (country === originCountry) fail(row, "Countries", "rateCardCsvErrors.originCountry", { country });
          else if (seen.has(country)) fail(row, "Countries", "rateCardCsvErrors.countryListed", { country, row: seen.get(country)! });
          else {
            seen.set(country, row);
            if (zone) countryZones.push({ country, zone });
          }
        }
      }
    }
  }
  if (zoneSource === "card" && !zip3Zones.length && !countryZones.length && !errors.length) {
    fail(null, null, "rateCardCsvErrors.needsZones");
  }

  const surcharges = readSurcharges(tableOf(sections.get("surcharges"), "surcharges", errors), fail);

  // [delivery days]
  const deliveryDays: Record<string, number> = {};
  const daysTable = tableOf(sections.get("delivery days"), "delivery days", errors);
  if (daysTable) {
    const columns = { zone: daysTable.column("Zone"), days: daysTable.column("Days") };
    if (columns.zone < 0) fail(daysTable.header.row, "Zone", "rateCardCsvErrors.addColumn", { section: "delivery days" });
    if (columns.days < 0) fail(daysTable.header.row, "Days", "rateCardCsvErrors.addColumn", { section: "delivery days" });
    if (columns.zone >= 0 && columns.days >= 0) {
      for (const { row, cells } of daysTable.rows) {
        const zone = zoneCell(row, "Zone", cells[columns.zone] ?? "");
        const match = /^(\d{1,3})(?:\s*-\s*(\d{1,3}))?$/.exec((cells[columns.days] ?? "").trim());
        if (!match) fail(row, "Days", "rateCardCsvErrors.enterDays");
        else if (zone) deliveryDays[zone] = Number(match[2] ?? match[1]);
      }
    }
  }

  if (errors.length) return { ok: false, errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };

  const input: RateCardInput = {
    carrierCode: setting("carrierCode")!.value,
    carrierName: setting("carrierName")!.value,
    serviceCode: setting("serviceCode")!.value,
    serviceName: setting("serviceName")!.value,
    packageCode: setting("packageCode")?.value || "package",
    effectiveFrom: effectiveFrom!,
    effectiveUntil,
    samplePrices,
    active: true,
    zoneSource: zoneSource!,
    uspsService: zoneSource === "usps" ? uspsService : null,
    originCountry,
    zones: { zip3: zip3Zones, zip5: zip5Zones, countries: countryZones },
    prices: { weightBreaksOz, zones, cents: priceRows },
    weightRounding: weightRounding!,
    maxWeightOz: maxWeightLb === null ? null : roundOz(maxWeightLb * 16),
    dim: dimDivisor === null ? null : { divisor: dimDivisor, minVolumeCuIn: dimAboveCuIn, dimensionRounding: dimSideRounding!, weightRounding: dimWeightRounding! },
    surcharges,
    deliveryDays,
  };
  const parsed = rateCardSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => ({ row: null, column: issue.path.join(".") || null, ...schemaMessage(issue.message) })) };
  }
  return { ok: true, card: parsed.data };
}

/** The schema's English read back into its message (`rateCardErrors.*`); zod's own words stay as they are. */
function schemaMessage(english: string): Localizable {
  const said = messageOfEnglish(english);
  return said ? localizable(said) : { message: english };
}

type Fail = (row: number | null, column: string | null, key: ProblemKey, params?: MessageParams) => void;

function readSurcharges(table: ReturnType<typeof tableOf>, fail: Fail): Surcharges {
  const surcharges: Surcharges = { residentialCents: null, fuel: null, deliveryAreas: [], additionalHandling: null, oversize: null, confirmationCents: {} };
  if (!table) return surcharges;
  const index = Object.fromEntries(SURCHARGE_COLUMNS.map((name) => [name, table.column(name)])) as Record<SurchargeColumn, number>;
  for (const name of ["Surcharge", "Amount"] as const) if (index[name] < 0) fail(table.header.row, name, "rateCardCsvErrors.addColumn", { section: "surcharges" });
  if (index.Surcharge < 0 || index.Amount < 0) return surcharges;
  const kinds = ["residential", "fuel", "delivery_area", "additional_handling", "oversize", "confirmation"];
  const once = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const cell = (name: SurchargeColumn) => (index[name] >= 0 ? (cells[index[name]] ?? "").trim() : "");
    const kind = normalize(cell("Surcharge")).replace(/ /g, "_");
    if (!kinds.includes(kind)) {
      fail(row, "Surcharge", "rateCardCsvErrors.useOneOf", { choices: kinds.join(", ") });
      continue;
    }
    const onceKey = kind === "confirmation" ? `confirmation:${normalize(cell("Confirmation"))}` : kind;
    if (kind !== "delivery_area" && once.has(onceKey)) {
      fail(row, "Surcharge", "rateCardCsvErrors.alreadyGiven", { row: once.get(onceKey)! });
      continue;
    }
    once.set(onceKey, row);
    const amountText = cell("Amount");
    if (kind === "fuel") {
      const percent = Number(amountText.replace(/%$/, "").trim());
      if (!amountText || !Number.isFinite(percent) || percent < 0 || percent > 100 || Math.round(percent * 100) !== percent * 100) {
        fail(row, "Amount", "rateCardCsvErrors.enterFuel");
        continue;
      }
      const listed = splitList(cell(SURCHARGE_COLUMN.fuelAppliesTo).toLowerCase());
      const bad = listed.filter((basis) => !(FUEL_BASES as readonly string[]).includes(basis));
      if (bad.length) {
        fail(row, SURCHARGE_COLUMN.fuelAppliesTo, "rateCardCsvErrors.useAnyOf", { choices: FUEL_BASES.join(", ") });
        continue;
      }
      surcharges.fuel = { percent, appliesTo: listed.length ? (listed as FuelBasis[]) : DEFAULT_FUEL_BASES };
      continue;
    }
    const cents = dollarsToCents(amountText);
    if (cents === null) {
      fail(row, "Amount", "rateCardCsvErrors.enterAmount");
      continue;
    }
    const threshold = (name: SurchargeColumn): number | null | undefined => {
      const text = cell(name);
      if (!text) return null;
      const value = positiveNumber(text);
      if (value === null) fail(row, name, "rateCardCsvErrors.enterPositiveNumber");
      return value ?? undefined;
    };
    switch (kind) {
      case "residential":
        surcharges.residentialCents = cents;
        break;
      case "delivery_area": {
        const ranges = splitList(cell("ZIP codes")).map((text) => ({ text, range: zip5Range(text) }));
        const bad = ranges.find((entry) => !entry.range);
        if (!ranges.length || bad) fail(row, "ZIP codes", bad ? "rateCardCsvErrors.notZip" : "rateCardCsvErrors.listZips", bad ? { value: bad.text } : undefined);
        else surcharges.deliveryAreas.push({ cents, zip5Ranges: ranges.map((entry) => entry.range!) });
        break;
      }
      case "additional_handling": {
        const longest = threshold(SURCHARGE_COLUMN.longestSide);
        const second = threshold(SURCHARGE_COLUMN.secondSide);
        const weightLb = threshold(SURCHARGE_COLUMN.weight);
        if (longest === undefined || second === undefined || weightLb === undefined) break;
        if (longest === null && second === null && weightLb === null) fail(row, SURCHARGE_COLUMN.longestSide, "rateCardCsvErrors.giveThreshold");
        else surcharges.additionalHandling = { cents, longestSideIn: longest, secondSideIn: second, weightOz: weightLb === null ? null : roundOz(weightLb * 16) };
        break;
      }
      case "oversize": {
        const limit = threshold(SURCHARGE_COLUMN.lengthPlusGirth);
        if (limit === null) fail(row, SURCHARGE_COLUMN.lengthPlusGirth, "rateCardCsvErrors.enterOversize");
        else if (limit !== undefined) surcharges.oversize = { cents, lengthPlusGirthIn: limit };
        break;
      }
      case "confirmation": {
        const type = normalize(cell("Confirmation")).replace(/ /g, "_") as Confirmation;
        if (!CONFIRMATIONS.includes(type) || type === "none") fail(row, "Confirmation", "rateCardCsvErrors.useOneOf", { choices: CONFIRMATIONS.filter((c) => c !== "none").join(", ") });
        else surcharges.confirmationCents[type] = cents;
        break;
      }
    }
  }
  return surcharges;
}
