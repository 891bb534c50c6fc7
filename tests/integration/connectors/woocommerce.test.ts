import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { woocommerceConnector } from "@/lib/connectors/woocommerce";
import { listWooOrdersModified } from "@/lib/connectors/woocommerce/client";
import { ConnectorError, type PulledPage, type PullOptions, type StoreConnection } from "@/lib/connectors/types";
import { startWooCommerceFake, type WooCommerceFake } from "../../fakes/woocommerce/server";

let fake: WooCommerceFake;
let slept: number[];
const sleep = async (ms: number) => void slept.push(ms);

beforeEach(async () => {
  fake = await startWooCommerceFake();
  slept = [];
});
afterEach(() => fake.close());

function storeFor(credentials: Record<string, string> = { consumerKey: fake.consumerKey, consumerSecret: fake.consumerSecret }): StoreConnection {
  return { platform: "woocommerce", baseUrl: `${fake.url}/`, credentials };
}

async function pullAll(options: Partial<PullOptions> = {}, store = storeFor()): Promise<PulledPage[]> {
  const pages: PulledPage[] = [];
  for await (const page of woocommerceConnector.pull(store, { since: 0, until: fake.now() + 1000, sleep, ...options })) pages.push(page);
  return pages;
}

const keysOf = (pages: PulledPage[]) => pages.flatMap((page) => page.orders.map((order) => order.orderKey));

async function pullError(options: Partial<PullOptions> = {}): Promise<ConnectorError> {
  const error = await pullAll(options).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe("WooCommerce testConnection", () => {
  it("succeeds with the store's key, sent as HTTP Basic auth", async () => {
    expect(await woocommerceConnector.testConnection(storeFor())).toEqual({ ok: true });
    const [request] = fake.requests;
    expect(request.url.pathname).toBe("/wp-json/wc/v3/orders");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${fake.consumerKey}:${fake.consumerSecret}`).toString("base64")}`);
  });

  it("explains a wrong key or secret in plain words without echoing them", async () => {
    for (const credentials of [
      { consumerKey: "ck_wrong", consumerSecret: fake.consumerSecret },
      { consumerKey: fake.consumerKey, consumerSecret: "cs_wrong" },
    ]) {
      const check = await woocommerceConnector.testConnection(storeFor(credentials));
      expect(check.ok).toBe(false);
      const message = (check as { message: string }).message;
      expect(message).toMatch(/refused the consumer key and secret/);
      expect(message).not.toContain("cs_");
      expect(message).not.toContain("ck_");
    }
  });

  it("refuses a key that can only write", async () => {
    await fake.close();
    fake = await startWooCommerceFake({ writeOnlyKeys: { ck_writer: "cs_writer" } });
    const check = await woocommerceConnector.testConnection(storeFor({ consumerKey: "ck_writer", consumerSecret: "cs_writer" }));
    expect(check).toEqual({ ok: false, message: expect.stringMatching(/Read access/) });
  });

  it("asks for missing credentials and for HTTPS before sending anything", async () => {
    expect(await woocommerceConnector.testConnection(storeFor({ consumerKey: fake.consumerKey }))).toEqual({ ok: false, message: expect.stringMatching(/consumer secret are both needed/) });
    const plainHttp = { ...storeFor(), baseUrl: "http://shop.example.com" };
    expect(await woocommerceConnector.testConnection(plainHttp)).toEqual({ ok: false, message: expect.stringMatching(/only over HTTPS/) });
    expect(fake.requests).toHaveLength(0);
  });

  it("says when the address has no WooCommerce API or is not a store", async () => {
    const check = await woocommerceConnector.testConnection({ ...storeFor(), baseUrl: `${fake.url}/not-here` });
    expect(check).toEqual({ ok: false, message: expect.stringMatching(/No WooCommerce REST API was found/) });
    fake.malformNext("html");
    expect((await woocommerceConnector.testConnection(storeFor())).ok).toBe(false);
  });
});

