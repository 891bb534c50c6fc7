import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { connectorFor } from "@/lib/connectors/registry";
import { importStore } from "@/lib/imports/import-store";
import { createReplacementOrder } from "@/lib/orders/order-actions";
import { createStore, type StoreInput } from "@/lib/stores/manage-stores";
import type { ConnectablePlatform } from "@/lib/stores/platforms";
import { amazonFixture, startAmazonFake } from "../../fakes/amazon/server";
import { startBigCommerceFake } from "../../fakes/bigcommerce/server";
import { startCustomStoreFake } from "../../fakes/custom-store/server";
import { startShopifyFake } from "../../fakes/shopify/server";
import { startWooCommerceFake } from "../../fakes/woocommerce/server";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

/**
 * DESIGN.md's merge table, end to end for every platform: the real connector pulls from the
 * platform's fake through importStore, and the orders it leaves behind are checked.
 */

useTestDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

const MINUTE = 60_000;

/** One connected platform, as a test drives it: its clock, its orders, the store that reaches it. */
interface Platform {
  store: Omit<StoreInput, "platform" | "name">;
  /** The platform's clock (epoch ms); imports run "now" by it. */
  now(): number;
  advance(ms: number): void;
  /** Places an open order and returns its key (the channel's order id). */
  add(): string;
  /** Changes a field that is not the status; it shows in the adapter's `changedColumn`. */
  change(key: string, text: string): void;
  cancel(key: string): void;
  reactivate(key: string): void;
  /** Fast sleep: lets the fake's time pass instead of waiting. */
  sleep(ms: number): Promise<void>;
  close(): Promise<void>;
  /** The fake itself, for variants that drive it another way. */
  fake?: unknown;
}

interface Adapter {
  platform: ConnectablePlatform;
  /** Names a variant of a platform (how it withdraws an order); the platform's name otherwise. */
  label?: string;
  changedColumn: "customer_notes" | "requested_shipping_service";
  /** Starts the fake with its clock at `startAt` (a little before real now). */
  start(startAt: number): Promise<Platform>;
}

const shopify: Adapter = {
  platform: "shopify",
  changedColumn: "customer_notes",
  async start(startAt) {
    const accessToken = "shpat_test_9f8e7d6c5b4a3210";
    const fake = await startShopifyFake({ startAt, accessToken });
    // Each change is stamped a second after the last on our clock, which `advance` moves on.
    let clock = startAt;
    const at = () => ({ at: (clock += 1000) });
    return {
      store: { baseUrl: fake.url, credentials: { accessToken } },
      now: () => clock,
      advance: (ms) => void (clock += ms),
      add: () => String(fake.add({}, at()).id),
      change: (key, text) => void fake.update(Number(key), { note: text }, at()),
      cancel: (key) => void fake.cancel(Number(key), at()),
      reactivate: (key) => void fake.reactivate(Number(key), at()),
      sleep: async (ms) => fake.elapse(ms),
      close: () => fake.close(),
    };
  },
};

const woocommerce: Adapter = {
  platform: "woocommerce",
  changedColumn: "customer_notes",
  async start(startAt) {
    const fake = await startWooCommerceFake({ startAt });
    return {
      fake,
      store: { baseUrl: fake.url, credentials: { consumerKey: fake.consumerKey, consumerSecret: fake.consumerSecret } },
      now: () => fake.now(),
      advance: (ms) => fake.advance(ms),
      add: () => String(fake.add().id),
      change: (key, text) => void fake.update(Number(key), { customer_note: text }),
      cancel: (key) => void fake.cancel(Number(key)),
      reactivate: (key) => void fake.reactivate(Number(key)),
      sleep: async () => {},
      close: () => fake.close(),
    };
  },
};

const amazon: Adapter = {
  platform: "amazon",
  // Amazon has no order note; the shipping service level is a field the seller's buyer can change.
  changedColumn: "requested_shipping_service",
  async start(startAt) {
    const fake = await startAmazonFake();
    // The fake's own clock is real time, and Amazon only lists changes older than 2 minutes: every
    // change is stamped on a clock of ours that stays well behind real time.
    let clock = startAt;
    const at = () => ({ at: (clock += 1000) });
    let orders = 0;
    return {
      store: { baseUrl: fake.url, credentials: { ...fake.credentials } },
      now: () => clock,
      advance: (ms) => void (clock += ms),
      add: () => {
        const id = `113-${String(++orders).padStart(7, "0")}-4242424`;
        fake.add(amazonFixture("mfn-unshipped", { AmazonOrderId: id }), at());
        return id;
      },
      change: (key, text) => void fake.update(key, { ShipmentServiceLevelCategory: text }, at()),
      cancel: (key) => void fake.cancel(key, at()),
      reactivate: (key) => void fake.reactivate(key, at()),
      sleep: async (ms) => fake.elapse(ms),
      close: () => fake.close(),
    };
  },
};

