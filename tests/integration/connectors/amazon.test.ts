import { afterEach, describe, expect, it, vi } from "vitest";
import { amazonConnector } from "@/lib/connectors/amazon";
import { PACING_MARGIN_MS } from "@/lib/connectors/amazon/rate-limit";
import { ConnectorError, type PulledPage, type StoreConnection } from "@/lib/connectors/types";
import { amazonFixture, amazonFixtures, startAmazonFake, type AmazonFake, type AmazonFakeOptions } from "../../fakes/amazon/server";

const MINUTE = 60_000;
let fake: AmazonFake;

afterEach(async () => {
  await fake?.close();
});

/** A fake seller, a store pointed at it, and a sleep that lets the fake's time pass instead of waiting. */
async function setUp(options: AmazonFakeOptions = {}) {
  fake = await startAmazonFake(options);
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    fake.elapse(ms);
  };
  const store: StoreConnection = { platform: "amazon", baseUrl: fake.url, credentials: { ...fake.credentials } };
  return { store, slept, sleep };
}

async function pullAll(store: StoreConnection, options: { since: number; until?: number; sleep: (ms: number) => Promise<void> }) {
  const pages: PulledPage[] = [];
  for await (const page of amazonConnector.pull(store, { until: Date.now(), ...options })) pages.push(page);
  return pages;
}

const orderRequests = () => fake.requests.filter((request) => request.url.pathname === "/orders/v0/orders");
const itemRequests = () => fake.requests.filter((request) => request.url.pathname.endsWith("/orderItems"));
const keysOf = (pages: PulledPage[]) => pages.flatMap((page) => page.orders.map((order) => order.orderKey));

describe("amazonConnector.testConnection", () => {
  it("exchanges the refresh token and reads one recent order", async () => {
    const { store } = await setUp();
    expect(await amazonConnector.testConnection(store)).toEqual({ ok: true });

    const [exchange, rdt, check] = fake.requests;
    expect(exchange.method).toBe("POST");
    expect(exchange.url.pathname).toBe("/auth/o2/token");
    expect(Object.fromEntries(new URLSearchParams(exchange.body))).toEqual({
      grant_type: "refresh_token",
      refresh_token: fake.credentials.refreshToken,
      client_id: fake.credentials.clientId,
      client_secret: fake.credentials.clientSecret,
    });
    expect(rdt.url.pathname).toBe("/tokens/2021-03-01/restrictedDataToken");
    expect(rdt.headers["x-amz-access-token"]).toMatch(/^Atza\|/);
    expect(check.headers["x-amz-access-token"]).toMatch(/^Atz\.sprdt\|/);
    expect(check.url.searchParams.get("MarketplaceIds")).toBe("ATVPDKIKX0DER");
    expect(check.url.searchParams.get("MaxResultsPerPage")).toBe("1");
    expect(Math.abs(Date.parse(check.url.searchParams.get("CreatedAfter")!) - (Date.now() - 86_400_000))).toBeLessThan(MINUTE);
  });

  it("says in plain words that a refresh token was refused, without echoing it", async () => {
    const { store } = await setUp();
    const refreshToken = "Atzr|IwEBIRevokedTokenThatMustNotBeEchoed";
    const check = await amazonConnector.testConnection({ ...store, credentials: { ...store.credentials, refreshToken } });
    expect(check.ok).toBe(false);
    const message = (check as { message: string }).message;
    expect(message).toMatch(/did not accept the refresh token/);
    expect(message).not.toContain(refreshToken);
    expect(message).not.toContain("{");
  });

  it("says the client ID or secret is wrong, without echoing the secret", async () => {
    const { store } = await setUp();
    const check = await amazonConnector.testConnection({ ...store, credentials: { ...store.credentials, clientSecret: "amzn1.oa2-cs.v1.wrong-secret-value" } });
    expect(check).toEqual({ ok: false, message: expect.stringMatching(/client ID or client secret/) });
    expect(JSON.stringify(check)).not.toContain("wrong-secret-value");
  });

  it("names missing credentials and an unknown marketplace", async () => {
    const { store } = await setUp();
    const missing = await amazonConnector.testConnection({ ...store, credentials: { clientId: "x", marketplaceId: "ATVPDKIKX0DER" } });
    expect(missing).toEqual({ ok: false, message: expect.stringMatching(/missing its LWA client secret, refresh token/) });
    expect(fake.requests).toHaveLength(0);

    const wrongMarketplace = await amazonConnector.testConnection({ ...store, credentials: { ...store.credentials, marketplaceId: "A1PA6795UKMFR9" } });
    expect(wrongMarketplace).toEqual({ ok: false, message: expect.stringMatching(/^Amazon refused the request \(InvalidInput\): .*A1PA6795UKMFR9/) });
  });
});

