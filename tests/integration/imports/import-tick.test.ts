import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { LEASE_MS } from "@/lib/imports/store-lease";
import { claimDueStores, runImportTick } from "@/lib/imports/import-tick";
import { startImportTicker, stopImportTicker } from "@/lib/imports/import-ticker";
import { reasonOf } from "@/lib/imports/store-schedule";
import { createStore, listStoresWithHealth } from "@/lib/stores/manage-stores";
import { startShopifyFake, type ShopifyFake } from "../../fakes/shopify/server";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const TOKEN = "shpat_fake_0123456789abcdef";
const fastSleep = async () => undefined;
const fakes: ShopifyFake[] = [];

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});
afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
});

/** A merchant with `count` Shopify stores, each its own fake shop holding `orders` orders. */
async function merchantWithShops(count: number, orders = 2) {
  const merchant = await createMerchant();
  const shops: { storeId: number; fake: ShopifyFake }[] = [];
  for (let i = 0; i < count; i++) {
    const fake = await startShopifyFake({ startAt: Date.now() - 86_400_000 });
    fakes.push(fake);
    for (let n = 0; n < orders; n++) fake.add({});
    const storeId = await createStore(merchant.workspaceId, { platform: "shopify", name: `Shop ${i + 1}`, baseUrl: fake.url, credentials: { accessToken: TOKEN } });
    shops.push({ storeId, fake });
  }
  return { ...merchant, shops };
}

async function storeRow(storeId: number) {
  return db.read.selectFrom("stores").selectAll().where("id", "=", storeId).executeTakeFirstOrThrow();
}

async function runsOf(storeId: number) {
  return db.read.selectFrom("import_runs").selectAll().where("store_id", "=", storeId).orderBy("id").execute();
}

async function orderCount(storeId: number) {
  return Number((await db.read.selectFrom("orders").select((eb) => eb.fn.countAll<number>().as("n")).where("store_id", "=", storeId).executeTakeFirstOrThrow()).n);
}

/** Makes every store of the test due now, so a tick takes them. */
async function makeDue(storeIds: number[], at = Date.now()) {
  await db.write.updateTable("stores").set({ next_import_at: at - 1 }).where("id", "in", storeIds).execute();
}

