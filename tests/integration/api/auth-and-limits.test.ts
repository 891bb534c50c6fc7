import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/database";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { MAX_BODY_BYTES } from "@/lib/http/api-route";
import { apiClient, basicAuth, callRoute, createApiCredentials, orderBody, rateLimitHeaders, type ApiResponse } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function ordersOf(workspaceId: string) {
  return db.read.selectFrom("orders").select("id").where("workspace_id", "=", workspaceId).execute();
}

async function merchantWithKey() {
  const merchant = await createMerchant();
  const credentials = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, credentials, api: apiClient(credentials.authorization) };
}

function expectUnauthorized(response: ApiResponse) {
  expect(response.status).toBe(401);
  expect(response.json).toEqual({ message: expect.any(String), code: "unauthorized" });
  // No Basic challenge: a browser that was once shown one keeps sending the key itself.
  expect(response.headers.get("www-authenticate")).toBeNull();
}

describe("API authentication", () => {
  it("answers 401 with the same message whether the header is missing, malformed, or the key is wrong, revoked or unknown", async () => {
    const { workspaceId, credentials } = await merchantWithKey();
    const revoked = await createApiCredentials(workspaceId, "Old integration");
    await revokeApiKey(workspaceId, revoked.id);

    const headers: (string | null)[] = [
      null,
      "",
      basicAuth(credentials.key, `${credentials.secret}x`),
      basicAuth(credentials.key, ""),
      // Another key by one character (a key already ending in Z ends in Y here, else this would be the key itself).
      basicAuth(`${credentials.key.slice(0, -1)}${credentials.key.endsWith("Z") ? "Y" : "Z"}`, credentials.secret),
      basicAuth("someone-else", credentials.secret),
      revoked.authorization,
      "Basic !!!not-base64!!!",
      `Basic ${Buffer.from(`${credentials.key}${credentials.secret}`).toString("base64")}`,
      `Bearer ${credentials.secret}`,
      `${credentials.key}:${credentials.secret}`,
      `Basic ${"A".repeat(2000)}`,
    ];
    const answers = [];
    for (const authorization of headers) {
      const response = await apiClient(authorization).listOrders();
      expectUnauthorized(response);
      answers.push(response.json);
    }
    // One message for every case: nothing says which part was wrong.
    expect(new Set(answers.map((answer) => answer.message)).size).toBe(1);
    expect(answers[0].message).not.toMatch(/revoked|secret is wrong|unknown key/i);
  });

  it("refuses every route without a valid key, before reading the body", async () => {
    const api = apiClient(null);
    for (const response of [
      await api.createOrder(orderBody()),
      await api.createOrders([orderBody()]),
      await api.createOrder(undefined, "{not json"),
      await api.getOrder(1),
      await api.deleteOrder(1),
      await api.holdUntil({ orderId: 1, holdUntilDate: "2026-07-10" }),
      await api.restoreFromHold({ orderId: 1 }),
      await api.markAsShipped({ orderId: 1, carrierCode: "usps" }),
      await api.listStores(),
    ]) {
      expectUnauthorized(response);
      // No rate-limit headers: there is no key to count against.
      expect(response.headers.get("x-rate-limit-limit")).toBeNull();
    }
  });

  it("accepts the same key once it is valid, and not once it is revoked", async () => {
    const { workspaceId, credentials, api } = await merchantWithKey();
    expect((await api.listOrders()).status).toBe(200);
    await revokeApiKey(workspaceId, credentials.id);
    expectUnauthorized(await api.listOrders());
  });
});

