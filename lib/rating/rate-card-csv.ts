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

/**
 * Reads a rate card from CSV in the format docs/rate-cards.md describes: sections that start with a
 * `[name]` row — `[card]` (key, value rows), `[prices]` (a weight column and one column per zone,
 * in dollars), `[zones]`, `[zip5 exceptions]`, `[countries]`, `[surcharges]`, `[delivery days]`.
 * Pure. Every problem names the spreadsheet row and the column, and all of them are reported at once.
 */

export interface RateCardCsvError {
  /** The row as a spreadsheet numbers it (the first line is row 1); null for the file as a whole. */
  row: number | null;
  column: string | null;
  message: string;
}

export type RateCardCsvResult = { ok: true; card: RateCard } | { ok: false; errors: RateCardCsvError[] };

export const SECTIONS = ["card", "prices", "zones", "zip5 exceptions", "countries", "surcharges", "delivery days"] as const;
type Section = (typeof SECTIONS)[number];

interface Row {
  row: number;
  cells: string[];
}

/** "Row 14, column "Zone 5": enter a price such as 8.25" */
export function formatRateCardCsvError(error: RateCardCsvError): string {
  const where = [error.row !== null ? `Row ${error.row}` : null, error.column !== null ? `column "${error.column}"` : null].filter(Boolean).join(", ");
  return where ? `${where}: ${error.message}` : error.message;
}

const CARD_KEYS = {
  "carrier code": "carrierCode",
  "carrier name": "carrierName",
  "service code": "serviceCode",
  "service name": "serviceName",
  "package code": "packageCode",
  "effective from": "effectiveFrom",
  "effective until": "effectiveUntil",
  "sample prices": "samplePrices",
  "zone source": "zoneSource",
  "usps service": "uspsService",
  "origin country": "originCountry",
  "weight rounding": "weightRounding",
  "max weight (lb)": "maxWeightLb",
  "dim divisor": "dimDivisor",
  "dim applies above (cu in)": "dimAboveCuIn",
  "dim side rounding": "dimSideRounding",
  "dim weight rounding": "dimWeightRounding",
} as const;
type CardKey = (typeof CARD_KEYS)[keyof typeof CARD_KEYS];
const REQUIRED_KEYS: CardKey[] = ["carrierCode", "carrierName", "serviceCode", "serviceName", "effectiveFrom"];

const SURCHARGE_COLUMNS = ["Surcharge", "Amount", "Confirmation", "ZIP codes", "Longest side over (in)", "Second side over (in)", "Weight over (lb)", "Length + girth over (in)", "Fuel applies to"] as const;

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
        errors.push({ row, column: null, message: `unknown section [${heading[1]}]; use ${SECTIONS.map((section) => `[${section}]`).join(", ")}` });
        current = null;
      } else if (sections.has(name)) {
        errors.push({ row, column: null, message: `[${name}] appears twice; put all its rows in one section` });
        current = null;
      } else {
        current = { headerRow: row, rows: [] };
        sections.set(name, current);
      }
      return;
    }
    if (!current) {
      if (!errors.some((error) => error.message.startsWith("start with a section"))) errors.push({ row, column: null, message: "start with a section row such as [card]" });
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
    errors.push({ row: section.headerRow, column: null, message: `[${name}] needs a row of column names` });
    return null;
  }
  const headers = header.cells.map((cell) => cell.trim());
  const column = (wanted: string) => headers.findIndex((cell) => normalize(cell) === normalize(wanted));
  return { header, headers, rows, column };
}

