/**
 * The words a rate card CSV is written in (docs/rate-cards.md): its settings and its surcharge
 * columns. They are the file's format, matched against what a spreadsheet holds, not messages:
 * they stay English in every language, as the column names a problem quotes.
 */

/** A [card] row's label (lower-cased) → the setting it gives. */
export const CARD_KEYS = {
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

/** The USPS service setting's long names. */
export const USPS_SERVICE_NAMES = { "priority mail": "priority", "usps ground advantage": "ground_advantage" } as const;

export const SURCHARGE_COLUMN = {
  surcharge: "Surcharge",
  amount: "Amount",
  confirmation: "Confirmation",
  zipCodes: "ZIP codes",
  longestSide: "Longest side over (in)",
  secondSide: "Second side over (in)",
  weight: "Weight over (lb)",
  lengthPlusGirth: "Length + girth over (in)",
  fuelAppliesTo: "Fuel applies to",
} as const;
export const SURCHARGE_COLUMNS = Object.values(SURCHARGE_COLUMN);
export type SurchargeColumn = (typeof SURCHARGE_COLUMN)[keyof typeof SURCHARGE_COLUMN];
