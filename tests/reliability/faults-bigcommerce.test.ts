import { afterAll, beforeAll, describe, it } from "vitest";
import { startBigCommerceFake, type BigCommerceFake } from "../fakes/bigcommerce/server";
import type { Json } from "../fakes/bigcommerce/orders";
import { useTestDatabase } from "../helpers/database";
import { RUNS_PER_PLATFORM, runImportsUnderFaults, type FaultyChannel } from "./import-faults";
import { pick } from "./mutate";

useTestDatabase();

const CANCELLED = 5;
/** Answers under a 200 that no BigCommerce endpoint gives: a proxy's page, JSON cut off, orders without their fields, an object. */
const BROKEN_ANSWERS: [string, string][] = [
  ["<html><body>Down for maintenance</body></html>", "text/html"],
  ['[{"id": 1, "status_id', "application/json"],
  ['[{"id": "x"}]', "application/json"],
  ['{"status": "ok"}', "application/json"],
];

let bigcommerce: BigCommerceFake;
let channel: FaultyChannel;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  bigcommerce = await startBigCommerceFake({ startAt: Date.now() - 3 * 86_400_000 });
  // The fake hands back its own order objects, and changes them in place: this is what the store holds.
  const orders: Json[] = [];
  const add = (note: string) => orders.push(bigcommerce.add({ customer_message: note }));
  // More than a page (250): the first import pages, and so does every run after a bulk edit.
  for (let i = 0; i < 260; i++) add("v0");
  const withdrawn = (order: Json) => order.status_id === CANCELLED || order.is_deleted === true;
  const open = () => orders.filter((order) => !withdrawn(order));
  channel = {
    surface: "BigCommerce imports under faults",
    platform: "bigcommerce",
    store: { baseUrl: bigcommerce.url, credentials: { storeHash: bigcommerce.storeHash, accessToken: bigcommerce.accessToken } },
    fake: bigcommerce,
    column: "customer_notes",
    now: () => bigcommerce.now(),
    between: (ms) => bigcommerce.advance(ms),
    wait: () => undefined,
    change(random, run) {
      const roll = random();
      const one = () => Number(pick(random, open()).id);
      if (roll < 0.25 || !open().length) add(`v${run}`);
      else if (roll < 0.75) bigcommerce.update(one(), { customer_message: `v${run}` });
      else if (roll < 0.85) bigcommerce.cancel(one());
      else if (roll < 0.98) bigcommerce.archive(one());
      // The merchant edits many orders at once: more than a page of them.
      else for (const order of open().slice(0, 255)) bigcommerce.update(Number(order.id), { customer_message: `v${run} bulk` });
    },
    faults: {
      "5xx": (random) => bigcommerce.failNext(1 + Math.floor(random() * 5), pick(random, [500, 502, 503])),
      "429s": (random) => bigcommerce.rateLimitNext(1 + Math.floor(random() * 5), 500 + Math.floor(random() * 3_000)),
      "malformed answer": (random) => bigcommerce.sendRawNext(200, ...pick(random, BROKEN_ANSWERS)),
    },
    orders: () =>
      orders.map((order) => ({
        key: String(order.id),
        value: (order.customer_message as string) || null,
        cancelled: withdrawn(order),
        modifiedAt: Date.parse(String(order.date_modified)),
      })),
  };
});
afterAll(() => bigcommerce.close());

describe("faults: BigCommerce", () => {
  it(`${RUNS_PER_PLATFORM} imports under 5xx, 429s, malformed answers, timeouts, slow, truncated and cut-off bodies, with orders cancelled, archived and changing mid-pull, then one clean run`, () =>
    runImportsUnderFaults(channel, 14));
});