export function parseRateCardCsv(text: string): RateCardCsvResult {
  const errors: RateCardCsvError[] = [];
  const fail = (row: number | null, column: string | null, message: string) => void errors.push({ row, column, message });
  const sections = sectionsOf(text, errors);

  // [card]
  const values = new Map<CardKey, { row: number; value: string; label: string }>();
  const cardSection = sections.get("card");
  if (!cardSection) fail(null, null, "the file has no [card] section (carrier, service, effective dates)");
  for (const { row, cells } of cardSection?.rows ?? []) {
    const label = cells[0].trim();
    const key = CARD_KEYS[normalize(label) as keyof typeof CARD_KEYS];
    if (!key) {
      fail(row, label, `unknown setting; use one of ${Object.keys(CARD_KEYS).map((known) => `"${known[0].toUpperCase()}${known.slice(1)}"`).join(", ")}`);
      continue;
    }
    if (values.has(key)) fail(row, label, `already given on row ${values.get(key)!.row}`);
    else values.set(key, { row, value: (cells[1] ?? "").trim(), label });
  }
  const setting = (key: CardKey) => values.get(key);
  for (const key of REQUIRED_KEYS) {
    const found = setting(key);
    const label = Object.entries(CARD_KEYS).find(([, value]) => value === key)![0];
    if (cardSection && !found?.value) fail(found?.row ?? cardSection.headerRow, label[0].toUpperCase() + label.slice(1), "required");
  }
  const choice = <T extends string>(key: CardKey, allowed: readonly T[], fallback: T | null, aliases: Record<string, T> = {}): T | null => {
    const found = setting(key);
    if (!found?.value) return fallback;
    const wanted = normalize(found.value).replace(/ /g, "_");
    const picked = (allowed as readonly string[]).includes(wanted) ? (wanted as T) : aliases[normalize(found.value)];
    if (!picked) fail(found.row, found.label, `use one of ${allowed.join(", ")}`);
    return picked ?? fallback;
  };
  const date = (key: CardKey): string | null => {
    const found = setting(key);
    if (!found?.value) return null;
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(found.value) && !Number.isNaN(Date.parse(`${found.value}T00:00:00Z`)) && new Date(`${found.value}T00:00:00Z`).toISOString().startsWith(found.value);
    if (!valid) fail(found.row, found.label, "enter a date such as 2026-07-01 (YYYY-MM-DD)");
    return valid ? found.value : null;
  };
  const number = (key: CardKey): number | null => {
    const found = setting(key);
    if (!found?.value) return null;
    const value = positiveNumber(found.value);
    if (value === null) fail(found.row, found.label, "enter a number more than 0");
    return value;
  };
  const effectiveFrom = date("effectiveFrom");
  const effectiveUntil = date("effectiveUntil");
  if (effectiveFrom && effectiveUntil && effectiveUntil < effectiveFrom) fail(setting("effectiveUntil")!.row, setting("effectiveUntil")!.label, `must not be before the effective-from date ${effectiveFrom}`);
  const samplePrices = choice("samplePrices", ["yes", "no"], "no", { true: "yes", false: "no", y: "yes", n: "no" }) === "yes";
  const zoneSource = choice("zoneSource", ["card", "usps"], "card");
  const uspsService = choice("uspsService", ["priority", "ground_advantage"], null, { "priority mail": "priority", "usps ground advantage": "ground_advantage" });
  if (zoneSource === "usps" && !setting("uspsService")?.value && cardSection) fail(cardSection.headerRow, "USPS service", "required when the zone source is usps: priority or ground_advantage");
  const originCountry = (setting("originCountry")?.value || "US").toUpperCase();
  if (!/^[A-Z]{2}$/.test(originCountry)) fail(setting("originCountry")!.row, setting("originCountry")!.label, "use a two-letter country code such as US");
  const weightRounding = choice("weightRounding", WEIGHT_ROUNDINGS, "ceil_oz_then_lb");
  const maxWeightLb = number("maxWeightLb");
  const dimDivisor = number("dimDivisor");
  const dimAbove = setting("dimAboveCuIn");
  let dimAboveCuIn = 0;
  if (dimAbove?.value) {
    const value = Number(dimAbove.value);
    if (!Number.isFinite(value) || value < 0) fail(dimAbove.row, dimAbove.label, "enter a volume in cubic inches, such as 1728 (0 applies DIM to every parcel)");
    else dimAboveCuIn = value;
  }
  const dimSideRounding = choice("dimSideRounding", DIMENSION_ROUNDINGS, "nearest");
  const dimWeightRounding = choice("dimWeightRounding", DIM_WEIGHT_ROUNDINGS, "ceil_lb");

  // [prices]
  const weightBreaksOz: number[] = [];
  const priceRows: number[][] = [];
  const zones: string[] = [];
  const prices = tableOf(sections.get("prices"), "prices", errors);
  if (!sections.get("prices")) fail(null, null, "the file has no [prices] section");
  if (prices) {
    const weightHeader = prices.headers[0];
    const unit = /^weight \((lb|oz)\)$/.exec(normalize(weightHeader))?.[1];
    if (!unit) fail(prices.header.row, weightHeader || "A", 'name the first column "Weight (lb)" or "Weight (oz)"');
    const zoneColumns: { index: number; header: string }[] = [];
    prices.headers.slice(1).forEach((header, offset) => {
      if (!header) return;
      const zone = header.replace(/^zone\s+/i, "").trim();
      if (zones.includes(zone)) fail(prices.header.row, header, `zone ${zone} has two columns`);
      else if (zone.length > 20) fail(prices.header.row, header, "name the zone in at most 20 characters");
      else {
        zones.push(zone);
        zoneColumns.push({ index: offset + 1, header });
      }
    });
    if (!zoneColumns.length) fail(prices.header.row, null, 'add one column per zone, such as "Zone 2"');
    const seen = new Map<number, number>();
    for (const { row, cells } of prices.rows) {
      const weight = positiveNumber(cells[0] ?? "");
      if (weight === null) {
        fail(row, weightHeader, `enter a weight in ${unit ?? "lb"} such as 1.5`);
        continue;
      }
      const oz = roundOz(unit === "oz" ? weight : weight * 16);
      const previous = weightBreaksOz.at(-1);
      if (seen.has(oz)) {
        fail(row, weightHeader, `${cells[0].trim()} ${unit ?? "lb"} is already listed on row ${seen.get(oz)}`);
        continue;
      }
      if (previous !== undefined && oz < previous) {
        fail(row, weightHeader, `weights must go up: ${cells[0].trim()} comes after a heavier one`);
        continue;
      }
      seen.set(oz, row);
      weightBreaksOz.push(oz);
      priceRows.push(
        zoneColumns.map(({ index, header }) => {
          const cents = dollarsToCents(cells[index] ?? "");
          if (cents === null) fail(row, header, (cells[index] ?? "").trim() ? "enter a price such as 8.25" : "enter a price such as 8.25 (every zone needs a price at every weight)");
          return cents ?? 0;
        }),
      );
    }
    if (!prices.rows.length) fail(prices.header.row, weightHeader, "add one row per weight");
  }
  const priced = new Set(zones);
  const zoneCell = (row: number, column: string, text: string): string | null => {
    const zone = text.trim().replace(/^zone\s+/i, "");
    if (!zone) fail(row, column, "enter the zone");
    else if (!priced.has(zone) && zones.length) fail(row, column, `zone ${zone} has no column in [prices]`);
    else return zone;
    return null;
  };

  // [zones] and [zip5 exceptions]
  const zip3Zones: RateCardInput["zones"]["zip3"] = [];
  const zoneTable = tableOf(sections.get("zones"), "zones", errors);
  if (zoneTable) {
    const columns = { origin: zoneTable.column("Origin ZIP3"), dest: zoneTable.column("Destination ZIP3"), zone: zoneTable.column("Zone") };
    const missing = Object.entries({ "Origin ZIP3": columns.origin, "Destination ZIP3": columns.dest, Zone: columns.zone }).filter(([, index]) => index < 0);
    for (const [name] of missing) fail(zoneTable.header.row, name, "add this column to [zones]");
    if (!missing.length) {
      const taken = new Map<string, { from: number; to: number; row: number }[]>();
      const originGroups: { from: string; to: string; row: number }[] = [];
      for (const { row, cells } of zoneTable.rows) {
        const origin = zip3Range(cells[columns.origin] ?? "");
        const dest = zip3Range(cells[columns.dest] ?? "");
        const zone = zoneCell(row, "Zone", cells[columns.zone] ?? "");
        if (!origin) fail(row, "Origin ZIP3", "enter a ZIP3 or a range such as 005-089");
        if (!dest) fail(row, "Destination ZIP3", "enter a ZIP3 or a range such as 005-089");
        if (!origin || !dest || !zone) continue;
        const clash = originGroups.find((group) => (group.from !== origin[0] || group.to !== origin[1]) && group.from <= origin[1] && origin[0] <= group.to);
        if (clash) {
          fail(row, "Origin ZIP3", `overlaps the origin range on row ${clash.row}; give each origin range exactly the same way on every row`);
          continue;
        }
        if (!originGroups.some((group) => group.from === origin[0] && group.to === origin[1])) originGroups.push({ from: origin[0], to: origin[1], row });
        const key = origin.join("-");
        const ranges = taken.get(key) ?? taken.set(key, []).get(key)!;
        const overlap = ranges.find((range) => range.from <= Number(dest[1]) && Number(dest[0]) <= range.to);
        if (overlap) {
          fail(row, "Destination ZIP3", `overlaps row ${overlap.row} for the same origin`);
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
    for (const [name] of missing) fail(exceptionTable.header.row, name, "add this column to [zip5 exceptions]");
    if (!missing.length) {
      for (const { row, cells } of exceptionTable.rows) {
        const origin = zip3Range(cells[columns.origin] ?? "");
        const dest = zip5Range(cells[columns.dest] ?? "");
        const zone = zoneCell(row, "Zone", cells[columns.zone] ?? "");
        if (!origin) fail(row, "Origin ZIP3", "enter a ZIP3 or a range such as 900-935");
        if (!dest) fail(row, "Destination ZIP5", "enter a ZIP code or a range such as 96799 or 96700-96899");
        if (origin && dest && zone) zip5Zones.push({ originFrom: origin[0], originTo: origin[1], destFrom: dest[0], destTo: dest[1], zone });
      }
    }
  }

  // [countries]
  const countryZones: RateCardInput["zones"]["countries"] = [];
  const countryTable = tableOf(sections.get("countries"), "countries", errors);
  if (countryTable) {
    const columns = { countries: countryTable.column("Countries"), zone: countryTable.column("Zone") };
    if (columns.countries < 0) fail(countryTable.header.row, "Countries", "add this column to [countries]");
    if (columns.zone < 0) fail(countryTable.header.row, "Zone", "add this column to [countries]");
    if (columns.countries >= 0 && columns.zone >= 0) {
      const seen = new Map<string, number>();
      for (const { row, cells } of countryTable.rows) {
        const zone = zoneCell(row, "Zone", cells[columns.zone] ?? "");
        const codes = splitList((cells[columns.countries] ?? "").toUpperCase());
        if (!codes.length) fail(row, "Countries", "list two-letter country codes such as CA, or * for every other country");
        for (const country of codes) {
          if (!/^([A-Z]{2}|\*)$/.test(country)) fail(row, "Countries", `${country} is not a two-letter country code (or *)`);
          else if (country === originCountry) fail(row, "Countries", `${country} is the origin country: its zones come from [zones]`);
          else if (seen.has(country)) fail(row, "Countries", `${country} is already on row ${seen.get(country)}`);
          else {
            seen.set(country, row);
            if (zone) countryZones.push({ country, zone });
          }
        }
      }
    }
  }
  if (zoneSource === "card" && !zip3Zones.length && !countryZones.length && !errors.length) {
    fail(null, null, "a card with its own zones needs a [zones] or a [countries] section (or set Zone source to usps)");
  }

  const surcharges = readSurcharges(tableOf(sections.get("surcharges"), "surcharges", errors), fail);

  // [delivery days]
  const deliveryDays: Record<string, number> = {};
  const daysTable = tableOf(sections.get("delivery days"), "delivery days", errors);
  if (daysTable) {
    const columns = { zone: daysTable.column("Zone"), days: daysTable.column("Days") };
    if (columns.zone < 0) fail(daysTable.header.row, "Zone", "add this column to [delivery days]");
    if (columns.days < 0) fail(daysTable.header.row, "Days", "add this column to [delivery days]");
    if (columns.zone >= 0 && columns.days >= 0) {
      for (const { row, cells } of daysTable.rows) {
        const zone = zoneCell(row, "Zone", cells[columns.zone] ?? "");
        const match = /^(\d{1,3})(?:\s*-\s*(\d{1,3}))?$/.exec((cells[columns.days] ?? "").trim());
        if (!match) fail(row, "Days", "enter business days such as 3 (or a range such as 2-3: the longer one counts)");
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
    return { ok: false, errors: parsed.error.issues.map((issue) => ({ row: null, column: issue.path.join(".") || null, message: issue.message })) };
  }
  return { ok: true, card: parsed.data };
}

function readSurcharges(table: ReturnType<typeof tableOf>, fail: (row: number | null, column: string | null, message: string) => void): Surcharges {
  const surcharges: Surcharges = { residentialCents: null, fuel: null, deliveryAreas: [], additionalHandling: null, oversize: null, confirmationCents: {} };
  if (!table) return surcharges;
  const index = Object.fromEntries(SURCHARGE_COLUMNS.map((name) => [name, table.column(name)])) as Record<(typeof SURCHARGE_COLUMNS)[number], number>;
  for (const name of ["Surcharge", "Amount"] as const) if (index[name] < 0) fail(table.header.row, name, "add this column to [surcharges]");
  if (index.Surcharge < 0 || index.Amount < 0) return surcharges;
  const kinds = ["residential", "fuel", "delivery_area", "additional_handling", "oversize", "confirmation"];
  const once = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const cell = (name: (typeof SURCHARGE_COLUMNS)[number]) => (index[name] >= 0 ? (cells[index[name]] ?? "").trim() : "");
    const kind = normalize(cell("Surcharge")).replace(/ /g, "_");
    if (!kinds.includes(kind)) {
      fail(row, "Surcharge", `use one of ${kinds.join(", ")}`);
      continue;
    }
    const onceKey = kind === "confirmation" ? `confirmation:${normalize(cell("Confirmation"))}` : kind;
    if (kind !== "delivery_area" && once.has(onceKey)) {
      fail(row, "Surcharge", `already given on row ${once.get(onceKey)}`);
      continue;
    }
    once.set(onceKey, row);
    const amountText = cell("Amount");
    if (kind === "fuel") {
      const percent = Number(amountText.replace(/%$/, "").trim());
      if (!amountText || !Number.isFinite(percent) || percent < 0 || percent > 100 || Math.round(percent * 100) !== percent * 100) {
        fail(row, "Amount", "enter the fuel surcharge as a percentage such as 12.5%");
        continue;
      }
      const listed = splitList(cell("Fuel applies to").toLowerCase());
      const bad = listed.filter((basis) => !(FUEL_BASES as readonly string[]).includes(basis));
      if (bad.length) {
        fail(row, "Fuel applies to", `use any of ${FUEL_BASES.join(", ")}`);
        continue;
      }
      surcharges.fuel = { percent, appliesTo: listed.length ? (listed as FuelBasis[]) : DEFAULT_FUEL_BASES };
      continue;
    }
    const cents = dollarsToCents(amountText);
    if (cents === null) {
      fail(row, "Amount", "enter an amount such as 4.50");
      continue;
    }
    const threshold = (name: (typeof SURCHARGE_COLUMNS)[number]): number | null | undefined => {
      const text = cell(name);
      if (!text) return null;
      const value = positiveNumber(text);
      if (value === null) fail(row, name, "enter a number more than 0");
      return value ?? undefined;
    };
    switch (kind) {
      case "residential":
        surcharges.residentialCents = cents;
        break;
      case "delivery_area": {
        const ranges = splitList(cell("ZIP codes")).map((text) => ({ text, range: zip5Range(text) }));
        const bad = ranges.find((entry) => !entry.range);
        if (!ranges.length || bad) fail(row, "ZIP codes", bad ? `${bad.text} is not a ZIP code, a ZIP3 or a range such as 96700-96899` : "list the ZIP codes it applies to, such as 96700-96899 99501");
        else surcharges.deliveryAreas.push({ cents, zip5Ranges: ranges.map((entry) => entry.range!) });
        break;
      }
      case "additional_handling": {
        const longest = threshold("Longest side over (in)");
        const second = threshold("Second side over (in)");
        const weightLb = threshold("Weight over (lb)");
        if (longest === undefined || second === undefined || weightLb === undefined) break;
        if (longest === null && second === null && weightLb === null) fail(row, "Longest side over (in)", "give at least one threshold: longest side, second side or weight");
        else surcharges.additionalHandling = { cents, longestSideIn: longest, secondSideIn: second, weightOz: weightLb === null ? null : roundOz(weightLb * 16) };
        break;
      }
      case "oversize": {
        const limit = threshold("Length + girth over (in)");
        if (limit === null) fail(row, "Length + girth over (in)", "enter the length + girth above which it applies, such as 130");
        else if (limit !== undefined) surcharges.oversize = { cents, lengthPlusGirthIn: limit };
        break;
      }
      case "confirmation": {
        const type = normalize(cell("Confirmation")).replace(/ /g, "_") as Confirmation;
        if (!CONFIRMATIONS.includes(type) || type === "none") fail(row, "Confirmation", `use one of ${CONFIRMATIONS.filter((c) => c !== "none").join(", ")}`);
        else surcharges.confirmationCents[type] = cents;
        break;
      }
    }
  }
  return surcharges;
}
