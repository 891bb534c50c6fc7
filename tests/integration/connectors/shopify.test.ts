import { afterEach, describe, expect, it } from "vitest";
import { shopifyConnector } from "@/lib/connectors/shopify";
import type { PulledPage, PullOptions, StoreConnection } from "@/lib/connectors/types";
import { startShopifyFake, type ShopifyFake, type ShopifyFakeOptions } from "../../fakes/shopify/server";

const TOKEN = "shpat_test_9f8e7d6c5b4a3210";
let fake: ShopifyFake | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function startShop(options: ShopifyFakeOptions = {}) {
  fake = await startShopifyFake({ accessToken: TOKEN, ...options });
  return fake;
}

function storeOf(shop: ShopifyFake, credentials: Record<string, string> = {}): StoreConnection {
  return { platform: "shopify", baseUrl: shop.url, credentials: { accessToken: TOKEN, ...credentials } };
}

/** A sleep that records what it was asked to wait and lets that much time pass for the shop's bucket. */
function recordingSleep(shop: ShopifyFake) {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void (sleeps.push(ms), shop.elapse(ms)) };
}

async function pullAll(shop: ShopifyFake, options: Partial<PullOptions> = {}, store = storeOf(shop)): Promise<PulledPage[]> {
  const pages: PulledPage[] = [];
  const { sleep } = recordingSleep(shop);
  for await (const page of shopifyConnector.pull(store, { since: 0, until: shop.orders.now() + 60_000, sleep, ...options })) pages.push(page);
  return pages;
}

const orderRequests = (shop: ShopifyFake) => shop.requests.filter((request) => request.url.pathname.endsWith("/orders.json"));
const keysOf = (pages: PulledPage[]) => pages.flatMap((page) => page.orders.map((order) => order.orderKey));

describe("Shopify connection test", () => {
  it("reaches the shop with the access token on the configured API version", async () => {
    const shop = await startShop();
    expect(await shopifyConnector.testConnection(storeOf(shop))).toEqual({ ok: true });
    const [request] = shop.requests;
    expect(request.url.pathname).toBe("/admin/api/2024-04/shop.json");
    expect(request.headers["x-shopify-access-token"]).toBe(TOKEN);

    await shopifyConnector.testConnection(storeOf(shop, { apiVersion: "2025-01" }));
    expect(shop.requests[1].url.pathname).toBe("/admin/api/2025-01/shop.json");
  });

  it("says in plain words that a wrong token was refused, without repeating it", async () => {
    const shop = await startShop();
    const wrong = "shpat_wrong_00000000";
    const result = await shopifyConnector.testConnection(storeOf(shop, { accessToken: wrong }));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/Shopify refused the credentials \(401\)/) });
    expect(JSON.stringify(result)).not.toContain(wrong);

    const raw = await fetch(`${shop.url}/admin/api/2024-04/shop.json`, { headers: { "X-Shopify-Access-Token": wrong } });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("asks for the token before calling Shopify when there is none", async () => {
    const shop = await startShop();
    const result = await shopifyConnector.testConnection({ platform: "shopify", baseUrl: shop.url, credentials: {} });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("access token is missing") });
    expect(shop.requests).toHaveLength(0);
  });
});

