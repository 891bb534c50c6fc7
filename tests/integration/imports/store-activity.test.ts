import { beforeAll, describe, expect, it } from "vitest";
import { sql, type Compilable } from "kysely";
import { db } from "@/db/database";
import { finishImportRun, startImportRun } from "@/lib/imports/import-runs";
import { ACTIVITY_HOURS, activityOrdersQuery, activityRunsQuery, getStoreActivity } from "@/lib/imports/store-activity";
import { importOrders } from "@/lib/orders/import-orders";
import { createStore } from "@/lib/stores/manage-stores";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 14:20 UTC: the window's last hour is 14:00–15:00, its first 15:00 fourteen days before. */
const NOW = Date.UTC(2026, 10, 30, 14, 20);
const LAST_HOUR = ACTIVITY_HOURS - 1;

async function connectShop(workspaceId: string, name = "Night Shop") {
  return createStore(workspaceId, { platform: "shopify", name, baseUrl: "https://shop.example", credentials: { accessToken: "shpat_secret" } });
}

async function run(workspaceId: string, storeId: number, trigger: "manual" | "schedule" | "webhook" | "api", at: number, status: "succeeded" | "failed", kind: "store" | "csv" = "store") {
  const id = await startImportRun(workspaceId, storeId, kind, trigger, null, at);
  await finishImportRun(workspaceId, id, { status, cursorAfter: null }, at + 2000);
}

async function planOf(query: Compilable): Promise<string> {
  const compiled = query.compile();
  const result = await db.read.executeQuery({ ...compiled, sql: `EXPLAIN QUERY PLAN ${compiled.sql}` } as typeof compiled);
  return (result.rows as unknown as { detail: string }[]).map((row) => row.detail).join("\n");
}

describe("getStoreActivity: a store's last 14 days", () => {
  it("counts the store's orders per hour by order date, the current hour last, and nothing outside the window or from another store", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const otherStore = await connectShop(workspaceId, "Day Shop");
    const start = Date.UTC(2026, 10, 16, 15);
    await importOrders(
      workspaceId,
      storeId,
      [
        buildOrder({ orderDate: NOW - 5 * MINUTE }),
        buildOrder({ orderDate: Date.UTC(2026, 10, 30, 14, 0) }),
        buildOrder({ orderDate: Date.UTC(2026, 10, 30, 13, 59, 59) }),
        buildOrder({ orderDate: start }),
        buildOrder({ orderDate: start - 1 }), // just before the window
        buildOrder({ orderDate: Date.UTC(2026, 10, 20, 9, 30) }),
        buildOrder({ orderDate: Date.UTC(2026, 10, 20, 9, 45) }),
        buildOrder({ orderDate: Date.UTC(2026, 10, 20, 9, 59) }),
      ],
      { source: "test" },
    );
    await importOrders(workspaceId, otherStore, [buildOrder({ orderDate: NOW - MINUTE })], { source: "test" });

    const activity = await getStoreActivity(workspaceId, storeId, NOW);
    expect(activity.from).toBe(start);
    expect(activity.to).toBe(Date.UTC(2026, 10, 30, 15));
    expect(activity.orders).toHaveLength(ACTIVITY_HOURS);
    expect(activity.orders[LAST_HOUR]).toBe(2);
    expect(activity.orders[LAST_HOUR - 1]).toBe(1);
    expect(activity.orders[0]).toBe(1);
    expect(activity.orders[(Date.UTC(2026, 10, 20, 9) - start) / HOUR]).toBe(3);
    expect(activity.orders.reduce((sum, count) => sum + count, 0)).toBe(7);
    expect(activity.totals).toEqual({ orders: 7, imports: 0, failed: 0 });
  });

  it("lists the store's imports per hour and trigger, with the failed ones, and leaves out CSV files", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const hourStart = Date.UTC(2026, 10, 30, 10);
    await run(workspaceId, storeId, "schedule", hourStart + 5 * MINUTE, "succeeded");
    await run(workspaceId, storeId, "schedule", hourStart + 25 * MINUTE, "failed");
    await run(workspaceId, storeId, "schedule", hourStart + 45 * MINUTE, "succeeded");
    await run(workspaceId, storeId, "manual", hourStart + 50 * MINUTE, "succeeded");
    await run(workspaceId, storeId, "webhook", NOW - MINUTE, "succeeded");
    await run(workspaceId, storeId, "manual", NOW - MINUTE, "succeeded", "csv");
    await run(workspaceId, storeId, "schedule", NOW - 15 * 24 * HOUR, "failed");

    const activity = await getStoreActivity(workspaceId, storeId, NOW);
    const hour = LAST_HOUR - 4;
    expect(activity.imports).toEqual([
      { hour, trigger: "manual", runs: 1, failed: 0 },
      { hour, trigger: "schedule", runs: 3, failed: 1 },
      { hour: LAST_HOUR, trigger: "webhook", runs: 1, failed: 0 },
    ]);
    expect(activity.totals).toEqual({ orders: 0, imports: 5, failed: 1 });
  });

  it("answers another workspace's store and Manual Orders as not found", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const theirs = await connectShop(other.workspaceId, "Theirs");
    await importOrders(other.workspaceId, theirs, [buildOrder({ orderDate: NOW - MINUTE })], { source: "test" });
    expect((await rejection(getStoreActivity(me.workspaceId, theirs, NOW))).code).toBe("not_found");
    expect((await rejection(getStoreActivity(me.workspaceId, me.manualStoreId, NOW))).code).toBe("not_found");
    // Even asked directly, the orders query counts nothing of another workspace's store.
    const rows = await activityOrdersQuery(me.workspaceId, theirs, NOW - HOUR, NOW + HOUR).execute();
    expect(rows).toEqual([]);
    expect((await getStoreActivity(other.workspaceId, theirs, NOW)).totals.orders).toBe(1);
  });

  for (const analyzed of [false, true]) {
    it(`reads the orders' (store, order date) index and the runs' (workspace, store, started at) index, never a table scan${analyzed ? ", after ANALYZE" : ""}`, async () => {
      if (analyzed) await sql`ANALYZE`.execute(db.write);
      const from = NOW - ACTIVITY_HOURS * HOUR;
      const orders = await planOf(activityOrdersQuery("ws", 1, from, NOW));
      expect(orders).toMatch(/SEARCH orders USING COVERING INDEX orders_store_order_date \(store_id=\? AND order_date>\? AND order_date<\?\)/);
      expect(orders).toMatch(/SEARCH stores USING INTEGER PRIMARY KEY/);
      expect(orders).not.toMatch(/SCAN (orders|stores)\b/);

      const runs = await planOf(activityRunsQuery("ws", 1, from, NOW));
      expect(runs).toMatch(/SEARCH import_runs USING INDEX import_runs_store \(workspace_id=\? AND store_id=\? AND started_at>\? AND started_at<\?\)/);
      expect(runs).not.toMatch(/SCAN import_runs/);
    });
  }
});
