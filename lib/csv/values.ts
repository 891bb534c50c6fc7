import type { OrderStatus } from "@/db/schema";
import { instantOfWallClock, offsetMinutesOf } from "@/lib/dates";
import { parseMoneyToCents, plainAmountToCents } from "@/lib/money";
import { ISO_COUNTRY_CODES, MAX_AMOUNT_CENTS, MAX_QUANTITY, MAX_WEIGHT_OZ, EMAIL_PATTERN, ORDER_MESSAGES } from "@/lib/orders/limits";
import { ORDER_STATUSES } from "@/lib/orders/status";
import { CHANNEL_STATUS_WORDS } from "./status-words";
import { toOunces, type WeightUnit } from "@/lib/weights";
import { localizable, message, type Localizable, type MessageParams } from "@/lib/i18n/message";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * Readers for the values of one CSV cell. Each takes the cell's text (the caller decides what a
 * blank cell means) and answers a value or a message the merchant can act on, quoting what the
 * cell said. Pure and free of Node APIs: the import page runs them in the browser for its preview.
 */
export type ValueResult<T> = { ok: true; value: T } | ({ ok: false } & Localizable);

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (key: MessageKey, params?: MessageParams): ValueResult<never> => ({ ok: false, ...localizable(message(key, params)) });
/** The cell's text quoted, refused for a reason the order schema gives (`orderErrors.*`). */
const refused = (text: string, reason: keyof typeof ORDER_MESSAGES) => fail("csvErrors.refused", { value: text.trim(), reason: message(`orderErrors.${reason}`) });
const bad = (key: MessageKey, text: string) => fail(key, { value: text.trim() });

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The number the `count` digits of `text` from `start` spell, or -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let at = start; at < start + count; at++) {
    const code = text.charCodeAt(at);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

/**
 * ASCII words joined by single spaces, underscores or hyphens ("FL", "awaiting_shipment", "On Hold"):
 * the shape most cells have, for which lookupKey's passes reduce to lower-casing and spacing.
 */
const SIMPLE_KEY = /^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$/;

/** Lowercase, no accents, dots or apostrophes, runs of spaces/commas/dashes as one space, no leading "the". */
function lookupKey(text: string): string {
  if (SIMPLE_KEY.test(text)) {
    const key = text.toLowerCase().replace(/[_-]/g, " ");
    return key.startsWith("the ") ? key.slice(4) : key;
  }
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[.'’]/g, "")
    .replace(/&/g, " and ")
    .replace(/[\s,_()-]+/g, " ")
    .trim()
    .replace(/^the /, "");
}

// ─── Money ──────────────────────────────────────────────────────────────────────────────────────

/** Codes a cell may carry before or after its amount ("USD 12.50", "12,50 EUR"): the currencies merchants here sell in. */
const CURRENCY_CODES = "USD|CAD|EUR|GBP|AUD|NZD|JPY|CNY|HKD|SGD|CHF|SEK|NOK|DKK|PLN|CZK|HUF|RON|MXN|BRL|INR|ZAR|AED|ILS|KRW|TWD|THB|MYR|PHP|IDR|TRY";
const LEADING_CODE = new RegExp(`^(?:${CURRENCY_CODES})\\s*(?=[-+($€£¥₹.\\d])`, "i");
const TRAILING_CODE = new RegExp(`([\\d.,)])\\s*(?:${CURRENCY_CODES})$`, "i");
const CURRENCY_SYMBOLS = /(?:US|CA|AU|NZ|HK|SG|MX|[ACRS])?\$|[€£¥₹]/g;

/**
 * An amount in integer cents: "$1,234.50", "1234.5", "-3", "(12.00)", "12.50 USD", "USD 12.50",
 * "€12.50". A comma is a thousands separator unless `decimalComma` is set, when "1.234,50" and
 * "19,99" are read the European way (and a dot may only separate thousands). The currency a
 * cell names is not checked against the order's: the Currency column says that.
 */
export function parseMoney(text: string, options: { decimalComma?: boolean } = {}): ValueResult<number> {
  const raw = text.trim();
  if (!raw) return fail("csvErrors.enterAmount");
  const plain = plainAmountToCents(raw, options.decimalComma ? "," : ".");
  if (plain !== null) return Math.abs(plain) > MAX_AMOUNT_CENTS ? refused(raw, "amountTooLarge") : ok(plain);
  let body = raw.replace(LEADING_CODE, "").replace(TRAILING_CODE, "$1").replace(CURRENCY_SYMBOLS, "").trim();
  if (options.decimalComma) {
    body = body.replace(/[.\s\u00a0\u202f](?=\d{3}(?!\d))/g, "");
    if (body.includes(".")) return bad("csvErrors.notAmountDecimalComma", raw);
    body = body.replace(",", ".");
  }
  const cents = parseMoneyToCents(body);
  if (cents === null && /^[+-]?\d{13,}(\.\d*)?$/.test(body.replace(/[,\s]/g, ""))) return refused(raw, "amountTooLarge");
  if (cents === null) {
    if (!options.decimalComma && /\d,\d{1,2}$/.test(body)) {
      return bad("csvErrors.notAmountChooseDecimalComma", raw);
    }
    return bad("csvErrors.notAmount", raw);
  }
  // The order schema's bound, in its words: the form and the API refuse the same amount alike.
  if (Math.abs(cents) > MAX_AMOUNT_CENTS) return refused(raw, "amountTooLarge");
  return ok(cents);
}

/** What the amounts and weights of a column say of the file's decimal separator. */
export interface NumberFormatEvidence {
  /** Some number reads only with a decimal point (12.50, 1,234.50, 1,234,567). */
  decimalPoint: boolean;
  /** Some number reads only with a decimal comma (12,50, 1.234,50, 1 234,50, 1.234.567). */
  decimalComma: boolean;
  /** Some number reads both ways as different numbers (1,234 or 1.234: a thousand, or one and a bit). */
  ambiguous: boolean;
}

const NUMBER_BODY = /^[+-]?\(?[^\d]{0,4}?\s*([\d][\d.,\s\u00a0\u202f]*)\s*[^\d]{0,12}$/;

/** Whether a cell is an amount or a weight written with digits, so its column is worth reading for its decimal separator. */
export function looksLikeNumber(text: string): boolean {
  return NUMBER_BODY.test(text.trim()) && numericDateParts(text) === null;
}

/** Reads these cells' numbers (currency signs, codes and units aside) for the separator they use. */
export function numberFormatEvidence(cells: Iterable<string>): NumberFormatEvidence {
  const evidence: NumberFormatEvidence = { decimalPoint: false, decimalComma: false, ambiguous: false };
  for (const cell of cells) {
    const match = NUMBER_BODY.exec(cell.trim());
    if (!match) continue;
    const body = match[1].replace(/[\s\u00a0\u202f]+/g, " ").trim();
    const separator = separatorOf(body);
    if (separator === ".") evidence.decimalPoint = true;
    else if (separator === ",") evidence.decimalComma = true;
    else if (separator === "?") evidence.ambiguous = true;
  }
  return evidence;
}

/** "." or "," when the number can only be read with that decimal separator, "?" when both read, null when it has none. */
function separatorOf(body: string): "." | "," | "?" | null {
  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? "." : ",";
  const mark = lastDot >= 0 ? "." : lastComma >= 0 ? "," : null;
  if (!mark) return null;
  const other = mark === "." ? "," : ".";
  const groups = body.replace(/ /g, "").split(mark);
  // Several marks can only separate thousands (1,234,567 or 1.234.567): the decimal is the other one.
  if (groups.length > 2) return groups.slice(1).every((group) => group.length === 3) ? other : null;
  const decimals = groups[1];
  if (decimals.length === 3 && groups[0].length >= 1 && groups[0].length <= 3 && groups[0] !== "0") {
    // "1 234,567" has a space for thousands, so the mark is the decimal.
    return body.includes(" ") ? mark : "?";
  }
  return decimals.length > 0 ? mark : null;
}

/**
 * Whether the file writes decimal commas, or the merchant must choose: asked when some number
 * reads both ways and none settles it, or when the columns disagree.
 */
export function decideNumberFormat(evidence: readonly NumberFormatEvidence[]): { ask: boolean; decimalComma?: boolean } {
  const comma = evidence.some((column) => column.decimalComma);
  const point = evidence.some((column) => column.decimalPoint);
  if (comma && point) return { ask: true };
  if (comma) return { ask: false, decimalComma: true };
  if (point) return { ask: false, decimalComma: false };
  return { ask: evidence.some((column) => column.ambiguous) };
}

// ─── Weight ─────────────────────────────────────────────────────────────────────────────────────

const UNIT_WORDS = new Map<string, WeightUnit>(Object.entries({
  oz: "ounces", ozs: "ounces", ounce: "ounces", ounces: "ounces",
  lb: "pounds", lbs: "pounds", pound: "pounds", pounds: "pounds",
  g: "grams", gr: "grams", grs: "grams", gram: "grams", grams: "grams", gramme: "grams", grammes: "grams",
  kg: "kilograms", kgs: "kilograms", kilo: "kilograms", kilos: "kilograms", kilogram: "kilograms", kilograms: "kilograms", kilogramme: "kilograms", kilogrammes: "kilograms",
} satisfies Record<string, WeightUnit>));

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** A weight unit as a file names it ("oz", "lbs", "Grams", "KG"…). */
export function parseWeightUnit(text: string): ValueResult<WeightUnit> {
  const unit = UNIT_WORDS.get(text.trim().toLowerCase().replace(/\.$/, ""));
  return unit ? ok(unit) : bad("csvErrors.notWeightUnit", text);
}

function readDecimal(text: string, decimalComma: boolean | undefined): number | null {
  const normalised = decimalComma ? text.replace(/\.(?=\d{3}(?!\d))/g, "").replace(",", ".") : text.replace(/,(?=\d{3}(?!\d))/g, "");
  return /^(\d+(\.\d*)?|\.\d+)$/.test(normalised) ? Number(normalised) : null;
}

/**
 * A weight in ounces: a number with an optional unit ("12", "12 oz", "1.5 lb", "2 lbs 3 oz",
 * "500 g", "2 kg"); a bare number is in `defaultUnit`. A comma separates thousands unless
 * `decimalComma` is set ("1,5 kg").
 */
export function parseWeight(text: string, defaultUnit: WeightUnit, options: { decimalComma?: boolean } = {}): ValueResult<number> {
  const raw = text.trim();
  if (!raw) return fail("csvErrors.enterWeight");
  // A bare number, as most cells are. With decimal commas a dot may separate thousands, so only whole numbers.
  if (PLAIN_DECIMAL.test(raw) && !(options.decimalComma && raw.includes("."))) {
    const ounces = toOunces(Number(raw), defaultUnit);
    if (ounces <= MAX_WEIGHT_OZ) return ok(Math.round(ounces * 1000) / 1000);
  }
  const hint = () => bad("csvErrors.notWeight", raw);
  if (/^-\s*[\d.,]/.test(raw)) return refused(raw, "weightNegative");
  const value = raw.toLowerCase();
  const compound = /^([\d.,]+)\s*(?:lbs?|pounds?)\.?\s*,?\s*([\d.,]+)\s*(?:oz|ounces?)\.?$/.exec(value);
  let ounces: number;
  if (compound) {
    const pounds = readDecimal(compound[1], options.decimalComma);
    const extra = readDecimal(compound[2], options.decimalComma);
    if (pounds === null || extra === null) return hint();
    ounces = toOunces(pounds, "pounds") + toOunces(extra, "ounces");
  } else {
    const match = /^([\d.,]+)\s*([a-z]+\.?)?$/.exec(value);
    if (!match) return hint();
    const amount = readDecimal(match[1], options.decimalComma);
    const unit = match[2] === undefined ? defaultUnit : UNIT_WORDS.get(match[2].replace(/\.$/, ""));
    if (amount === null || unit === undefined) return hint();
    ounces = toOunces(amount, unit);
  }
  if (ounces > MAX_WEIGHT_OZ) return refused(raw, "weightTooHeavy");
  return ok(Math.round(ounces * 1000) / 1000);
}

// ─── Country ────────────────────────────────────────────────────────────────────────────────────


/**
 * The countries a file may name in words, with their ISO alpha-3 code: the destinations most
 * orders ship to from North America, Europe and Australia (about 80), under their English names,
 * common short forms and their own names where merchants meet them (Deutschland, España, México,
 * Österreich, Schweiz…). Accents, dots, case and a leading "The" do not matter. Any other country
 * is accepted by its two-letter ISO code.
 */
const COUNTRY_NAMES: readonly (readonly [code: string, alpha3: string, names: readonly string[]])[] = [
  ["US", "USA", ["United States", "United States of America", "U.S.", "U.S.A.", "America", "Estados Unidos", "Etats-Unis"]],
  ["CA", "CAN", ["Canada"]],
  ["MX", "MEX", ["Mexico", "México"]],
  ["GB", "GBR", ["United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland", "United Kingdom of Great Britain and Northern Ireland"]],
  ["IE", "IRL", ["Ireland", "Republic of Ireland", "Eire", "Éire"]],
  ["DE", "DEU", ["Germany", "Deutschland", "Allemagne"]],
  ["FR", "FRA", ["France"]],
  ["ES", "ESP", ["Spain", "España", "Espana"]],
  ["IT", "ITA", ["Italy", "Italia"]],
  ["PT", "PRT", ["Portugal"]],
  ["NL", "NLD", ["Netherlands", "Holland", "Nederland"]],
  ["BE", "BEL", ["Belgium", "België", "Belgique", "Belgien"]],
  ["LU", "LUX", ["Luxembourg"]],
  ["CH", "CHE", ["Switzerland", "Schweiz", "Suisse", "Svizzera"]],
  ["AT", "AUT", ["Austria", "Österreich", "Osterreich"]],
  ["DK", "DNK", ["Denmark", "Danmark"]],
  ["SE", "SWE", ["Sweden", "Sverige"]],
  ["NO", "NOR", ["Norway", "Norge"]],
  ["FI", "FIN", ["Finland", "Suomi"]],
  ["IS", "ISL", ["Iceland"]],
  ["PL", "POL", ["Poland", "Polska"]],
  ["CZ", "CZE", ["Czech Republic", "Czechia"]],
  ["SK", "SVK", ["Slovakia"]],
  ["HU", "HUN", ["Hungary"]],
  ["RO", "ROU", ["Romania"]],
  ["BG", "BGR", ["Bulgaria"]],
  ["GR", "GRC", ["Greece"]],
  ["HR", "HRV", ["Croatia"]],
  ["SI", "SVN", ["Slovenia"]],
  ["EE", "EST", ["Estonia"]],
  ["LV", "LVA", ["Latvia"]],
  ["LT", "LTU", ["Lithuania"]],
  ["MT", "MLT", ["Malta"]],
  ["CY", "CYP", ["Cyprus"]],
  ["TR", "TUR", ["Turkey", "Türkiye", "Turkiye"]],
  ["RU", "RUS", ["Russia", "Russian Federation"]],
  ["UA", "UKR", ["Ukraine"]],
  ["IL", "ISR", ["Israel"]],
  ["AE", "ARE", ["United Arab Emirates", "UAE", "U.A.E."]],
  ["SA", "SAU", ["Saudi Arabia"]],
  ["QA", "QAT", ["Qatar"]],
  ["KW", "KWT", ["Kuwait"]],
  ["EG", "EGY", ["Egypt"]],
  ["ZA", "ZAF", ["South Africa"]],
  ["NG", "NGA", ["Nigeria"]],
  ["KE", "KEN", ["Kenya"]],
  ["MA", "MAR", ["Morocco"]],
  ["IN", "IND", ["India"]],
  ["PK", "PAK", ["Pakistan"]],
  ["BD", "BGD", ["Bangladesh"]],
  ["CN", "CHN", ["China", "People's Republic of China", "PRC", "Mainland China"]],
  ["HK", "HKG", ["Hong Kong", "Hong Kong SAR"]],
  ["TW", "TWN", ["Taiwan"]],
  ["JP", "JPN", ["Japan"]],
  ["KR", "KOR", ["South Korea", "Korea", "Republic of Korea", "Korea, Republic of"]],
  ["SG", "SGP", ["Singapore"]],
  ["MY", "MYS", ["Malaysia"]],
  ["TH", "THA", ["Thailand"]],
  ["VN", "VNM", ["Vietnam", "Viet Nam"]],
  ["PH", "PHL", ["Philippines"]],
  ["ID", "IDN", ["Indonesia"]],
  ["AU", "AUS", ["Australia"]],
  ["NZ", "NZL", ["New Zealand", "Aotearoa"]],
  ["BR", "BRA", ["Brazil", "Brasil"]],
  ["AR", "ARG", ["Argentina"]],
  ["CL", "CHL", ["Chile"]],
  ["CO", "COL", ["Colombia"]],
  ["PE", "PER", ["Peru", "Perú"]],
  ["EC", "ECU", ["Ecuador"]],
  ["UY", "URY", ["Uruguay"]],
  ["VE", "VEN", ["Venezuela"]],
  ["PR", "PRI", ["Puerto Rico"]],
  ["CR", "CRI", ["Costa Rica"]],
  ["PA", "PAN", ["Panama", "Panamá"]],
  ["GT", "GTM", ["Guatemala"]],
  ["DO", "DOM", ["Dominican Republic"]],
  ["JM", "JAM", ["Jamaica"]],
  ["BS", "BHS", ["Bahamas"]],
  ["TT", "TTO", ["Trinidad and Tobago"]],
];

const COUNTRY_BY_KEY = new Map<string, string>();
for (const [code, alpha3, names] of COUNTRY_NAMES) {
  COUNTRY_BY_KEY.set(lookupKey(alpha3), code);
  for (const name of names) COUNTRY_BY_KEY.set(lookupKey(name), code);
}

/**
 * A country as its ISO 3166-1 alpha-2 code: any two-letter code ("us", "GB"; "UK" means GB),
 * the alpha-3 code or a name of a country in `COUNTRY_NAMES`.
 */
export function parseCountry(text: string): ValueResult<string> {
  const raw = text.trim();
  if (/^[A-Za-z]{2}$/.test(raw)) {
    const code = raw.toUpperCase();
    if (code === "UK") return ok("GB");
    if (ISO_COUNTRY_CODES.has(code)) return ok(code);
  }
  const code = COUNTRY_BY_KEY.get(lookupKey(raw));
  if (code) return ok(code);
  return refused(raw, "country");
}

// ─── State / province ───────────────────────────────────────────────────────────────────────────

/** USPS codes: the 50 states, DC, the territories, the freely associated states and the military "states". */
const US_STATES: readonly (readonly [code: string, ...names: string[]])[] = [
  ["AL", "Alabama"], ["AK", "Alaska"], ["AZ", "Arizona"], ["AR", "Arkansas"], ["CA", "California"], ["CO", "Colorado"],
  ["CT", "Connecticut"], ["DE", "Delaware"], ["FL", "Florida"], ["GA", "Georgia"], ["HI", "Hawaii"], ["ID", "Idaho"],
  ["IL", "Illinois"], ["IN", "Indiana"], ["IA", "Iowa"], ["KS", "Kansas"], ["KY", "Kentucky"], ["LA", "Louisiana"],
  ["ME", "Maine"], ["MD", "Maryland"], ["MA", "Massachusetts"], ["MI", "Michigan"], ["MN", "Minnesota"], ["MS", "Mississippi"],
  ["MO", "Missouri"], ["MT", "Montana"], ["NE", "Nebraska"], ["NV", "Nevada"], ["NH", "New Hampshire"], ["NJ", "New Jersey"],
  ["NM", "New Mexico"], ["NY", "New York"], ["NC", "North Carolina"], ["ND", "North Dakota"], ["OH", "Ohio"], ["OK", "Oklahoma"],
  ["OR", "Oregon"], ["PA", "Pennsylvania"], ["RI", "Rhode Island"], ["SC", "South Carolina"], ["SD", "South Dakota"],
  ["TN", "Tennessee"], ["TX", "Texas"], ["UT", "Utah"], ["VT", "Vermont"], ["VA", "Virginia"], ["WA", "Washington"],
  ["WV", "West Virginia"], ["WI", "Wisconsin"], ["WY", "Wyoming"],
  ["DC", "District of Columbia", "Washington DC", "Washington D.C."],
  ["PR", "Puerto Rico"], ["GU", "Guam"], ["VI", "U.S. Virgin Islands", "US Virgin Islands", "Virgin Islands"], ["AS", "American Samoa"],
  ["MP", "Northern Mariana Islands"], ["UM", "United States Minor Outlying Islands", "U.S. Minor Outlying Islands"],
  ["FM", "Federated States of Micronesia", "Micronesia"], ["MH", "Marshall Islands"], ["PW", "Palau"],
  ["AA", "Armed Forces Americas"], ["AE", "Armed Forces Europe", "Armed Forces Africa", "Armed Forces Middle East", "Armed Forces Canada"], ["AP", "Armed Forces Pacific"],
];

/** Canada Post codes, with the French names and the old codes (PQ, NF) still seen in exports. */
const CA_PROVINCES: readonly (readonly [code: string, ...names: string[]])[] = [
  ["AB", "Alberta"], ["BC", "British Columbia", "Colombie-Britannique"], ["MB", "Manitoba"],
  ["NB", "New Brunswick", "Nouveau-Brunswick"], ["NL", "Newfoundland and Labrador", "Newfoundland", "Terre-Neuve-et-Labrador", "NF"],
  ["NS", "Nova Scotia", "Nouvelle-Écosse"], ["NT", "Northwest Territories", "Territoires du Nord-Ouest"], ["NU", "Nunavut"],
  ["ON", "Ontario"], ["PE", "Prince Edward Island", "PEI", "Île-du-Prince-Édouard"], ["QC", "Quebec", "Québec", "PQ"],
  ["SK", "Saskatchewan"], ["YT", "Yukon", "Yukon Territory"],
];

function regionTable(entries: readonly (readonly [string, ...string[]])[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const [code, ...names] of entries) {
    table.set(lookupKey(code), code);
    for (const name of names) table.set(lookupKey(name), code);
  }
  return table;
}

const US_BY_KEY = regionTable(US_STATES);
const CA_BY_KEY = regionTable(CA_PROVINCES);

/** The codes a table reads as themselves ("NY" is NY), as most cells write them: known without building a lookup key. */
function codesReadAsThemselves(entries: readonly (readonly [string, ...string[]])[], table: Map<string, string>): Set<string> {
  return new Set(entries.map(([code]) => code).filter((code) => table.get(lookupKey(code)) === code));
}

const US_CODES = codesReadAsThemselves(US_STATES, US_BY_KEY);
const CA_CODES = codesReadAsThemselves(CA_PROVINCES, CA_BY_KEY);

/**
 * A US state or Canadian province as its two-letter code, by code or name. Other countries'
 * regions are kept as written. With no country, a US or Canadian name or code still becomes its
 * code and anything else is kept as written.
 */
export function parseState(text: string, country: string | null | undefined): ValueResult<string> {
  const raw = text.trim().replace(/\s+/g, " ");
  if (country === "US" ? US_CODES.has(raw) : country === "CA" && CA_CODES.has(raw)) return ok(raw);
  const key = lookupKey(raw);
  if (country === "US") {
    return US_BY_KEY.has(key) ? ok(US_BY_KEY.get(key)!) : bad("csvErrors.notUsState", raw);
  }
  if (country === "CA") {
    return CA_BY_KEY.has(key) ? ok(CA_BY_KEY.get(key)!) : bad("csvErrors.notCanadianProvince", raw);
  }
  if (!country) return ok(US_BY_KEY.get(key) ?? CA_BY_KEY.get(key) ?? raw);
  return ok(raw);
}

// ─── Date ───────────────────────────────────────────────────────────────────────────────────────

export type DateOrder = "MDY" | "DMY";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAY_PREFIX = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
// The time at the end of a date: " 14:30", "T14:30:00.123Z", " 2:30 PM", ", 9:05:07 a.m. -05:00".
const TIME = /(?:[T\s]+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?\s*m\.?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/i;
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/;
const MONTH_NAME_FIRST = /^([a-z]{3,})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/i;
const DAY_FIRST_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,})\.?,?[\s-]+(\d{4}|\d{2})$/i;

function monthOfName(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index === -1 ? null : index + 1;
}

/** 26 → 2026, 99 → 1999: orders are not older than 1970. */
const fullYear = (text: string) => (text.length === 2 ? (Number(text) < 70 ? 2000 : 1900) + Number(text) : Number(text));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  // Four-digit years by rule; Date.UTC knows the others (it reads 0–99 as 1900–1999, and ends in 275760).
  if (year >= 1000 && year <= 9999) {
    const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
    return day <= DAYS_IN_MONTH[month - 1] + leapDay;
  }
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What a file's numeric dates (03/04/2026) say of the order it writes them in. */
export interface DateOrderEvidence {
  /** Some date reads only month first (11/25/2026). */
  monthFirst: boolean;
  /** Some date reads only day first (25/11/2026). */
  dayFirst: boolean;
  /** Some date reads both ways as different days (03/04/2026). */
  ambiguous: boolean;
  /** Some date is written with dots (05.11.2026): the German and French way, always day first. */
  dotted: boolean;
}

/**
 * Reads the numeric dates of these cells: which order they can be in. Dates written any other
 * way (2026-11-05, Nov 5) say nothing.
 */
export function dateOrderEvidence(cells: Iterable<string>): DateOrderEvidence {
  const evidence: DateOrderEvidence = { monthFirst: false, dayFirst: false, ambiguous: false, dotted: false };
  for (const cell of cells) {
    const parts = numericDateParts(cell);
    if (!parts) continue;
    if (cell.includes(".")) evidence.dotted = true;
    const [a, b] = parts;
    if (a > 12 && b <= 12) evidence.dayFirst = true;
    else if (b > 12 && a <= 12) evidence.monthFirst = true;
    else if (a !== b && a <= 12 && b <= 12) evidence.ambiguous = true;
  }
  return evidence;
}

/**
 * The date order the merchant must choose, or the one the file's dates settle: asked when some
 * date reads both ways and none settles it, or when the dates disagree with each other. Dotted
 * dates that nothing settles are day first: no one writes 11.05.2026 for November 5.
 */
export function decideDateOrder(evidence: readonly DateOrderEvidence[]): { ask: boolean; dateOrder?: DateOrder } {
  const dayFirst = evidence.some((column) => column.dayFirst);
  const monthFirst = evidence.some((column) => column.monthFirst);
  if (dayFirst && monthFirst) return { ask: true };
  if (dayFirst) return { ask: false, dateOrder: "DMY" };
  if (monthFirst) return { ask: false, dateOrder: "MDY" };
  if (evidence.some((column) => column.dotted)) return { ask: false, dateOrder: "DMY" };
  return { ask: evidence.some((column) => column.ambiguous) };
}

/** Whether a cell is a numeric date (03/04/2026), so its column's dates are worth reading for their order. */
export function looksLikeNumericDate(text: string): boolean {
  return numericDateParts(text) !== null;
}

/** The first two numbers of a numeric date, with or without a time ("03/04/2026, 2:30 PM" → 3, 4); null for other cells. */
function numericDateParts(text: string): [number, number] | null {
  const match = NUMERIC.exec(splitDateTime(text.trim()).datePart);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** A cell's date without its trailing time ("11/05/2026" of "11/05/2026, 2:30 PM"), and the time as TIME matched it. */
function splitDateTime(raw: string): { datePart: string; time: RegExpExecArray | null } {
  const time = TIME.exec(raw);
  return { datePart: time ? raw.slice(0, time.index).replace(/,$/, "").trim() : raw, time };
}

/**
 * A date (and optional time) as an instant (epoch ms). Accepts ISO 8601 ("2026-11-05",
 * "2026-11-05T14:30:00-05:00", "2026-11-05 14:30"), numeric dates ("11/5/2026", "11/5/26",
 * "05.11.2026"; month or day first as `dateOrder` says), month names ("Nov 5, 2026",
 * "5 November 2026", "5-Nov-26", with or without a weekday), each with an optional time
 * ("14:30", "2:30 PM", "2:30:15 p.m.") and offset. A time with an offset (or Z, UTC, GMT) is that
 * instant; otherwise it is wall-clock time in `timeZone`, and a bare date is midnight there.
 */
export function parseDate(text: string, options: { timeZone: string; dateOrder: DateOrder }): ValueResult<number> {
  const raw = text.trim().replace(/\s+/g, " ");
  const instant = isoInstant(raw);
  if (instant !== null) return ok(instant);
  const notADate = bad(options.dateOrder === "MDY" ? "csvErrors.notDateMonthFirst" : "csvErrors.notDateDayFirst", raw);
  if (!raw) return fail("csvErrors.enterDate");

  const { datePart, time } = splitDateTime(raw);
  let hour = 0, minute = 0, second = 0, fraction = "", offset = "";
  if (time) {
    const [, h, mi, s = "0", frac = "", meridiem, zone] = time;
    hour = Number(h);
    minute = Number(mi);
    second = Number(s);
    fraction = frac.slice(0, 7);
    if (meridiem) {
      const pm = meridiem.toLowerCase() === "p";
      if (hour === 0 || hour > 23 || (!pm && hour > 12)) return bad("csvErrors.noSuchTime", raw);
      // "21:56 PM" is read as 21:56, as spreadsheets do.
      if (hour <= 12) hour = (hour % 12) + (pm ? 12 : 0);
    }
    if (zone) offset = /^(Z|UTC|GMT)$/i.test(zone) ? "Z" : zone;
  }

  let year: number, month: number, day: number;
  const datePartNoWeekday = datePart.replace(WEEKDAY_PREFIX, "");
  let match: RegExpExecArray | null;
  if ((match = YEAR_FIRST.exec(datePart))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = NUMERIC.exec(datePart))) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    year = fullYear(match[3]);
    [month, day] = options.dateOrder === "MDY" ? [a, b] : [b, a];
    if (!isCalendarDay(year, month, day) && isCalendarDay(year, day, month)) {
      return options.dateOrder === "MDY"
        ? bad("csvErrors.notMonthFirst", raw)
        : bad("csvErrors.notDayFirst", raw);
    }
  } else if ((match = MONTH_NAME_FIRST.exec(datePartNoWeekday))) {
    const named = monthOfName(match[1]);
    if (named === null) return notADate;
    [year, month, day] = [Number(match[3]), named, Number(match[2])];
  } else if ((match = DAY_FIRST_NAME.exec(datePartNoWeekday))) {
    const named = monthOfName(match[2]);
    if (named === null) return notADate;
    [year, month, day] = [fullYear(match[3]), named, Number(match[1])];
  } else {
    return notADate;
  }

  if (year < 1970) return bad("csvErrors.before1970", raw);
  if (!isCalendarDay(year, month, day)) return bad("csvErrors.notCalendarDay", raw);
  if (hour > 23 || minute > 59 || second > 59) return bad("csvErrors.noSuchTime", raw);
  const millisecond = Number(fraction.padEnd(3, "0").slice(0, 3));
  if (!offset) return ok(instantOfWallClock(year, month, day, hour, minute, second, options.timeZone) + millisecond);
  const offsetMinutes = offsetMinutesOf(offset);
  if (Number.isNaN(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60) return bad("csvErrors.noSuchOffset", raw);
  return ok(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000);
}

/**
 * "2026-11-05T09:30:00.000Z" or "…+05:30", as JavaScript and most APIs write an instant, read
 * without parseDate's patterns. Null for any other shape, and for values parseDate refuses
 * (before 1970, not a day, no such time or offset), so that its messages stay the only ones.
 */
function isoInstant(raw: string): number | null {
  if (raw.length < 20 || raw[4] !== "-" || raw[7] !== "-" || raw[10] !== "T" || raw[13] !== ":" || raw[16] !== ":") return null;
  const year = digitsAt(raw, 0, 4);
  const month = digitsAt(raw, 5, 2);
  const day = digitsAt(raw, 8, 2);
  const hour = digitsAt(raw, 11, 2);
  const minute = digitsAt(raw, 14, 2);
  const second = digitsAt(raw, 17, 2);
  if (year < 1970 || !isCalendarDay(year, month, day) || hour === -1 || hour > 23 || minute === -1 || minute > 59 || second === -1 || second > 59) {
    return null;
  }
  let at = 19;
  let millisecond = 0;
  if (raw[at] === ".") {
    const start = ++at;
    while (at < raw.length && isDigit(raw.charCodeAt(at))) at++;
    const fractionDigits = at - start;
    if (fractionDigits === 0 || fractionDigits > 9) return null;
    // Milliseconds are the first three digits: ".3" is 300, ".123456" is 123.
    for (let place = 0; place < 3; place++) millisecond = millisecond * 10 + (place < fractionDigits ? raw.charCodeAt(start + place) - 48 : 0);
  }
  let offsetMinutes: number;
  if (raw.length === at + 1 && raw[at] === "Z") {
    offsetMinutes = 0;
  } else if (raw.length === at + 6 && (raw[at] === "+" || raw[at] === "-") && raw[at + 3] === ":") {
    const hours = digitsAt(raw, at + 1, 2);
    const minutes = digitsAt(raw, at + 4, 2);
    if (hours === -1 || minutes === -1 || minutes > 59) return null;
    offsetMinutes = (raw[at] === "-" ? -1 : 1) * (hours * 60 + minutes);
    if (Math.abs(offsetMinutes) > 18 * 60) return null;
  } else {
    return null;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
}

// ─── Boolean, quantity, text ────────────────────────────────────────────────────────────────────

const TRUE_WORDS = new Set(["yes", "y", "true", "t", "1", "x"]);
const FALSE_WORDS = new Set(["no", "n", "false", "f", "0"]);

/** yes/no, y/n, true/false, 1/0 (any case); "x" (a ticked box) is yes. */
export function parseBoolean(text: string): ValueResult<boolean> {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return bad("csvErrors.notBoolean", text);
}


/**
 * A whole number of units, 0 to 1,000,000: "3", "1,200", and "2.0" as spreadsheets sometimes write
 * it. 0 is read: the order schema refuses it on an open order (a cancelled one may carry it), in
 * the same words as here.
 */
export function parseQuantity(text: string): ValueResult<number> {
  const raw = text.trim();
  if (raw.length > 0 && raw.length <= 7) {
    const plain = digitsAt(raw, 0, raw.length);
    if (plain !== -1 && plain <= MAX_QUANTITY) return ok(plain);
  }
  if (/^-\s*\d/.test(raw)) return refused(raw, "quantity");
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?$/.exec(raw);
  if (!match) return (/^\d*\.\d+$/.test(raw) ? refused(raw, "quantity") : bad("csvErrors.notQuantity", raw));
  const quantity = Number(match[1].replace(/,/g, ""));
  if (quantity > MAX_QUANTITY) return refused(raw, "quantity");
  return ok(quantity);
}

/** A three-letter ISO 4217 code, any case. */
export function parseCurrency(text: string): ValueResult<string> {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? ok(code) : bad("csvErrors.notCurrency", text);
}

/** An email address, loosely: something@something, no spaces. */
export function parseEmail(text: string): ValueResult<string> {
  const email = text.trim();
  return EMAIL_PATTERN.test(email) ? ok(email) : refused(email, "email");
}

// ─── Status ─────────────────────────────────────────────────────────────────────────────────────

/** Shipdeck's (and ShipStation's) names for the statuses, as the orders list shows them and the export writes them. */
export const STATUS_LABELS: Record<OrderStatus, string> = {
  awaiting_payment: "Awaiting Payment",
  awaiting_shipment: "Awaiting Shipment",
  pending_fulfillment: "Pending Fulfillment",
  on_hold: "On Hold",
  shipped: "Shipped",
  cancelled: "Cancelled",
};

/** Channel and spreadsheet words for the statuses (lib/csv/status-words.ts); Shipdeck's own names and labels are added below. */
const STATUS_WORDS = new Map<string, OrderStatus>(Object.entries(CHANNEL_STATUS_WORDS));
for (const status of ORDER_STATUSES) {
  STATUS_WORDS.set(lookupKey(status), status);
  STATUS_WORDS.set(lookupKey(STATUS_LABELS[status]), status);
}

/** Shipdeck's own names and labels, as its export writes them, read without building a lookup key. */
const STATUS_BY_TEXT = new Map<string, OrderStatus>();
for (const status of ORDER_STATUSES) {
  for (const text of [status, STATUS_LABELS[status]]) STATUS_BY_TEXT.set(text, STATUS_WORDS.get(lookupKey(text))!);
}

/**
 * An order status by Shipdeck's name ("awaiting_shipment", "Awaiting Shipment") or a word channels
 * and ShipStation exports use ("paid", "unpaid", "pending", "fulfilled", "refunded", "on hold"…).
 * A blank cell is Awaiting Shipment, as ShipStation's import does.
 */
export function parseStatus(text: string): ValueResult<OrderStatus> {
  const known = STATUS_BY_TEXT.get(text);
  if (known) return ok(known);
  if (!text.trim()) return ok("awaiting_shipment");
  const status = STATUS_WORDS.get(lookupKey(text));
  if (status) return ok(status);
  return fail("csvErrors.notStatus", { value: text.trim(), statuses: Object.values(STATUS_LABELS).join(", ") });
}

export type PaymentState = "paid" | "unpaid" | "void";

const PAYMENT_WORDS = new Map<string, PaymentState>(Object.entries({
  paid: "paid", "partially paid": "paid", "partially refunded": "paid", captured: "paid", settled: "paid", completed: "paid", complete: "paid", yes: "paid", true: "paid",
  pending: "unpaid", unpaid: "unpaid", "not paid": "unpaid", authorized: "unpaid", authorised: "unpaid", "awaiting payment": "unpaid", "pending payment": "unpaid",
  expired: "unpaid", failed: "unpaid", no: "unpaid", false: "unpaid",
  refunded: "void", voided: "void", void: "void", cancelled: "void", canceled: "void",
} satisfies Record<string, PaymentState>));

/** A payment status as shops export it (Shopify's Financial Status: paid, pending, authorized, refunded, voided…). */
export function parsePaymentStatus(text: string): ValueResult<PaymentState> {
  const state = PAYMENT_WORDS.get(lookupKey(text));
  return state ? ok(state) : bad("csvErrors.notPaymentStatus", text);
}

/**
 * An order's status from its fulfilment (or order) status and its payment status, when a file
 * has both (Shopify: pending → Awaiting Payment, paid and unfulfilled → Awaiting Shipment,
 * fulfilled → Shipped; refunded or voided and not shipped → Cancelled). Either may be missing.
 */
export function combineStatuses(status: OrderStatus | null, payment: PaymentState | null): OrderStatus {
  if (status === "shipped" || status === "cancelled" || status === "on_hold") return status;
  if (payment === "void") return "cancelled";
  if (payment === "unpaid") return "awaiting_payment";
  if (payment === "paid" && status === "awaiting_payment") return "awaiting_shipment";
  return status ?? "awaiting_shipment";
}

// ─── Item options ───────────────────────────────────────────────────────────────────────────────

export type ItemOption = { name: string; value: string };

/**
 * An item's options: "Size: M; Color: Blue" (or one per line), and the JSON list
 * `formatItemOptions` falls back to when a name or value would not survive that form.
 * An entry without a colon is an option with that name and no value.
 */
export function parseItemOptions(text: string): ValueResult<ItemOption[]> {
  const raw = text.trim();
  if (raw.startsWith("[")) {
    try {
      const list: unknown = JSON.parse(raw);
      if (Array.isArray(list) && list.every((entry) => typeof entry?.name === "string" && typeof entry?.value === "string")) {
        return ok(list.map((entry: ItemOption) => ({ name: entry.name, value: entry.value })));
      }
    } catch {
      // Not JSON after all: read it as "name: value" entries below.
    }
  }
  const entries = raw.split(raw.includes("\n") ? /\r?\n/ : ";").map((entry) => entry.trim()).filter(Boolean);
  return ok(
    entries.map((entry) => {
      const colon = entry.indexOf(":");
      return colon === -1 ? { name: entry, value: "" } : { name: entry.slice(0, colon).trim(), value: entry.slice(colon + 1).trim() };
    }),
  );
}

/** Options as `parseItemOptions` reads them back: one "name: value" per line, or JSON when that would be ambiguous. */
export function formatItemOptions(options: readonly ItemOption[]): string {
  const plain = options.every(
    ({ name, value }) => name !== "" && !/[:;\r\n]/.test(name) && !/[;\r\n]/.test(value) && name === name.trim() && value === value.trim(),
  );
  if (!plain || (options.length === 1 && options[0].name.startsWith("["))) return JSON.stringify(options.map(({ name, value }) => ({ name, value })));
  return options.map(({ name, value }) => `${name}: ${value}`).join("\n");
}
