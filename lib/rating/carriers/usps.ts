import type { Parcel, RateQuote } from "../types";
import {
  amountToCents,
  CarrierError,
  carrierBaseUrl,
  carrierFailure,
  cleanCarrierMessage,
  clientCredentialsToken,
  positiveNumber,
  sendToCarrier,
  unreadableAnswer,
  withBearerToken,
  type TokenSource,
} from "./http";
import { breakdownOf, inches, liveQuote, ouncesOf, poundsOf } from "./quote";
import type { LiveCarrier } from "./index";

export const USPS_DEFAULT_BASE_URL = "https://apis.usps.com";

export interface UspsConfig {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
}

/** The mail classes Shipdeck asks the Prices API for, one search each (the API prices one class per call). */
const USPS_SERVICES = [
  { code: "usps_ground_advantage", name: "USPS Ground Advantage", mailClass: "USPS_GROUND_ADVANTAGE" },
  { code: "usps_priority_mail", name: "Priority Mail", mailClass: "PRIORITY_MAIL" },
  { code: "usps_priority_mail_express", name: "Priority Mail Express", mailClass: "PRIORITY_MAIL_EXPRESS" },
] as const;

/** Machinable parcel limits (USPS DMM 201.7): 22 × 18 × 15 in, 25 lb. */
const MACHINABLE_SIDES_IN = [22, 18, 15];
const MACHINABLE_WEIGHT_OZ = 25 * 16;
/** Above one cubic foot USPS prices a box by its dimensions (rate indicator DR). */
const CUBIC_FOOT_IN3 = 1728;

const carrier = { code: "usps", name: "USPS" } as const;

/** USPS Prices API v3 (base-rates search), domestic parcels, commercial prices. */
export function createUspsCarrier(config: UspsConfig): LiveCarrier {
  const tokenSource = (baseUrl: string): TokenSource =>
    clientCredentialsToken({
      carrierName: carrier.name,
      envPrefix: "USPS",
      key: `usps:${baseUrl}:${config.clientId}`,
      url: `${baseUrl}/oauth2/v3/token`,
      // USPS's own example sends the client credentials as JSON (the endpoint also takes a form).
      init: {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ grant_type: "client_credentials", client_id: config.clientId, client_secret: config.clientSecret }),
      },
      errorMessage: uspsErrorMessage,
    });

  return {
    ...carrier,
    services: USPS_SERVICES.map(({ code, name }) => ({ code, name })),
    async quote(parcel, signal) {
      // International prices are a different API (international-prices/v3): not wired yet.
      if (parcel.fromCountry !== "US" || parcel.toCountry !== "US") return [];
      const baseUrl = carrierBaseUrl(config.baseUrl, "USPS_API_BASE_URL");
      const source = tokenSource(baseUrl);
      const services = USPS_SERVICES.filter((service) => !parcel.serviceCode || service.code === parcel.serviceCode);
      const results = await Promise.allSettled(
        services.map(async (service) => {
          const response = await withBearerToken(source, signal, (token) =>
            sendToCarrier(
              `${baseUrl}/prices/v3/base-rates/search`,
              {
                method: "POST",
                headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json" },
                body: JSON.stringify(uspsBaseRatesRequest(parcel, service.mailClass)),
              },
              { carrierName: carrier.name, signal },
            ),
          );
          if (response.status !== 200) throw carrierFailure(carrier.name, "USPS", response.status, uspsErrorMessage(response.json), "rate");
          return mapUspsBaseRates(response.json, parcel, service);
        }),
      );
      return settle(results);
    },
  };
}

/**
 * One failed mail class beside others that priced is USPS saying that class does not serve this
 * parcel (e.g. Express to a ZIP it does not reach): it is left out. When none priced, the first
 * failure is the carrier's problem; auth failures always are.
 */
function settle(results: PromiseSettledResult<RateQuote>[]): RateQuote[] {
  const quotes = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  const serious = failures.find((reason) => !(reason instanceof CarrierError) || reason.kind !== "rejected");
  if (serious !== undefined) throw serious;
  if (quotes.length === 0 && failures.length > 0) throw failures[0];
  return quotes;
}