describe("another workspace's orders", () => {
  it("are not found with this workspace's key: GET, DELETE, hold, restore and ship answer 404 and leave them untouched", async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const created = await b.api.createOrder(orderBody({ orderNumber: "B-1" }));
    expect(created.status).toBe(200);
    const orderId: number = created.json.orderId;
    const before = await b.api.getOrder(orderId);

    const attempts = [
      await a.api.getOrder(orderId),
      await a.api.deleteOrder(orderId),
      await a.api.holdUntil({ orderId, holdUntilDate: "2026-07-10" }),
      await a.api.restoreFromHold({ orderId }),
      await a.api.markAsShipped({ orderId, carrierCode: "usps", trackingNumber: "9400" }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(404);
      expect(response.json).toEqual({ message: expect.any(String), code: "not_found" });
    }
    // A's lists don't show it either.
    expect((await a.api.listOrders()).json).toMatchObject({ orders: [], total: 0 });

    const after = await b.api.getOrder(orderId);
    expect(after.status).toBe(200);
    expect(after.json).toEqual(before.json);
    const events = await db.read.selectFrom("order_events").select("action").where("order_id", "=", orderId).execute();
    expect(events.map((event) => event.action)).toEqual(["created"]);
  });

  it("answers 404, not 403, so an order's existence doesn't leak: the same answer as an id that never existed", async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const { json } = await b.api.createOrder(orderBody());
    const theirs = await a.api.getOrder(json.orderId);
    const nobodys = await a.api.getOrder(json.orderId + 1000);
    expect(theirs.status).toBe(404);
    expect(nobodys.status).toBe(404);
    expect(theirs.json.code).toBe(nobodys.json.code);
  });

  it("createorder with another workspace's orderKey creates a separate order here and leaves theirs alone", async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const theirs = await b.api.createOrder(orderBody({ orderKey: "shared-key-1", orderNumber: "B-100", customerNotes: "B's notes" }));
    expect(theirs.status).toBe(200);

    const ours = await a.api.createOrder(orderBody({ orderKey: "shared-key-1", orderNumber: "A-100", customerNotes: "A's notes", orderStatus: "awaiting_payment" }));

    expect(ours.status).toBe(200);
    expect(ours.json.orderId).not.toBe(theirs.json.orderId);
    expect(ours.json).toMatchObject({ orderKey: "shared-key-1", orderNumber: "A-100", customerNotes: "A's notes", advancedOptions: { storeId: a.manualStoreId } });
    const bAfter = await b.api.getOrder(theirs.json.orderId);
    expect(bAfter.json).toEqual(theirs.json);
    const aRow = await db.read.selectFrom("orders").select(["workspace_id", "store_id"]).where("id", "=", ours.json.orderId).executeTakeFirstOrThrow();
    expect(aRow).toEqual({ workspace_id: a.workspaceId, store_id: a.manualStoreId });
  });

  it("cannot be reached by naming the other workspace's store in advancedOptions.storeId", async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const response = await a.api.createOrder(orderBody({ advancedOptions: { storeId: b.manualStoreId } }));
    expect(response.status).toBe(400);
    expect(response.json.fieldErrors).toHaveProperty(["advancedOptions.storeId"]);
    expect(await db.read.selectFrom("orders").select("id").where("store_id", "=", b.manualStoreId).execute()).toEqual([]);
  });
});

describe("rate limit", () => {
  const saved = process.env.API_RATE_LIMIT_PER_MINUTE;

  beforeEach(() => {
    // Every call in the middle of one window, so a test that straddles a minute boundary doesn't flake.
    const start = Date.now();
    const midWindow = start - (start % 60_000) + 30_000;
    vi.spyOn(Date, "now").mockReturnValue(midWindow);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    if (saved === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
    else process.env.API_RATE_LIMIT_PER_MINUTE = saved;
  });

  it("counts every call per key and answers the 4th of 3 a minute with 429, Retry-After and code rate_limited", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    const { workspaceId, api } = await merchantWithKey();

    const answers = [await api.listOrders(), await api.getOrder(999_999), await api.createOrder(undefined, "{oops")];
    expect(answers.map((response) => response.status)).toEqual([200, 404, 400]);
    expect(answers.map(rateLimitHeaders)).toEqual([
      { limit: "3", remaining: "2", reset: "30" },
      { limit: "3", remaining: "1", reset: "30" },
      { limit: "3", remaining: "0", reset: "30" },
    ]);

    const refused = await api.listOrders();
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ message: expect.stringContaining("3"), code: "rate_limited" });
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(rateLimitHeaders(refused)).toEqual({ limit: "3", remaining: "0", reset: "30" });

    // A refused write is not carried out.
    const refusedWrite = await api.createOrder(orderBody());
    expect(refusedWrite.status).toBe(429);
    expect(await ordersOf(workspaceId)).toEqual([]);
  });

  it("gives each key its own count", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    const { workspaceId, api } = await merchantWithKey();
    for (let i = 0; i < 3; i++) expect((await api.listStores()).status).toBe(200);
    expect((await api.listStores()).status).toBe(429);

    const other = apiClient((await createApiCredentials(workspaceId, "Second integration")).authorization);
    const response = await other.listStores();
    expect(response.status).toBe(200);
    expect(rateLimitHeaders(response)).toMatchObject({ limit: "3", remaining: "2" });
  });

  it("puts the headers on successes and on every error after authentication", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "50";
    const { api } = await merchantWithKey();
    const responses = [
      await api.listOrders(),
      await api.listOrders({ pageSize: 501 }),
      await api.getOrder(424242),
      await api.getOrder("not-a-number"),
      await api.createOrder(undefined, "{"),
      await api.createOrder({ orderNumber: 1 }),
      await api.createOrders([]),
      await api.markAsShipped({ orderId: 424242 }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 400, 404, 404, 400, 400, 400, 404]);
    responses.forEach((response, i) => expect(rateLimitHeaders(response)).toEqual({ limit: "50", remaining: String(49 - i), reset: "30" }));
  });

  it("uses the default of 120 a minute when the setting is absent or not a positive whole number", async () => {
    const { api } = await merchantWithKey();
    for (const setting of [undefined, "", "0", "-5", "2.5", "lots"]) {
      if (setting === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
      else process.env.API_RATE_LIMIT_PER_MINUTE = setting;
      expect(rateLimitHeaders(await api.listStores()).limit).toBe("120");
    }
  });
});

