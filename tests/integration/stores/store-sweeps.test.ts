import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { connectorFor } from "@/lib/connectors/registry";
import { startOfDay, startOfNextDay } from "@/lib/dates";
import { parseWith } from "@/lib/errors";
import { importOneStore } from "@/lib/imports/import-all-stores";
import { importStore } from "@/lib/imports/import-store";
import { getStoreOrThrow } from "@/lib/stores/get-store";
import { createStore } from "@/lib/stores/manage-stores";
import { dayOf, sweepDaysSchema, sweepStoreDays } from "@/lib/stores/store-sweeps";
import { startShopifyFake, type ShopifyFake } from "../../fakes/shopify/server";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const TOKEN = "shpat_fake_0123456789abcdef";
const DAY = 86_400_000;
const ZONE = "America/New_York";
const fakes: ShopifyFake[] = [];

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});
afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
});

/** A merchant with one Shopify store: a fake shop whose clock started two days ago, holding `orders` orders. */
async function merchantWithShop(orders = 2) {
  const merchant = await createMerchant();
  const fake = await startShopifyFake({ accessToken: TOKEN, startAt: Date.now() - 2 * DAY });
  fakes.push(fake);
  for (let n = 0; n < orders; n++) fake.add({});
  const storeId = await createStore(merchant.workspaceId, { platform: "shopify", name: "Trail Shop", baseUrl: fake.url, credentials: { accessToken: TOKEN } });
  return { ...merchant, storeId, fake };
}

/** The form's days as the action parses them, in New York. */
function days(storeId: number, from: string, to: string, now = Date.now) {
  return parseWith(sweepDaysSchema(ZONE, now), { storeId, from, to }, "form");
}

async function orderCount(storeId: number) {
  return Number((await db.read.selectFrom("orders").select((eb) => eb.fn.countAll<number>().as("n")).where("store_id", "=", storeId).executeTakeFirstOrThrow()).n);
}

