import { message } from "@/lib/i18n/message";
import { requestJson, type PlatformResponse } from "../http";
import { ConnectorError, defaultSleep, type PullOptions, type StoreConnection } from "../types";

export const DEFAULT_SHOPIFY_API_VERSION = "2024-04";
/** Shopify's largest page for orders.json. */
export const SHOPIFY_PAGE_LIMIT = 250;
/**
 * The REST Admin API is a leaky bucket (40 calls, draining 2 per second; Plus shops are larger).
 * When a response says the bucket is this full, the next call waits SLOW_DOWN_MS so it drains a
 * little instead of running into a 429.
 */
const SLOW_DOWN_SHARE = 35 / 40;
const SLOW_DOWN_MS = 1_000;

export type ShopifyClientOptions = Pick<PullOptions, "signal" | "sleep" | "requestTimeoutMs">;

export interface ShopifyClient {
  /** `https://shop.myshopify.com/admin/api/2024-04`, without a trailing slash. */
  apiBase: string;
  get<T>(url: string): Promise<PlatformResponse<T>>;
}

/**
 * Calls to one shop with its access token, paced by the shop's call-limit header. One client per
 * pull: the pacing state is the bucket this pull has seen.
 */
export function createShopifyClient(store: StoreConnection, options: ShopifyClientOptions = {}): ShopifyClient {
  const apiBase = shopifyApiBase(store);
  const token = store.credentials.accessToken?.trim();
  if (!token) throw new ConnectorError(message("storeErrors.shopifyTokenMissing"), "auth");
  const sleep = options.sleep ?? defaultSleep;
  let waitBeforeNextMs = 0;

  return {
    apiBase,
    async get<T>(url: string) {
      if (waitBeforeNextMs > 0) {
        await sleep(waitBeforeNextMs);
        waitBeforeNextMs = 0;
      }
      // Retry-After ("2.0" seconds on Shopify's 429) is read by requestJson itself.
      const result = await requestJson<T>(
        url,
        { method: "GET", headers: { "X-Shopify-Access-Token": token, Accept: "application/json" } },
        { platformName: "Shopify", signal: options.signal, sleep, requestTimeoutMs: options.requestTimeoutMs },
      );
      waitBeforeNextMs = paceAfter(result.response.headers.get("x-shopify-shop-api-call-limit"));
      return result;
    },
  };
}

/** The store's admin API root for its API version (credentials.apiVersion, else 2024-04). */
export function shopifyApiBase(store: StoreConnection): string {
  let base: URL;
  try {
    base = new URL(store.baseUrl);
  } catch {
    throw new ConnectorError(message("storeErrors.shopifyBadAddress"), "not_found");
  }
  const version = store.credentials.apiVersion?.trim() || DEFAULT_SHOPIFY_API_VERSION;
  if (!/^(\d{4}-\d{2}|unstable)$/.test(version)) {
    throw new ConnectorError(`"${version}" is not a Shopify API version (expected a form like 2024-04).`, "not_found");
  }
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}/admin/api/${version}`;
}

/** How long to wait before the next call, from `X-Shopify-Shop-Api-Call-Limit: 36/40`. */
export function paceAfter(callLimitHeader: string | null): number {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(callLimitHeader ?? "");
  if (!match) return 0;
  const [used, capacity] = [Number(match[1]), Number(match[2])];
  return capacity > 0 && used / capacity >= SLOW_DOWN_SHARE ? SLOW_DOWN_MS : 0;
}

/**
 * The first page of orders changed in [since, until]. `status=any` because Shopify's default
 * (open) leaves out cancelled and archived orders; `order=updated_at asc` so each page's latest
 * change is a safe cursor. Shopify keeps times to the second, so both ends are whole seconds:
 * the lower end rounded down, the upper end too (its filter is inclusive).
 */
export function firstOrdersUrl(apiBase: string, since: number, until: number): string {
  const params = new URLSearchParams({
    status: "any",
    updated_at_min: isoSeconds(since),
    updated_at_max: isoSeconds(until),
    limit: String(SHOPIFY_PAGE_LIMIT),
    order: "updated_at asc",
  });
  return `${apiBase}/orders.json?${params}`;
}

/**
 * The next page: Shopify allows only `limit` and `fields` beside `page_info` (its cursor keeps the
 * filters). Built on our own base rather than followed as given, so the token only ever goes to
 * the store's configured address.
 */
export function nextOrdersUrl(apiBase: string, pageInfo: string): string {
  const params = new URLSearchParams({ limit: String(SHOPIFY_PAGE_LIMIT), page_info: pageInfo });
  return `${apiBase}/orders.json?${params}`;
}

/** The `page_info` of the `rel="next"` link in a `Link` header, or null on the last page. */
export function nextPageInfo(linkHeader: string | null): string | null {
  if (!linkHeader) return null;
  for (const part of linkHeader.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (!match || !/\brel="?next"?(\s*;|\s*$)/.test(match[2])) continue;
    try {
      return new URL(match[1], "https://shopify.invalid").searchParams.get("page_info");
    } catch {
      return null;
    }
  }
  return null;
}

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