describe("request bodies", () => {
  it("answers malformed JSON with 400 Malformed JSON", async () => {
    const { api } = await merchantWithKey();
    for (const raw of ["{", "[{\"orderNumber\": }]", "orderNumber=1", "{'single': 'quotes'}"]) {
      const response = await api.createOrders(undefined, raw);
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ message: expect.stringMatching(/^Malformed JSON/), code: "invalid_input" });
    }
  });

  it("answers an empty body with 400", async () => {
    const { api } = await merchantWithKey();
    const response = await api.createOrder(undefined, "  ");
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/JSON body/) });
  });

  it("answers a body larger than MAX_BODY_BYTES with 413 and stores nothing", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const huge = JSON.stringify([orderBody({ customerNotes: "x".repeat(MAX_BODY_BYTES) })]);
    expect(huge.length).toBeGreaterThan(MAX_BODY_BYTES);

    const streamed = await api.createOrders(undefined, huge);
    expect(streamed.status).toBe(413);
    expect(streamed.json).toEqual({ message: expect.stringContaining(String(MAX_BODY_BYTES)), code: "payload_too_large" });
    expect(rateLimitHeaders(streamed).limit).not.toBeNull();

    const { POST } = await import("@/app/api/v1/orders/createorder/route");
    const declared = await callRoute(POST, "/api/v1/orders/createorder", {
      method: "POST",
      authorization: (await createApiCredentials(workspaceId)).authorization,
      rawBody: JSON.stringify(orderBody()),
      headers: { "content-length": String(MAX_BODY_BYTES + 1) },
    });
    expect(declared.status).toBe(413);
    expect(declared.json.code).toBe("payload_too_large");

    expect(await ordersOf(workspaceId)).toEqual([]);
  });

  it("accepts a body just under the limit", async () => {
    const { api } = await merchantWithKey();
    const notes = "n".repeat(9_000);
    const body = Array.from({ length: 100 }, () => orderBody({ customerNotes: notes }));
    const response = await api.createOrders(body);
    expect(response.status).toBe(200);
    expect(response.json.hasErrors).toBe(false);
  });

  it("names each wrongly typed field by its path, and never answers 500", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const cases: [Record<string, unknown>, string][] = [
      [orderBody({ orderDate: 20260701 }), "orderDate"],
      [orderBody({ orderDate: "July 1st" }), "orderDate"],
      [orderBody({ orderDate: "2026-02-30 10:00:00" }), "orderDate"],
      [orderBody({ items: [{ name: "Mug", quantity: "two", unitPrice: 1 }] }), "items.0.quantity"],
      [orderBody({ items: [{ name: "Mug", quantity: 1.5, unitPrice: 1 }] }), "items.0.quantity"],
      [orderBody({ items: [{ name: "Mug", quantity: 1 }, { name: "", quantity: 1 }] }), "items.1.name"],
      [orderBody({ shipTo: { name: "Grace", country: "USA" } }), "shipTo.country"],
      [orderBody({ shipTo: "1 Navy Way" }), "shipTo"],
      [orderBody({ orderStatus: "paid" }), "orderStatus"],
      [orderBody({ amountPaid: "lots" }), "amountPaid"],
      [orderBody({ weight: { value: 1, units: "stone" } }), "weight.units"],
      [orderBody({ items: "mug" }), "items"],
      [orderBody({ orderNumber: null }), "orderNumber"],
      [orderBody({ gift: "yes" }), "gift"],
    ];
    for (const [body, field] of cases) {
      const response = await api.createOrder(body);
      expect(response.status, `${field}: ${JSON.stringify(response.json)}`).toBe(400);
      expect(response.json.code).toBe("invalid_input");
      expect(Object.keys(response.json.fieldErrors)).toContain(field);
      expect(response.json.message).toContain(field);
    }
    for (const body of [null, 42, "order", [orderBody()], true]) {
      const response = await api.createOrder(undefined, JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(response.json.code).toBe("invalid_input");
    }
    expect(await ordersOf(workspaceId)).toEqual([]);
  });

  it("validates the action bodies too", async () => {
    const { api } = await merchantWithKey();
    const hold = await api.holdUntil({ orderId: "abc", holdUntilDate: "next week" });
    expect(hold.status).toBe(400);
    expect(Object.keys(hold.json.fieldErrors).sort()).toEqual(["orderId", "holdUntilDate"].sort());
    const ship = await api.markAsShipped({ orderId: 1, shipDate: "yesterday", notifyCustomer: "yes" });
    expect(ship.status).toBe(400);
    expect(Object.keys(ship.json.fieldErrors).sort()).toEqual(["notifyCustomer", "shipDate"]);
    const restore = await api.restoreFromHold({});
    expect(restore.status).toBe(400);
    expect(Object.keys(restore.json.fieldErrors)).toEqual(["orderId"]);
  });
});
