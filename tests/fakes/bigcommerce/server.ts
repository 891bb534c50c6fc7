import type { ServerResponse } from "node:http";
import { sendJson, startFakeServer, type FakeServer } from "../http-server";
import storeInformation from "./fixtures/store.json" with { type: "json" };
import { FakeOrderBook, type FakeOrderInput, type Json } from "./orders";

export type { FakeOrderInput } from "./orders";

export interface BigCommerceFakeOptions {
  storeHash?: string;
  accessToken?: string;
  /** The fake store's clock at start (epoch ms). */
  startAt?: number;
  /** How far the clock moves with each change; 0 puts changes in the same second. */
  tickMs?: number;
  /** The API account's OAuth scopes; by default Orders read-only, as Shipdeck asks merchants to create. */
  scopes?: string[];
  /** Requests per window before a 429 (generous by default so only tests about limits meet one). */
  quota?: number;
  windowMs?: number;
}

export interface BigCommerceFake extends FakeServer {
  storeHash: string;
  accessToken: string;
  /** Every answer, in order: the path asked for and the status given. */
  answers: { path: string; status: number }[];
  now(): number;
  advance(ms: number): void;
  add(input?: FakeOrderInput): Json;
  update(id: number, changes: Json): Json;
  cancel(id: number): Json;
  reactivate(id: number): Json;
  /** Archives an order: `is_deleted: true`, out of the default listing, listed with `is_deleted=true`. */
  archive(id: number): Json;
  restore(id: number): Json;
  /** The next `count` requests get 429 with X-Rate-Limit-Time-Reset-Ms = resetMs. */
  rateLimitNext(count?: number, resetMs?: number): void;
  /** The next `count` requests fail with this 5xx status. */
  failNext(count?: number, status?: number): void;
  /** The next request gets exactly this answer (a malformed body, an unexpected shape). */
  sendRawNext(status: number, body: string, contentType?: string): void;
  /** What the next answers report in X-Rate-Limit-Requests-Left, counting down from `left`. */
  setRequestsLeft(left: number, resetMs?: number): void;
  /** Runs after each orders page is served: lets a test change the store mid-pull. */
  onOrdersListed(hook: ((page: number) => void) | null): void;
}

const PAGE_DEFAULT = 50;
const PAGE_MAX = 250;

/**
 * A BigCommerce store's v2 API, as far as Shipdeck uses it: X-Auth-Token auth under
 * /stores/{hash}/v2, OAuth scopes per resource, orders filtered by date_modified (RFC-2822 or ISO),
 * sorted and paged with page/limit, 204 No Content for an empty page, products and shipping
 * addresses per order, and X-Rate-Limit-* headers on every answer with 429 when the quota is spent.
 */
