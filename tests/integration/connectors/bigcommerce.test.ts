import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bigcommerceConnector } from "@/lib/connectors/bigcommerce";
import { startBigCommerceFake, type BigCommerceFake } from "../../fakes/bigcommerce/server";
import { rfc2822 } from "../../fakes/bigcommerce/orders";
import { connectionTo, orderKeys, orderListQueries, pullAll } from "./bigcommerce-helpers";

let fake: BigCommerceFake;
let start: number;

beforeEach(async () => {
  fake = await startBigCommerceFake();
  start = fake.now();
});
afterEach(() => fake.close());

describe("BigCommerce connection test", () => {
  it("passes with the store hash and token, asking for one order with X-Auth-Token", async () => {
    fake.add();
    expect(await bigcommerceConnector.testConnection(connectionTo(fake))).toEqual({ ok: true });
    const [request] = fake.requests;
    expect(request.url.pathname).toBe(`/stores/${fake.storeHash}/v2/orders`);
    expect(request.url.searchParams.get("limit")).toBe("1");
    expect(request.headers["x-auth-token"]).toBe(fake.accessToken);
    expect(request.headers.accept).toBe("application/json");
  });

  it("passes for a store with no orders yet (204 No Content)", async () => {
    expect(await bigcommerceConnector.testConnection(connectionTo(fake))).toEqual({ ok: true });
    expect(fake.answers.map((answer) => answer.status)).toContain(204);
  });

  it("fails in plain words with a wrong token, without repeating it", async () => {
    const check = await bigcommerceConnector.testConnection(connectionTo(fake, { accessToken: "wrong-token-5e1b" }));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toMatch(/BigCommerce refused the credentials/);
    expect(check.message).not.toContain("wrong-token-5e1b");
    expect(fake.answers[0].status).toBe(401);
  });

  it("fails when the store hash is wrong or the credentials are missing", async () => {
    const wrongStore = await bigcommerceConnector.testConnection(connectionTo(fake, { storeHash: "nope123" }));
    expect(wrongStore).toMatchObject({ ok: false, message: expect.stringMatching(/404.*Check the store's address/) });
    const missing = await bigcommerceConnector.testConnection({ ...connectionTo(fake), credentials: { storeHash: fake.storeHash } });
    expect(missing).toEqual({ ok: false, message: expect.stringMatching(/store hash and an access token/) });
  });

  it("works with an Orders read-only account, which may not read /v2/store", async () => {
    const store = await fetch(`${fake.url}/stores/${fake.storeHash}/v2/store`, { headers: { "X-Auth-Token": fake.accessToken, Accept: "application/json" } });
    expect(store.status).toBe(403);
    expect(await bigcommerceConnector.testConnection(connectionTo(fake))).toEqual({ ok: true });
  });
});

describe("BigCommerce pull", () => {
  it("returns every order once across several pages", async () => {
    for (let i = 0; i < 520; i++) fake.add({ products: [{}] });
    const pages = await pullAll(fake, start);
    const keys = orderKeys(pages);
    expect(keys).toHaveLength(520);
    expect(new Set(keys).size).toBe(520);
    // Each page after the first starts at the previous page's latest change, so its first order is read again and dropped.
    expect(pages.map((page) => page.orders.length)).toEqual([250, 249, 21]);
  });

  it("asks with BigCommerce's own filters, sort and page size, and moves the cursor to each page's latest change", async () => {
    for (let i = 0; i < 260; i++) fake.add({ products: [{}] });
    const pages = await pullAll(fake, start);
    expect(orderKeys(pages)).toHaveLength(260);
    const queries = orderListQueries(fake);
    expect(queries[0]).toEqual({ min_date_modified: rfc2822(start), max_date_modified: rfc2822(fake.now() + 1000), sort: "date_modified:asc", limit: "250", page: "1" });
    expect(queries[0].min_date_modified).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    for (const page of pages) {
      expect(page.cursorAfter).toBe(Math.max(...page.orders.map((order) => order.channelModifiedAt as number)));
    }
    expect(pages[1].cursorAfter).toBeGreaterThan(pages[0].cursorAfter as number);
    // The second page starts again from the first page's latest change.
    expect(queries[1]).toMatchObject({ min_date_modified: rfc2822(pages[0].cursorAfter as number), page: "1" });
  });

  it("brings back only the orders changed since `since`", async () => {
    const [first] = [fake.add(), fake.add(), fake.add()];
    fake.advance(60_000);
    const since = fake.now();
    fake.update(first.id as number, { customer_message: "Gift wrap, please." });
    const added = fake.add();
    const pages = await pullAll(fake, since);
    expect(orderKeys(pages)).toEqual([String(first.id), String(added.id)]);
    expect(pages[0].orders[0].customerNotes).toBe("Gift wrap, please.");
    expect(orderListQueries(fake)[0].min_date_modified).toBe(rfc2822(since));
  });

  it("does not skip an order when another changes between pages", async () => {
    const orders = Array.from({ length: 300 }, () => fake.add({ products: [{}] }));
    fake.onOrdersListed((page) => {
      if (page === 1 && orderListQueries(fake).length === 1) fake.update(orders[5].id as number, { staff_notes: "checked" });
    });
    const keys = orderKeys(await pullAll(fake, start));
    expect(new Set(keys)).toEqual(new Set(orders.map((order) => String(order.id))));
  });

  it("gets through a page whose orders all changed in the same second", async () => {
    const sameSecond = await startBigCommerceFake({ tickMs: 0 });
    try {
      for (let i = 0; i < 260; i++) sameSecond.add({ products: [{}] });
      const pages = await pullAll(sameSecond, sameSecond.now() - 1000);
      expect(new Set(orderKeys(pages)).size).toBe(260);
      expect(orderKeys(pages)).toHaveLength(260);
      // The window cannot move past that second, so the next page is asked for instead (after one re-read from it).
      expect(orderListQueries(sameSecond).map((query) => [query.page, query.min_date_modified])).toEqual([
        ["1", rfc2822(sameSecond.now() - 1000)],
        ["1", rfc2822(sameSecond.now())],
        ["2", rfc2822(sameSecond.now())],
      ]);
    } finally {
      await sameSecond.close();
    }
  });

  it("reports an order cancelled on BigCommerce as cancelled, and a reactivated one as open again", async () => {
    const order = fake.add();
    fake.cancel(order.id as number);
    const cancelledAt = fake.now();
    const [cancelled] = (await pullAll(fake, start)).flatMap((page) => page.orders);
    expect(cancelled).toMatchObject({ orderKey: String(order.id), status: "cancelled" });

    fake.reactivate(order.id as number);
    const [reactivated] = (await pullAll(fake, cancelledAt)).flatMap((page) => page.orders);
    expect(reactivated).toMatchObject({ orderKey: String(order.id), status: "awaiting_shipment" });
    expect(reactivated.channelModifiedAt).toBeGreaterThan(cancelled.channelModifiedAt as number);
  });

  it("brings back an archived order as cancelled, though the default listing leaves it out", async () => {
    const [kept, archived] = [fake.add(), fake.add()];
    fake.advance(60_000);
    const since = fake.now();
    fake.archive(archived.id as number);
    fake.update(kept.id as number, { staff_notes: "checked" });

    const pages = await pullAll(fake, since);

    expect(pages.flatMap((page) => page.orders).map((order) => [order.orderKey, order.status])).toEqual([
      [String(archived.id), "cancelled"],
      [String(kept.id), "awaiting_shipment"],
    ]);
    // Archived orders are read first and move no cursor; the main listing, read to its end, does.
    expect(pages[0].cursorAfter).toBeNull();
    expect(pages.at(-1)!.cursorAfter).not.toBeNull();
    expect(orderListQueries(fake, true)).toEqual([expect.objectContaining({ is_deleted: "true", min_date_modified: rfc2822(since), sort: "date_modified:asc" })]);
    expect(orderListQueries(fake).map((query) => query.is_deleted)).toEqual([undefined]);
  });

  it("skips Incomplete checkouts without asking for their products, yet moves the cursor past them", async () => {
    const incomplete = fake.add({ status_id: 0 });
    const pages = await pullAll(fake, start);
    expect(pages).toEqual([{ orders: [], cursorAfter: Date.parse(String(incomplete.date_modified)) }]);
    expect(fake.requests.some((request) => request.url.pathname.includes(`/orders/${incomplete.id}/`))).toBe(false);
  });

  it("maps products and the shipping address fetched for each order, paging long product lists", async () => {
    const many = fake.add({ products: Array.from({ length: 260 }, (_, i) => ({ sku: `SKU-${i}` })) });
    const digital = fake.add({ shippingAddresses: [], order_is_digital: true });
    const orders = (await pullAll(fake, start, { credentials: { weightUnit: "KGS" } })).flatMap((page) => page.orders);
    const [first, second] = orders;
    expect(first.orderKey).toBe(String(many.id));
    expect(first.items).toHaveLength(260);
    expect(first.items?.[259].sku).toBe("SKU-259");
    expect(first.items?.[0].weightOz).toBe(29.983);
    expect(first.shipTo?.name).toBe("Daniel Okafor");
    expect(second).toMatchObject({ orderKey: String(digital.id), shipTo: null });
    expect(fake.requests.filter((request) => request.url.pathname.endsWith(`/orders/${many.id}/products`)).map((request) => request.url.searchParams.get("page"))).toEqual(["1", "2"]);
  });

  it("yields nothing when no order changed", async () => {
    expect(await pullAll(fake, start)).toEqual([]);
  });
});
