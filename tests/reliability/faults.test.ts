import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { connectorFor } from "@/lib/connectors/registry";
import { importStore } from "@/lib/imports/import-store";
import { createStore } from "@/lib/stores/manage-stores";
import { startCustomStoreFake, type CustomStoreFake } from "../fakes/custom-store/server";
import { startShopifyFake, type ShopifyFake } from "../fakes/shopify/server";
import { useTestDatabase } from "../helpers/database";
import { seededRandom } from "@/lib/demo/generate-orders";
import { createMerchant } from "../helpers/workspaces";
import { inputsPerSurface, pick, type Random } from "./mutate";
import { recordSurface } from "./record";

useTestDatabase();

/** Import runs per platform: half of the 1,000 randomized runs each (RELIABILITY_SCALE scales them). */
const RUNS = Math.round(inputsPerSurface() / 2);

let workspaceId: string;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  ({ workspaceId } = await createMerchant("Faults Merchant"));
});

/** The store's orders in Shipdeck, by key: how many rows each key has, and the last one's columns. */
async function storedOf(storeId: number) {
  const rows = await db.read.selectFrom("orders").select(["order_key", "status", "customer_notes", "active"]).where("store_id", "=", storeId).execute();
  const byKey = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) byKey.set(row.order_key, [...(byKey.get(row.order_key) ?? []), row]);
  return byKey;
}

type Outcome = Awaited<ReturnType<typeof importStore>>["status"];
const tally = (outcomes: Outcome[]) => Object.fromEntries([...new Set(outcomes)].sort().map((outcome) => [outcome, outcomes.filter((each) => each === outcome).length]));

