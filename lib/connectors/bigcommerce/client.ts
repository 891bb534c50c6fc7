import { message } from "@/lib/i18n/message";
import { requestText, type RequestOptions } from "../http";
import { ConnectorError, defaultSleep, type PullOptions, type StoreConnection } from "../types";
import {
  bigcommerceOrderSchema,
  bigcommerceProductSchema,
  bigcommerceShippingAddressSchema,
  parseCollection,
  type BigCommerceOrder,
  type BigCommerceProduct,
  type BigCommerceShippingAddress,
} from "./payload";

/** The v2 API's largest page (its default is 50). */
export const PAGE_SIZE = 250;
/** Orders whose products and addresses are fetched at once; the rate-limit pacer keeps this many requests in reserve. */
export const ORDER_CONCURRENCY = 4;

export interface BigCommerceClient {
  /** The cheapest call the connection's own scope (Orders read-only) allows: one order, or none. */
  checkOrdersAccess(): Promise<void>;
  /**
   * One page of orders modified in [from, to] (whole seconds, both ends included), oldest change
   * first; `archived` lists the archived ones instead, which the default listing leaves out.
   */
  listOrders(window: { from: number; to: number; page: number; archived?: boolean }): Promise<BigCommerceOrder[]>;
  /** One order by id, archived or not (a webhook names only the id); null when it no longer exists. */
  getOrder(orderId: number): Promise<BigCommerceOrder | null>;
  listProducts(orderId: number): Promise<BigCommerceProduct[]>;
  listShippingAddresses(orderId: number): Promise<BigCommerceShippingAddress[]>;
}

/**
 * BigCommerce's v2 REST API for one store: `X-Auth-Token` auth under /stores/{hash}/v2, page/limit
 * pagination, 204 No Content for an empty collection, and the X-Rate-Limit-* headers for pacing.
 */
export function createBigCommerceClient(store: StoreConnection, options: Pick<PullOptions, "signal" | "sleep" | "requestTimeoutMs"> = {}): BigCommerceClient {
  const storeHash = store.credentials.storeHash?.trim();
  const accessToken = store.credentials.accessToken?.trim();
  if (!storeHash || !accessToken) {
    throw new ConnectorError(message("storeErrors.bigcommerceNoCredentials"), "auth");
  }
  const apiBase = `${apiRoot(store.baseUrl)}/stores/${encodeURIComponent(storeHash)}/v2`;
  const sleep = options.sleep ?? defaultSleep;
  const pacer = new RateLimitPacer(sleep);
  const init: RequestInit = { method: "GET", headers: { "X-Auth-Token": accessToken, Accept: "application/json" } };
  const requestOptions: RequestOptions = { platformName: "BigCommerce", signal: options.signal, sleep, retryAfterMs: rateLimitResetMs, requestTimeoutMs: options.requestTimeoutMs };

  async function get(path: string, query: Record<string, string | number> = {}): Promise<unknown> {
    const url = new URL(`${apiBase}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    await pacer.wait();
    // An empty collection is 204 No Content with no body: an empty page, not a malformed answer.
    const { text, response } = await requestText(url.toString(), init, requestOptions);
    pacer.note(response);
    if (response.status === 204) return [];
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ConnectorError(message("storeErrors.bigcommerceNotJson"), "bad_response");
    }
  }

  /** Every page of an order's sub-collection (products are 50 a page by default). */
  async function listAll<T>(path: string, parse: (body: unknown) => T[]): Promise<T[]> {
    const all: T[] = [];
    for (let page = 1; ; page++) {
      const entries = parse(await get(path, { limit: PAGE_SIZE, page }));
      all.push(...entries);
      if (entries.length < PAGE_SIZE) return all;
    }
  }

  return {
    async checkOrdersAccess() {
      parseCollection(await get("/orders", { limit: 1 }), bigcommerceOrderSchema, message("storeErrors.bigcommerceOrders"));
    },
    async listOrders({ from, to, page, archived }) {
      const body = await get("/orders", {
        ...(archived ? { is_deleted: "true" } : {}),
        min_date_modified: rfc2822(from),
        max_date_modified: rfc2822(to),
        sort: "date_modified:asc",
        limit: PAGE_SIZE,
        page,
      });
      return parseCollection(body, bigcommerceOrderSchema, message("storeErrors.bigcommerceOrders"));
    },
    async getOrder(orderId) {
      try {
        const result = bigcommerceOrderSchema.safeParse(await get(`/orders/${orderId}`));
        if (!result.success) throw new ConnectorError(message("storeErrors.bigcommerceOrderShape", { order: orderId }), "bad_response");
        return result.data;
      } catch (error) {
        if (error instanceof ConnectorError && error.kind === "not_found") return null;
        throw error;
      }
    },
    listProducts: (orderId) => listAll(`/orders/${orderId}/products`, (body) => parseCollection(body, bigcommerceProductSchema, message("storeErrors.bigcommerceProducts", { order: orderId }))),
    listShippingAddresses: (orderId) =>
      listAll(`/orders/${orderId}/shipping_addresses`, (body) => parseCollection(body, bigcommerceShippingAddressSchema, message("storeErrors.bigcommerceShippingAddresses", { order: orderId }))),
  };
}

/** "Wed, 05 Dec 2018 20:16:55 +0000": the form BigCommerce writes its own dates in (milliseconds dropped). */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, "+0000");
}

/** A 429's wait: BigCommerce says when its window resets in X-Rate-Limit-Time-Reset-Ms. */
export function rateLimitResetMs(response: Response): number | null {
  return headerNumber(response, "x-rate-limit-time-reset-ms");
}

function headerNumber(response: Response, name: string): number | null {
  const value = response.headers.get(name);
  if (value === null || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

function apiRoot(baseUrl: string): string {
  const trimmed = (baseUrl || "https://api.bigcommerce.com").trim().replace(/\/+$/, "");
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http");
  } catch {
    throw new ConnectorError(message("storeErrors.bigcommerceBadAddress"), "not_found");
  }
  return trimmed;
}

/**
 * Spends a store's quota without hitting 429: every answer says how many requests are left in the
 * window and when it resets; when only the ones already in flight are left, the next request waits
 * for the reset. Concurrent callers share one wait.
 */
class RateLimitPacer {
  private resumeAt = 0;
  private pause: Promise<void> | null = null;

  constructor(private readonly sleep: (ms: number) => Promise<void>) {}

  async wait(): Promise<void> {
    if (!this.pause) {
      const ms = this.resumeAt - Date.now();
      this.resumeAt = 0;
      if (ms <= 0) return;
      this.pause = this.sleep(ms).finally(() => {
        this.pause = null;
      });
    }
    await this.pause;
  }

  note(response: Response): void {
    const left = headerNumber(response, "x-rate-limit-requests-left");
    const resetMs = rateLimitResetMs(response);
    if (left !== null && resetMs !== null && left <= ORDER_CONCURRENCY) this.resumeAt = Math.max(this.resumeAt, Date.now() + resetMs);
  }
}