describe("Shopify pull", () => {
  it("follows Link pages and returns every order once, oldest change first", async () => {
    const shop = await startShop({ maxPageSize: 3 });
    const start = shop.orders.now();
    for (let i = 0; i < 10; i++) shop.add({}, { at: start + Math.floor(i / 2) * 1000 }); // pairs share a second

    const pages = await pullAll(shop);

    expect(pages.map((page) => page.orders.length)).toEqual([3, 3, 3, 1]);
    expect(keysOf(pages).sort()).toEqual(shop.orders.all().map((order) => String(order.id)).sort());
    const requests = orderRequests(shop);
    expect(requests).toHaveLength(4);
    for (const request of requests.slice(1)) {
      expect([...request.url.searchParams.keys()].sort()).toEqual(["limit", "page_info"]);
    }
  });

  it("moves the cursor to each page's latest change, never past an order not yet returned", async () => {
    const shop = await startShop({ maxPageSize: 4 });
    for (let i = 0; i < 9; i++) shop.add();
    shop.update(shop.orders.all()[0].id, { note: "Changed after the others" });

    const pages = await pullAll(shop);

    let cursor = -Infinity;
    for (const page of pages) {
      const changes = page.orders.map((order) => order.channelModifiedAt as number);
      expect(Math.min(...changes)).toBeGreaterThanOrEqual(cursor);
      expect(page.cursorAfter).toBe(Math.max(...changes));
      cursor = page.cursorAfter as number;
    }
    expect(pages.at(-1)?.orders.at(-1)?.customerNotes).toBe("Changed after the others");
  });

  it("misses no order when one already read changes again mid-pull: it comes back later with its new state", async () => {
    const shop = await startShop({ maxPageSize: 2 });
    const orders = Array.from({ length: 5 }, () => shop.add());
    const { sleep } = recordingSleep(shop);
    const seen: PulledPage[] = [];
    for await (const page of shopifyConnector.pull(storeOf(shop), { since: 0, until: shop.orders.now() + 60_000, sleep })) {
      if (seen.length === 0) shop.update(orders[0].id, { financial_status: "refunded" });
      seen.push(page);
    }
    const keys = keysOf(seen);
    expect(new Set(keys)).toEqual(new Set(orders.map((order) => String(order.id))));
    expect(keys.at(-1)).toBe(String(orders[0].id));
    expect(seen.at(-1)?.orders.at(-1)?.status).toBe("cancelled");
    const cursors = seen.map((page) => page.cursorAfter as number);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
  });

  it("asks only for orders changed in the window, with status=any and Shopify's date filters", async () => {
    const shop = await startShop();
    const [first, , third] = [shop.add(), shop.add(), shop.add(), shop.add()];
    const since = shop.orders.now() + 1000;
    shop.update(first.id, { note: "Ring the bell" }, { at: since + 5_000 });
    shop.update(third.id, { fulfillment_status: "fulfilled" }, { at: since + 9_000 });
    const until = since + 60_500;

    const pages = await pullAll(shop, { since, until });

    expect(keysOf(pages)).toEqual([String(first.id), String(third.id)]);
    expect(pages[0].orders[1].status).toBe("shipped");
    const params = orderRequests(shop)[0].url.searchParams;
    expect(Object.fromEntries(params)).toEqual({
      status: "any",
      updated_at_min: new Date(since).toISOString().replace(".000Z", "Z"),
      updated_at_max: new Date(until - 500).toISOString().replace(".000Z", "Z"),
      limit: "250",
      order: "updated_at asc",
    });
  });

  it("yields no page when nothing changed", async () => {
    const shop = await startShop();
    shop.add();
    expect(await pullAll(shop, { since: shop.orders.now() + 1000 })).toEqual([]);
  });

  it("brings back an order cancelled in Shopify as cancelled, which the default status=open would hide", async () => {
    const shop = await startShop();
    const order = shop.add();
    shop.add();
    shop.cancel(order.id);

    const pages = await pullAll(shop);
    const cancelled = pages.flatMap((page) => page.orders).find((o) => o.orderKey === String(order.id));
    expect(cancelled?.status).toBe("cancelled");

    const openOnly = await fetch(`${shop.url}/admin/api/2024-04/orders.json`, { headers: { "X-Shopify-Access-Token": TOKEN } });
    const body = (await openOnly.json()) as { orders: { id: number }[] };
    expect(body.orders.map((o) => o.id)).not.toContain(order.id);
  });

  it("brings back a reactivated order as open, and an archived paid order as still to ship", async () => {
    const shop = await startShop();
    const reopened = shop.add();
    const archived = shop.add();
    shop.cancel(reopened.id);
    const since = shop.orders.now() + 1000;
    shop.reactivate(reopened.id, { at: since });
    shop.archive(archived.id, { at: since + 1000 });

    const [page] = await pullAll(shop, { since });
    expect(page.orders.map((o) => [o.orderKey, o.status])).toEqual([
      [String(reopened.id), "awaiting_shipment"],
      [String(archived.id), "awaiting_shipment"],
    ]);
  });

  it("rejects a page_info request that repeats the filters, as Shopify does", async () => {
    const shop = await startShop({ maxPageSize: 1 });
    shop.add();
    shop.add();
    const headers = { "X-Shopify-Access-Token": TOKEN };
    const first = await fetch(`${shop.url}/admin/api/2024-04/orders.json?status=any&limit=1`, { headers });
    const pageInfo = /page_info=([^>&]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1];
    expect(pageInfo).toBeTruthy();

    const mixed = await fetch(`${shop.url}/admin/api/2024-04/orders.json?limit=1&status=any&page_info=${pageInfo}`, { headers });
    expect(mixed.status).toBe(400);
    expect(await mixed.json()).toEqual({ errors: { status: expect.stringContaining("status cannot be passed when page_info is present") } });
  });
});

describe("Shopify rate limits and failures", () => {
  it("waits out a 429 for its Retry-After and tries again", async () => {
    const shop = await startShop();
    shop.add();
    shop.rateLimitNext(1);
    const { sleeps, sleep } = recordingSleep(shop);

    const pages = await pullAll(shop, { sleep });

    expect(sleeps).toEqual([2000]);
    expect(keysOf(pages)).toHaveLength(1);
    expect(orderRequests(shop)).toHaveLength(2);
  });

  it("slows down when the call-limit header says the bucket is nearly full, so it never hits a 429", async () => {
    const shop = await startShop({ maxPageSize: 1 });
    for (let i = 0; i < 6; i++) shop.add();
    shop.setBucket(37);
    const { sleeps, sleep } = recordingSleep(shop);

    const pages = await pullAll(shop, { sleep });

    expect(keysOf(pages)).toHaveLength(6);
    expect(sleeps.length).toBeGreaterThan(0);
    expect(sleeps.every((ms) => ms === 1000)).toBe(true);
    expect(orderRequests(shop)).toHaveLength(6);
  });

  it("retries a 5xx with backoff, and gives up with a plain error when it persists", async () => {
    const shop = await startShop();
    shop.add();
    shop.failNext(2, 503);
    const { sleeps, sleep } = recordingSleep(shop);
    expect(keysOf(await pullAll(shop, { sleep }))).toHaveLength(1);
    expect(sleeps).toEqual([500, 1000]);

    shop.failNext(10, 500);
    await expect(pullAll(shop)).rejects.toMatchObject({ name: "ConnectorError", kind: "unavailable", message: expect.stringContaining("Shopify answered 500") });
  });

  it.each(["html", "no-orders-list", "order-without-id"] as const)("turns a malformed response (%s) into a ConnectorError", async (kind) => {
    const shop = await startShop();
    shop.add();
    shop.malformNext(kind);
    await expect(pullAll(shop)).rejects.toMatchObject({ name: "ConnectorError", kind: "bad_response" });
  });

  it("stops instead of moving the cursor when Shopify does not sort by update time", async () => {
    const shop = await startShop({ ignoreOrderParam: true });
    shop.add();
    shop.add();
    await expect(pullAll(shop)).rejects.toMatchObject({ name: "ConnectorError", kind: "bad_response", message: expect.stringContaining("oldest change first") });
  });
});
