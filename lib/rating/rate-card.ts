import { z } from "zod";
import { en } from "@/lib/i18n/messages/en";
import { inEnglish, message } from "@/lib/i18n/message";
import { CONFIRMATIONS } from "./types";

/**
 * A rate card: one carrier service's prices and the rules that turn a parcel into one of them.
 * Every amount is integer cents, every weight ounces, every length inches. The CSV format
 * (docs/rate-cards.md, lib/rating/rate-card-csv.ts) and the database rows both become this shape,
 * and `rateCardSchema` checks it whichever way it came.
 */

export const WEIGHT_ROUNDINGS = ["ceil_oz_then_lb", "ceil_lb", "ceil_oz"] as const;
export type WeightRounding = (typeof WEIGHT_ROUNDINGS)[number];
export const DIMENSION_ROUNDINGS = ["nearest", "up", "none"] as const;
export type DimensionRounding = (typeof DIMENSION_ROUNDINGS)[number];
export const DIM_WEIGHT_ROUNDINGS = ["ceil_lb", "ceil_oz"] as const;
export type DimWeightRounding = (typeof DIM_WEIGHT_ROUNDINGS)[number];
export const ZONE_SOURCES = ["card", "usps"] as const;
export type ZoneSource = (typeof ZONE_SOURCES)[number];
export const USPS_SERVICES = ["priority", "ground_advantage"] as const;
/** The breakdown parts fuel may be charged on (never confirmation fees). */
export const FUEL_BASES = ["base", "residential", "delivery_area", "additional_handling", "oversize"] as const;
export type FuelBasis = (typeof FUEL_BASES)[number];
/** Fuel on the transportation charge and its accessorials, as UPS and FedEx apply it. */
export const DEFAULT_FUEL_BASES: FuelBasis[] = [...FUEL_BASES];

// Zod keeps a message as text: the English catalog's, which pages read back into its key (lib/i18n/message.ts).
const said = en.rateCardErrors;

const isoDate = z.iso.date(said.useIsoDate);
const zip3 = z.string().regex(/^\d{3}$/, said.useZip3);
const zip5 = z.string().regex(/^\d{5}$/, said.useZip5);
const cents = z.number().int(said.wholeCents).min(0, said.notNegative).max(100_000_000);
const positive = z.number().finite().positive(said.moreThanZero);
const code = z.string().trim().min(1, said.required).max(60, said.atMost60);
const name = z.string().trim().min(1, said.required).max(100, said.atMost100);
const zoneName = z.string().trim().min(1, said.nameZone).max(20, said.atMost20);

export const zip3ZoneSchema = z.object({ originFrom: zip3, originTo: zip3, destFrom: zip3, destTo: zip3, zone: zoneName });
export const zip5ZoneSchema = z.object({ originFrom: zip3, originTo: zip3, destFrom: zip5, destTo: zip5, zone: zoneName });
/** `country` is ISO 3166-1 alpha-2, or "*" for every country no other row names. */
export const countryZoneSchema = z.object({ country: z.string().regex(/^([A-Z]{2}|\*)$/, said.countryOrStar), zone: zoneName });

export const dimRuleSchema = z.object({
  divisor: positive,
  /** DIM weight applies when the (rounded) volume in cubic inches is above this; 0 = always. */
  minVolumeCuIn: z.number().finite().min(0),
  dimensionRounding: z.enum(DIMENSION_ROUNDINGS),
  weightRounding: z.enum(DIM_WEIGHT_ROUNDINGS),
});
export type DimRule = z.infer<typeof dimRuleSchema>;

const zip5Range = z.tuple([zip5, zip5]);