describe("amazonConnector.pull", () => {
  it("reads every order once across NextToken pages, items included, pacing getOrderItems itself", async () => {
    const { store, slept, sleep } = await setUp();
    const start = Date.now() - 60 * MINUTE;
    amazonFixtures("mfn-unshipped", 230).forEach((entry, i) => fake.add(entry, { at: start + i * 1000 }));

    const pages = await pullAll(store, { since: start - MINUTE, sleep });

    expect(pages.map((page) => page.orders.length)).toEqual([100, 100, 30]);
    expect(new Set(keysOf(pages)).size).toBe(230);
    expect(pages[0].orders[0].items).toHaveLength(2);
    const [first, ...next] = orderRequests().map((request) => Object.fromEntries(request.url.searchParams));
    expect(first).toMatchObject({ MarketplaceIds: "ATVPDKIKX0DER", MaxResultsPerPage: "100", LastUpdatedAfter: new Date(start - MINUTE).toISOString() });
    // A NextToken request carries the token and MarketplaceIds only: Amazon ignores the other criteria.
    for (const params of next) expect(Object.keys(params).sort()).toEqual(["MarketplaceIds", "NextToken"]);
    // No call was spent on a 429: 30 items calls from the burst, then one about every 2 s
    // (a little less when real time has already refilled part of a token).
    expect(itemRequests()).toHaveLength(230);
    expect(orderRequests()).toHaveLength(3);
    expect(slept.length).toBeGreaterThan(190);
    expect(slept.every((ms) => ms > 0 && ms <= 2000 + PACING_MARGIN_MS)).toBe(true);
  });

  it("moves the cursor only after the last page, to an until at least 2 minutes old", async () => {
    const { store, sleep } = await setUp({ maxPageSize: 2 });
    const start = Date.now() - 60 * MINUTE;
    const entries = amazonFixtures("mfn-unshipped", 5);
    entries.forEach((entry, i) => fake.add(entry, { at: start + i * MINUTE }));
    // The first-placed order changed last: Amazon's pages are in no modification order.
    fake.update(entries[0].order.AmazonOrderId, { OrderStatus: "PartiallyShipped" }, { at: start + 30 * MINUTE });
    fake.add(amazonFixture("mfn-unshipped", { AmazonOrderId: "901-9999999-9999999" }), { at: Date.now() - 30_000 });

    const before = Date.now();
    const pages = await pullAll(store, { since: start - MINUTE, sleep });

    expect(pages.map((page) => page.orders.length)).toEqual([2, 2, 1]);
    expect(pages[0].orders[0].orderKey).toBe(entries[0].order.AmazonOrderId);
    expect(pages.map((page) => page.cursorAfter === null)).toEqual([true, true, false]);
    const until = Date.parse(orderRequests()[0].url.searchParams.get("LastUpdatedBefore")!);
    expect(until).toBeLessThanOrEqual(before - 2 * MINUTE);
    expect(pages[2].cursorAfter).toBe(until);
    // Changed 30 s ago: too recent to ask Amazon about; the next pull reads it.
    expect(keysOf(pages)).not.toContain("901-9999999-9999999");
  });

  it("asks only for orders updated since the cursor, and gets back only those", async () => {
    const { store, sleep } = await setUp();
    const start = Date.now() - 90 * MINUTE;
    const entries = amazonFixtures("mfn-unshipped", 4);
    entries.forEach((entry, i) => fake.add(entry, { at: start + i * 1000 }));
    fake.update(entries[2].order.AmazonOrderId, { OrderStatus: "Shipped" }, { at: start + 40 * MINUTE });

    const since = start + 30 * MINUTE;
    const pages = await pullAll(store, { since, sleep });

    expect(keysOf(pages)).toEqual([entries[2].order.AmazonOrderId]);
    expect(pages[0].orders[0].status).toBe("shipped");
    expect(orderRequests()[0].url.searchParams.get("LastUpdatedAfter")).toBe(new Date(since).toISOString());
  });

  it("asks nothing when the window ends before it starts (a cursor under 2 minutes old)", async () => {
    const { store, sleep } = await setUp();
    expect(await pullAll(store, { since: Date.now() - MINUTE, sleep })).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it("follows getOrderItems' NextToken", async () => {
    const { store, sleep } = await setUp({ itemsPageSize: 1 });
    fake.add(amazonFixture("mfn-unshipped"), { at: Date.now() - 30 * MINUTE });
    const [page] = await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    expect(page.orders[0].items?.map((item) => item.lineItemKey)).toEqual(["61725539981402", "61725539981426"]);
    expect(itemRequests()[1].url.searchParams.get("NextToken")).toBeTruthy();
  });

  it("waits out a 429 for one token's worth of x-amzn-RateLimit-Limit, then goes on", async () => {
    const { store, slept, sleep } = await setUp();
    fake.add(amazonFixture("mfn-unshipped"), { at: Date.now() - 30 * MINUTE });
    fake.rateLimitNext(1, "getOrders");
    fake.rateLimitNext(1, "getOrderItems");

    const pages = await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });

    expect(keysOf(pages)).toEqual(["113-4410297-5538642"]);
    expect(slept).toEqual([59_881, 2_000]);
    expect(orderRequests()).toHaveLength(2);
    expect(itemRequests()).toHaveLength(2);
  });

  it("retries a 5xx with backoff", async () => {
    const { store, slept, sleep } = await setUp();
    fake.add(amazonFixture("pending"), { at: Date.now() - 30 * MINUTE });
    fake.failNext(2, 503);
    const pages = await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    expect(keysOf(pages)).toEqual(["111-2093857-6617043"]);
    expect(slept).toEqual([500, 1000]);
  });

  it("gets a new access token when Amazon says the cached one expired", async () => {
    const { store, sleep } = await setUp();
    fake.add(amazonFixture("mfn-unshipped"), { at: Date.now() - 30 * MINUTE });
    await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    fake.expireAccessTokens();
    const pages = await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    expect(keysOf(pages)).toEqual(["113-4410297-5538642"]);
    expect(fake.tokenExchanges()).toBe(2);
  });

  it("reports a revoked authorization as an auth error in plain words", async () => {
    const { store, sleep } = await setUp();
    fake.add(amazonFixture("mfn-unshipped"), { at: Date.now() - 30 * MINUTE });
    await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    fake.revokeAuthorization();
    const pull = pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    await expect(pull).rejects.toMatchObject({ kind: "auth", message: expect.stringMatching(/did not accept the refresh token.*Authorize the app again/) });
  });

  it("is held to the 2-minute rule by the fake, as by Amazon", async () => {
    const { store } = await setUp();
    await amazonConnector.testConnection(store); // an access token to call with
    const accessToken = String(fake.requests[1].headers["x-amz-access-token"]);
    const params = new URLSearchParams({ MarketplaceIds: "ATVPDKIKX0DER", LastUpdatedAfter: new Date(Date.now() - 60 * MINUTE).toISOString(), LastUpdatedBefore: new Date(Date.now() - MINUTE).toISOString() });
    const response = await fetch(`${fake.url}/orders/v0/orders?${params}`, { headers: { "x-amz-access-token": accessToken } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ code: "InvalidInput" }] });
  });

  it.each(["html", "no-orders-list", "order-without-id"] as const)("turns a malformed answer (%s) into a ConnectorError", async (kind) => {
    const { store, sleep } = await setUp();
    fake.add(amazonFixture("mfn-unshipped"), { at: Date.now() - 30 * MINUTE });
    fake.malformNext(kind);
    const pull = pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    await expect(pull).rejects.toBeInstanceOf(ConnectorError);
    await expect(pull).rejects.toMatchObject({ kind: "bad_response" });
  });

  it("brings back an order cancelled on Amazon as cancelled, and a reactivated one as open", async () => {
    const { store, sleep } = await setUp();
    const id = "113-4410297-5538642";
    const start = Date.now() - 60 * MINUTE;
    fake.add(amazonFixture("mfn-unshipped"), { at: start });

    fake.cancel(id, { at: start + 10 * MINUTE });
    const cancelled = await pullAll(store, { since: start + 5 * MINUTE, sleep });
    expect(cancelled[0].orders[0]).toMatchObject({ orderKey: id, status: "cancelled", channelModifiedAt: Math.floor((start + 10 * MINUTE) / 1000) * 1000 });

    fake.reactivate(id, { at: start + 20 * MINUTE });
    const reopened = await pullAll(store, { since: start + 15 * MINUTE, sleep });
    expect(reopened[0].orders[0]).toMatchObject({ orderKey: id, status: "awaiting_shipment" });
  });

  it("brings Amazon-fulfilled orders in as externally fulfilled", async () => {
    const { store, sleep } = await setUp();
    fake.add(amazonFixture("afn-shipped"), { at: Date.now() - 30 * MINUTE });
    const [page] = await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    expect(page.orders[0]).toMatchObject({ status: "shipped", extra: { externallyFulfilled: true, externallyFulfilledBy: "Amazon" } });
  });
});

