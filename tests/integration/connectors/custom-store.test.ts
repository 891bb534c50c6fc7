import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { customStoreConnector } from "@/lib/connectors/custom-store";
import { ConnectorError, type PulledPage, type StoreConnection } from "@/lib/connectors/types";
import { startCustomStoreFake, type CustomStoreFake, type CustomStoreFakeOptions } from "@/tests/fakes/custom-store/server";

const USERNAME = "shipstation";
const PASSWORD = "s3cret-Pa55word";
const MAPPING = { unpaid: "pending", paid: "paid,processing", shipped: "shipped,complete", cancelled: "cancelled", onHold: "on-hold" };
const START = Date.UTC(2025, 2, 10, 15, 0);

let fake: CustomStoreFake;
async function startFake(options: CustomStoreFakeOptions = {}) {
  fake = await startCustomStoreFake({ username: USERNAME, password: PASSWORD, startAt: START, ...options });
  return fake;
}
afterEach(async () => {
  await fake?.close();
  vi.restoreAllMocks();
});
beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

function store(overrides: Partial<StoreConnection> = {}): StoreConnection {
  return { platform: "custom_store", baseUrl: fake.endpoint, credentials: { username: USERNAME, password: PASSWORD }, statusMapping: MAPPING, ...overrides };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

async function pullAll(connection: StoreConnection, since: number, until: number, sleep = recordingSleep().sleep): Promise<PulledPage[]> {
  const pages: PulledPage[] = [];
  for await (const page of customStoreConnector.pull(connection, { since, until, sleep })) pages.push(page);
  return pages;
}

const exportCalls = () => fake.requests.map((request) => request.url.searchParams);

describe("custom store connection test", () => {
  it("asks for the last minute's export with HTTP Basic and accepts a well-formed answer", async () => {
    await startFake();
    expect(await customStoreConnector.testConnection(store())).toEqual({ ok: true });
    const [request] = fake.requests;
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")}`);
    expect(request.url.searchParams.get("action")).toBe("export");
    expect(request.url.searchParams.get("page")).toBe("1");
    expect(request.url.searchParams.get("start_date")).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it("says the credentials were refused, in plain words and without the password", async () => {
    await startFake();
    const result = await customStoreConnector.testConnection(store({ credentials: { username: USERNAME, password: "wrong-Pa55" } }));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/refused the credentials \(401\)\. Check them in the store's settings/) });
    expect(JSON.stringify(result)).not.toContain("wrong-Pa55");
  });

  it("explains a store that answers 200 with a web page instead of XML", async () => {
    await startFake();
    fake.respondNext("login-page.html", "text/html; charset=UTF-8");
    const result = await customStoreConnector.testConnection(store());
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/answered with a web page \(HTML\) instead of order XML/) });
  });

  it("names the path when the endpoint is not there", async () => {
    await startFake();
    const result = await customStoreConnector.testConnection(store({ baseUrl: `${fake.url}/shipstation-old.php` }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining("404 for /shipstation-old.php") });
  });
});

