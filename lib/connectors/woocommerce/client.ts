import { requestJson } from "../http";
import { ConnectorError, type PullOptions, type StoreConnection } from "../types";
import type { WooOrder } from "./map-order";
import { wooModifiedAt, WooOrderShapeError } from "./map-order";
import { message, type Message } from "@/lib/i18n/message";

const PLATFORM_NAME = "WooCommerce";
/** The REST API's largest `per_page`. */
export const WOO_PAGE_SIZE = 100;
const SECOND = 1000;

export type WooRequestOptions = Pick<PullOptions, "signal" | "sleep" | "requestTimeoutMs">;

/** The store's REST v3 address for `path`; a WordPress in a subfolder keeps its folder. */
export function wooApiUrl(baseUrl: string, path: string, params: Record<string, string | number | boolean> = {}): URL {
  const url = new URL(`${baseUrl.trim().replace(/\/+$/, "")}/wp-json/wc/v3/${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  return url;
}

/** Credentials Shipdeck cannot send at all (missing, or only over plain HTTP): said before asking the store. */
export class WooCredentialsError extends ConnectorError {
  constructor(said: Message) {
    super(said, "auth");
  }
}

/**
 * WooCommerce takes API keys as HTTP Basic auth only over HTTPS (over plain HTTP it expects OAuth
 * 1.0a signatures), and Basic auth over HTTP would hand the secret to anyone on the path. A local
 * address is allowed so tests and self-hosted setups can reach a store on the same machine.
 */
function authorization(store: StoreConnection, url: URL): string {
  const key = store.credentials.consumerKey?.trim();
  const secret = store.credentials.consumerSecret?.trim();
  if (!key || !secret) {
    throw new WooCredentialsError(message("storeErrors.wooKeysNeeded"));
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw new WooCredentialsError(message("storeErrors.wooHttpsOnly"));
  }
  return `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
}

/** One GET against the store's REST API, with requestJson's retry and error habits. */
export async function wooGet<T>(store: StoreConnection, url: URL, options: WooRequestOptions = {}) {
  const headers = { authorization: authorization(store, url), accept: "application/json" };
  try {
    return await requestJson<T>(url.toString(), { method: "GET", headers }, { platformName: PLATFORM_NAME, signal: options.signal, sleep: options.sleep, requestTimeoutMs: options.requestTimeoutMs });
  } catch (error) {
    throw describeWooError(error);
  }
}

/**
 * WordPress REST errors are `{"code":"rest_invalid_param","data":{"params":{"per_page":…}}}`:
 * their code and the names of the parameters refused say what is wrong. Only those tokens are
 * shown (the body itself never is).
 */
function describeWooError(error: unknown): unknown {
  if (!(error instanceof ConnectorError) || !error.answer) return error;
  type WordPressError = { code?: unknown; data?: { params?: unknown } } | null;
  let said: WordPressError;
  try {
    said = JSON.parse(error.answer.text) as WordPressError;
  } catch {
    return error;
  }
  const token = (value: unknown): value is string => typeof value === "string" && /^[\w.-]{1,60}$/.test(value);
  if (!said || !token(said.code)) return error;
  const params = said.data?.params && typeof said.data.params === "object" ? Object.keys(said.data.params).filter(token).slice(0, 10) : [];
  return new ConnectorError(`${PLATFORM_NAME} answered ${error.answer.status} (${said.code}${params.length ? `: ${params.join(", ")}` : ""}).`, error.kind, error.retryAfterMs, error.answer);
}

/** Date filters are whole seconds in UTC when `dates_are_gmt=true`, written without an offset. */
export function wooGmtParam(ms: number): string {
  return new Date(Math.max(0, ms)).toISOString().slice(0, 19);
}

export interface WooListOptions extends WooRequestOptions {
  since: number;
  until: number;
  pageSize?: number;
  /**
   * `trash` lists the orders in the bin: the default listing (status=any) leaves them out, so an
   * order the merchant trashed would otherwise never be seen again.
   */
  status?: "trash";
}

/**
 * The orders modified in [since, until), oldest change first, one platform page at a time.
 *
 * WooCommerce pages by number, and an order modified during the pull leaves the window (its new
 * modification time is past `until`), so every later order moves up one place and a page-number
 * walk would skip one. Instead, each page after the first restarts at page 1 just before the last
 * page's newest modification second (`modified_after` is exclusive and second-precise), so a
 * departure behind that point moves nothing still to come. Orders of that second are read twice and
 * handed on once. Only when a whole page shares one second does the walk go by page number within it.
 */
export async function* listWooOrdersModified(store: StoreConnection, options: WooListOptions): AsyncGenerator<WooOrder[]> {
  const pageSize = options.pageSize ?? WOO_PAGE_SIZE;
  // `modified_after` is exclusive: one second before `since` (floored) includes `since`'s second.
  let after = Math.floor(options.since / SECOND) * SECOND - SECOND;
  // `modified_before` is exclusive too: round up so orders in `until`'s second are included.
  const before = Math.ceil(options.until / SECOND) * SECOND;
  let page = 1;
  const handedOn = new Map<number, number>();

  for (;;) {
    const url = wooApiUrl(store.baseUrl, "orders", {
      ...(options.status ? { status: options.status } : {}),
      modified_after: wooGmtParam(after),
      modified_before: wooGmtParam(before),
      dates_are_gmt: true,
      orderby: "modified",
      order: "asc",
      per_page: pageSize,
      page,
    });
    const { body, response } = await wooGet<unknown>(store, url, options);
    if (!Array.isArray(body)) throw new ConnectorError(message("storeErrors.orderListNotList", { platform: PLATFORM_NAME }), "bad_response");
    const orders = body as WooOrder[];
    if (orders.length === 0) return;

    const modified = orders.map(modifiedAtOrThrow);
    const fresh = orders.filter((order, index) => handedOn.get(order.id) !== modified[index]);
    orders.forEach((order, index) => handedOn.set(order.id, modified[index]));
    if (fresh.length) yield fresh;

    const totalPages = Number(response.headers.get("x-wp-totalpages"));
    const lastPage = orders.length < pageSize || (Number.isFinite(totalPages) && response.headers.has("x-wp-totalpages") && page >= totalPages);
    if (lastPage) return;
    const newest = Math.max(...modified);
    const nextAfter = newest - SECOND;
    if (nextAfter > after) {
      after = nextAfter;
      page = 1;
    } else {
      page += 1;
    }
  }
}

function modifiedAtOrThrow(order: WooOrder): number {
  if (order === null || typeof order !== "object") throw new ConnectorError(message("storeErrors.orderListEntryNotOrder", { platform: PLATFORM_NAME }), "bad_response");
  try {
    return wooModifiedAt(order);
  } catch (error) {
    if (error instanceof WooOrderShapeError) throw new ConnectorError(message("storeErrors.unreadableOrder", { platform: PLATFORM_NAME, reason: error.said }), "bad_response");
    throw error;
  }
}