const bigcommerce: Adapter = {
  platform: "bigcommerce",
  changedColumn: "customer_notes",
  async start(startAt) {
    const fake = await startBigCommerceFake({ startAt });
    return {
      fake,
      store: { baseUrl: fake.url, credentials: { storeHash: fake.storeHash, accessToken: fake.accessToken } },
      now: () => fake.now(),
      advance: (ms) => fake.advance(ms),
      add: () => String(fake.add().id),
      change: (key, text) => void fake.update(Number(key), { customer_message: text }),
      cancel: (key) => void fake.cancel(Number(key)),
      reactivate: (key) => void fake.reactivate(Number(key)),
      sleep: async () => {},
      close: () => fake.close(),
    };
  },
};

const customStore: Adapter = {
  platform: "custom_store",
  changedColumn: "customer_notes",
  async start(startAt) {
    const credentials = { username: "shipstation", password: "s3cret-Pa55word" };
    const fake = await startCustomStoreFake({ startAt, ...credentials });
    return {
      store: {
        baseUrl: fake.endpoint,
        credentials,
        statusMapping: { unpaid: "pending", paid: "paid,processing", shipped: "shipped,complete", cancelled: "cancelled", onHold: "on-hold" },
      },
      now: () => fake.now(),
      advance: (ms) => fake.advance(ms),
      add: () => fake.add().orderId,
      change: (key, text) => void fake.update(key, { customerNotes: text }),
      cancel: (key) => void fake.cancel(key),
      reactivate: (key) => void fake.reactivate(key),
      sleep: async () => {},
      close: () => fake.close(),
    };
  },
};

/** The same platforms withdrawing orders the other way they can: WooCommerce's bin, BigCommerce's archive. */
const withdrawnBy = (adapter: Adapter, label: string, withdraw: "trash" | "archive"): Adapter => ({
  ...adapter,
  label,
  async start(startAt) {
    const platform = await adapter.start(startAt);
    const fake = (platform as Platform & { fake: { trash?(id: number): unknown; untrash?(id: number): unknown; archive?(id: number): unknown; restore?(id: number): unknown } }).fake;
    return {
      ...platform,
      cancel: (key) => void (withdraw === "trash" ? fake.trash!(Number(key)) : fake.archive!(Number(key))),
      reactivate: (key) => void (withdraw === "trash" ? fake.untrash!(Number(key)) : fake.restore!(Number(key))),
    };
  },
});

let running: Platform | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A merchant with the platform's store connected, and an import that runs by the platform's clock. */
async function connect(adapter: Adapter) {
  // An hour back from real now, on the minute: the first import (30 days back) reaches everything,
  // and Amazon's "at least 2 minutes ago" is far behind us.
  const platform = (running = await adapter.start(Math.floor((Date.now() - 60 * MINUTE) / MINUTE) * MINUTE));
  const { workspaceId } = await createMerchant();
  const storeId = await createStore(workspaceId, { platform: adapter.platform, name: `My ${adapter.platform}`, ...platform.store });
  /** Lets a minute pass (so every change so far is inside the pull's window) and imports. */
  async function runImport() {
    platform.advance(MINUTE);
    const summary = await importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor(adapter.platform), now: () => platform.now(), sleep: (ms) => platform.sleep(ms) });
    expect(summary).toMatchObject({ status: "succeeded", error: null, failed: 0 });
    return summary;
  }
  const orderOf = (key: string) => db.read.selectFrom("orders").selectAll().where("store_id", "=", storeId).where("order_key", "=", key).executeTakeFirstOrThrow();
  const ordersOfStore = () => db.read.selectFrom("orders").selectAll().where("store_id", "=", storeId).orderBy("id").execute();
  const eventsOf = (orderId: number) => db.read.selectFrom("order_events").selectAll().where("order_id", "=", orderId).orderBy("id").execute();
  const eventsOfStore = () =>
    db.read.selectFrom("order_events").selectAll().where("order_id", "in", (eb) => eb.selectFrom("orders").select("id").where("store_id", "=", storeId)).orderBy("id").execute();
  return { platform, workspaceId, storeId, runImport, orderOf, ordersOfStore, eventsOf, eventsOfStore };
}

const ADAPTERS = [
  shopify,
  woocommerce,
  withdrawnBy(woocommerce, "woocommerce, orders moved to the bin", "trash"),
  amazon,
  bigcommerce,
  withdrawnBy(bigcommerce, "bigcommerce, orders archived", "archive"),
  customStore,
].map((adapter) => ({ ...adapter, label: adapter.label ?? adapter.platform }));