describe("custom store pull", () => {
  it("reads every page once and moves the cursor only after the last one, to `until`", async () => {
    await startFake({ pageSize: 3 });
    const added = Array.from({ length: 7 }, () => fake.add());
    const until = fake.now() + 30_000;
    const pages = await pullAll(store(), START - 3_600_000, until);

    expect(pages.map((page) => page.orders.length)).toEqual([3, 3, 1]);
    expect(pages.map((page) => page.cursorAfter)).toEqual([null, null, until]);
    const keys = pages.flatMap((page) => page.orders.map((order) => order.orderKey));
    expect(keys.sort()).toEqual(added.map((order) => order.orderId).sort());
    expect(exportCalls().map((params) => params.get("page"))).toEqual(["1", "2", "3"]);
    expect(pages[0].orders[0]).toMatchObject({ orderNumber: "CS-7001", status: "awaiting_shipment", channelModifiedAt: added[0].lastModified, orderTotal: 3100 });
  });

  it("asks only for orders changed since the cursor, with ShipStation's start_date and end_date", async () => {
    await startFake();
    const orders = Array.from({ length: 5 }, () => fake.add());
    const firstUntil = fake.now() + 90_000; // last change 15:05, pulled until 15:06:30
    expect((await pullAll(store(), START, firstUntil)).flatMap((page) => page.orders)).toHaveLength(5);

    fake.advance(120_000);
    fake.update(orders[1].orderId, { orderTotal: "99.00" });
    fake.update(orders[3].orderId, { shipTo: { ...orders[3].shipTo, address2: "Apt 2" } });
    fake.requests.length = 0;
    const pages = await pullAll(store(), firstUntil, fake.now() + 30_000); // changes at 15:08 and 15:09, until 15:09:30

    const changed = pages.flatMap((page) => page.orders);
    expect(changed.map((order) => order.orderKey)).toEqual([orders[1].orderId, orders[3].orderId]);
    expect(changed[0].orderTotal).toBe(9900);
    expect(changed[1].shipTo?.street2).toBe("Apt 2");
    const [request] = fake.requests;
    expect(request.url.search).toContain("start_date=03%2F10%2F2025%2015%3A06&end_date=03%2F10%2F2025%2015%3A10");
  });

  it("waits out a 429 for the store's Retry-After and tries again", async () => {
    await startFake();
    fake.add();
    fake.rateLimitNext(2, 7);
    const { waits, sleep } = recordingSleep();
    const pages = await pullAll(store(), START, fake.now() + 30_000, sleep);
    expect(waits).toEqual([7_000, 7_000]);
    expect(pages[0].orders).toHaveLength(1);
    expect(fake.requests).toHaveLength(3);
  });

  it("retries a 5xx with backoff", async () => {
    await startFake();
    fake.add();
    fake.failNext(2, 503);
    const { waits, sleep } = recordingSleep();
    const pages = await pullAll(store(), START, fake.now() + 30_000, sleep);
    expect(waits).toEqual([500, 1_000]);
    expect(pages[0].orders).toHaveLength(1);
  });

  it("fails a pull on malformed XML with the line, after committing nothing past the cursor", async () => {
    await startFake({ pageSize: 2 });
    for (let i = 0; i < 3; i++) fake.add();
    const pages = customStoreConnector.pull(store(), { since: START, until: fake.now() + 30_000 })[Symbol.asyncIterator]();
    const first = await pages.next();
    expect(first.value).toMatchObject({ cursorAfter: null });
    fake.respondNext("truncated.xml");
    const failure = pages.next();
    await expect(failure).rejects.toThrow(ConnectorError);
    await expect(failure).rejects.toThrow(/^The store's XML could not be read: .* at line 21\.$/);
  });

  it.each([
    ["a login page", "login-page.html", /web page \(HTML\)/],
    ["JSON", '{"orders":[]}', /XML could not be read/],
    ["a PHP warning before the XML", "php-warning.xml", /printed something before it/],
  ])("turns %s into a ConnectorError, not a crash", async (_what, body, message) => {
    await startFake();
    fake.respondNext(body, "text/html");
    await expect(pullAll(store(), START, fake.now())).rejects.toThrow(message);
  });

  it("fails with an auth error when the store refuses the credentials", async () => {
    await startFake();
    const pull = pullAll(store({ credentials: { username: USERNAME, password: "nope" } }), START, fake.now());
    await expect(pull).rejects.toMatchObject({ kind: "auth" });
  });

  it("reads an empty <Orders/> as one page without orders, and moves the cursor", async () => {
    await startFake();
    const until = fake.now() + 30_000;
    expect(await pullAll(store(), START, until)).toEqual([{ orders: [], cursorAfter: until }]);
    fake.respondNext("empty-orders.xml");
    expect(await pullAll(store(), START, until)).toEqual([{ orders: [], cursorAfter: until }]);
  });

  it("brings back an order cancelled in the store as cancelled, and a reactivated one as open", async () => {
    await startFake();
    const order = fake.add({ status: "processing" });
    const status = async () => (await pullAll(store(), START, fake.now() + 30_000)).flatMap((page) => page.orders)[0]?.status;
    expect(await status()).toBe("awaiting_shipment");
    fake.cancel(order.orderId);
    expect(await status()).toBe("cancelled");
    fake.reactivate(order.orderId);
    expect(await status()).toBe("awaiting_shipment");
  });

  it("skips orders whose status is in none of the merchant's lists, and says so in the log", async () => {
    await startFake();
    const kept = fake.add({ status: "pending" });
    fake.add({ status: "quote" });
    fake.add({ status: "Paid" }); // the lists are case-sensitive
    const pages = await pullAll(store(), START, fake.now() + 30_000);
    expect(pages.flatMap((page) => page.orders).map((order) => [order.orderKey, order.status])).toEqual([[kept.orderId, "awaiting_payment"]]);
    expect(console.info).toHaveBeenCalledWith(expect.stringMatching(/skipped 2 order\(s\).*"quote", "Paid"/));
  });

  it("reads one order with one item and one option, XML sent as text/html with 24-hour dates", async () => {
    await startFake({ contentType: "text/html; charset=UTF-8", dateStyle: "24h" });
    const added = fake.add({ items: [{ sku: "TEE-M", name: "Tee, medium", quantity: 1, unitPrice: "18.00", weight: "0.5", weightUnits: "Pounds", options: [{ name: "Color", value: "Heather ]]> grey" }] }] });
    const [order] = (await pullAll(store(), START, fake.now() + 30_000)).flatMap((page) => page.orders);
    expect(order.orderDate).toBe(added.orderDate);
    expect(order.items).toEqual([expect.objectContaining({ sku: "TEE-M", weightOz: 8, unitPrice: 1800, options: [{ name: "Color", value: "Heather ]]> grey" }] })]);
  });
});
