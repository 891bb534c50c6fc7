import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import type { StoreErrorKind } from "@/db/schema";
import { ConnectorError, type Connector, type PulledPage } from "@/lib/connectors/types";
import { importStore } from "@/lib/imports/import-store";
import { claimDueStores } from "@/lib/imports/import-tick";
import { createStore, listStoresWithHealth, setStoreActive, setStoreAutoImport } from "@/lib/stores/manage-stores";
import { getStoreOrThrow } from "@/lib/stores/get-store";
import { listStoresNeedingAttention } from "@/lib/stores/store-health";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

const MINUTE = 60_000;

/** A connector that hands back these pages, or fails the way a platform does. */
function connector(behaviour: { pages?: PulledPage[]; fail?: { kind: StoreErrorKind; message: string; retryAfterMs?: number } }): Connector {
  return {
    platform: "shopify",
    testConnection: async () => ({ ok: true }),
    async *pull() {
      const { fail } = behaviour;
      // A bug or an outage on our side is any other error.
      if (fail?.kind === "internal") throw new Error(fail.message);
      if (fail) throw new ConnectorError(fail.message, fail.kind, fail.retryAfterMs);
      for (const page of behaviour.pages ?? []) yield page;
    },
  };
}

async function connectShop(workspaceId: string, name = "Night Shop") {
  return createStore(workspaceId, { platform: "shopify", name, baseUrl: "https://shop.example", credentials: { accessToken: "shpat_secret" } });
}

async function healthOfStore(workspaceId: string, storeId: number, now?: number) {
  const store = (await listStoresWithHealth(workspaceId, now)).find((row) => row.id === storeId);
  if (!store) throw new Error(`store ${storeId} not listed`);
  return store;
}

describe("a store's imports as the Stores page shows them", () => {
  it("gives the last import, the last automatic one, the next one and why, never the credentials", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const t0 = Date.UTC(2026, 10, 20, 9);
    const before = await healthOfStore(workspaceId, storeId, t0);
    expect(before).toMatchObject({ connected: true, autoImport: true, importing: false, lastImportAt: null, lastAutomaticImportAt: null, failures: 0, needsAttention: false, advice: null, reason: { kind: "first_import" } });

    const orders = [buildOrder({ orderDate: t0 - 30 * MINUTE }), buildOrder({ orderDate: t0 - 10 * MINUTE })];
    await importStore(workspaceId, storeId, { trigger: "schedule", connector: connector({ pages: [{ orders, cursorAfter: t0 - MINUTE }] }), now: () => t0 });
    await importStore(workspaceId, storeId, { trigger: "manual", connector: connector({ pages: [] }), now: () => t0 + 5 * MINUTE });

    const health = await healthOfStore(workspaceId, storeId, t0 + 6 * MINUTE);
    expect(health).toMatchObject({ lastImportAt: t0 + 5 * MINUTE, lastAutomaticImportAt: t0, failures: 0, needsAttention: false, lastError: null, advice: null, orders: 2 });
    expect(health.nextImportAt).toBeGreaterThan(t0 + 5 * MINUTE);
    // Orders arrived minutes ago: the store is active, checked every few minutes.
    expect(health.reason).toMatchObject({ kind: "active", everyMinutes: expect.any(Number) });
    expect(JSON.stringify(health)).not.toContain("shpat_secret");
    expect(Object.keys(health)).not.toContain("credentials");

    const page = await getStoreOrThrow(workspaceId, storeId, t0 + 6 * MINUTE);
    expect(page.health).toEqual(Object.fromEntries(Object.keys(page.health).map((key) => [key, health[key as keyof typeof health]])));
  });

  it("flags a store only from the third failure in a row, with what to do for its kind of error, and clears it on success", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const failing = connector({ fail: { kind: "unavailable", message: "Shopify answered 503 (server error)." } });
    let at = Date.UTC(2026, 10, 21, 9);
    for (const failures of [1, 2, 3, 4]) {
      await importStore(workspaceId, storeId, { trigger: "schedule", connector: failing, now: () => at });
      const health = await healthOfStore(workspaceId, storeId, at);
      expect(health).toMatchObject({ failures, needsAttention: failures >= 3, autoImport: true, lastError: "Shopify answered 503 (server error).", lastErrorKind: "unavailable" });
      expect(health.advice).toEqual({ kind: "unavailable", problem: "stores.health.problem.unavailable", action: "stores.health.advice.unavailable", fixInSettings: false });
      expect(health.reason).toMatchObject({ kind: "retrying", failures });
      expect((await listStoresNeedingAttention(workspaceId, at)).map((store) => store.storeId)).toEqual(failures >= 3 ? [storeId] : []);
      at += 40 * MINUTE;
    }

    await importStore(workspaceId, storeId, { trigger: "schedule", connector: connector({ pages: [] }), now: () => at });
    expect(await healthOfStore(workspaceId, storeId, at)).toMatchObject({ failures: 0, needsAttention: false, lastError: null, advice: null });
    expect(await listStoresNeedingAttention(workspaceId, at)).toEqual([]);
  });

  it("says what to do for each kind of error", async () => {
    const { workspaceId } = await createMerchant();
    const expected: Record<StoreErrorKind, boolean> = { auth: true, not_found: true, bad_response: true, rate_limited: false, unavailable: false, internal: false };
    for (const [kind, fixInSettings] of Object.entries(expected) as [StoreErrorKind, boolean][]) {
      const storeId = await connectShop(workspaceId, `Shop ${kind}`);
      await db.write.updateTable("stores").set({ consecutive_failures: 3, last_error: `failed: ${kind}`, last_error_kind: kind }).where("id", "=", storeId).execute();
      const [flagged] = (await listStoresNeedingAttention(workspaceId)).filter((store) => store.storeId === storeId);
      expect(flagged).toMatchObject({ name: `Shop ${kind}`, platform: "shopify" });
      expect(flagged.health.advice).toEqual({ kind, problem: `stores.health.problem.${kind}`, action: `stores.health.advice.${kind}`, fixInSettings });
    }
  });

  it("keeps a rate-limited store's next try at the platform's time", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const at = Date.UTC(2026, 10, 22, 14);
    const limited = connector({ fail: { kind: "rate_limited", message: "Shopify is rate limiting requests; try again in 3600 s.", retryAfterMs: 3_600_000 } });
    await importStore(workspaceId, storeId, { trigger: "schedule", connector: limited, now: () => at });
    // A rate limit is not a failure: the store is not flagged, and waits as asked.
    expect(await healthOfStore(workspaceId, storeId, at)).toMatchObject({
      failures: 0,
      needsAttention: false,
      lastErrorKind: "rate_limited",
      nextImportAt: at + 3_600_000,
      reason: { kind: "rate_limited", until: at + 3_600_000 },
      advice: { kind: "rate_limited", action: "stores.health.advice.rate_limited" },
    });
  });

  it("names only this workspace's active stores on the Orders banner", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const mine = await connectShop(me.workspaceId, "Mine");
    const paused = await connectShop(me.workspaceId, "Paused");
    const theirs = await connectShop(other.workspaceId, "Theirs");
    await db.write.updateTable("stores").set({ consecutive_failures: 5, last_error: "Shopify refused the credentials (401).", last_error_kind: "auth" }).where("id", "in", [mine, paused, theirs]).execute();
    await setStoreActive(me.workspaceId, paused, false);

    expect((await listStoresNeedingAttention(me.workspaceId)).map((store) => store.name)).toEqual(["Mine"]);
    expect((await listStoresNeedingAttention(other.workspaceId)).map((store) => store.name)).toEqual(["Theirs"]);
  });
});