describe("the auto-import tick", () => {
  it("imports each due store once when three ticks run at the same time", async () => {
    const { shops } = await merchantWithShops(6, 3);
    const ticks = await Promise.all([0, 1, 2].map(() => runImportTick({ budgetMs: 30_000, concurrency: 2, sleep: fastSleep })));

    expect(ticks.reduce((sum, tick) => sum + tick.claimed, 0)).toBe(6);
    for (const { storeId } of shops) {
      expect(await runsOf(storeId)).toHaveLength(1);
      expect(await orderCount(storeId)).toBe(3);
      const store = await storeRow(storeId);
      expect(store).toMatchObject({ lease_owner: null, lease_until: null, consecutive_failures: 0 });
      // Scheduled again: later than now, with a reason the Stores page can show.
      expect(store.next_import_at).toBeGreaterThan(Date.now());
      expect(reasonOf(store)).toMatchObject({ kind: expect.any(String) });
    }
    const [run] = await runsOf(shops[0].storeId);
    expect(run).toMatchObject({ trigger: "schedule", status: "succeeded", created: 3 });
  });

  it("takes over a store whose import died holding the lease, once the lease expires, and duplicates nothing", async () => {
    const { shops } = await merchantWithShops(1, 2);
    const [{ storeId, fake }] = shops;
    // A first tick imports the shop; then its process "dies" while importing again: its lease stays.
    await runImportTick({ budgetMs: 30_000, sleep: fastSleep });
    fake.add({});
    const now = Date.now();
    await makeDue([storeId], now);
    expect(await claimDueStores("a-process-that-died", now, 10)).toEqual([expect.objectContaining({ id: storeId })]);

    expect(await runImportTick({ budgetMs: 30_000, sleep: fastSleep })).toMatchObject({ claimed: 0 });
    const later = now + LEASE_MS + 1;
    expect(await runImportTick({ budgetMs: 30_000, sleep: fastSleep, now: () => later })).toMatchObject({ claimed: 1, imported: 1 });
    expect(await orderCount(storeId)).toBe(3);
    expect(await db.read.selectFrom("orders").select("order_key").where("store_id", "=", storeId).execute()).toHaveLength(3);
  });

  it("backs a failing store off, flags it after three failures in a row, keeps it on, and clears it when an import succeeds", async () => {
    const { workspaceId, shops } = await merchantWithShops(1, 1);
    const [{ storeId, fake }] = shops;
    const attention = async () => (await listStoresWithHealth(workspaceId)).find((store) => store.id === storeId)!;
    const waits: number[] = [];
    for (let failure = 1; failure <= 3; failure++) {
      fake.failNext(5, 503);
      const now = Date.now();
      await makeDue([storeId], now);
      expect(await runImportTick({ budgetMs: 30_000, sleep: fastSleep, now: () => now })).toMatchObject({ claimed: 1, failed: 1 });
      const store = await storeRow(storeId);
      expect(store).toMatchObject({ consecutive_failures: failure, active: 1, auto_import: 1, last_error_kind: "unavailable" });
      expect(reasonOf(store)).toMatchObject({ kind: "retrying", failures: failure });
      waits.push(store.next_import_at! - now);
      expect((await attention()).needsAttention).toBe(failure >= 3);
    }
    // Failing never means polled faster.
    expect(waits[1]).toBeGreaterThanOrEqual(waits[0]);
    expect(waits[2]).toBeGreaterThanOrEqual(waits[1]);

    await makeDue([storeId]);
    expect(await runImportTick({ budgetMs: 30_000, sleep: fastSleep })).toMatchObject({ imported: 1, failed: 0 });
    expect(await storeRow(storeId)).toMatchObject({ consecutive_failures: 0, last_error: null, last_error_kind: null });
    expect((await attention()).needsAttention).toBe(false);
  });

  it("waits for the platform's Retry-After before trying a rate-limited store again", async () => {
    const { shops } = await merchantWithShops(1, 1);
    const [{ storeId, fake }] = shops;
    fake.rateLimitNext(10);
    const now = Date.now();
    await makeDue([storeId], now);
    expect(await runImportTick({ budgetMs: 30_000, sleep: fastSleep, now: () => now })).toMatchObject({ failed: 1 });
    const store = await storeRow(storeId);
    // The fake answers Retry-After: 2.0 (the schedule's own interval is longer here, so it is the reason shown);
    // a rate limit is not a failure of the store.
    expect(store.next_import_at).toBeGreaterThanOrEqual(now + 2_000);
    expect(store).toMatchObject({ consecutive_failures: 0, last_error_kind: "rate_limited" });
    expect(await runImportTick({ budgetMs: 30_000, sleep: fastSleep, now: () => now + 1_000 })).toMatchObject({ claimed: 0 });
  });

  it("starts nothing once its budget is spent, and gives back the leases of stores it claimed but did not start", async () => {
    const { shops } = await merchantWithShops(2, 1);
    const ids = shops.map((shop) => shop.storeId);
    // A clock that runs 600 ms a look: the claim comes in within the 1 s budget, the first import would not.
    let clock = Date.now();
    const tick = await runImportTick({ budgetMs: 1_000, sleep: fastSleep, now: () => (clock += 600) });
    expect(tick).toMatchObject({ claimed: 2, imported: 0, leftForLater: 2 });
    for (const id of ids) expect(await storeRow(id)).toMatchObject({ lease_owner: null, lease_until: null });
    expect(await runImportTick({ budgetMs: 0, sleep: fastSleep })).toMatchObject({ claimed: 0 });
    expect(await runImportTick({ budgetMs: 30_000, sleep: fastSleep })).toMatchObject({ claimed: 2, imported: 2 });
  });

  it("leaves alone a store the merchant switched off, a deactivated one, and Manual Orders", async () => {
    const { shops } = await merchantWithShops(2, 1);
    await db.write.updateTable("stores").set({ auto_import: 0 }).where("id", "=", shops[0].storeId).execute();
    await db.write.updateTable("stores").set({ active: 0 }).where("id", "=", shops[1].storeId).execute();
    await runImportTick({ budgetMs: 30_000, sleep: fastSleep });
    for (const { storeId } of shops) expect(await runsOf(storeId)).toEqual([]);
  });
});

