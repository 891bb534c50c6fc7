import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { connectorFor } from "@/lib/connectors/registry";
import { importStore } from "@/lib/imports/import-store";
import { createStore } from "@/lib/stores/manage-stores";
import type { TransportFault } from "../../fakes/http-server";
import { startShopifyFake, type ShopifyFake } from "../../fakes/shopify/server";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

let shop: ShopifyFake;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  shop = await startShopifyFake({ startAt: Date.UTC(2026, 10, 20), maxPageSize: 2 });
  for (let i = 0; i < 5; i++) shop.add({ note: `order ${i}` });
});
afterAll(() => shop.close());

/** A merchant with the shop connected, and an import whose second request meets `faults` (one per attempt). */
async function importWithSecondPage(faults: TransportFault[]) {
  const { workspaceId } = await createMerchant();
  const storeId = await createStore(workspaceId, { platform: "shopify", name: "My Shopify", baseUrl: shop.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } });
  let requests = 0;
  shop.onRequest(() => {
    if (++requests === 2) faults.forEach((fault) => shop.misbehaveNext(fault));
  });
  const run = (requestTimeoutMs?: number) =>
    importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor("shopify"), now: () => shop.orders.now() + 60_000, sleep: async () => undefined, requestTimeoutMs });
  const failed = await run(300);
  shop.onRequest(null);
  const cursor = (await db.read.selectFrom("stores").select("cursor").where("id", "=", storeId).executeTakeFirstOrThrow()).cursor;
  const next = await run();
  const keys = (await db.read.selectFrom("orders").select("order_key").where("store_id", "=", storeId).execute()).map((row) => row.order_key);
  return { failed, cursor, next, keys };
}

describe("a store that stops answering in the middle of an import", () => {
  it("gives up on a page that never comes in the platform's words, keeps the first page's cursor, and the next run gets the rest", async () => {
    const { failed, cursor, next, keys } = await importWithSecondPage([{ kind: "timeout" }]);
    expect(failed).toMatchObject({ status: "failed", created: 2, error: "Shopify did not answer within 1 s (the request timed out)." });
    const secondOldest = shop.orders.all().map((order) => Date.parse(order.updated_at)).sort()[1];
    expect(cursor).toBe(String(secondOldest));
    expect(next).toMatchObject({ status: "succeeded", created: 3, error: null });
    expect(keys.sort()).toEqual(shop.orders.all().map((order) => String(order.id)).sort());
  });

  it("fails a page whose body is cut off on every try as the connection dropping, not as an error of ours", async () => {
    const cutOff: TransportFault = { kind: "slow-body", chunks: 4, delayMs: 1, cutAfter: 2 };
    const { failed, next, keys } = await importWithSecondPage(Array(5).fill(cutOff));
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/^Shopify could not be reached: 127\.0\.0\.1:\d+ closed the connection before answering\.$/);
    expect(next).toMatchObject({ status: "succeeded", created: 3 });
    expect(keys).toHaveLength(5);
  });
});
