import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { startFakeServer, type FakeServer } from "../http-server";
import { makeStoreOrder, renderExport, type DateStyle, type FakeStoreOrder } from "./orders";

export type { FakeStoreOrder } from "./orders";

export interface CustomStoreFakeOptions {
  /** The HTTP Basic credentials the endpoint accepts. */
  username?: string;
  password?: string;
  /** The endpoint's path, e.g. a PHP script. */
  path?: string;
  /** Orders per page (stores choose; 100 is common). Lower it to get several pages from a few orders. */
  pageSize?: number;
  /** How the store writes dates: `M/d/yyyy h:mm tt` (12h, default) or `MM/dd/yyyy HH:mm` (24h). */
  dateStyle?: DateStyle;
  /** The store's clock at start (epoch ms, UTC). */
  startAt?: number;
  /** The status names the store uses for `cancel` and `reactivate`. */
  cancelledStatus?: string;
  reopenedStatus?: string;
  /** PHP's default answer type: many real endpoints send their XML as text/html. */
  contentType?: string;
}

export interface CustomStoreFake extends FakeServer {
  /** The endpoint to give the connector as the store's base URL. */
  endpoint: string;
  /** The store's clock: each change moves it on by one minute (the protocol's dates have minutes only). */
  now(): number;
  /** Lets the store's clock run on without a change. */
  advance(ms: number): void;
  /** Adds an order modified now; `overrides` win over plausible defaults. */
  add(overrides?: Partial<FakeStoreOrder>): FakeStoreOrder;
  update(orderId: string, changes: Partial<FakeStoreOrder>): FakeStoreOrder;
  cancel(orderId: string): FakeStoreOrder;
  reactivate(orderId: string): FakeStoreOrder;
  get(orderId: string): FakeStoreOrder | undefined;
  /** The next `count` calls answer 429 with Retry-After (seconds), as a store behind a rate limiter does. */
  rateLimitNext(count?: number, retryAfterSeconds?: number): void;
  /** The next `count` calls answer `status` (a 5xx). */
  failNext(count?: number, status?: number): void;
  /** The next call answers 200 with this body instead of the export (a fixture name or raw text). */
  respondNext(body: string, contentType?: string): void;
}

const MINUTE_MS = 60_000;
const FIXTURES = new URL("./fixtures/", import.meta.url);

/** A fixture file's text, e.g. `customStoreFixture("truncated.xml")`. */
export function customStoreFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

/**
 * A developer's store speaking ShipStation's Custom Store protocol: one endpoint behind HTTP Basic
 * (401 with a Basic challenge otherwise) answering `action=export` with the orders modified between
 * start_date and end_date (`MM/dd/yyyy HH:mm`, UTC, both inclusive to the minute), in order-id order
 * (not modification order), `pageSize` per page, `<Orders pages="N">`.
 */
export async function startCustomStoreFake(options: CustomStoreFakeOptions = {}): Promise<CustomStoreFake> {
  const username = options.username ?? "shipstation";
  const password = options.password ?? "s3cret-Pa55word";
  const path = options.path ?? "/shipstation.php";
  const pageSize = options.pageSize ?? 100;
  const dateStyle = options.dateStyle ?? "12h";
  const expectedAuth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const orders = new Map<string, FakeStoreOrder>();
  let clock = options.startAt ?? Date.UTC(2025, 2, 10, 15, 0);
  let count = 0;
  let rateLimited = 0;
  let retryAfter = 7;
  const failures: number[] = [];
  const canned: { body: string; contentType: string }[] = [];

  const tick = () => (clock += MINUTE_MS);
  const mustGet = (orderId: string) => {
    const order = orders.get(orderId);
    if (!order) throw new Error(`No order ${orderId} in the fake store`);
    return order;
  };
  const change = (orderId: string, changes: Partial<FakeStoreOrder>) => {
    const order = Object.assign(mustGet(orderId), changes, { lastModified: tick() });
    return order;
  };

  const server = await startFakeServer((request, response, { url }) => {
    if (url.pathname !== path) return sendText(response, 404, "<html><body><h1>404 Not Found</h1></body></html>", "text/html");
    if (request.headers.authorization !== expectedAuth) {
      return sendText(response, 401, "Unauthorized", "text/plain", { "www-authenticate": 'Basic realm="ShipStation"' });
    }
    if (rateLimited > 0) {
      rateLimited--;
      return sendText(response, 429, "Too Many Requests", "text/plain", { "retry-after": String(retryAfter) });
    }
    const failure = failures.shift();
    if (failure) return sendText(response, failure, "<html><body>Service Unavailable</body></html>", "text/html");
    const reply = canned.shift();
    if (reply) return sendText(response, 200, reply.body, reply.contentType);

    if (url.searchParams.get("action") !== "export") return sendText(response, 400, "Unsupported action", "text/plain");
    const start = parseRequestDate(url.searchParams.get("start_date"));
    const end = parseRequestDate(url.searchParams.get("end_date"));
    if (start === null || end === null) return sendText(response, 400, "start_date and end_date must be MM/dd/yyyy HH:mm", "text/plain");
    const page = Number(url.searchParams.get("page") ?? "1");
    if (!Number.isInteger(page) || page < 1) return sendText(response, 400, "Invalid page", "text/plain");

    const matching = [...orders.values()]
      .filter((order) => floorMinute(order.lastModified) >= start && floorMinute(order.lastModified) <= end)
      .sort((a, b) => Number(a.orderId) - Number(b.orderId));
    const pages = Math.ceil(matching.length / pageSize);
    const body = renderExport(matching.slice((page - 1) * pageSize, page * pageSize), pages === 0 ? null : pages, dateStyle);
    return sendText(response, 200, body, options.contentType ?? "text/xml; charset=utf-8");
  });

  return {
    ...server,
    endpoint: `${server.url}${path}`,
    now: () => clock,
    advance(ms) {
      clock += ms;
    },
    add(overrides = {}) {
      count++;
      const at = tick();
      const order = makeStoreOrder(count, at, overrides);
      order.lastModified = overrides.lastModified ?? at;
      orders.set(order.orderId, order);
      return order;
    },
    update: change,
    cancel: (orderId) => change(orderId, { status: options.cancelledStatus ?? "cancelled" }),
    reactivate: (orderId) => change(orderId, { status: options.reopenedStatus ?? "processing" }),
    get: (orderId) => orders.get(orderId),
    rateLimitNext(n = 1, seconds = 7) {
      rateLimited += n;
      retryAfter = seconds;
    },
    failNext(n = 1, status = 503) {
      for (let i = 0; i < n; i++) failures.push(status);
    },
    respondNext(body, contentType = "text/xml; charset=utf-8") {
      canned.push({ body: /^[\w-]+\.(xml|html)$/.test(body) ? customStoreFixture(body) : body, contentType });
    },
  };
}

/** Strictly the format ShipStation sends; anything else is a 400, as a careful store answers. */
function parseRequestDate(value: string | null): number | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(value ?? "");
  if (!match) return null;
  const [, month, day, year, hour, minute] = match.map(Number);
  return Date.UTC(year, month - 1, day, hour, minute);
}

const floorMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

function sendText(response: ServerResponse, status: number, body: string, contentType: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": contentType, ...headers });
  response.end(body);
}