export async function startBigCommerceFake(options: BigCommerceFakeOptions = {}): Promise<BigCommerceFake> {
  const storeHash = options.storeHash ?? "k7x2mq9d";
  const accessToken = options.accessToken ?? "bc-fake-token-3f9a1c7e52d04b8a";
  const scopes = new Set(options.scopes ?? ["store_v2_orders_read_only"]);
  const quota = options.quota ?? 10_000;
  const windowMs = options.windowMs ?? 30_000;
  const prefix = `/stores/${storeHash}/v2`;
  let baseUrl = "";
  const book = new FakeOrderBook(options.startAt ?? Date.UTC(2024, 4, 6, 15, 0, 0), options.tickMs ?? 1000, () => `${baseUrl}${prefix}`);
  const answers: BigCommerceFake["answers"] = [];
  let left = quota;
  let resetMs = windowMs / 2;
  const rateLimited: number[] = [];
  const failures: number[] = [];
  const raw: { status: number; body: string; contentType: string }[] = [];
  let ordersListedHook: ((page: number) => void) | null = null;

  const rateHeaders = () => ({
    "X-Rate-Limit-Requests-Left": String(Math.max(0, left)),
    "X-Rate-Limit-Requests-Quota": String(quota),
    "X-Rate-Limit-Time-Window-Ms": String(windowMs),
    "X-Rate-Limit-Time-Reset-Ms": String(resetMs),
  });
  const error = (response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
    sendJson(response, status, [{ status, message }], headers);
  };

  const server = await startFakeServer((request, response, { url }) => {
    const path = url.pathname;
    const status = () => response.statusCode;
    response.on("finish", () => answers.push({ path, status: status() }));

    if (!path.startsWith(`${prefix}/`)) return error(response, 404, "The requested resource was not found.");
    if (request.headers["x-auth-token"] !== accessToken) return error(response, 401, "You have not been authorized to access this resource.");
    const forcedWait = rateLimited.shift();
    if (forcedWait !== undefined || left <= 0) {
      const wait = forcedWait ?? resetMs;
      left = quota; // the window resets while the client waits
      return error(response, 429, "You have exceeded the request quota; try again after the reset time.", { ...rateHeaders(), "X-Rate-Limit-Requests-Left": "0", "X-Rate-Limit-Time-Reset-Ms": String(wait) });
    }
    left -= 1;
    const failure = failures.shift();
    if (failure !== undefined) return error(response, failure, "Internal Server Error", rateHeaders());
    const rawAnswer = raw.shift();
    if (rawAnswer) {
      response.writeHead(rawAnswer.status, { "content-type": rawAnswer.contentType, ...rateHeaders() });
      response.end(rawAnswer.body);
      return;
    }
    if (request.method !== "GET") return error(response, 405, "The requested method is not supported.", rateHeaders());

    const resource = path.slice(prefix.length);
    const scoped = (scope: string) => scopes.has(scope) || scopes.has(scope.replace(/_read_only$/, ""));
    const send = (items: unknown[]) => {
      if (items.length === 0) {
        response.writeHead(204, rateHeaders());
        response.end();
        return;
      }
      sendJson(response, 200, items, rateHeaders());
    };

    if (resource === "/store") {
      if (!scoped("store_v2_information_read_only")) return error(response, 403, "You don't have a required scope to access the endpoint", rateHeaders());
      return sendJson(response, 200, { ...storeInformation, id: storeHash }, rateHeaders());
    }
    if (!scoped("store_v2_orders_read_only")) return error(response, 403, "You don't have a required scope to access the endpoint", rateHeaders());

    if (resource === "/orders") {
      const listed = listOrders(url.searchParams);
      if ("invalid" in listed) return error(response, 400, `The field '${listed.invalid}' is invalid.`, rateHeaders());
      send(listed.page);
      ordersListedHook?.(listed.pageNumber);
      return;
    }
    const single = /^\/orders\/(\d+)$/.exec(resource);
    if (single) {
      const found = book.orders.get(Number(single[1]));
      if (!found) return error(response, 404, "The requested resource was not found.", rateHeaders());
      return sendJson(response, 200, found.order, rateHeaders());
    }
    const sub = /^\/orders\/(\d+)\/(products|shipping_addresses|shippingaddresses)$/.exec(resource);
    const stored = sub ? book.orders.get(Number(sub[1])) : undefined;
    if (!sub || !stored) return error(response, 404, "The requested resource was not found.", rateHeaders());
    const { offset, limit } = paging(url.searchParams);
    const items = sub[2] === "products" ? stored.products : stored.shippingAddresses;
    return send(items.slice(offset, offset + limit));
  });
  baseUrl = server.url;

  function listOrders(query: URLSearchParams): { page: Json[]; pageNumber: number } | { invalid: string } {
    const bounds: Record<string, number> = {};
    for (const name of ["min_date_modified", "max_date_modified"]) {
      const value = query.get(name);
      if (value === null) continue;
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) return { invalid: name };
      bounds[name] = Math.floor(ms / 1000) * 1000;
    }
    const [field = "id", direction = "asc"] = (query.get("sort") ?? "id:asc").split(":");
    if (!["id", "date_created", "date_modified", "status_id", "customer_id"].includes(field) || !["asc", "desc"].includes(direction)) return { invalid: "sort" };
    const key = (entry: { order: Json; modifiedAt: number }) =>
      field === "date_modified" ? entry.modifiedAt : field === "date_created" ? Date.parse(String(entry.order.date_created)) : Number(entry.order[field]);
    // Archived orders are listed only when asked for (and then only they are).
    const archived = query.get("is_deleted") === "true";
    const matching = [...book.orders.values()]
      .filter((entry) => Boolean(entry.order.is_deleted) === archived)
      .filter((entry) => (bounds.min_date_modified ?? -Infinity) <= entry.modifiedAt && entry.modifiedAt <= (bounds.max_date_modified ?? Infinity))
      .sort((a, b) => (key(a) - key(b) || Number(a.order.id) - Number(b.order.id)) * (direction === "desc" ? -1 : 1));
    const { offset, limit, page } = paging(query);
    return { page: matching.slice(offset, offset + limit).map((entry) => entry.order), pageNumber: page };
  }

  return {
    ...server,
    storeHash,
    accessToken,
    answers,
    now: () => book.now(),
    advance: (ms) => book.advance(ms),
    add: (input) => book.add(input),
    update: (id, changes) => book.update(id, changes),
    cancel: (id) => book.cancel(id),
    reactivate: (id) => book.reactivate(id),
    archive: (id) => book.archive(id),
    restore: (id) => book.restore(id),
    rateLimitNext: (count = 1, wait = 2_500) => rateLimited.push(...Array(count).fill(wait)),
    failNext: (count = 1, status = 500) => failures.push(...Array(count).fill(status)),
    sendRawNext: (status, body, contentType = "application/json") => raw.push({ status, body, contentType }),
    setRequestsLeft: (value, reset = resetMs) => {
      left = value;
      resetMs = reset;
    },
    onOrdersListed: (hook) => {
      ordersListedHook = hook;
    },
  };
}

/** page/limit as v2 reads them: 50 by default, at most 250, pages from 1. */
function paging(query: URLSearchParams) {
  const limit = Math.min(PAGE_MAX, Math.max(1, Number(query.get("limit")) || PAGE_DEFAULT));
  const page = Math.max(1, Math.trunc(Number(query.get("page"))) || 1);
  return { offset: (page - 1) * limit, limit, page };
}