describe.each(ADAPTERS)("merge rules on $label", (adapter) => {
  it("creates an order first seen cancelled inactive, and never changes it again", async () => {
    const { platform, runImport, orderOf, eventsOf } = await connect(adapter);
    const key = platform.add();
    platform.cancel(key);

    expect(await runImport()).toMatchObject({ created: 1, cancelled: 1, updated: 0 });
    const created = await orderOf(key);
    expect(created).toMatchObject({ status: "cancelled", active: 0 });
    const history = await eventsOf(created.id);
    expect(history.map((event) => event.action)).toEqual(["created"]);

    platform.change(key, "Changed on the platform after the cancellation");
    // The order was read again (skipped), and nothing about it moved.
    expect(await runImport()).toMatchObject({ created: 0, updated: 0, cancelled: 0, skipped: 1 });
    expect(await orderOf(key)).toEqual(created);
    expect(await eventsOf(created.id)).toEqual(history);
  });

  it("cancels and deactivates an open order the platform cancels later", async () => {
    const { platform, runImport, orderOf, eventsOf } = await connect(adapter);
    const key = platform.add();

    expect(await runImport()).toMatchObject({ created: 1, cancelled: 0 });
    const open = await orderOf(key);
    expect(open.active).toBe(1);
    expect(open.status).not.toBe("cancelled");

    platform.cancel(key);
    expect(await runImport()).toMatchObject({ created: 0, updated: 1, cancelled: 1 });
    expect(await orderOf(key)).toMatchObject({ id: open.id, status: "cancelled", active: 0 });
    expect((await eventsOf(open.id)).map((event) => event.action)).toEqual(["created", "cancelled"]);
  });

  it("keeps a cancelled order the platform reopens cancelled, flags it, and lets a new order take the platform's changes", async () => {
    const { platform, workspaceId, runImport, orderOf, eventsOf } = await connect(adapter);
    const key = platform.add();
    await runImport();
    platform.cancel(key);
    expect(await runImport()).toMatchObject({ updated: 1, cancelled: 1 });
    const cancelled = await orderOf(key);

    platform.reactivate(key);
    expect(await runImport()).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    const flagged = await orderOf(key);
    expect(flagged).toMatchObject({ status: "cancelled", active: 0, replaced_by_order_id: null });
    expect(flagged.reactivated_in_channel_at).toEqual(expect.any(Number));
    expect({ ...flagged, reactivated_in_channel_at: null }).toEqual(cancelled);
    const notice = (await eventsOf(cancelled.id)).at(-1)!;
    expect(notice.action).toBe("reactivated_in_channel");
    expect(JSON.parse(notice.change_set!).status[0]).toBe("cancelled");

    const replacement = await createReplacementOrder(workspaceId, cancelled.id, { actor: "test", source: "manual" });
    expect(replacement.outcome).toBe("created");
    const newOrder = await orderOf(`${key}#2`);
    expect(newOrder).toMatchObject({ id: replacement.orderId, active: 1, order_number: cancelled.order_number });
    expect(["awaiting_payment", "awaiting_shipment", "pending_fulfillment", "on_hold"]).toContain(newOrder.status);
    expect((await orderOf(key)).replaced_by_order_id).toBe(newOrder.id);

    platform.change(key, "Changed on the platform after the new order");
    expect(await runImport()).toMatchObject({ created: 0, updated: 1, skipped: 0 });
    expect((await orderOf(`${key}#2`))[adapter.changedColumn]).toBe("Changed on the platform after the new order");
    const old = await orderOf(key);
    expect(old).toMatchObject({ status: "cancelled", active: 0, replaced_by_order_id: newOrder.id, [adapter.changedColumn]: cancelled[adapter.changedColumn] });

    // Read once more with nothing new: the new order is already up to date.
    const eventsBefore = [...(await eventsOf(old.id)), ...(await eventsOf(newOrder.id))];
    expect(await runImport()).toMatchObject({ created: 0, updated: 0 });
    expect([...(await eventsOf(old.id)), ...(await eventsOf(newOrder.id))]).toEqual(eventsBefore);
  });

  it("writes nothing when an unchanged store is imported again", async () => {
    const { platform, runImport, ordersOfStore, eventsOfStore } = await connect(adapter);
    platform.add();
    platform.cancel(platform.add());
    expect(await runImport()).toMatchObject({ created: 2, cancelled: 1 });
    const orders = await ordersOfStore();
    const events = await eventsOfStore();

    // The overlap reads both orders again: the open one is unchanged, the cancelled one skipped.
    expect(await runImport()).toMatchObject({ created: 0, updated: 0, cancelled: 0, unchanged: 1, skipped: 1 });
    expect(await ordersOfStore()).toEqual(orders);
    expect(await eventsOfStore()).toEqual(events);
  });
});
