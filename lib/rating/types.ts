import type { Localizable } from "@/lib/i18n/message";
/**
 * Rating's shared shapes. A parcel is always in ounces and inches here: every boundary (API,
 * calculator, order) converts once with `lib/rating/parcel-schema.ts`.
 */

export const CONFIRMATIONS = ["none", "delivery", "signature", "adult_signature", "direct_signature"] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export interface ParcelDimensions {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
}

export interface Parcel {
  /** The ship-from ZIP (5 digits) and country (ISO 3166-1 alpha-2). */
  fromPostalCode: string;
  fromCountry: string;
  toPostalCode: string;
  toCountry: string;
  toCity: string | null;
  toState: string | null;
  residential: boolean;
  /** Actual weight in ounces, > 0. */
  weightOz: number;
  dimensions: ParcelDimensions | null;
  confirmation: Confirmation;
  /** "package" unless the caller names one (ShipStation's packageCode). */
  packageCode: string;
  /** YYYY-MM-DD: picks the rate cards and zone chart in effect that day. */
  shipDate: string;
  /** Only this carrier / service, when set (getrates asks for one carrier). */
  carrierCode: string | null;
  serviceCode: string | null;
}

/** Every part of a price, in integer cents; `totalCents` is their sum. */
export interface RateBreakdown {
  baseCents: number;
  fuelCents: number;
  residentialCents: number;
  deliveryAreaCents: number;
  additionalHandlingCents: number;
  oversizeCents: number;
  confirmationCents: number;
}

export interface RateQuote {
  carrierCode: string;
  carrierName: string;
  serviceCode: string;
  serviceName: string;
  packageCode: string;
  /** A stored rate card's price, or a carrier's live answer. */
  source: "rate_card" | "live";
  /** True for the built-in sample card: sample prices, never a carrier's. */
  samplePrices: boolean;
  rateCardId: number | null;
  zone: string | null;
  /** Where the zone came from, e.g. "USPS zone chart for 902xx, effective 2024-04-01". */
  zoneSource: string | null;
  billableWeightOz: number;
  /** The dimensional weight when the card's DIM rule applied to this parcel, else null. */
  dimWeightOz: number | null;
  dimWeightUsed: boolean;
  deliveryDays: number | null;
  totalCents: number;
  breakdown: RateBreakdown;
}

/** A carrier (or a card) that could not quote: shown beside the other quotes, never instead of them. */
/** `message` in English (the API's words); `key` and `params` for pages to say it in the merchant's language. */
export interface RateProblem extends Localizable {
  carrierCode: string;
  carrierName: string;
  serviceCode: string | null;
}

export interface RateResult {
  quotes: RateQuote[];
  problems: RateProblem[];
}
