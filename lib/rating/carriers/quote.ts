import { inEnglish, message } from "@/lib/i18n/message";
import type { Parcel, RateBreakdown, RateQuote } from "../types";

/** Pounds for a carrier's request, rounded up to `decimals` places (never under-declare a weight). */
export function poundsOf(weightOz: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.max(1 / scale, Math.ceil((weightOz / 16) * scale - 1e-9) / scale);
}

/** Two decimals at most, as carriers read dimensions. */
export function inches(value: number): number {
  return Math.round(value * 100) / 100;
}

export type Surcharges = Partial<Omit<RateBreakdown, "baseCents">>;

/**
 * The breakdown of a carrier's total: each surcharge it itemized in its place, and the rest
 * (its base rate, plus anything it listed that has no column here) in `baseCents`, so the parts
 * always add up to the total the carrier charges.
 */
export function breakdownOf(totalCents: number, surcharges: Surcharges = {}): RateBreakdown {
  const parts = {
    fuelCents: surcharges.fuelCents ?? 0,
    residentialCents: surcharges.residentialCents ?? 0,
    deliveryAreaCents: surcharges.deliveryAreaCents ?? 0,
    additionalHandlingCents: surcharges.additionalHandlingCents ?? 0,
    oversizeCents: surcharges.oversizeCents ?? 0,
    confirmationCents: surcharges.confirmationCents ?? 0,
  };
  const itemized = Object.values(parts).reduce((sum, cents) => sum + cents, 0);
  return { baseCents: totalCents - itemized, ...parts };
}

export interface LiveQuoteFields {
  serviceCode: string;
  serviceName: string;
  totalCents: number;
  breakdown: RateBreakdown;
  zone?: string | null;
  billableWeightOz?: number | null;
  dimWeightOz?: number | null;
  dimWeightUsed?: boolean;
  deliveryDays?: number | null;
}

/** A carrier's live answer as a RateQuote: never sample prices, never from a card. */
export function liveQuote(carrier: { code: string; name: string }, parcel: Parcel, fields: LiveQuoteFields): RateQuote {
  const zone = fields.zone?.trim() || null;
  return {
    carrierCode: carrier.code,
    carrierName: carrier.name,
    serviceCode: fields.serviceCode,
    serviceName: fields.serviceName,
    packageCode: parcel.packageCode,
    source: "live",
    samplePrices: false,
    rateCardId: null,
    zone,
    zoneSource: zone ? inEnglish(message("ratingErrors.liveRateAnswer", { carrier: carrier.name })) : null,
    billableWeightOz: fields.billableWeightOz ?? parcel.weightOz,
    dimWeightOz: fields.dimWeightOz ?? null,
    dimWeightUsed: fields.dimWeightUsed ?? false,
    deliveryDays: fields.deliveryDays ?? null,
    totalCents: fields.totalCents,
    breakdown: fields.breakdown,
  };
}

/** Pounds (or kilograms) as a carrier reports a billed weight, in ounces to 1/1000. */
export function ouncesOf(value: number, unit: string): number {
  const perUnit = /^k/i.test(unit) ? 1000 / 28.349523125 : 16;
  return Math.round(value * perUnit * 1000) / 1000;
}