describe("faults: nothing lost, nothing duplicated", () => {
  describe("Shopify", () => {
    let shop: ShopifyFake;
    let storeId: number;
    beforeAll(async () => {
      shop = await startShopifyFake({ startAt: Date.now() - 3 * 86_400_000, maxPageSize: 7, bucketSize: 1_000_000 });
      for (let i = 0; i < 30; i++) shop.add({ note: "v0" });
      storeId = Number(await createStore(workspaceId, { platform: "shopify", name: "Faulty Shopify", baseUrl: shop.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } }));
    });
    afterAll(() => shop.close());

    /** The shop goes on selling and editing, between runs and while a pull pages (during its waits). */
    const change = (random: Random, run: number) => {
      const all = shop.orders.all();
      const roll = random();
      if (roll < 0.3) shop.add({ note: `v${run}` });
      else if (roll < 0.8) shop.update(pick(random, all).id, { note: `v${run}` });
      else if (roll < 0.9) {
        const open = all.filter((order) => !order.cancelled_at);
        if (open.length) shop.cancel(pick(random, open).id);
      }
    };

    it(`${RUNS} imports under 5xx, 429 storms, malformed pages and orders changing mid-pull, then one clean run`, async () => {
      const random = seededRandom(11);
      const outcomes: Outcome[] = [];
      for (let run = 1; run <= RUNS; run++) {
        change(random, run);
        const fault = random();
        if (fault < 0.2) shop.failNext(1 + Math.floor(random() * 3), pick(random, [500, 502, 503]));
        else if (fault < 0.4) shop.rateLimitNext(1 + Math.floor(random() * 4));
        else if (fault < 0.55) shop.malformNext(pick(random, ["html", "no-orders-list", "order-without-id"] as const));
        const result = await importStore(workspaceId, storeId, {
          trigger: "manual",
          connector: connectorFor("shopify"),
          // The shop's clock is the import's: a store's clock and ours agree within the 10-minute overlap.
          now: () => shop.orders.now(),
          // Waits pass no real time; the shop changes while the pull waits between pages.
          sleep: async (ms: number) => {
            shop.elapse(ms);
            if (random() < 0.5) change(random, run);
          },
        });
        outcomes.push(result.status);
      }
      const clean = await importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor("shopify"), now: () => shop.orders.now(), sleep: async (ms: number) => shop.elapse(ms) });

      const stored = await storedOf(storeId);
      const channel = shop.orders.all();
      const lost = channel.filter((order) => !stored.has(String(order.id))).map((order) => order.id);
      const duplicated = [...stored].filter(([, rows]) => rows.length > 1).map(([key]) => key);
      // An order cancelled in Shipdeck stays as it was (the merge rules); every other one has the shop's latest note.
      const stale = channel.filter((order) => {
        const row = stored.get(String(order.id))?.[0];
        return row && row.status !== "cancelled" && row.customer_notes !== order.note;
      });
      const notCancelled = channel.filter((order) => order.cancelled_at && stored.get(String(order.id))?.[0]?.status !== "cancelled");
      await recordSurface("Shopify imports under faults", { tried: RUNS, outcomes: tally(outcomes), clean_run: clean.status, channel_orders: channel.length, lost: lost.length, duplicated: duplicated.length, stale: stale.length + notCancelled.length });
      expect(clean.status).toBe("succeeded");
      expect({ lost, duplicated, stale: stale.map((order) => order.id), notCancelled: notCancelled.map((order) => order.id) }).toEqual({ lost: [], duplicated: [], stale: [], notCancelled: [] });
    });
  });

  describe("custom store", () => {
    let store: CustomStoreFake;
    let storeId: number;
    const orderIds: string[] = [];
    beforeAll(async () => {
      store = await startCustomStoreFake({ pageSize: 7, startAt: Date.now() - 3 * 86_400_000 });
      for (let i = 0; i < 30; i++) orderIds.push(store.add({ customerNotes: "v0", status: "paid" }).orderId);
      storeId = Number(
        await createStore(workspaceId, {
          platform: "custom_store",
          name: "Faulty custom store",
          baseUrl: store.endpoint,
          credentials: { username: "shipstation", password: "s3cret-Pa55word" },
          statusMapping: { unpaid: "pending", paid: "paid,processing", shipped: "shipped,complete", cancelled: "cancelled", onHold: "on-hold" },
        }),
      );
    });
    afterAll(() => store.close());

    it(`${RUNS} imports under 5xx, 429s, truncated and malformed XML, then one clean run`, async () => {
      const random = seededRandom(12);
      const outcomes: Outcome[] = [];
      const ids = () => orderIds.map((id) => store.get(id)!);
      for (let run = 1; run <= RUNS; run++) {
        const roll = random();
        if (roll < 0.3) orderIds.push(store.add({ customerNotes: `v${run}`, status: "paid" }).orderId);
        else if (roll < 0.8) store.update(pick(random, ids()).orderId, { customerNotes: `v${run}` });
        else if (roll < 0.9) {
          const open = ids().filter((order) => order.status !== "cancelled");
          if (open.length) store.cancel(pick(random, open).orderId);
        }
        const fault = random();
        if (fault < 0.2) store.failNext(1 + Math.floor(random() * 3), pick(random, [500, 502, 503]));
        else if (fault < 0.4) store.rateLimitNext(1 + Math.floor(random() * 3), 1);
        else if (fault < 0.55) store.respondNext(pick(random, ['<Orders pages="1"><Order><OrderID>', "<html>Service Unavailable</html>", "", '<?xml version="1.0"?><Orders pages="x"></Orders>']), "text/xml");
        store.advance(60_000);
        const result = await importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor("custom_store"), now: () => store.now(), sleep: async () => undefined });
        outcomes.push(result.status);
      }
      store.advance(60_000);
      const clean = await importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor("custom_store"), now: () => store.now(), sleep: async () => undefined });

      const stored = await storedOf(storeId);
      const channel = ids();
      const lost = channel.filter((order) => !stored.has(order.orderId)).map((order) => order.orderId);
      const duplicated = [...stored].filter(([, rows]) => rows.length > 1).map(([key]) => key);
      const stale = channel.filter((order) => {
        const row = stored.get(order.orderId)?.[0];
        return row && row.status !== "cancelled" && (row.customer_notes ?? undefined) !== (order.customerNotes ?? undefined);
      });
      await recordSurface("custom store imports under faults", { tried: RUNS, outcomes: tally(outcomes), clean_run: clean.status, channel_orders: channel.length, lost: lost.length, duplicated: duplicated.length, stale: stale.length });
      expect(clean.status).toBe("succeeded");
      expect({ lost, duplicated, stale: stale.map((order) => order.orderId) }).toEqual({ lost: [], duplicated: [], stale: [] });
    });
  });
});
