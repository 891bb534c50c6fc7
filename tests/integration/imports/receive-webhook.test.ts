import { beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { NextRequest } from "next/server";
import { db } from "@/db/database";
import { receiveWebhook, REFUSED } from "@/lib/imports/receive-webhook";
import { createStore } from "@/lib/stores/manage-stores";
import shopifyFixture from "../../fakes/shopify/fixtures/order.json" with { type: "json" };
import wooFixtures from "../../fakes/woocommerce/fixtures/orders.json" with { type: "json" };
import { startWooCommerceFake } from "../../fakes/woocommerce/server";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

const SECRET = "whsec_test_0123456789";
const sign = (body: string, secret = SECRET) => createHmac("sha256", secret).update(body).digest("base64");

function shopifyOrder(id: number, overrides: Record<string, unknown> = {}) {
  const at = "2026-11-25T10:00:00-05:00";
  return JSON.stringify({ ...shopifyFixture, id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${id}`, order_number: id, created_at: at, updated_at: at, processed_at: at, ...overrides });
}

function wooOrder(id: number) {
  const at = "2026-11-25T15:00:00";
  return JSON.stringify({ ...wooFixtures[0], id, number: String(id), date_created_gmt: at, date_modified_gmt: at, date_paid_gmt: at });
}

async function connect(platform: "shopify" | "woocommerce", workspaceId: string, webhookSecret: string | null = SECRET) {
  const credentials: Record<string, string> =
    platform === "shopify" ? { accessToken: "shpat_x", ...(webhookSecret ? { webhookSecret } : {}) } : { consumerKey: "ck_x", consumerSecret: "cs_x", ...(webhookSecret ? { webhookSecret } : {}) };
  return createStore(workspaceId, { platform, name: platform, baseUrl: "https://shop.example", credentials });
}

/** A delivery as the route hands it over: the platform and store id from the path, and the request. */
function deliver(platform: string, storeId: number | string, headers: Headers, body: BodyInit | null) {
  const request = new Request(`http://localhost/api/webhooks/${platform}/${storeId}`, { method: "POST", headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
  return receiveWebhook(platform, String(storeId), request);
}

async function ordersOf(storeId: number) {
  return db.read.selectFrom("orders").select(["order_key", "status", "customer_notes"]).where("store_id", "=", storeId).execute();
}

describe("store webhooks", () => {
  it("applies a genuine Shopify delivery through the write path, once per delivery id", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connect("shopify", workspaceId);
    const body = shopifyOrder(5550001);
    const headers = new Headers({ "x-shopify-hmac-sha256": sign(body), "x-shopify-webhook-id": "delivery-1" });

    expect(await deliver("shopify", storeId, headers, body)).toMatchObject({ status: 200, message: "Order created." });
    expect(await deliver("shopify", storeId, headers, body)).toMatchObject({ status: 200, message: "Already received." });
    expect(await ordersOf(storeId)).toEqual([expect.objectContaining({ order_key: "5550001" })]);
    const runs = await db.read.selectFrom("import_runs").select(["trigger", "created"]).where("store_id", "=", storeId).execute();
    expect(runs).toEqual([{ trigger: "webhook", created: 1 }]);
  });

  it("cancels through a Shopify orders/cancelled delivery", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connect("shopify", workspaceId);
    const created = shopifyOrder(5550002);
    await deliver("shopify", storeId, new Headers({ "x-shopify-hmac-sha256": sign(created), "x-shopify-webhook-id": "a" }), created);
    const cancelled = shopifyOrder(5550002, { cancelled_at: "2026-11-25T11:00:00-05:00", cancel_reason: "customer", updated_at: "2026-11-25T11:00:00-05:00" });
    await deliver("shopify", storeId, new Headers({ "x-shopify-hmac-sha256": sign(cancelled), "x-shopify-webhook-id": "b" }), cancelled);
    expect((await ordersOf(storeId))[0].status).toBe("cancelled");
  });

  it("refuses a wrong or missing signature, and a store without a webhook secret", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connect("shopify", workspaceId);
    const body = shopifyOrder(5550003);
    expect(await deliver("shopify", storeId, new Headers({ "x-shopify-hmac-sha256": sign(body, "wrong") }), body)).toMatchObject({ status: 401 });
    expect(await deliver("shopify", storeId, new Headers(), body)).toMatchObject({ status: 401 });
    expect(await deliver("shopify", storeId, new Headers({ "x-shopify-hmac-sha256": sign(`${body} `) }), body)).toMatchObject({ status: 401 });
    const noSecret = await connect("shopify", workspaceId, null);
    expect(await deliver("shopify", noSecret, new Headers({ "x-shopify-hmac-sha256": sign(body) }), body)).toEqual(REFUSED);
    expect(await ordersOf(storeId)).toEqual([]);
  });

  it("applies a WooCommerce delivery and acknowledges its ping", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connect("woocommerce", workspaceId);
    const ping = "webhook_id=17";
    expect(await deliver("woocommerce", storeId, new Headers({ "x-wc-webhook-signature": sign(ping) }), ping)).toMatchObject({ status: 200 });
    const body = wooOrder(901);
    expect(await deliver("woocommerce", storeId, new Headers({ "x-wc-webhook-signature": sign(body), "x-wc-webhook-delivery-id": "9" }), body)).toMatchObject({ status: 200 });
    expect(await ordersOf(storeId)).toEqual([expect.objectContaining({ order_key: "901", status: "awaiting_shipment" })]);
  });

  it("answers over HTTP at /api/webhooks/{platform}/{storeId}", async () => {
    const { POST } = await import("@/app/api/webhooks/[platform]/[storeId]/route");
    const { workspaceId } = await createMerchant();
    const storeId = await connect("shopify", workspaceId);
    const body = shopifyOrder(5550004);
    const call = (platform: string, id: string, signature: string) =>
      POST(new NextRequest(`http://localhost/api/webhooks/${platform}/${id}`, { method: "POST", body, headers: { "x-shopify-hmac-sha256": signature } }), {
        params: Promise.resolve({ platform, storeId: id }),
      });
    expect((await call("shopify", String(storeId), sign(body))).status).toBe(200);
    expect((await call("shopify", String(storeId), "bm9wZQ==")).status).toBe(401);
    expect((await call("etsy", String(storeId), sign(body))).status).toBe(404);
  });

  it("answers an unknown store, another platform's store, a store without a secret and a bad signature alike", async () => {
    const { workspaceId } = await createMerchant();
    const shopify = await connect("shopify", workspaceId);
    const woo = await connect("woocommerce", workspaceId);
    const noSecret = await connect("shopify", workspaceId, null);
    const body = shopifyOrder(5550010);
    const headers = () => new Headers({ "x-shopify-hmac-sha256": sign(body, "guessed") });
    const answers = await Promise.all([
      deliver("shopify", 987654321, headers(), body),
      deliver("shopify", woo, headers(), body),
      deliver("shopify", noSecret, headers(), body),
      deliver("shopify", shopify, headers(), body),
      deliver("shopify", shopify, new Headers(), body),
      deliver("shopify", "12abc", headers(), body),
    ]);
    expect(answers).toEqual(Array(answers.length).fill(REFUSED));
  });

  it("reads no body for an unknown store, and stops reading a genuine store's body at the API's limit", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connect("shopify", workspaceId);
    const endless = () => {
      const sent = { bytes: 0 };
      const megabyte = new Uint8Array(1024 * 1024).fill(0x20);
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent.bytes += megabyte.byteLength;
          controller.enqueue(megabyte);
        },
      });
      return { sent, stream };
    };
    const unknown = endless();
    expect(await deliver("shopify", 987654321, new Headers({ "x-shopify-hmac-sha256": sign("x") }), unknown.stream)).toEqual(REFUSED);
    expect(unknown.sent.bytes).toBeLessThanOrEqual(1024 * 1024); // at most the stream's first eager pull
    const genuine = endless();
    expect(await deliver("shopify", storeId, new Headers({ "x-shopify-hmac-sha256": sign("x") }), genuine.stream)).toEqual(REFUSED);
    expect(genuine.sent.bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    // A declared length past the limit is refused before anything, whatever the store.
    const declared = new Headers({ "x-shopify-hmac-sha256": sign("x"), "content-length": String(600 * 1024 * 1024) });
    const request = new Request(`http://localhost/api/webhooks/shopify/${storeId}`, { method: "POST", headers: declared });
    expect(await receiveWebhook("shopify", String(storeId), request)).toMatchObject({ status: 413 });
  });

  it("records a delivery only once it was applied, so the platform's retry of a failed one is imported again", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connect("shopify", workspaceId);
    const refused = shopifyOrder(5550011, { email: `${"x".repeat(400)}@example.com` });
    const headers = () => new Headers({ "x-shopify-hmac-sha256": sign(refused), "x-shopify-webhook-id": "delivery-refused" });
    const first = await deliver("shopify", storeId, headers(), refused);
    expect(first).toMatchObject({ status: 422, message: expect.stringContaining("customerEmail") });
    expect(await deliver("shopify", storeId, headers(), refused)).toEqual(first); // not "Already received."
    const recorded = await db.read.selectFrom("webhook_deliveries").select("delivery_id").where("store_id", "=", storeId).execute();
    expect(recorded).toEqual([]);
    expect(await ordersOf(storeId)).toEqual([]);
  });

  it("treats __proto__ and other inherited names as an unknown platform", async () => {
    for (const platform of ["__proto__", "constructor", "toString"]) {
      expect(await deliver(platform, 1, new Headers({ "x-shopify-hmac-sha256": "bm9wZQ==" }), "{}")).toMatchObject({ status: 404 });
    }
  });

  it("does not tell the caller what went wrong inside when a delivery cannot be mapped", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connect("woocommerce", workspaceId);
    const body = JSON.stringify({ id: "not-a-number" });
    const answer = await deliver("woocommerce", storeId, new Headers({ "x-wc-webhook-signature": sign(body), "x-wc-webhook-delivery-id": "bad-1" }), body);
    expect(answer).toEqual({ status: 400, message: "Not an order this store can import." });
  });
});

