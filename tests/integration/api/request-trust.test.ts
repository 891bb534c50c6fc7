import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/database";
import { MAX_JSON_DEPTH } from "@/lib/errors";
import { apiClient, basicAuth, callRoute, createApiCredentials, orderBody, rateLimitHeaders } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function merchantWithKey() {
  const merchant = await createMerchant();
  const credentials = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, credentials, api: apiClient(credentials.authorization) };
}

async function ordersOf(workspaceId: string) {
  return db.read.selectFrom("orders").select(["order_key", "order_number", "customer_notes"]).where("workspace_id", "=", workspaceId).orderBy("id").execute();
}

const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";

describe("NUL and lone surrogates", () => {
  it("createorder refuses them in the order key, number and notes with an error naming the field, and stores nothing", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const cases: [Record<string, unknown>, string][] = [
      [{ orderKey: "key\u0000tail" }, "orderKey"],
      [{ orderKey: `key${LONE_HIGH}` }, "orderKey"],
      [{ orderKey: `${LONE_LOW}key` }, "orderKey"],
      [{ orderNumber: "A-1\u0000" }, "orderNumber"],
      [{ customerNotes: "Leave at the door\u0000 please" }, "customerNotes"],
      [{ shipTo: { name: `Grace${LONE_HIGH}`, country: "US" } }, "shipTo.name"],
      [{ items: [{ name: "Mug\u0000", quantity: 1, unitPrice: 1 }] }, "items.0.name"],
    ];
    for (const [overrides, field] of cases) {
      const response = await api.createOrder(orderBody(overrides));
      expect(response.status, field).toBe(400);
      expect(response.json.code).toBe("invalid_input");
      expect(response.json.fieldErrors[field]?.[0], field).toMatch(/NUL|surrogate/);
    }
    expect(await ordersOf(workspaceId)).toEqual([]);
  });

  it("keeps a real surrogate pair (an emoji) as sent", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const response = await api.createOrder(orderBody({ orderKey: "gift-🎁", customerNotes: "🎁 wrap it" }));
    expect(response.status).toBe(200);
    expect(await ordersOf(workspaceId)).toMatchObject([{ order_key: "gift-🎁", customer_notes: "🎁 wrap it" }]);
  });

  it("createorders fails only the order carrying one; the others are stored, and re-sending the batch answers the same", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const bodies = [
      orderBody({ orderNumber: "OK-1", orderKey: "ok-1" }),
      orderBody({ orderNumber: "BAD-1", orderKey: "bad\u0000key" }),
      orderBody({ orderNumber: "BAD-2", orderKey: `bad${LONE_HIGH}key` }),
      orderBody({ orderNumber: "OK-2", orderKey: "ok-2" }),
    ];
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await api.createOrders(bodies);
      expect(response.status).toBe(200);
      expect(response.json.hasErrors).toBe(true);
      expect(response.json.results.map((result: { success: boolean }) => result.success)).toEqual([true, false, false, true]);
      expect(response.json.results[1].errorMessage).toMatch(/orderKey.*NUL/);
      expect(response.json.results[2].errorMessage).toMatch(/orderKey.*surrogate/);
    }
    expect((await ordersOf(workspaceId)).map((order) => order.order_key)).toEqual(["ok-1", "ok-2"]);
  });

  it("GET /orders answers 400 naming the parameter for a search term carrying one", async () => {
    const { api } = await merchantWithKey();
    // (A query string is UTF-8 on the wire: a lone surrogate can't be written in one, and bytes
    // that try to decode to U+FFFD.)
    for (const parameter of ["customerName", "itemKeyword", "orderNumber"]) {
      const response = await api.listOrders({ [parameter]: "gra\u0000ce" });
      expect(response.status, parameter).toBe(400);
      expect(response.json.fieldErrors).toEqual({ [parameter]: [expect.stringContaining("NUL")] });
    }
    expect((await api.listOrders({ customerName: "grace" })).status).toBe(200);
  });

  it("the action bodies refuse them too", async () => {
    const { api } = await merchantWithKey();
    const created = await api.createOrder(orderBody());
    const ship = await api.markAsShipped({ orderId: created.json.orderId, carrierCode: "usps", trackingNumber: "9400\u0000" });
    expect(ship.status).toBe(400);
    expect(Object.keys(ship.json.fieldErrors)).toEqual(["trackingNumber"]);
  });
});