describe("a merchant's sweep of a date range", () => {
  it("imports the order the regular imports missed, and the store's page then says when, over what days and what it found", async () => {
    const { workspaceId, storeId, fake } = await merchantWithShop(2);
    const before = await getStoreOrThrow(workspaceId, storeId);
    expect(before.lastSweep).toBeNull();

    expect(await importOneStore(workspaceId, storeId, "manual")).toMatchObject({ status: "succeeded", created: 2 });
    // The shop commits an order late: updated three days ago, far behind the cursor's overlap.
    fake.add({}, { at: Date.now() - 3 * DAY });
    expect(await importOneStore(workspaceId, storeId, "manual")).toMatchObject({ status: "succeeded", created: 0 });
    expect(await orderCount(storeId)).toBe(2);

    const now = Date.now();
    const from = dayOf(now - 5 * DAY, ZONE);
    const to = dayOf(now, ZONE);
    const result = await sweepStoreDays(workspaceId, days(storeId, from, to));
    expect(result.summary).toMatchObject({ status: "succeeded", created: 1, unchanged: 2, failed: 0 });
    expect(result).toMatchObject({ firstDay: startOfDay(from, ZONE), lastDay: startOfDay(to, ZONE) });
    expect(await orderCount(storeId)).toBe(3);

    const page = await getStoreOrThrow(workspaceId, storeId);
    expect(page.lastSweep).toEqual({ at: expect.any(Number), missed: 1, window: { from: startOfDay(from, ZONE), until: expect.any(Number) }, daily: false });
    // A range ending today is read up to the moment the sweep started.
    expect(page.lastSweep!.window!.until).toBe(page.lastSweep!.at);
    expect(page.lastSweep!.at).toBeGreaterThanOrEqual(now);
    const [sweepRun, ...regular] = page.imports;
    expect(sweepRun).toMatchObject({ trigger: "manual", status: "succeeded", sweep: page.lastSweep!.window, counts: { created: 1, unchanged: 2 } });
    expect(regular.map((run) => run.sweep)).toEqual([null, null]);
  });

  it("reads whole days in the merchant's zone, the last one included, and tells the daily sweep from a merchant's", async () => {
    const { workspaceId, storeId } = await merchantWithShop(1);
    const range = days(storeId, "2026-11-01", "2026-11-30", () => Date.UTC(2026, 11, 6));
    expect(range).toEqual({ storeId, from: Date.UTC(2026, 10, 1, 4), until: Date.UTC(2026, 11, 1, 5), firstDay: Date.UTC(2026, 10, 1, 4), lastDay: Date.UTC(2026, 10, 30, 5) });

    // The tick's daily sweep of the last week is an import marked with its window.
    const at = Date.now();
    await importStore(workspaceId, storeId, { trigger: "schedule", connector: connectorFor("shopify"), sweep: { from: at - 7 * DAY, until: at }, now: () => at });
    expect((await getStoreOrThrow(workspaceId, storeId)).lastSweep).toEqual({ at, missed: 1, window: { from: at - 7 * DAY, until: at }, daily: true });
  });

  it("takes 90 calendar days across the autumn clock change, an hour longer than 90 × 24 h, starting that hour later", () => {
    const range = days(1, "2026-09-01", "2026-11-29", () => Date.UTC(2026, 11, 6));
    expect(range.until).toBe(startOfNextDay("2026-11-29", ZONE));
    expect(range.firstDay).toBe(startOfDay("2026-09-01", ZONE));
    expect(range.until - range.from).toBe(90 * DAY);
    expect(range.from - range.firstDay).toBe(3_600_000);
  });

  it("names the wrong field: To before From, more than 90 days or a From after today, and a day that does not exist", async () => {
    const { workspaceId, storeId } = await merchantWithShop(0);
    const now = Date.now();
    const today = dayOf(now, ZONE);
    const toBeforeFrom = await rejection(sweepStoreDays(workspaceId, days(storeId, today, dayOf(now - 2 * DAY, ZONE))));
    expect(toBeforeFrom.code).toBe("invalid_input");
    expect(toBeforeFrom.fieldErrors).toEqual({ to: [expect.any(String)] });
    // The day before From is an empty range, refused the same way.
    expect((await rejection(sweepStoreDays(workspaceId, days(storeId, today, dayOf(now - DAY, ZONE))))).fieldErrors).toEqual({ to: [expect.any(String)] });
    expect((await rejection(sweepStoreDays(workspaceId, days(storeId, dayOf(now - 120 * DAY, ZONE), today)))).fieldErrors).toEqual({ from: [expect.stringContaining("90 days")] });

    expect(() => days(storeId, dayOf(now + 2 * DAY, ZONE), dayOf(now + 3 * DAY, ZONE))).toThrow(expect.objectContaining({ fieldErrors: { from: ["The first day is after today."] } }));
    expect(() => days(storeId, "2026-02-30", "2026-03-02")).toThrow(expect.objectContaining({ fieldErrors: { from: ["Choose a day"] } }));
    expect(() => days(storeId, "2026-03-01", "")).toThrow(expect.objectContaining({ fieldErrors: { to: ["Choose a day"] } }));
    // Nothing was swept.
    expect((await getStoreOrThrow(workspaceId, storeId)).lastSweep).toBeNull();
  });

  it("answers busy when another import holds the store, and sweeps nothing", async () => {
    const { workspaceId, storeId } = await merchantWithShop(1);
    const now = Date.now();
    await db.write.updateTable("stores").set({ lease_owner: "another-import", lease_until: now + 60_000 }).where("id", "=", storeId).execute();
    const { summary } = await sweepStoreDays(workspaceId, days(storeId, dayOf(now - 3 * DAY, ZONE), dayOf(now, ZONE)));
    expect(summary.status).toBe("busy");
    expect(await orderCount(storeId)).toBe(0);
    expect((await getStoreOrThrow(workspaceId, storeId)).lastSweep).toBeNull();
  });

  it("answers another workspace's store as not found", async () => {
    const { storeId } = await merchantWithShop(0);
    const other = await createMerchant("Other Merchant");
    const now = Date.now();
    expect((await rejection(sweepStoreDays(other.workspaceId, days(storeId, dayOf(now - DAY, ZONE), dayOf(now, ZONE))))).code).toBe("not_found");
  });
});
