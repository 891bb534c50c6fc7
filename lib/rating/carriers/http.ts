/**
 * What the three live carriers share: one JSON call with plain-words failures, and OAuth
 * client-credentials tokens cached per carrier and client until shortly before they expire.
 */

import { inEnglish, message, type Message, type MessageParams } from "@/lib/i18n/message";
import type { MessageKey } from "@/lib/i18n/translate";

export type CarrierErrorKind = "auth" | "rejected" | "unavailable" | "bad_response" | "config";

/** A carrier that could not quote: `message` in English, and the message (key and values) the merchant reads, when lib built it. */
export class CarrierError extends Error {
  readonly key?: MessageKey;
  readonly params?: MessageParams;

  constructor(
    said: string | Message,
    readonly kind: CarrierErrorKind,
  ) {
    super(typeof said === "string" ? said : inEnglish(said));
    this.name = "CarrierError";
    if (typeof said !== "string") {
      this.key = said.key;
      this.params = said.params;
    }
  }
}

export interface CarrierResponse {
  status: number;
  /** The body as JSON, or null when it was not JSON (never shown: a foreign page is not a message). */
  json: unknown;
}

export interface CarrierCall {
  /** "USPS", "UPS", "FedEx": the words in every message. */
  carrierName: string;
  signal: AbortSignal;
}

/** One request; a network failure is a CarrierError, an abort is rethrown for the caller's timeout. */
export async function sendToCarrier(url: string, init: RequestInit, call: CarrierCall): Promise<CarrierResponse> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: call.signal });
  } catch (error) {
    if (call.signal.aborted) throw error;
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new CarrierError(cause ? message("ratingErrors.carrierUnreachableCode", { carrier: call.carrierName, code: cause }) : message("ratingErrors.carrierUnreachable", { carrier: call.carrierName }), "unavailable");
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json };
}

/** A carrier's own message, cleaned for display: one line, at most 300 characters. */
export function cleanCarrierMessage(message: unknown): string | null {
  if (typeof message !== "string") return null;
  const clean = message.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  if (!clean) return null;
  return clean.length > 300 ? `${clean.slice(0, 297)}…` : clean;
}

/**
 * The merchant's words for a failed call. `carrierMessage` is only ever what the adapter read
 * from the carrier's documented error JSON; an unknown body is reported by its status alone.
 */
export function carrierFailure(
  carrierName: string,
  envPrefix: string,
  status: number,
  carrierMessage: string | null,
  stage: "token" | "rate",
): CarrierError {
  const carrier = carrierName;
  // The carrier's own words, when it gave some, are quoted as they came.
  const said = carrierMessage ?? undefined;
  if (status === 401 || status === 403 || (stage === "token" && status === 400)) {
    const variables = { id: `${envPrefix}_CLIENT_ID`, secret: `${envPrefix}_CLIENT_SECRET`, account: `${envPrefix}_ACCOUNT_NUMBER` };
    const check = envPrefix === "USPS" ? message("ratingErrors.checkCredentials", variables) : message("ratingErrors.checkCredentialsAndAccount", variables);
    return new CarrierError(
      said ? message("ratingErrors.carrierRefusedSaid", { carrier, status, said, check }) : message("ratingErrors.carrierRefused", { carrier, status, check }),
      "auth",
    );
  }
  if (status === 429) return new CarrierError(said ? message("ratingErrors.carrierLimitingSaid", { carrier, said }) : message("ratingErrors.carrierLimiting", { carrier }), "unavailable");
  if (status >= 500) return new CarrierError(said ? message("ratingErrors.carrierServerErrorSaid", { carrier, status, said }) : message("ratingErrors.carrierServerError", { carrier, status }), "unavailable");
  if (said) return new CarrierError(message("ratingErrors.carrierCouldNotRate", { carrier, said }), "rejected");
  return new CarrierError(message("ratingErrors.carrierNoReason", { carrier, status }), "rejected");
}

export function unreadableAnswer(carrierName: string): CarrierError {
  return new CarrierError(message("ratingErrors.carrierUnreadable", { carrier: carrierName }), "bad_response");
}

/** A base URL from the environment, without a trailing slash; a bad one names its variable. */
export function carrierBaseUrl(value: string, variable: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http");
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    throw new CarrierError(`${variable} is not a valid http(s) URL ("${value.slice(0, 100)}").`, "config");
  }
}

/** Cents of a carrier amount (a number like 12.3 or a string like "12.30"); null when it is not one. */
export function amountToCents(value: unknown): number | null {
  const number = typeof value === "string" ? Number(value.trim()) : typeof value === "number" ? value : NaN;
  if (!Number.isFinite(number) || (typeof value === "string" && value.trim() === "")) return null;
  return Math.round(number * 100);
}