describe("setStoreAutoImport: the store's switch", () => {
  it("switches it off so no tick takes it, and on again due now", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const t0 = Date.now();
    await importStore(workspaceId, storeId, { trigger: "schedule", connector: connector({ pages: [] }), now: () => t0 });
    const scheduled = (await healthOfStore(workspaceId, storeId)).nextImportAt!;
    expect(scheduled).toBeGreaterThan(t0);

    await setStoreAutoImport(workspaceId, storeId, false, t0 + MINUTE);
    expect(await healthOfStore(workspaceId, storeId)).toMatchObject({ autoImport: false, nextImportAt: scheduled });
    expect((await claimDueStores("test-off", scheduled + 1, 100)).map((store) => store.id)).not.toContain(storeId);

    await setStoreAutoImport(workspaceId, storeId, true, t0 + 2 * MINUTE);
    expect(await healthOfStore(workspaceId, storeId)).toMatchObject({ autoImport: true, nextImportAt: t0 + 2 * MINUTE });
    const claimed = await claimDueStores("test-on", t0 + 2 * MINUTE, 100);
    expect(claimed.map((store) => store.id)).toContain(storeId);
    await db.write.updateTable("stores").set({ lease_owner: null, lease_until: null }).where("lease_owner", "=", "test-on").execute();
  });

  it("refuses another workspace's store and the Manual Orders store, and changes nothing", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const theirs = await connectShop(other.workspaceId, "Theirs");
    expect((await rejection(setStoreAutoImport(me.workspaceId, theirs, false))).code).toBe("not_found");
    expect((await rejection(setStoreAutoImport(me.workspaceId, me.manualStoreId, true))).code).toBe("not_found");
    expect(await healthOfStore(other.workspaceId, theirs)).toMatchObject({ autoImport: true });
  });

  it("is the only thing that turns it off: failing, rate-limited and deactivated stores keep it on", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    let at = Date.UTC(2026, 10, 23, 9);
    for (const kind of ["auth", "auth", "auth", "auth", "not_found", "bad_response"] as const) {
      await importStore(workspaceId, storeId, { trigger: "schedule", connector: connector({ fail: { kind, message: kind } }), now: () => at });
      at += 60 * MINUTE;
    }
    await setStoreActive(workspaceId, storeId, false);
    await setStoreActive(workspaceId, storeId, true);
    expect(await healthOfStore(workspaceId, storeId, at)).toMatchObject({ autoImport: true, failures: 6, needsAttention: true });
  });
});
