import type { ServerResponse } from "node:http";
import { sendJson, startFakeServer, type FakeServer } from "../http-server";
import shopFixture from "./fixtures/shop.json" with { type: "json" };
import { listOrders } from "./listing";
import { FakeShopifyOrders } from "./orders";

export interface ShopifyFakeOptions {
  /** The Admin API access token the shop accepts. */
  accessToken?: string;
  /** The shop's clock at start (epoch ms). */
  startAt?: number;
  /** Largest page (Shopify: 250). Lower it to get several pages from a few orders. */
  maxPageSize?: number;
  /** Leaky bucket size (Shopify: 40; Plus: 400) and drain per second (2; Plus: 20). */
  bucketSize?: number;
  leakPerSecond?: number;
  /** Pretend Shopify ignores `order=updated_at asc` and answers newest order first. */
  ignoreOrderParam?: boolean;
}

export type Malformation = "html" | "no-orders-list" | "order-without-id";

export interface ShopifyFake extends FakeServer {
  orders: FakeShopifyOrders;
  /** Shortcuts to the order store: each change stamps `updated_at` with the shop's next second. */
  add: FakeShopifyOrders["add"];
  update: FakeShopifyOrders["update"];
  cancel: FakeShopifyOrders["cancel"];
  reactivate: FakeShopifyOrders["reactivate"];
  /** Archives an order (Shopify's "close"): `closed_at` set, still open for shipping. */
  archive: FakeShopifyOrders["close"];
  /** The next `count` API calls answer 429 with Retry-After: 2.0, whatever the bucket holds. */
  rateLimitNext(count?: number): void;
  /** The next `count` API calls answer `status` (a 5xx). */
  failNext(count?: number, status?: number): void;
  /** The next API call answers 200 with a body a client must not trust. */
  malformNext(kind: Malformation): void;
  /** Sets how many calls the bucket holds now. */
  setBucket(level: number): void;
  bucketLevel(): number;
  /**
   * Lets time pass for the bucket: it drains `leakPerSecond` per second. The bucket drains only
   * through this, so tests pass it their fake `sleep` and never wait for real.
   */
  elapse(ms: number): void;
}

const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };
const THROTTLED = { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." };
const ROUTE = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/(shop|orders)\.json$/;

/** A Shopify shop's REST Admin API, as far as Shipdeck uses it: shop.json and orders.json. */
export async function startShopifyFake(options: ShopifyFakeOptions = {}): Promise<ShopifyFake> {
  const accessToken = options.accessToken ?? "shpat_fake_0123456789abcdef";
  const bucketSize = options.bucketSize ?? 40;
  const leakPerSecond = options.leakPerSecond ?? 2;
  const orders = new FakeShopifyOrders(options.startAt);
  const listingOptions = { maxPageSize: options.maxPageSize ?? 250, ignoreOrderParam: options.ignoreOrderParam ?? false, version: 0 };
  let bucket = 0;
  let rateLimited = 0;
  const failures: number[] = [];
  const malformations: Malformation[] = [];

  const server = await startFakeServer((request, response, { url }) => {
    const route = ROUTE.exec(url.pathname);
    if (!route || request.method !== "GET") return sendJson(response, 404, { errors: "Not Found" });
    if (request.headers["x-shopify-access-token"] !== accessToken) return sendJson(response, 401, INVALID_TOKEN);

    if (rateLimited > 0 || bucket + 1 > bucketSize) {
      rateLimited = Math.max(0, rateLimited - 1);
      return sendJson(response, 429, THROTTLED, { "Retry-After": "2.0", "X-Shopify-Shop-Api-Call-Limit": `${bucketSize}/${bucketSize}` });
    }
    const failure = failures.shift();
    if (failure !== undefined) return sendJson(response, failure, { errors: "Internal Server Error" });
    bucket += 1;
    const [, version, resource] = route;
    const headers = { "X-Shopify-Shop-Api-Call-Limit": `${Math.ceil(bucket)}/${bucketSize}`, "X-Shopify-API-Version": version };

    const malformation = malformations.shift();
    if (malformation) return sendMalformed(response, malformation, headers);
    if (resource === "shop") return sendJson(response, 200, shopFixture, headers);

    listingOptions.version = orders.version;
    const listing = listOrders(orders.all(), url.searchParams, listingOptions);
    if (!listing.ok) return sendJson(response, listing.status, listing.body, headers);
    const base = `${server.url}/admin/api/${version}/orders.json?limit=${listing.limit}`;
    const links = [
      listing.previous && `<${base}&page_info=${listing.previous}>; rel="previous"`,
      listing.next && `<${base}&page_info=${listing.next}>; rel="next"`,
    ].filter(Boolean);
    sendJson(response, 200, { orders: listing.orders }, links.length ? { ...headers, Link: links.join(", ") } : headers);
  });

  return {
    ...server,
    orders,
    add: orders.add.bind(orders),
    update: orders.update.bind(orders),
    cancel: orders.cancel.bind(orders),
    reactivate: orders.reactivate.bind(orders),
    archive: orders.close.bind(orders),
    rateLimitNext: (count = 1) => void (rateLimited += count),
    failNext: (count = 1, status = 503) => void failures.push(...Array<number>(count).fill(status)),
    malformNext: (kind) => void malformations.push(kind),
    setBucket: (level) => void (bucket = level),
    bucketLevel: () => bucket,
    elapse: (ms) => void (bucket = Math.max(0, bucket - (ms / 1000) * leakPerSecond)),
  };
}

function sendMalformed(response: ServerResponse, kind: Malformation, headers: Record<string, string>) {
  if (kind === "html") {
    // What a proxy or Shopify's maintenance page sends: 200, HTML.
    response.writeHead(200, { ...headers, "content-type": "text/html; charset=utf-8" });
    response.end("<!DOCTYPE html><html><body><h1>There was a problem loading this website</h1></body></html>");
    return;
  }
  if (kind === "no-orders-list") return sendJson(response, 200, { order: null }, headers);
  sendJson(response, 200, { orders: [{ name: "#9999", created_at: "2024-05-01T08:00:00-04:00", updated_at: "2024-05-01T08:00:00-04:00" }] }, headers);
}