describe("WooCommerce order.deleted deliveries", () => {
  /** A store on the WooCommerce fake with one order imported, and a way to send `{"id": …}` as order.deleted. */
  async function wooStoreWithOrder() {
    const fake = await startWooCommerceFake();
    const { workspaceId } = await createMerchant();
    const storeId = await createStore(workspaceId, {
      platform: "woocommerce",
      name: "woo",
      baseUrl: fake.url,
      credentials: { consumerKey: fake.consumerKey, consumerSecret: fake.consumerSecret, webhookSecret: SECRET },
    });
    const order = fake.add();
    const created = JSON.stringify(order);
    await deliver("woocommerce", storeId, new Headers({ "x-wc-webhook-signature": sign(created), "x-wc-webhook-delivery-id": "1" }), created);
    const deleted = (id: number, delivery: string) => {
      const body = JSON.stringify({ id });
      return deliver("woocommerce", storeId, new Headers({ "x-wc-webhook-signature": sign(body), "x-wc-webhook-delivery-id": delivery, "x-wc-webhook-topic": "order.deleted" }), body);
    };
    return { fake, storeId, order, deleted };
  }

  it("cancels an order moved to the bin: the delivery names only the id, the order is asked for", async () => {
    const { fake, storeId, order, deleted } = await wooStoreWithOrder();
    try {
      fake.trash(order.id);
      expect(await deleted(order.id, "2")).toMatchObject({ status: 200, message: "Order updated." });
      expect(await ordersOf(storeId)).toEqual([expect.objectContaining({ order_key: String(order.id), status: "cancelled" })]);
    } finally {
      await fake.close();
    }
  });

  it("cancels an order deleted for good, which WooCommerce no longer has, and ignores one Shipdeck never had", async () => {
    const { fake, storeId, order, deleted } = await wooStoreWithOrder();
    try {
      fake.deletePermanently(order.id);
      expect(await deleted(order.id, "2")).toMatchObject({ status: 200, message: "Order updated." });
      expect(await ordersOf(storeId)).toEqual([expect.objectContaining({ order_key: String(order.id), status: "cancelled" })]);
      expect(await deleted(424242, "3")).toMatchObject({ status: 200, message: "Not an order to import; acknowledged." });
    } finally {
      await fake.close();
    }
  });
});
