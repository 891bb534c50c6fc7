import { afterAll, beforeAll, describe, it } from "vitest";
import { startShopifyFake, type ShopifyFake } from "../fakes/shopify/server";
import { useTestDatabase } from "../helpers/database";
import { RUNS_PER_PLATFORM, runImportsUnderFaults, type FaultyChannel } from "./import-faults";
import { pick } from "./mutate";

useTestDatabase();

let shop: ShopifyFake;
let channel: FaultyChannel;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  shop = await startShopifyFake({ startAt: Date.now() - 3 * 86_400_000, maxPageSize: 7, bucketSize: 1_000_000 });
  for (let i = 0; i < 30; i++) shop.add({ note: "v0" });
  const open = () => shop.orders.all().filter((order) => !order.cancelled_at);
  channel = {
    surface: "Shopify imports under faults",
    platform: "shopify",
    store: { baseUrl: shop.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } },
    fake: shop,
    column: "customer_notes",
    now: () => shop.orders.now(),
    between: (ms) => shop.orders.advance(ms),
    wait: (ms) => shop.elapse(ms),
    change(random, run) {
      const roll = random();
      if (roll < 0.3 || !open().length) shop.add({ note: `v${run}` });
      else if (roll < 0.85) shop.update(pick(random, open()).id, { note: `v${run}` });
      else shop.cancel(pick(random, open()).id);
    },
    faults: {
      "5xx": (random) => shop.failNext(1 + Math.floor(random() * 5), pick(random, [500, 502, 503])),
      "429s": (random) => shop.rateLimitNext(1 + Math.floor(random() * 5)),
      "malformed answer": (random) => shop.malformNext(pick(random, ["html", "no-orders-list", "order-without-id"] as const)),
    },
    orders: () => shop.orders.all().map((order) => ({ key: String(order.id), value: order.note ?? null, cancelled: Boolean(order.cancelled_at), modifiedAt: Date.parse(order.updated_at) })),
  };
});
afterAll(() => shop.close());

describe("faults: Shopify", () => {
  it(`${RUNS_PER_PLATFORM} imports under 5xx, 429 storms, malformed pages, timeouts, slow and cut-off bodies, with orders changing mid-pull, then one clean run`, () => runImportsUnderFaults(channel, 11));
});