export const surchargesSchema = z.object({
  residentialCents: cents.nullable(),
  fuel: z.object({ percent: z.number().finite().min(0).max(100), appliesTo: z.array(z.enum(FUEL_BASES)).min(1) }).nullable(),
  /** When several lists hold the destination, the highest amount is charged. */
  deliveryAreas: z.array(z.object({ cents, zip5Ranges: z.array(zip5Range).min(1) })),
  /** Charged when any threshold given is exceeded; not with oversize, which replaces it. */
  additionalHandling: z
    .object({ cents, longestSideIn: positive.nullable(), secondSideIn: positive.nullable(), weightOz: positive.nullable() })
    .nullable(),
  oversize: z.object({ cents, lengthPlusGirthIn: positive }).nullable(),
  /** A confirmation the card lists no fee for is included in the price. */
  confirmationCents: z.partialRecord(z.enum(CONFIRMATIONS), cents),
});
export type Surcharges = z.infer<typeof surchargesSchema>;

export const rateCardSchema = z
  .object({
    carrierCode: code.transform((value) => value.toLowerCase()),
    carrierName: name,
    serviceCode: code,
    serviceName: name,
    packageCode: code.default("package"),
    effectiveFrom: isoDate,
    effectiveUntil: isoDate.nullable(),
    samplePrices: z.boolean(),
    active: z.boolean(),
    zoneSource: z.enum(ZONE_SOURCES),
    /** Which USPS 5-digit exceptions apply (zoneSource "usps" only). */
    uspsService: z.enum(USPS_SERVICES).nullable(),
    originCountry: z.string().regex(/^[A-Z]{2}$/),
    zones: z.object({ zip3: z.array(zip3ZoneSchema), zip5: z.array(zip5ZoneSchema), countries: z.array(countryZoneSchema) }),
    prices: z.object({
      /** Ascending: a price applies up to and including its break. */
      weightBreaksOz: z.array(positive).min(1, said.atLeastOneWeight),
      zones: z.array(zoneName).min(1, said.atLeastOneZone),
      /** [break][zone], integer cents. */
      cents: z.array(z.array(cents)),
    }),
    weightRounding: z.enum(WEIGHT_ROUNDINGS),
    /** Heavier parcels are not served; null = the last weight break. */
    maxWeightOz: positive.nullable(),
    dim: dimRuleSchema.nullable(),
    surcharges: surchargesSchema,
    deliveryDays: z.record(zoneName, z.number().int().min(0).max(365)),
  })
  .superRefine((card, context) => {
    const issue = (path: PropertyKey[], message: string) => context.addIssue({ code: "custom", path, message });
    if (card.effectiveUntil && card.effectiveUntil < card.effectiveFrom) issue(["effectiveUntil"], said.untilBeforeFrom);
    if (card.zoneSource === "usps" && !card.uspsService) issue(["uspsService"], said.sayUspsService);
    const breaks = card.prices.weightBreaksOz;
    breaks.forEach((weight, index) => {
      if (index > 0 && weight <= breaks[index - 1]) issue(["prices", "weightBreaksOz", index], said.weightsGoUpOnce);
    });
    if (new Set(card.prices.zones).size !== card.prices.zones.length) issue(["prices", "zones"], said.zoneOnce);
    if (card.prices.cents.length !== breaks.length) issue(["prices", "cents"], said.rowPerWeight);
    card.prices.cents.forEach((row, index) => {
      if (row.length !== card.prices.zones.length) issue(["prices", "cents", index], said.pricePerZone);
    });
    const priced = new Set(card.prices.zones);
    const named = [...card.zones.zip3, ...card.zones.zip5, ...card.zones.countries].map((row) => row.zone);
    for (const zone of new Set(named)) if (!priced.has(zone)) issue(["prices", "zones"], inEnglish(message("rateCardErrors.zoneHasNoPrices", { zone })));
  });

/** What `rateCardSchema` accepts (defaults may be left out). */
export type RateCardInput = z.input<typeof rateCardSchema>;
export type RateCard = z.output<typeof rateCardSchema>;

/** A stored card: its id and when it changed, beside the card. */
export interface StoredRateCard extends RateCard {
  id: number;
  updatedAt: number;
}
