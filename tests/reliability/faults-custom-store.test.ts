import { afterAll, beforeAll, describe, it } from "vitest";
import { startCustomStoreFake, type CustomStoreFake } from "../fakes/custom-store/server";
import { useTestDatabase } from "../helpers/database";
import { RUNS_PER_PLATFORM, runImportsUnderFaults, type FaultyChannel } from "./import-faults";
import { pick } from "./mutate";

useTestDatabase();

/** Answers no export should be: cut mid-order, a proxy's page, nothing, a page count that is not one. */
const BROKEN_EXPORTS = ['<Orders pages="1"><Order><OrderID>', "<html>Service Unavailable</html>", "", '<?xml version="1.0"?><Orders pages="x"></Orders>'];

let store: CustomStoreFake;
let channel: FaultyChannel;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  store = await startCustomStoreFake({ pageSize: 7, startAt: Date.now() - 3 * 86_400_000 });
  const orderIds: string[] = [];
  for (let i = 0; i < 30; i++) orderIds.push(store.add({ customerNotes: "v0", status: "paid" }).orderId);
  const all = () => orderIds.map((id) => store.get(id)!);
  const open = () => all().filter((order) => order.status !== "cancelled");
  channel = {
    surface: "custom store imports under faults",
    platform: "custom_store",
    store: {
      baseUrl: store.endpoint,
      credentials: { username: "shipstation", password: "s3cret-Pa55word" },
      statusMapping: { unpaid: "pending", paid: "paid,processing", shipped: "shipped,complete", cancelled: "cancelled", onHold: "on-hold" },
    },
    fake: store,
    column: "customer_notes",
    now: () => store.now(),
    between: (ms) => store.advance(ms),
    wait: () => undefined,
    change(random, run) {
      const roll = random();
      if (roll < 0.3 || !open().length) orderIds.push(store.add({ customerNotes: `v${run}`, status: "paid" }).orderId);
      else if (roll < 0.85) store.update(pick(random, open()).orderId, { customerNotes: `v${run}` });
      else store.cancel(pick(random, open()).orderId);
    },
    faults: {
      "5xx": (random) => store.failNext(1 + Math.floor(random() * 5), pick(random, [500, 502, 503])),
      "429s": (random) => store.rateLimitNext(1 + Math.floor(random() * 5), 1),
      "malformed answer": (random) => store.respondNext(pick(random, BROKEN_EXPORTS), "text/xml"),
    },
    orders: () => all().map((order) => ({ key: order.orderId, value: order.customerNotes ?? null, cancelled: order.status === "cancelled", modifiedAt: order.lastModified })),
  };
});
afterAll(() => store.close());

describe("faults: custom store", () => {
  it(`${RUNS_PER_PLATFORM} imports under 5xx, 429s, broken XML, timeouts, slow, truncated and cut-off bodies, with orders changing mid-pull, then one clean run`, () => runImportsUnderFaults(channel, 12));
});