/** A positive number from a number or a numeric string, else null. */
export function positiveNumber(value: unknown): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : typeof value === "number" ? value : NaN;
  return Number.isFinite(number) && number > 0 ? number : null;
}

// --- OAuth tokens --------------------------------------------------------------------------

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

interface CachedToken {
  token: Promise<string>;
  /** Epoch ms after which the token is fetched again; Infinity while the fetch is in flight. */
  refreshAt: number;
}

const tokens = new Map<string, CachedToken>();
/** A token fetch gets its own deadline: it may serve callers whose own timeouts differ. */
const TOKEN_FETCH_TIMEOUT_MS = 20_000;
/** Refreshed this long before `expires_in` runs out (or a tenth of the lifetime, for short ones). */
const REFRESH_MARGIN_MS = 60_000;

export interface TokenSource {
  /** Carrier + base URL + client id: one cache entry per client of each service. */
  key: string;
  fetch(signal: AbortSignal): Promise<IssuedToken>;
}

/** What a carrier's OAuth client-credentials call differs in: where, how the credentials ride, and how its errors read. */
export interface ClientCredentialsCall {
  carrierName: string;
  /** USPS, UPS, FEDEX: the settings a refused token names. */
  envPrefix: string;
  /** One cache entry per client of each service. */
  key: string;
  url: string;
  init: RequestInit;
  errorMessage(json: unknown): string | null;
}

/** A token source that asks for a client-credentials token as the carrier wants it asked. */
export function clientCredentialsToken(call: ClientCredentialsCall): TokenSource {
  return {
    key: call.key,
    fetch: async (signal) => {
      const response = await sendToCarrier(call.url, call.init, { carrierName: call.carrierName, signal });
      if (response.status !== 200) throw carrierFailure(call.carrierName, call.envPrefix, response.status, call.errorMessage(response.json), "token");
      return readIssuedToken(response.json, call.carrierName);
    },
  };
}

/**
 * The cached token, or a new one. Concurrent callers share one fetch; a failed fetch is not
 * cached, so the next quote asks again.
 */
export function bearerToken(source: TokenSource, now = Date.now()): Promise<string> {
  const cached = tokens.get(source.key);
  if (cached && now < cached.refreshAt) return cached.token;
  const entry: CachedToken = { token: Promise.resolve(""), refreshAt: Infinity };
  entry.token = source.fetch(AbortSignal.timeout(TOKEN_FETCH_TIMEOUT_MS)).then(
    (issued) => {
      const lifetimeMs = Math.max(0, issued.expiresInSeconds * 1000);
      entry.refreshAt = Date.now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 10);
      return issued.accessToken;
    },
    (error: unknown) => {
      if (tokens.get(source.key) === entry) tokens.delete(source.key);
      throw error;
    },
  );
  tokens.set(source.key, entry);
  return entry.token;
}

/** Drops a token the carrier refused, unless another caller has already replaced it. */
export async function forgetToken(key: string, token: string): Promise<void> {
  const cached = tokens.get(key);
  if (!cached) return;
  const current = await cached.token.catch(() => null);
  if (current === token && tokens.get(key) === cached) tokens.delete(key);
}

/** For tests: every process starts with no tokens. */
export function clearCarrierTokens(): void {
  tokens.clear();
}

/** Waits for `promise` unless `signal` aborts first (a shared token fetch outlives one caller). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener("abort", onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener("abort", onAbort), reject(error)),
    );
  });
}

/**
 * Calls with the cached token; on a 401 the token is dropped, a new one fetched and the call
 * made once more (a token revoked or expired early). A second 401 is the caller's to report.
 */
export async function withBearerToken(source: TokenSource, signal: AbortSignal, call: (token: string) => Promise<CarrierResponse>): Promise<CarrierResponse> {
  const first = await untilAborted(bearerToken(source), signal);
  const response = await call(first);
  if (response.status !== 401) return response;
  await forgetToken(source.key, first);
  const second = await untilAborted(bearerToken(source), signal);
  return call(second);
}

/** The common token answer: `access_token` and `expires_in` (seconds, a number or a string). */
export function readIssuedToken(json: unknown, carrierName: string): IssuedToken {
  const body = json as { access_token?: unknown; expires_in?: unknown } | null;
  const accessToken = typeof body?.access_token === "string" ? body.access_token : "";
  if (!accessToken) throw unreadableAnswer(carrierName);
  const expiresIn = positiveNumber(body?.expires_in) ?? 0;
  return { accessToken, expiresInSeconds: expiresIn };
}