describe("Amazon buyer and address PII (Restricted Data Token)", () => {
  const SHIP_TO = { name: "Dana Whitfield", street1: "4417 N Lincoln Ave", street2: "Apt 3R", city: "Chicago", state: "IL", phone: "+1 773-555-0142 ext. 40316", residential: true };
  const rdtRequests = () => fake.requests.filter((request) => request.url.pathname === "/tokens/2021-03-01/restrictedDataToken");

  it("asks for an RDT for getOrders' buyerInfo and shippingAddress and reads the name, street and phone with it", async () => {
    const { store, sleep } = await setUp();
    fake.add(amazonFixture("mfn-unshipped"), { at: Date.now() - 30 * MINUTE });

    const [page] = await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });

    expect(page.orders[0].shipTo).toMatchObject(SHIP_TO);
    expect(page.orders[0]).toMatchObject({ customerUsername: "Dana Whitfield", customerEmail: "q8j2mnz4lkt7vxc@marketplace.amazon.com" });
    const [rdt] = rdtRequests();
    expect(rdt.method).toBe("POST");
    expect(rdt.headers["x-amz-access-token"]).toMatch(/^Atza\|/);
    expect(JSON.parse(rdt.body)).toEqual({ restrictedResources: [{ method: "GET", path: "/orders/v0/orders", dataElements: ["buyerInfo", "shippingAddress"] }] });
    expect(orderRequests()[0].headers["x-amz-access-token"]).toMatch(/^Atz\.sprdt\|/);
    // The items carry no PII Shipdeck reads: they keep the plain access token.
    expect(itemRequests()[0].headers["x-amz-access-token"]).toMatch(/^Atza\|/);
  });

  it("keeps using one RDT across pages and pulls until it nearly expires, then asks for a new one", async () => {
    const { store, sleep } = await setUp({ maxPageSize: 1 });
    amazonFixtures("mfn-unshipped", 3).forEach((entry, i) => fake.add(entry, { at: Date.now() - 30 * MINUTE + i * 1000 }));

    await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    expect(fake.restrictedDataTokensIssued()).toBe(1);
    expect(new Set(orderRequests().map((request) => request.headers["x-amz-access-token"])).size).toBe(1);

    // Issued for an hour: 59½ minutes on (for the fake and Shipdeck alike), it is too close to its end to be sent.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 59.5 * MINUTE });
    try {
      await pullAll(store, { since: Date.now() - 120 * MINUTE, sleep });
    } finally {
      vi.useRealTimers();
    }
    expect(fake.restrictedDataTokensIssued()).toBe(2);
  });

  it("gets a new RDT when Amazon says the cached one expired", async () => {
    const { store, sleep } = await setUp();
    fake.add(amazonFixture("mfn-unshipped"), { at: Date.now() - 30 * MINUTE });
    await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    fake.expireRestrictedDataTokens();

    const [page] = await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });

    expect(page.orders[0].shipTo).toMatchObject(SHIP_TO);
    expect(fake.restrictedDataTokensIssued()).toBe(2);
  });

  it("still imports the orders, without the PII, when the app is not approved for it", async () => {
    const { store, sleep } = await setUp({ approvedDataElements: [] });
    fake.add(amazonFixture("mfn-unshipped"), { at: Date.now() - 30 * MINUTE });

    const [page] = await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });
    await pullAll(store, { since: Date.now() - 60 * MINUTE, sleep });

    expect(page.orders[0].shipTo).toEqual({ city: "Chicago", state: "IL", postalCode: "60625-2034", country: "US" });
    expect(page.orders[0].customerUsername).toBeUndefined();
    expect(orderRequests()[0].headers["x-amz-access-token"]).toMatch(/^Atza\|/);
    // Refused once (and once more with a fresh access token), then not asked again on every pull.
    expect(rdtRequests()).toHaveLength(2);
  });

  it("is refused PII by the fake without an RDT, and an RDT for another path is refused outright", async () => {
    const { store } = await setUp();
    fake.add(amazonFixture("mfn-unshipped"), { at: Date.now() - 30 * MINUTE });
    await amazonConnector.testConnection(store);
    const accessToken = String(rdtRequests()[0].headers["x-amz-access-token"]);
    const params = new URLSearchParams({ MarketplaceIds: "ATVPDKIKX0DER", LastUpdatedAfter: new Date(Date.now() - 60 * MINUTE).toISOString() });

    const plain = await fetch(`${fake.url}/orders/v0/orders?${params}`, { headers: { "x-amz-access-token": accessToken } });
    const [order] = ((await plain.json()) as { payload: { Orders: Record<string, Record<string, unknown>>[] } }).payload.Orders;
    expect(order.ShippingAddress).toEqual({ City: "Chicago", StateOrRegion: "IL", PostalCode: "60625-2034", CountryCode: "US" });
    expect(order.BuyerInfo).toBeUndefined();

    const itemsOnly = await fetch(`${fake.url}/tokens/2021-03-01/restrictedDataToken`, {
      method: "POST",
      headers: { "x-amz-access-token": accessToken, "content-type": "application/json" },
      body: JSON.stringify({ restrictedResources: [{ method: "GET", path: "/orders/v0/orders/{orderId}/address", dataElements: ["shippingAddress"] }] }),
    });
    const { restrictedDataToken } = (await itemsOnly.json()) as { restrictedDataToken: string };
    const elsewhere = await fetch(`${fake.url}/orders/v0/orders?${params}`, { headers: { "x-amz-access-token": restrictedDataToken } });
    expect(elsewhere.status).toBe(403);
  });
});
