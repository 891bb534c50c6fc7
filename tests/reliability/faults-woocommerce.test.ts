import { afterAll, beforeAll, describe, it } from "vitest";
import { startWooCommerceFake, type WooCommerceFake } from "../fakes/woocommerce/server";
import { useTestDatabase } from "../helpers/database";
import { RUNS_PER_PLATFORM, runImportsUnderFaults, type FaultyChannel } from "./import-faults";
import { pick } from "./mutate";

useTestDatabase();

const WITHDRAWN = ["cancelled", "trash"];

let woo: WooCommerceFake;
let channel: FaultyChannel;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  woo = await startWooCommerceFake({ startAt: Date.now() - 3 * 86_400_000 });
  // More than a page (100): the first import pages, and so does every run after a bulk edit.
  woo.addMany(110, { customer_note: "v0" });
  const open = () => [...woo.store.orders.values()].filter((order) => !WITHDRAWN.includes(order.status));
  channel = {
    surface: "WooCommerce imports under faults",
    platform: "woocommerce",
    store: { baseUrl: woo.url, credentials: { consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret } },
    fake: woo,
    column: "customer_notes",
    now: () => woo.now(),
    between: (ms) => woo.advance(ms),
    wait: () => undefined,
    change(random, run) {
      const roll = random();
      if (roll < 0.25 || !open().length) woo.add({ customer_note: `v${run}` });
      else if (roll < 0.75) woo.update(pick(random, open()).id, { customer_note: `v${run}` });
      else if (roll < 0.85) woo.cancel(pick(random, open()).id);
      else if (roll < 0.95) woo.trash(pick(random, open()).id);
      // The merchant edits many orders at once: all in the same second, more than a page of them.
      else woo.batch(() => open().slice(0, 105).forEach((order) => woo.update(order.id, { customer_note: `v${run} bulk` })));
    },
    faults: {
      "5xx": (random) => woo.failNext(1 + Math.floor(random() * 5), pick(random, [500, 502, 503])),
      "429s": (random) => woo.rateLimitNext(1 + Math.floor(random() * 5), 1 + Math.floor(random() * 3)),
      "malformed answer": (random) => woo.malformNext(pick(random, ["html", "object", "order-without-dates"] as const)),
    },
    orders: () =>
      [...woo.store.orders.values()].map((order) => ({
        key: String(order.id),
        value: (order.customer_note as string) || null,
        cancelled: WITHDRAWN.includes(order.status),
        modifiedAt: Date.parse(`${order.date_modified_gmt}Z`),
      })),
  };
});
afterAll(() => woo.close());

describe("faults: WooCommerce", () => {
  it(`${RUNS_PER_PLATFORM} imports under 5xx, 429s, malformed lists, timeouts, slow, truncated and cut-off bodies, with orders cancelled, trashed and changing mid-pull, then one clean run`, () =>
    runImportsUnderFaults(channel, 13));
});
