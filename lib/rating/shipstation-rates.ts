import "server-only";
import { z } from "zod";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { toRatingCarrierCode } from "./carrier-codes";
import { findRatingCarrier, listRatingCarriers } from "./list-carriers";
import { parcelInputSchema, toParcel } from "./parcel-schema";
import { quoteRates } from "./quote-rates";
import type { Parcel, RateBreakdown, RateProblem, RateQuote } from "./types";

/** Appended to a sample card's service name in getrates, whose items have no other field to say so. */
export const SAMPLE_PRICES_SUFFIX = " (sample prices, not carrier prices)";
export const SAMPLE_PRICES_NOTE = "Sample prices, not carrier prices: load a rate card with your real prices.";

/** One item of getrates' answer, in dollars: `shipmentCost` is the base price, `otherCost` every surcharge. */
export interface ShipStationRate {
  serviceName: string;
  serviceCode: string;
  shipmentCost: number;
  otherCost: number;
}

const getRatesExtras = z.object({
  carrierCode: z.string({ error: "Enter a carrierCode, such as stamps_com, ups or fedex" }).trim().min(1, "Enter a carrierCode, such as stamps_com, ups or fedex"),
});

const dollars = (cents: number) => Math.round(cents) / 100;

/** The body as a Parcel; every wrong field is named at once, as createorder names them. */
function parseParcel(body: unknown, today: string, requireCarrier: boolean): Parcel {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new AppError("invalid_input", "The body must be a JSON object.");
  const issues = [...(parcelInputSchema.safeParse(body).error?.issues ?? []), ...(requireCarrier ? (getRatesExtras.safeParse(body).error?.issues ?? []) : [])];
  if (issues.length) {
    const fieldErrors = fieldErrorsOf(issues, "body");
    const summary = Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages[0]}`).join("; ");
    throw new AppError("invalid_input", `Invalid body. ${summary}`, fieldErrors);
  }
  return toParcel(parcelInputSchema.parse(body), today);
}

/** The caller's carrier code as the workspace's carrier's own code; an unknown one is a 400 naming carrierCode. */
async function resolveCarrier(workspaceId: string, carrierCode: string, today: string): Promise<string> {
  const carrier = await findRatingCarrier(workspaceId, toRatingCarrierCode(carrierCode), today);
  if (carrier) return carrier.code;
  const known = (await listRatingCarriers(workspaceId, today)).map((each) => each.code);
  const message = `Unknown carrierCode "${carrierCode}". This account rates with: ${known.join(", ") || "no carrier yet"}.`;
  throw new AppError("invalid_input", message, { carrierCode: [message] });
}

/**
 * ShipStation's POST /shipments/getrates: one carrier's quotes for a parcel. A carrier that cannot
 * quote this parcel (no zone chart for the origin, too heavy) answers its reason as a 400, never an
 * empty list that hides why.
 */
export async function getShipStationRates(workspaceId: string, body: unknown, today: string): Promise<ShipStationRate[]> {
  const parcel = parseParcel(body, today, true);
  const carrierCode = await resolveCarrier(workspaceId, parcel.carrierCode!, today);
  const result = await quoteRates(workspaceId, { ...parcel, carrierCode });
  const same = (code: string) => code.toLowerCase() === carrierCode.toLowerCase();
  const quotes = result.quotes.filter((quote) => same(quote.carrierCode));
  const problems = result.problems.filter((problem) => same(problem.carrierCode));
  if (quotes.length === 0 && problems.length > 0) {
    throw new AppError("invalid_input", problems.map((problem) => problem.message).join(" "));
  }
  return quotes.map((quote) => ({
    serviceName: quote.samplePrices ? `${quote.serviceName}${SAMPLE_PRICES_SUFFIX}` : quote.serviceName,
    serviceCode: quote.serviceCode,
    shipmentCost: dollars(quote.breakdown.baseCents),
    otherCost: dollars(quote.totalCents - quote.breakdown.baseCents),
  }));
}

type Dollars<T> = { [K in keyof T as K extends `${infer Name}Cents` ? Name : K]: number };

/** A quote as POST /rates answers it: dollars, weights in ounces, the sample label in words. */
export interface ApiRateQuote {
  carrierCode: string;
  carrierName: string;
  serviceCode: string;
  serviceName: string;
  packageCode: string;
  source: RateQuote["source"];
  samplePrices: boolean;
  /** SAMPLE_PRICES_NOTE on a sample card's quote, else null. */
  notes: string | null;
  zone: string | null;
  zoneSource: string | null;
  deliveryDays: number | null;
  billableWeight: { value: number; units: "ounces" };
  dimWeight: { value: number; units: "ounces" } | null;
  dimWeightUsed: boolean;
  total: number;
  breakdown: Dollars<RateBreakdown>;
}

export function toApiRateQuote(quote: RateQuote): ApiRateQuote {
  const b = quote.breakdown;
  return {
    carrierCode: quote.carrierCode,
    carrierName: quote.carrierName,
    serviceCode: quote.serviceCode,
    serviceName: quote.serviceName,
    packageCode: quote.packageCode,
    source: quote.source,
    samplePrices: quote.samplePrices,
    notes: quote.samplePrices ? SAMPLE_PRICES_NOTE : null,
    zone: quote.zone,
    zoneSource: quote.zoneSource,
    deliveryDays: quote.deliveryDays,
    billableWeight: { value: quote.billableWeightOz, units: "ounces" },
    dimWeight: quote.dimWeightOz == null ? null : { value: quote.dimWeightOz, units: "ounces" },
    dimWeightUsed: quote.dimWeightUsed,
    total: dollars(quote.totalCents),
    breakdown: {
      base: dollars(b.baseCents),
      fuel: dollars(b.fuelCents),
      residential: dollars(b.residentialCents),
      deliveryArea: dollars(b.deliveryAreaCents),
      additionalHandling: dollars(b.additionalHandlingCents),
      oversize: dollars(b.oversizeCents),
      confirmation: dollars(b.confirmationCents),
    },
  };
}

/** POST /rates: every carrier at once (or the one carrierCode names), each carrier's problem beside the quotes. */
export async function quoteApiRates(workspaceId: string, body: unknown, today: string): Promise<{ quotes: ApiRateQuote[]; problems: RateProblem[] }> {
  const parcel = parseParcel(body, today, false);
  const carrierCode = parcel.carrierCode ? await resolveCarrier(workspaceId, parcel.carrierCode, today) : null;
  const result = await quoteRates(workspaceId, { ...parcel, carrierCode });
  // The API answers the English words alone, as it always has.
  const problems = result.problems.map(({ carrierCode, carrierName, serviceCode, message }) => ({ carrierCode, carrierName, serviceCode, message }));
  return { quotes: result.quotes.map(toApiRateQuote), problems };
}