/** The documented search body: weight in pounds, dimensions in inches, one mail class. */
export function uspsBaseRatesRequest(parcel: Parcel, mailClass: string) {
  const sides = parcel.dimensions ? [parcel.dimensions.lengthIn, parcel.dimensions.widthIn, parcel.dimensions.heightIn].sort((a, b) => b - a) : [0, 0, 0];
  const machinable = parcel.weightOz <= MACHINABLE_WEIGHT_OZ && sides.every((side, index) => side <= MACHINABLE_SIDES_IN[index]);
  const volume = sides[0] * sides[1] * sides[2];
  return {
    originZIPCode: parcel.fromPostalCode.slice(0, 5),
    destinationZIPCode: parcel.toPostalCode.slice(0, 5),
    weight: poundsOf(parcel.weightOz, 2),
    length: inches(sides[0]),
    width: inches(sides[1]),
    height: inches(sides[2]),
    mailClass,
    processingCategory: machinable ? "MACHINABLE" : "NON_MACHINABLE",
    rateIndicator: volume > CUBIC_FOOT_IN3 ? "DR" : "SP",
    destinationEntryFacilityType: "NONE",
    priceType: "COMMERCIAL",
    mailingDate: parcel.shipDate,
  };
}

interface UspsRate {
  SKU?: string;
  description?: string;
  price?: unknown;
  zone?: unknown;
  weight?: unknown;
  dimWeight?: unknown;
  fees?: { name?: unknown; price?: unknown }[];
}

/** `{ totalBasePrice, rates: [{ price, zone, weight, dimWeight, fees[] }] }` as one quote. */
export function mapUspsBaseRates(json: unknown, parcel: Parcel, service: { code: string; name: string }): RateQuote {
  const body = json as { totalBasePrice?: unknown; rates?: UspsRate[] } | null;
  const rate = Array.isArray(body?.rates) ? body.rates[0] : undefined;
  const totalCents = amountToCents(body?.totalBasePrice) ?? amountToCents(rate?.price);
  if (totalCents === null || !rate) throw unreadableAnswer(carrier.name);

  // USPS's fees on a base rate are its nonstandard length and volume charges.
  const feeCents = (rate.fees ?? []).reduce((sum, fee) => sum + (amountToCents(fee.price) ?? 0), 0);
  const weightLb = positiveNumber(rate.weight);
  const dimWeightLb = positiveNumber(rate.dimWeight);
  const dimWeightUsed = dimWeightLb !== null && (weightLb === null || dimWeightLb > weightLb);
  const billableLb = Math.max(weightLb ?? 0, dimWeightLb ?? 0);
  return liveQuote(carrier, parcel, {
    serviceCode: service.code,
    serviceName: service.name,
    totalCents,
    breakdown: breakdownOf(totalCents, { oversizeCents: feeCents }),
    zone: rate.zone === undefined || rate.zone === null ? null : String(rate.zone),
    billableWeightOz: billableLb > 0 ? ouncesOf(billableLb, "LB") : null,
    dimWeightOz: dimWeightLb !== null ? ouncesOf(dimWeightLb, "LB") : null,
    dimWeightUsed,
  });
}

/**
 * USPS's documented error JSON: `{ apiVersion, error: { code, message, errors: [{ title, detail }] } }`;
 * its token endpoint also answers OAuth's `{ error, error_description }`.
 */
export function uspsErrorMessage(json: unknown): string | null {
  const body = json as { error?: unknown; error_description?: unknown } | null;
  if (!body || typeof body !== "object") return null;
  if (typeof body.error === "string") return cleanCarrierMessage(body.error_description) ?? cleanCarrierMessage(body.error);
  const error = body.error as { message?: unknown; errors?: { detail?: unknown; title?: unknown }[] } | undefined;
  if (!error || typeof error !== "object") return null;
  const detail = Array.isArray(error.errors) ? error.errors.map((item) => cleanCarrierMessage(item?.detail) ?? cleanCarrierMessage(item?.title)).find(Boolean) : null;
  const message = cleanCarrierMessage(error.message);
  if (message && detail && detail !== message) return cleanCarrierMessage(`${message} ${detail}`);
  return message ?? detail ?? null;
}
