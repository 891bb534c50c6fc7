import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/db/database";
import { receiveBigCommerceWebhook } from "@/lib/connectors/bigcommerce/webhook";
import { createStore } from "@/lib/stores/manage-stores";
import { startBigCommerceFake, type BigCommerceFake } from "../../fakes/bigcommerce/server";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

const SECRET = "bc-hook-secret-5d1f0a9e7c3b4e2a8f6d";
let fake: BigCommerceFake;
beforeEach(async () => {
  fake = await startBigCommerceFake();
});
afterEach(() => fake.close());

async function connect(webhookSecret: string | null = SECRET) {
  const { workspaceId } = await createMerchant();
  const credentials: Record<string, string> = { storeHash: fake.storeHash, accessToken: fake.accessToken, ...(webhookSecret ? { webhookSecret } : {}) };
  const storeId = await createStore(workspaceId, { platform: "bigcommerce", name: "My BigCommerce", baseUrl: fake.url, credentials });
  return { workspaceId, storeId };
}

/** A `store/order/*` callback as BigCommerce sends it: the event, the order id and the event's hash. */
function callback(scope: string, orderId: number, hash: string) {
  return JSON.stringify({ created_at: 1_764_000_000, store_id: "1025646", producer: `stores/${fake.storeHash}`, scope, hash, data: { type: "order", id: orderId } });
}
const withSecret = (secret = SECRET) => new Headers({ "content-type": "application/json", "x-shipdeck-webhook-secret": secret });

const ordersOf = (storeId: number) => db.read.selectFrom("orders").select(["order_key", "status", "active"]).where("store_id", "=", storeId).execute();
const orderFetches = (orderId: number) => fake.requests.filter((request) => request.url.pathname.endsWith(`/v2/orders/${orderId}`)).length;

describe("BigCommerce webhooks", () => {
  it("fetches the order a genuine delivery names and imports it through the write path, once per event hash", async () => {
    const { storeId } = await connect();
    const order = fake.add();
    const body = callback("store/order/created", order.id as number, "352e4afc6dd3fc85ea26bfdf3f91852604d57528");

    expect(await receiveBigCommerceWebhook(storeId, withSecret(), body)).toEqual({ status: 200, message: "Order created." });
    expect(await receiveBigCommerceWebhook(storeId, withSecret(), body)).toEqual({ status: 200, message: "Already received." });

    expect(await ordersOf(storeId)).toEqual([{ order_key: String(order.id), status: "awaiting_shipment", active: 1 }]);
    expect(orderFetches(order.id as number)).toBe(1);
    const runs = await db.read.selectFrom("import_runs").select(["trigger", "created"]).where("store_id", "=", storeId).execute();
    expect(runs).toEqual([{ trigger: "webhook", created: 1 }]);
  });

  it("cancels an order BigCommerce archives (store/order/archived), and it stays cancelled", async () => {
    const { storeId } = await connect();
    const order = fake.add();
    await receiveBigCommerceWebhook(storeId, withSecret(), callback("store/order/created", order.id as number, "a1"));
    fake.archive(order.id as number);

    expect(await receiveBigCommerceWebhook(storeId, withSecret(), callback("store/order/archived", order.id as number, "a2"))).toEqual({ status: 200, message: "Order updated." });
    expect(await ordersOf(storeId)).toEqual([{ order_key: String(order.id), status: "cancelled", active: 0 }]);

    fake.restore(order.id as number);
    expect(await receiveBigCommerceWebhook(storeId, withSecret(), callback("store/order/updated", order.id as number, "a3"))).toEqual({ status: 200, message: "Order skipped." });
    expect(await ordersOf(storeId)).toEqual([{ order_key: String(order.id), status: "cancelled", active: 0 }]);
  });

  it("refuses a wrong or missing secret header without asking BigCommerce anything, and a store without a secret", async () => {
    const { storeId } = await connect();
    const order = fake.add();
    const body = callback("store/order/created", order.id as number, "b1");

    expect(await receiveBigCommerceWebhook(storeId, withSecret("not-the-secret"), body)).toMatchObject({ status: 401 });
    expect(await receiveBigCommerceWebhook(storeId, withSecret(`${SECRET}x`), body)).toMatchObject({ status: 401 });
    expect(await receiveBigCommerceWebhook(storeId, new Headers(), body)).toMatchObject({ status: 401 });
    const { storeId: noSecret } = await connect(null);
    expect(await receiveBigCommerceWebhook(noSecret, withSecret(), body)).toMatchObject({ status: 401 });

    expect(fake.requests).toHaveLength(0);
    expect(await ordersOf(storeId)).toEqual([]);
    // Refused deliveries are not remembered: the genuine one still applies.
    expect(await receiveBigCommerceWebhook(storeId, withSecret(), body)).toMatchObject({ status: 200, message: "Order created." });
  });

  it("acknowledges what is not an order to import: another event, an order gone, a body that is not a callback", async () => {
    const { storeId } = await connect();
    expect(await receiveBigCommerceWebhook(storeId, withSecret(), callback("store/product/updated", 1, "c1"))).toMatchObject({ status: 200, message: "Not an order event; acknowledged." });
    expect(await receiveBigCommerceWebhook(storeId, withSecret(), callback("store/order/updated", 999_999, "c2"))).toMatchObject({ status: 200, message: "Not an order to import; acknowledged." });
    expect(await receiveBigCommerceWebhook(storeId, withSecret(), "{not json")).toMatchObject({ status: 400 });
    expect(await receiveBigCommerceWebhook(storeId, withSecret(), JSON.stringify({ scope: "store/order/created", data: {} }))).toMatchObject({ status: 400 });
    expect(await ordersOf(storeId)).toEqual([]);
  });

  it("answers over HTTP at /api/webhooks/bigcommerce/{storeId}", async () => {
    const { POST } = await import("@/app/api/webhooks/[platform]/[storeId]/route");
    const { storeId } = await connect();
    const order = fake.add();
    const body = callback("store/order/statusUpdated", order.id as number, "d1");
    const call = (secret: string) =>
      POST(new NextRequest(`http://localhost/api/webhooks/bigcommerce/${storeId}`, { method: "POST", body, headers: { "content-type": "application/json", "x-shipdeck-webhook-secret": secret } }), {
        params: Promise.resolve({ platform: "bigcommerce", storeId: String(storeId) }),
      });
    expect((await call("wrong")).status).toBe(401);
    expect((await call(SECRET)).status).toBe(200);
    expect(await ordersOf(storeId)).toEqual([{ order_key: String(order.id), status: "awaiting_shipment", active: 1 }]);
  });
});
