import { en } from "@/lib/i18n/messages/en";

/**
 * The bounds an order's values must keep, and the words that refuse one, shared by the order
 * schema (which every source's orders pass through), the API's schema, the order form and the CSV
 * readers: the same bad value is refused everywhere with the same words. Plain constants, no zod:
 * the CSV readers run in the browser too.
 *
 * The bounds keep every amount and every computed total far inside JavaScript's safe integers
 * (2^53 cents), so what is written can always be read back: 1,000 lines of at most
 * $10,000,000.00 each sum to 10^12 cents, and a total past $10,000,000.00 is refused anyway.
 */

/** Any one amount: a unit price, tax, shipping, amount paid, a line (quantity × unit price), the order total. $10,000,000.00. */
export const MAX_AMOUNT_CENTS = 1_000_000_000;
export const MAX_QUANTITY = 1_000_000;
/** The rating's parcel bound (MAX_PARCEL_WEIGHT_OZ, 1,500 lb): past it, a parcel is freight. Per order and per unit. */
export const MAX_WEIGHT_OZ = 24_000;

/** A loose email address: something@something.something-ish, no spaces and one @. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The refusals in English, as zod schemas carry them (a zod message is a string): the catalog's
 * `orderErrors`, so pages find each one's key again (`keyOfEnglish`) and show it in the merchant's language.
 */
export const ORDER_MESSAGES = en.orderErrors;

/**
 * How far ahead a ship date may be: a day, so a label bought today in a zone ahead of the
 * merchant's (or printed for tomorrow's pickup) is fine, and a typo years ahead is not.
 */
export const MAX_SHIP_DATE_AHEAD_MS = 24 * 60 * 60 * 1000;

/** The fault of an amount in cents, or null; `allowNegative` for a line that is an adjustment. */
export function amountProblem(cents: number, { allowNegative = false, negativeMessage = ORDER_MESSAGES.amountNegative } = {}): string | null {
  if (Math.abs(cents) > MAX_AMOUNT_CENTS) return ORDER_MESSAGES.amountTooLarge;
  if (cents < 0 && !allowNegative) return negativeMessage;
  return null;
}

export function quantityProblem(quantity: number): string | null {
  return Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY ? null : ORDER_MESSAGES.quantity;
}

export function weightProblem(ounces: number): string | null {
  if (ounces < 0) return ORDER_MESSAGES.weightNegative;
  return ounces > MAX_WEIGHT_OZ ? ORDER_MESSAGES.weightTooHeavy : null;
}

/** Every ISO 3166-1 alpha-2 code, plus XK (Kosovo), which carriers accept. */
export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
    "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
    "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
    "UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
  ).split(" "),
);