describe("WooCommerce pull", () => {
  it("reads several pages, oldest change first, and returns every order once", async () => {
    const added = fake.addMany(250);
    const pages = await pullAll();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const keys = keysOf(pages);
    expect(keys).toHaveLength(250);
    expect(new Set(keys)).toEqual(new Set(added.map((order) => String(order.id))));
    const modified = pages.flatMap((page) => page.orders.map((order) => order.channelModifiedAt!));
    expect(modified).toEqual([...modified].sort((a, b) => a - b));
    for (const query of fake.listQueries()) expect(query.per_page).toBe("100");
  });

  it("moves the cursor to each page's newest change and never past an order still to come", async () => {
    fake.addMany(230);
    const pages = await pullAll();
    let previous = 0;
    pages.forEach((page, index) => {
      expect(page.cursorAfter).toBe(Math.max(...page.orders.map((order) => order.channelModifiedAt!)));
      expect(page.cursorAfter!).toBeGreaterThanOrEqual(previous);
      const later = pages.slice(index + 1).flatMap((next) => next.orders.map((order) => order.channelModifiedAt!));
      for (const modifiedAt of later) expect(modifiedAt).toBeGreaterThanOrEqual(page.cursorAfter!);
      previous = page.cursorAfter!;
    });
  });

  it("asks only for orders changed since the cursor, with WooCommerce's GMT date filters", async () => {
    const old = fake.addMany(5);
    fake.advance(60_000);
    const since = fake.now() + 1; // mid-second: the filter must still include this whole second
    fake.update(old[1].id, { customer_note: "Ring twice" });
    fake.cancel(old[3].id);
    const created = fake.add();
    const until = fake.now() + 1000;

    const pages = await pullAll({ since, until });
    expect(keysOf(pages).sort()).toEqual([old[1].id, old[3].id, created.id].map(String).sort());
    expect(fake.listQueries().find((query) => !query.status)).toEqual({
      modified_after: new Date(Math.floor(since / 1000) * 1000 - 1000).toISOString().slice(0, 19),
      modified_before: new Date(until).toISOString().slice(0, 19),
      dates_are_gmt: "true",
      orderby: "modified",
      order: "asc",
      per_page: "100",
      page: "1",
    });
  });

  it("returns nothing when nothing changed", async () => {
    fake.addMany(3);
    fake.advance(60_000);
    expect(await pullAll({ since: fake.now() })).toEqual([]);
  });

  it("walks a bulk change of more orders than a page, all in one second", async () => {
    const early = fake.addMany(30);
    const bulk = fake.batch(() => fake.addMany(170));
    const late = fake.addMany(20);
    const keys = keysOf(await pullAll());
    expect(keys).toHaveLength(220);
    expect(new Set(keys).size).toBe(220);
    expect(new Set(keys)).toEqual(new Set([...early, ...bulk, ...late].map((order) => String(order.id))));
  });

  it("misses no order when one already read changes again mid-pull", async () => {
    const added = fake.addMany(250);
    const until = fake.now() + 1000;
    let lists = 0;
    // While the second page is asked for, order #10 changes: it leaves the window and every later order moves up.
    fake.beforeList = ({ url }) => {
      if (url.searchParams.get("status") !== "trash" && ++lists === 2) fake.update(added[9].id, { status: "completed" });
    };
    const keys = new Set(keysOf(await pullAll({ until })));
    for (const order of added) expect(keys.has(String(order.id))).toBe(true);
  });

  it("waits out a 429 for its Retry-After, then carries on", async () => {
    fake.addMany(3);
    fake.rateLimitNext(2, 3);
    expect(keysOf(await pullAll())).toHaveLength(3);
    expect(slept).toEqual([3000, 3000]);
  });

  it("retries a server error", async () => {
    fake.addMany(3);
    fake.failNext(1, 503);
    expect(keysOf(await pullAll())).toHaveLength(3);
    expect(slept).toHaveLength(1);
  });

  it("gives up on a refused key with an auth error", async () => {
    fake.addMany(1);
    const error = await pullAll({}, storeFor({ consumerKey: "ck_wrong", consumerSecret: "cs_wrong" })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ConnectorError", kind: "auth" });
    expect((error as Error).message).not.toContain("cs_wrong");
  });

  it.each(["html", "object", "order-without-dates"] as const)("turns a malformed answer (%s) into a ConnectorError", async (kind) => {
    fake.addMany(2);
    fake.malformNext(kind);
    expect(await pullError()).toMatchObject({ kind: "bad_response" });
  });

  it("reports a parameter WooCommerce rejects", async () => {
    const store = storeFor();
    const pages = listWooOrdersModified(store, { since: 0, until: fake.now(), pageSize: 500, sleep });
    const error = await pages.next().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "bad_response", message: expect.stringMatching(/rest_invalid_param.*per_page/) });
  });

  it("brings back an order cancelled in WooCommerce as cancelled, and a reactivated one as open", async () => {
    const [order] = fake.addMany(1);
    fake.advance(60_000);
    const since = fake.now();
    fake.cancel(order.id);
    const [cancelled] = (await pullAll({ since })).flatMap((page) => page.orders);
    expect(cancelled).toMatchObject({ orderKey: String(order.id), status: "cancelled" });

    const afterCancel = fake.now() + 1000;
    fake.advance(60_000);
    fake.reactivate(order.id);
    const [reopened] = (await pullAll({ since: afterCancel })).flatMap((page) => page.orders);
    expect(reopened).toMatchObject({ orderKey: String(order.id), status: "awaiting_shipment" });
    expect(reopened.channelModifiedAt).toBeGreaterThan(cancelled.channelModifiedAt!);
  });

  it("brings back an order moved to the bin as cancelled, though WooCommerce's default listing leaves it out", async () => {
    const [order, other] = fake.addMany(2);
    fake.advance(60_000);
    const since = fake.now();
    fake.trash(order.id);
    const until = fake.now() + 1000;
    fake.update(other.id, { customer_note: "Leave at the door" });

    const pages = await pullAll({ since });

    expect(pages.flatMap((page) => page.orders).map((o) => [o.orderKey, o.status])).toEqual([
      [String(order.id), "cancelled"],
      [String(other.id), "awaiting_shipment"],
    ]);
    // The bin is read first and moves no cursor: only the main listing, read to the end, does.
    expect(pages[0].cursorAfter).toBeNull();
    expect(pages.at(-1)!.cursorAfter).toBeGreaterThanOrEqual(until - 1000);
    expect(fake.listQueries().filter((query) => query.status === "trash")).toEqual([expect.objectContaining({ modified_after: expect.any(String), orderby: "modified" })]);
  });

  it("is held by the fake to WooCommerce's listing: trashed orders only when status=trash is asked", async () => {
    const [kept, binned] = fake.addMany(2);
    fake.trash(binned.id);
    const list = async (query: string) => {
      const response = await fetch(`${fake.url}/wp-json/wc/v3/orders${query}`, { headers: { authorization: `Basic ${Buffer.from(`${fake.consumerKey}:${fake.consumerSecret}`).toString("base64")}` } });
      return ((await response.json()) as { id: number }[]).map((o) => o.id);
    };
    expect(await list("")).toEqual([kept.id]);
    expect(await list("?status=any")).toEqual([kept.id]);
    expect(await list("?status=trash")).toEqual([binned.id]);
    fake.deletePermanently(binned.id);
    expect(await list("?status=trash")).toEqual([]);
  });

  it("skips checkout drafts but lets the cursor pass them", async () => {
    fake.add();
    const draft = fake.add({ status: "checkout-draft" });
    const pages = await pullAll();
    expect(keysOf(pages)).not.toContain(String(draft.id));
    expect(pages.at(-1)!.cursorAfter).toBe(Date.parse(`${draft.date_modified_gmt}Z`));
  });

  it("maps the fake's orders to valid Shipdeck orders", async () => {
    fake.add({}, 0);
    fake.add({}, 1);
    const [card, transfer] = (await pullAll()).flatMap((page) => page.orders);
    expect(card).toMatchObject({ status: "awaiting_shipment", orderTotal: 5132, requestedShippingService: "USPS Priority Mail", currency: "USD" });
    expect(card.items![0].options).toEqual([{ name: "Glaze", value: "Slate" }]);
    expect(transfer).toMatchObject({ status: "on_hold", paymentDate: null, currency: "CAD", shipTo: expect.objectContaining({ city: "Montréal", phone: "+1 514 555 0199" }) });
    expect(transfer.items![0].options).toEqual([{ name: "Engraving", value: "Gagnon & Fils" }]);
  });
});