describe("GET /api/cron/import", () => {
  const call = async (authorization?: string) => {
    const { GET } = await import("@/app/api/cron/import/route");
    return callRoute(GET, "/api/cron/import", { headers: authorization ? { authorization } : {} });
  };
  afterEach(() => {
    delete process.env.CRON_SECRET;
    (process.env as Record<string, string>).NODE_ENV = "test";
  });

  it("answers 401 without the secret or with a wrong one, and runs a tick with it", async () => {
    process.env.CRON_SECRET = "cron-secret-0123456789";
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong")).status).toBe(401);
    expect((await call("Bearer cron-secret-01234567890")).status).toBe(401);
    const tick = await call("Bearer cron-secret-0123456789");
    expect(tick).toMatchObject({ status: 200, json: { claimed: expect.any(Number), imported: expect.any(Number), failed: expect.any(Number), leftForLater: expect.any(Number) } });
  });

  it("refuses to run in production when no secret is configured", async () => {
    (process.env as Record<string, string>).NODE_ENV = "production";
    const answer = await call("Bearer anything");
    expect(answer.status).toBe(403);
    expect(answer.json.message).toMatch(/CRON_SECRET/);
  });
});

describe("the self-hosted ticker", () => {
  afterEach(() => stopImportTicker());

  it("is off on Vercel and when told so", () => {
    expect(startImportTicker({ VERCEL: "1" })).toBe(false);
    expect(startImportTicker({ AUTO_IMPORT_TICKER: "off" })).toBe(false);
  });

  it("imports a due store with no button pressed, one ticker per process", async () => {
    const { shops } = await merchantWithShops(1, 2);
    expect(startImportTicker({ AUTO_IMPORT_TICK_SECONDS: "1" })).toBe(true);
    expect(startImportTicker({ AUTO_IMPORT_TICK_SECONDS: "1" })).toBe(false);
    await expect.poll(() => orderCount(shops[0].storeId), { timeout: 8_000, interval: 100 }).toBe(2);
  });
});

describe("sweeps", () => {
  it("read the last week again once a day, and count what the incremental pulls had missed", async () => {
    const { shops } = await merchantWithShops(1, 2);
    const [{ storeId, fake }] = shops;
    const t0 = Date.now();
    expect(await runImportTick({ budgetMs: 30_000, sleep: fastSleep, now: () => t0 })).toMatchObject({ imported: 1 });
    expect(await orderCount(storeId)).toBe(2);
    // The first import read a month: it counts as a sweep that missed nothing, so the next is due a day after it, not never.
    expect(await storeRow(storeId)).toMatchObject({ last_sweep_at: t0, last_sweep_missed: 0 });

    // The shop commits an order late: its updated_at is an hour before the orders the cursor reached (the
    // shop's clock started a day back), far behind the cursor's 10-minute overlap.
    fake.add({}, { at: t0 - 25 * 3_600_000 });
    const t1 = t0 + 60 * 60_000;
    await makeDue([storeId], t1);
    await runImportTick({ budgetMs: 30_000, sleep: fastSleep, now: () => t1 });
    expect(await orderCount(storeId)).toBe(2);
    expect((await runsOf(storeId)).at(-1)).toMatchObject({ sweep_from: null });

    // A day and a half later the next import is a sweep of the last week: it finds the missed order.
    const t2 = t0 + 36 * 3_600_000;
    await makeDue([storeId], t2);
    await runImportTick({ budgetMs: 30_000, sleep: fastSleep, now: () => t2 });
    expect(await orderCount(storeId)).toBe(3);
    expect((await runsOf(storeId)).at(-1)).toMatchObject({ trigger: "schedule", created: 1, sweep_from: t2 - 7 * 86_400_000, sweep_until: t2 });
    expect(await storeRow(storeId)).toMatchObject({ last_sweep_at: t2, last_sweep_missed: 1 });
  });

  it("sweeps a date range a merchant asks for, and names the wrong end of a bad range", async () => {
    const { workspaceId, shops } = await merchantWithShops(1, 3);
    const [{ storeId }] = shops;
    const { sweepStoreRange } = await import("@/lib/imports/import-all-stores");
    const now = Date.now();
    expect(await sweepStoreRange(workspaceId, storeId, { from: now - 3 * 86_400_000, until: now })).toMatchObject({ status: "succeeded", created: 3 });
    expect(await storeRow(storeId)).toMatchObject({ last_sweep_missed: 3 });
    await expect(sweepStoreRange(workspaceId, storeId, { from: now, until: now - 1 })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { until: [expect.any(String)] } });
    await expect(sweepStoreRange(workspaceId, storeId, { from: now - 200 * 86_400_000, until: now })).rejects.toMatchObject({ fieldErrors: { from: [expect.stringContaining("90 days")] } });
    const other = await createMerchant("Other Merchant");
    await expect(sweepStoreRange(other.workspaceId, storeId, { from: now - 86_400_000, until: now })).rejects.toMatchObject({ code: "not_found" });
  });
});