/** `depth` arrays inside each other around an empty object. */
const nested = (depth: number) => `${"[".repeat(depth)}{}${"]".repeat(depth)}`;

describe("deeply nested JSON", () => {
  it("is refused with 400 naming the nesting, on createorder and createorders, before any parsing recursion", async () => {
    const { api } = await merchantWithKey();
    for (const response of [await api.createOrder(undefined, nested(5000)), await api.createOrders(undefined, nested(5000)), await api.createOrders(undefined, `[${'{"a":'.repeat(5000)}1${"}".repeat(5000)}]`)]) {
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ message: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH} levels`), code: "invalid_input" });
    }
  });

  it("counts brackets inside strings as text, so an order whose notes are full of them is accepted", async () => {
    const { api } = await merchantWithKey();
    const response = await api.createOrder(orderBody({ customerNotes: "[[[[{{{{".repeat(100) + '\\" ]' }));
    expect(response.status).toBe(200);
  });
});

describe("Content-Type on API writes", () => {
  async function post(authorization: string, rawBody: string, headers: Record<string, string>) {
    const { POST } = await import("@/app/api/v1/orders/createorder/route");
    return callRoute(POST, "/api/v1/orders/createorder", { method: "POST", authorization, rawBody, headers });
  }

  it("refuses a body that is not declared JSON with 415, as a cross-site form would send it, and stores nothing", async () => {
    const { workspaceId, credentials } = await merchantWithKey();
    const body = JSON.stringify(orderBody());
    for (const contentType of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/jsonp"]) {
      const response = await post(credentials.authorization, body, { "content-type": contentType });
      expect(response.status, contentType).toBe(415);
      expect(response.json).toEqual({ message: expect.stringContaining("application/json"), code: "unsupported_media_type" });
      expect(rateLimitHeaders(response).limit).not.toBeNull();
    }
    // A body with a length but no type (an empty header: the helper otherwise declares JSON).
    const untyped = await post(credentials.authorization, body, { "content-type": "", "content-length": String(Buffer.byteLength(body)) });
    expect(untyped.status).toBe(415);
    expect(await ordersOf(workspaceId)).toEqual([]);
  });

  it("accepts application/json with a charset, in any case, and a body starting with a byte order mark", async () => {
    const { workspaceId, credentials } = await merchantWithKey();
    for (const contentType of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\""]) {
      expect((await post(credentials.authorization, JSON.stringify(orderBody()), { "content-type": contentType })).status, contentType).toBe(200);
    }
    const withBom = await post(credentials.authorization, `\uFEFF${JSON.stringify(orderBody({ orderKey: "bom-1" }))}`, { "content-type": "application/json" });
    expect(withBom.status).toBe(200);
    expect(withBom.json.orderKey).toBe("bom-1");
    expect(await ordersOf(workspaceId)).toHaveLength(4);
  });

  it("lets a write without a body through: refreshstore takes its query string", async () => {
    const { credentials, manualStoreId } = await merchantWithKey();
    const { POST } = await import("@/app/api/v1/stores/refreshstore/route");
    const response = await callRoute(POST, "/api/v1/stores/refreshstore", { method: "POST", authorization: credentials.authorization, query: { storeId: manualStoreId } });
    expect(response.status).not.toBe(415);
    const emptyForm = await callRoute(POST, "/api/v1/stores/refreshstore", {
      method: "POST",
      authorization: credentials.authorization,
      query: { storeId: manualStoreId },
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "0" },
    });
    expect(emptyForm.status).toBe(response.status);
  });
});

describe("rate limits per workspace and per address", () => {
  const saved = { ...process.env };

  beforeEach(() => {
    // Every call in the middle of one window, so a test that straddles a minute boundary doesn't flake.
    const start = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(start - (start % 60_000) + 30_000);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const name of ["API_RATE_LIMIT_PER_MINUTE", "API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE", "TRUSTED_PROXY_HOPS"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("a workspace can't multiply its limit by creating keys: all its keys share the per-workspace count", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    process.env.API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE = "5";
    const { workspaceId, api } = await merchantWithKey();
    const second = apiClient((await createApiCredentials(workspaceId, "Second")).authorization);
    const third = apiClient((await createApiCredentials(workspaceId, "Third")).authorization);

    const statuses = [];
    for (const client of [api, api, api, second, second, second, third]) statuses.push((await client.listStores()).status);
    // Each key is under its own 3, but the workspace's 5 are spent after the fifth call.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);

    const refused = await third.listStores();
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ message: expect.stringContaining("5 a minute per account"), code: "rate_limited" });
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(rateLimitHeaders(refused)).toMatchObject({ limit: "5", remaining: "0" });

    // Another workspace is not affected.
    expect((await (await merchantWithKey()).api.listStores()).status).toBe(200);
  });

  it("reports the tighter of the two limits in the headers", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "10";
    process.env.API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE = "12";
    const { workspaceId, api } = await merchantWithKey();
    const second = apiClient((await createApiCredentials(workspaceId, "Second")).authorization);
    expect(rateLimitHeaders(await api.listStores())).toMatchObject({ limit: "10", remaining: "9" });
    for (let i = 0; i < 8; i++) await second.listStores();
    // 10 calls in the workspace: 2 left for it, 9 for the first key.
    expect(rateLimitHeaders(await api.listStores())).toMatchObject({ limit: "12", remaining: "2" });
  });

  it("defaults the per-workspace limit to four times the per-key one", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "2";
    delete process.env.API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE;
    const { workspaceId } = await merchantWithKey();
    const clients = await Promise.all([1, 2, 3, 4, 5].map(async (n) => apiClient((await createApiCredentials(workspaceId, `Key ${n}`)).authorization)));
    const statuses = [];
    for (const client of clients) for (let i = 0; i < 2; i++) statuses.push((await client.listStores()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
  });

  it("counts failed authentications per trusted client address and refuses that address, even with a right key, once past the limit", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    process.env.TRUSTED_PROXY_HOPS = "1";
    const { credentials } = await merchantWithKey();
    const { GET } = await import("@/app/api/v1/stores/route");
    const from = (address: string, authorization: string) => callRoute(GET, "/api/v1/stores", { authorization, headers: { "x-forwarded-for": `6.6.6.6, ${address}` } });
    const wrong = basicAuth(credentials.key, `${credentials.secret}x`);

    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await from("203.0.113.9", wrong)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const locked = await from("203.0.113.9", credentials.authorization);
    expect(locked.status).toBe(429);
    expect(locked.json).toEqual({ message: expect.stringContaining("failed authentications"), code: "rate_limited" });
    // Another address, and the right key from it, are unaffected; so is the key's own count.
    expect((await from("203.0.113.10", credentials.authorization)).status).toBe(200);
  });

  it("without a trusted proxy, failed authentications are not counted per address (every caller could share one)", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "2";
    delete process.env.TRUSTED_PROXY_HOPS;
    const { credentials } = await merchantWithKey();
    const { GET } = await import("@/app/api/v1/stores/route");
    const call = (authorization: string) => callRoute(GET, "/api/v1/stores", { authorization, headers: { "x-forwarded-for": "203.0.113.9" } });
    for (let i = 0; i < 4; i++) expect((await call(basicAuth(credentials.key, "wrong"))).status).toBe(401);
    expect((await call(credentials.authorization)).status).toBe(200);
  });
});
