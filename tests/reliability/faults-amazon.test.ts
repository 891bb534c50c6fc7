import { afterAll, beforeAll, describe, it } from "vitest";
import { amazonFixture, startAmazonFake, type AmazonFake } from "../fakes/amazon/server";
import { useTestDatabase } from "../helpers/database";
import { LONGEST_FAULT_RUNS_MS, RUNS_PER_PLATFORM, runImportsUnderFaults, type FaultyChannel } from "./import-faults";
import { pick } from "./mutate";

useTestDatabase();

const MINUTE = 60_000;

let amazon: AmazonFake;
let channel: FaultyChannel;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  amazon = await startAmazonFake({ maxPageSize: 7, itemsPageSize: 1 });
  // Amazon lists only changes over 2 minutes old by real time: the seller's changes are stamped on
  // a clock of ours that starts far enough back to stay behind real time through every run.
  let clock = Math.floor((Date.now() - LONGEST_FAULT_RUNS_MS - 60 * MINUTE) / MINUTE) * MINUTE;
  const at = () => ({ at: (clock += 1000) });
  const ids: string[] = [];
  const add = (service: string) => {
    const id = `113-${String(ids.length + 1).padStart(7, "0")}-4242424`;
    amazon.add(amazonFixture("mfn-unshipped", { AmazonOrderId: id, ShipmentServiceLevelCategory: service }), at());
    ids.push(id);
  };
  for (let i = 0; i < 30; i++) add("v0");
  const all = () => ids.map((id) => amazon.orders.get(id)!.order);
  const open = () => all().filter((order) => order.OrderStatus !== "Canceled");
  channel = {
    surface: "Amazon imports under faults",
    platform: "amazon",
    store: { baseUrl: amazon.url, credentials: { ...amazon.credentials } },
    fake: amazon,
    // Amazon has no order note; the shipping service level is a field that changes.
    column: "requested_shipping_service",
    now: () => clock,
    between: (ms) => void (clock += ms),
    wait: (ms) => amazon.elapse(ms),
    change(random, run) {
      const roll = random();
      if (roll < 0.3 || !open().length) add(`v${run}`);
      else if (roll < 0.85) amazon.update(pick(random, open()).AmazonOrderId, { ShipmentServiceLevelCategory: `v${run}` }, at());
      else amazon.cancel(pick(random, open()).AmazonOrderId, at());
    },
    faults: {
      "5xx": (random) => amazon.failNext(1 + Math.floor(random() * 5), pick(random, [500, 503])),
      "429s": (random) => amazon.rateLimitNext(1 + Math.floor(random() * 5)),
      "malformed answer": (random) => amazon.malformNext(pick(random, ["html", "no-orders-list", "order-without-id"] as const)),
    },
    orders: () =>
      all().map((order) => ({
        key: order.AmazonOrderId,
        value: (order.ShipmentServiceLevelCategory as string) ?? null,
        cancelled: order.OrderStatus === "Canceled",
        modifiedAt: Date.parse(order.LastUpdateDate),
      })),
  };
});
afterAll(() => amazon.close());

describe("faults: Amazon", () => {
  it(`${RUNS_PER_PLATFORM} imports under 5xx, 429s, malformed answers, timeouts, slow, truncated and cut-off bodies, with orders cancelled and changing mid-pull, then one clean run`, () =>
    runImportsUnderFaults(channel, 15));
});
