import { message } from "@/lib/i18n/message";
import { assertPublicUrl, publicOnlyDispatcher } from "./public-address";
import { networkFailureOf } from "./network-errors";
import { ConnectorError, defaultSleep } from "./types";

export interface RequestOptions {
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts after the first, for 429 and 5xx answers and network failures. */
  retries?: number;
  /** A platform's own "come back in" header, in ms (e.g. BigCommerce's X-Rate-Limit-Time-Reset-Ms); Retry-After is read by default. */
  retryAfterMs?: (response: Response) => number | null;
  /** Words for errors: "Shopify", "WooCommerce"… */
  platformName: string;
  /** How long one attempt may take, answer and body, before it is given up (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

export interface PlatformResponse<T> {
  body: T;
  response: Response;
}

export interface TextResponse {
  text: string;
  response: Response;
}

const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000];
const backoff = (attempt: number) => BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
/** A Retry-After longer than this fails the run instead of holding it: the scheduler retries later. */
const LONGEST_WAIT_MS = 60_000;
/**
 * One attempt's limit, from the request until the body's last byte: a store that accepts the
 * connection and then never answers (or trickles its body) would otherwise hold the import, and
 * its lease, for undici's 5 minutes.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/** `requestText`, then the body as JSON: one that is not JSON is a bad response, not a crash. */
export async function requestJson<T>(url: string, init: RequestInit, options: RequestOptions): Promise<PlatformResponse<T>> {
  const { text, response } = await requestText(url, init, options);
  try {
    return { body: JSON.parse(text) as T, response };
  } catch {
    throw new ConnectorError(message("storeErrors.notJson", { platform: options.platformName }), "bad_response");
  }
}

/**
 * One platform API call with the habits every connector needs: 429 waits for Retry-After (or the
 * platform's header) and tries again, 5xx and network failures back off and try again, 401/403
 * is an auth error in plain words, 404 names the path, an attempt past its time limit fails the
 * call. The body comes back as text (XML stores parse it themselves).
 */
export async function requestText(url: string, init: RequestInit, options: RequestOptions): Promise<TextResponse> {
  const sleep = options.sleep ?? defaultSleep;
  const retries = options.retries ?? 4;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    let text: string;
    const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      response = await fetchPublic(url, init, options.platformName, options.signal ? AbortSignal.any([options.signal, timeout]) : timeout);
      // Read inside the try: a body cut off or trickling past the limit is the platform's failure, not ours.
      text = await response.text();
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      // A refusal by the connection's own address check (publicOnlyDispatcher) arrives as fetch's cause.
      if ((error as Error)?.cause instanceof ConnectorError) throw (error as Error).cause;
      if (options.signal?.aborted) throw new ConnectorError(message("storeErrors.timedOut", { platform: options.platformName }), "unavailable");
      // Not tried again: a store that held one request this long holds the next, and the scheduler retries the run.
      if (timeout.aborted) throw new ConnectorError(message("storeErrors.timedOutAfter", { platform: options.platformName, seconds: Math.ceil(timeoutMs / 1000) }), "unavailable");
      // A name that does not exist or a closed port will not answer in a few seconds: say so at once.
      const failure = networkFailureOf(error, url);
      if (attempt >= retries || !failure.transient) throw new ConnectorError(message("storeErrors.unreachable", { platform: options.platformName, reason: failure.said }), "unavailable");
      await sleep(backoff(attempt));
      continue;
    }
    if (response.status === 429) {
      const waitMs = options.retryAfterMs?.(response) ?? retryAfterHeaderMs(response) ?? backoff(attempt);
      if (attempt >= retries || waitMs > LONGEST_WAIT_MS) {
        throw new ConnectorError(message("storeErrors.rateLimited", { platform: options.platformName, seconds: Math.ceil(waitMs / 1000) }), "rate_limited", waitMs);
      }
      await sleep(waitMs);
      continue;
    }
    if (response.status >= 500) {
      if (attempt >= retries) throw new ConnectorError(message("storeErrors.serverError", { platform: options.platformName, status: response.status }), "unavailable");
      await sleep(backoff(attempt));
      continue;
    }
    if (response.status === 401 || response.status === 403) {
      throw new ConnectorError(message("storeErrors.credentialsRefused", { platform: options.platformName, status: response.status }), "auth");
    }
    if (response.status === 404) {
      throw new ConnectorError(message("storeErrors.notFound", { platform: options.platformName, path: new URL(url).pathname }), "not_found");
    }
    // The body stays out of the message (a foreign body is never shown); a connector that knows its platform's error shape reads `answer`.
    if (!response.ok) throw new ConnectorError(message("storeErrors.answered", { platform: options.platformName, status: response.status }), "bad_response", undefined, { status: response.status, text });
    return { text, response };
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * `fetch`, only at public addresses (see `assertPublicUrl`), following redirects by hand so each
 * hop's address is checked too. Credentials travel only to the same host (an http → https upgrade
 * keeps them, as stores commonly redirect so); another host gets the request without them.
 */
async function fetchPublic(url: string, init: RequestInit, platformName: string, signal: AbortSignal): Promise<Response> {
  let current = new URL(url);
  let request: RequestInit = init;
  for (let hop = 0; ; hop++) {
    await assertPublicUrl(current);
    const response = await fetch(current, { ...request, redirect: "manual", signal, dispatcher: publicOnlyDispatcher } as RequestInit);
    if (!REDIRECTS.has(response.status)) return response;
    await discardBody(response);
    const location = response.headers.get("location");
    if (!location) throw new ConnectorError(message("storeErrors.redirectNowhere", { platform: platformName, status: response.status }), "bad_response");
    if (hop >= MAX_REDIRECTS) throw new ConnectorError(message("storeErrors.tooManyRedirects", { platform: platformName, max: MAX_REDIRECTS }), "not_found");
    const next = new URL(location, current);
    const method = (request.method ?? "GET").toUpperCase();
    const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST");
    const sameHost = next.hostname === current.hostname && !(current.protocol === "https:" && next.protocol === "http:");
    request = {
      ...request,
      ...(toGet ? { method: "GET", body: undefined } : {}),
      headers: sameHost ? request.headers : withoutCredentials(request.headers),
    };
    current = next;
  }
}

/** Only the headers that say what is asked for: tokens, keys and Basic auth stay with the store's own host. */
function withoutCredentials(headers: HeadersInit | undefined): Headers {
  const kept = new Headers();
  new Headers(headers).forEach((value, name) => {
    if (name === "accept" || name === "content-type" || name === "user-agent") kept.set(name, value);
  });
  return kept;
}

/** Retry-After as seconds or an HTTP date, in ms. */
export function retryAfterHeaderMs(response: Response): number | null {
  const header = response.headers.get("retry-after");
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/**
 * Reads an unwanted body to its end. Not `body.cancel()`: inside Next.js, whose fetch hands back a
 * teed stream, cancelling waits for the other branch and never returns (seen: a 401 from Shopify
 * hung the "Test connection" action).
 */
async function discardBody(response: Response) {
  await response.arrayBuffer().catch(() => undefined);
}
