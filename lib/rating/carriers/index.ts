import "server-only";
import type { Parcel, RateProblem, RateQuote, RateResult } from "../types";
import { CarrierError } from "./http";
import { localizable, message } from "@/lib/i18n/message";
import { createFedexCarrier, FEDEX_DEFAULT_BASE_URL } from "./fedex";
import { createUpsCarrier, UPS_DEFAULT_BASE_URL } from "./ups";
import { createUspsCarrier, USPS_DEFAULT_BASE_URL } from "./usps";

/** A carrier's live rating service behind the same shape as the rate cards' quotes. */
export interface LiveCarrier {
  code: string; // "usps" | "ups" | "fedex"
  name: string; // "USPS", "UPS", "FedEx"
  services: { code: string; name: string }[];
  quote(parcel: Parcel, signal: AbortSignal): Promise<RateQuote[]>; // RateQuote source "live", samplePrices false
}

export const DEFAULT_LIVE_RATES_TIMEOUT_MS = 8_000;
/** ShipStation's carrier codes that mean one of ours. */
const CARRIER_CODE_ALIASES: Record<string, string> = { stamps_com: "usps", endicia: "usps" };

const setting = (env: NodeJS.ProcessEnv, name: string) => env[name]?.trim() || null;

/** The live carriers whose credentials are set, in a stable order (USPS, UPS, FedEx). */
export function configuredLiveCarriers(env: NodeJS.ProcessEnv = process.env): LiveCarrier[] {
  const carriers: LiveCarrier[] = [];
  const uspsId = setting(env, "USPS_CLIENT_ID");
  const uspsSecret = setting(env, "USPS_CLIENT_SECRET");
  if (uspsId && uspsSecret) {
    carriers.push(createUspsCarrier({ clientId: uspsId, clientSecret: uspsSecret, baseUrl: setting(env, "USPS_API_BASE_URL") ?? USPS_DEFAULT_BASE_URL }));
  }
  const upsId = setting(env, "UPS_CLIENT_ID");
  const upsSecret = setting(env, "UPS_CLIENT_SECRET");
  if (upsId && upsSecret) {
    carriers.push(
      createUpsCarrier({ clientId: upsId, clientSecret: upsSecret, accountNumber: setting(env, "UPS_ACCOUNT_NUMBER"), baseUrl: setting(env, "UPS_API_BASE_URL") ?? UPS_DEFAULT_BASE_URL }),
    );
  }
  const fedexId = setting(env, "FEDEX_CLIENT_ID");
  const fedexSecret = setting(env, "FEDEX_CLIENT_SECRET");
  const fedexAccount = setting(env, "FEDEX_ACCOUNT_NUMBER");
  // The Rate API requires the account number in every request: without it FedEx is not configured.
  if (fedexId && fedexSecret && fedexAccount) {
    carriers.push(createFedexCarrier({ clientId: fedexId, clientSecret: fedexSecret, accountNumber: fedexAccount, baseUrl: setting(env, "FEDEX_API_BASE_URL") ?? FEDEX_DEFAULT_BASE_URL }));
  }
  return carriers;
}

/** LIVE_RATES_TIMEOUT_MS, else 8 s; a value that is not a positive number is ignored. */
export function liveRatesTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.LIVE_RATES_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_LIVE_RATES_TIMEOUT_MS;
}

/** Whether `carrierCode` (ours or ShipStation's) names this carrier. */
export function isCarrierCode(carrier: Pick<LiveCarrier, "code">, carrierCode: string): boolean {
  const code = carrierCode.trim().toLowerCase();
  return (CARRIER_CODE_ALIASES[code] ?? code) === carrier.code;
}

/**
 * Every carrier at once, each with its own deadline: a carrier that fails or does not answer in
 * time becomes one problem beside the others' quotes, never instead of them.
 */
export async function quoteLiveCarriers(carriers: LiveCarrier[], parcel: Parcel, options: { timeoutMs?: number } = {}): Promise<RateResult> {
  const timeoutMs = options.timeoutMs ?? liveRatesTimeoutMs();
  const wanted = carriers.filter(
    (carrier) =>
      (!parcel.carrierCode || isCarrierCode(carrier, parcel.carrierCode)) &&
      (!parcel.serviceCode || carrier.services.some((service) => service.code === parcel.serviceCode)),
  );
  const settled = await Promise.all(wanted.map((carrier) => quoteOneCarrier(carrier, parcel, timeoutMs)));
  return {
    quotes: settled.flatMap((result) => result.quotes),
    problems: settled.flatMap((result) => result.problems),
  };
}

async function quoteOneCarrier(carrier: LiveCarrier, parcel: Parcel, timeoutMs: number): Promise<RateResult> {
  const controller = new AbortController();
  const timedOut = new CarrierError(message("ratingErrors.carrierTimedOut", { carrier: carrier.name, seconds: secondsOf(timeoutMs) }), "unavailable");
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race stops waiting even for an adapter that does not watch its signal.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(timedOut);
      reject(timedOut);
    }, timeoutMs);
  });
  try {
    const quotes = await Promise.race([carrier.quote(parcel, controller.signal), deadline]);
    const wanted = parcel.serviceCode ? quotes.filter((quote) => quote.serviceCode === parcel.serviceCode) : quotes;
    return { quotes: wanted, problems: [] };
  } catch (error) {
    return { quotes: [], problems: [problemOf(carrier, parcel, controller.signal.aborted ? timedOut : error)] };
  } finally {
    clearTimeout(timer);
  }
}

function problemOf(carrier: LiveCarrier, parcel: Parcel, error: unknown): RateProblem {
  const said =
    error instanceof CarrierError
      ? error.key
        ? localizable(message(error.key, error.params))
        : { message: error.message }
      : // A bug or an unexpected failure: its text may hold anything, so it stays in the log.
        (console.error(`Live rates from ${carrier.name} failed`, error), localizable(message("ratingErrors.carrierUnexpected", { carrier: carrier.name })));
  return { carrierCode: carrier.code, carrierName: carrier.name, serviceCode: parcel.serviceCode, ...said };
}

/** 8000 → "8", 2500 → "2.5", 250 → "0.25". */
function secondsOf(ms: number): string {
  return String(Number((ms / 1000).toFixed(2)));
}

export { CarrierError, clearCarrierTokens } from "./http";
