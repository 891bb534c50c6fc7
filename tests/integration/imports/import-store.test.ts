import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/database";
import type { Connector, PulledPage, StoreConnection, PullOptions } from "@/lib/connectors/types";
import { ConnectorError } from "@/lib/connectors/types";
import { CURSOR_OVERLAP_MS, importStore } from "@/lib/imports/import-store";
import { listImportRuns } from "@/lib/imports/import-runs";
import { createStore, listStoresWithHealth, setStoreActive, storedCredentials } from "@/lib/stores/manage-stores";
import { useTestDatabase } from "../../helpers/database";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

/** A connector that plays back pages, and can fail after some of them. */
function scriptedConnector(pages: PulledPage[], options: { failAfter?: number } = {}) {
  const calls: { connection: StoreConnection; options: PullOptions }[] = [];
  const connector: Connector = {
    platform: "shopify",
    testConnection: async () => ({ ok: true }),
    async *pull(connection, pullOptions) {
      calls.push({ connection, options: pullOptions });
      for (const [index, page] of pages.entries()) {
        if (options.failAfter !== undefined && index >= options.failAfter) throw new ConnectorError("Shopify answered 503 (server error).", "unavailable");
        yield page;
      }
    },
  };
  return { connector, calls };
}

async function connectShop(workspaceId: string) {
  return createStore(workspaceId, { platform: "shopify", name: "My Shopify", baseUrl: "https://shop.example", credentials: { accessToken: "shpat_secret" } });
}

describe("importing a store", () => {
  it("commits each page, then moves the cursor; records the run and the store's health", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const t0 = Date.UTC(2026, 10, 20);
    const { connector, calls } = scriptedConnector([
      { orders: [buildOrder({ orderKey: "1" }), buildOrder({ orderKey: "2" })], cursorAfter: t0 + 1000 },
      { orders: [buildOrder({ orderKey: "3", status: "cancelled" })], cursorAfter: t0 + 2000 },
    ]);
    const summary = await importStore(workspaceId, storeId, { trigger: "manual", connector, now: () => t0 + 5000 });

    expect(summary).toMatchObject({ status: "succeeded", created: 3, cancelled: 1, error: null });
    expect(calls[0].connection.credentials).toEqual({ accessToken: "shpat_secret" });
    const store = await db.read.selectFrom("stores").selectAll().where("id", "=", storeId).executeTakeFirstOrThrow();
    expect(store).toMatchObject({ cursor: String(t0 + 2000), last_import_at: t0 + 5000, last_new_order_at: t0 + 5000, consecutive_failures: 0, last_error: null, lease_owner: null });
    const [run] = await listImportRuns(workspaceId, storeId);
    expect(run).toMatchObject({ status: "succeeded", trigger: "manual", fetched: 3, created: 3, cursor_before: null, cursor_after: String(t0 + 2000) });
  });

  it("reads again from the cursor minus the overlap next time; an unchanged re-read writes nothing", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const t0 = Date.UTC(2026, 10, 20);
    const page = { orders: [buildOrder({ orderKey: "A" })], cursorAfter: t0 };
    await importStore(workspaceId, storeId, { trigger: "manual", connector: scriptedConnector([page]).connector, now: () => t0 + 10 });
    const again = scriptedConnector([page]);
    const summary = await importStore(workspaceId, storeId, { trigger: "schedule", connector: again.connector, now: () => t0 + 60_000 });
    expect(again.calls[0].options.since).toBe(t0 - CURSOR_OVERLAP_MS);
    expect(summary).toMatchObject({ created: 0, unchanged: 1 });
  });

  it("keeps what was committed when a page fails, records the error on the store, and the retry duplicates nothing", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const t0 = Date.UTC(2026, 10, 20);
    const pages = [
      { orders: [buildOrder({ orderKey: "p1" })], cursorAfter: t0 + 1 },
      { orders: [buildOrder({ orderKey: "p2" })], cursorAfter: t0 + 2 },
    ];
    const failing = await importStore(workspaceId, storeId, { trigger: "manual", connector: scriptedConnector(pages, { failAfter: 1 }).connector, now: () => t0 + 100 });
    expect(failing).toMatchObject({ status: "failed", created: 1, error: "Shopify answered 503 (server error)." });
    const [health] = (await listStoresWithHealth(workspaceId)).filter((store) => store.id === storeId);
    // One failure is shown, and retried; the store is flagged only after three in a row (import-tick.test.ts).
    expect(health).toMatchObject({ needsAttention: false, lastError: "Shopify answered 503 (server error).", orders: 1 });
    expect((await db.read.selectFrom("stores").select("cursor").where("id", "=", storeId).executeTakeFirstOrThrow()).cursor).toBe(String(t0 + 1));

    const retry = await importStore(workspaceId, storeId, { trigger: "manual", connector: scriptedConnector(pages).connector, now: () => t0 + 200 });
    expect(retry).toMatchObject({ status: "succeeded", created: 1, unchanged: 1 });
    const orders = await db.read.selectFrom("orders").select("order_key").where("store_id", "=", storeId).execute();
    expect(orders.map((order) => order.order_key).sort()).toEqual(["p1", "p2"]);
    const runs = await listImportRuns(workspaceId, storeId);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "failed"]);
    expect((await listStoresWithHealth(workspaceId)).find((store) => store.id === storeId)).toMatchObject({ needsAttention: false, lastError: null });
  });

  it("never runs two imports of one store at once", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Connector = {
      platform: "shopify",
      testConnection: async () => ({ ok: true }),
      async *pull() {
        await gate;
        yield { orders: [buildOrder()], cursorAfter: null };
      },
    };
    const first = importStore(workspaceId, storeId, { trigger: "manual", connector: slow });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await importStore(workspaceId, storeId, { trigger: "schedule", connector: slow });
    expect(second.status).toBe("busy");
    release();
    expect((await first).status).toBe("succeeded");
  });

  it("does not import a deactivated store, and keeps its orders", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    await importStore(workspaceId, storeId, { trigger: "manual", connector: scriptedConnector([{ orders: [buildOrder()], cursorAfter: null }]).connector });
    await setStoreActive(workspaceId, storeId, false);
    const summary = await importStore(workspaceId, storeId, { trigger: "manual", connector: scriptedConnector([{ orders: [buildOrder()], cursorAfter: null }]).connector });
    expect(summary.status).toBe("inactive");
    expect((await listStoresWithHealth(workspaceId)).find((store) => store.id === storeId)).toMatchObject({ active: false, orders: 1 });
  });

  it("keeps credentials encrypted at rest and tied to their store", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const row = await db.read.selectFrom("stores").select("credentials").where("id", "=", storeId).executeTakeFirstOrThrow();
    expect(row.credentials).not.toContain("shpat_secret");
    expect(await storedCredentials(workspaceId, storeId)).toEqual({ accessToken: "shpat_secret" });
    const other = await createMerchant("Other");
    await expect(storedCredentials(other.workspaceId, storeId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("names the missing field when connecting", async () => {
    const { workspaceId } = await createMerchant();
    await expect(createStore(workspaceId, { platform: "shopify", name: "No token", baseUrl: "https://shop.example", credentials: {} })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { "credentials.accessToken": [expect.any(String)] },
    });
    await expect(createStore(workspaceId, { platform: "shopify", name: "Bad URL", baseUrl: "shop.example", credentials: { accessToken: "x" } })).rejects.toMatchObject({
      fieldErrors: { baseUrl: [expect.any(String)] },
    });
  });
});

describe("stores with nothing to pull", () => {
  it("leaves a store saved without credentials (the demo's) alone, and the Import button skips it", async () => {
    const { workspaceId } = await createMerchant();
    const now = Date.now();
    const demo = await db.write
      .insertInto("stores")
      .values({ workspace_id: workspaceId, platform: "shopify", name: "Demo shop", auto_import: 0, created_at: now, modified_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const summary = await importStore(workspaceId, demo.id, { trigger: "manual", connector: scriptedConnector([]).connector });
    expect(summary.status).toBe("inactive");
    const { importAllStores } = await import("@/lib/imports/import-all-stores");
    expect(await importAllStores(workspaceId, "manual")).toEqual([]);
    expect((await db.read.selectFrom("stores").select("last_error").where("id", "=", demo.id).executeTakeFirstOrThrow()).last_error).toBeNull();
  });
});

describe("a platform whose pages are not in modification order", () => {
  it("imports a long window piece by piece, moving the cursor after each, so a failure resumes from there", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const day = 86_400_000;
    const startedAt = Date.UTC(2026, 10, 20, 12);
    const windows: [number, number][] = [];
    let failOnWindow = 2;
    const windowed: Connector = {
      platform: "amazon",
      pullWindowMs: 10 * day,
      testConnection: async () => ({ ok: true }),
      async *pull(_connection, { since, until }) {
        windows.push([since, until]);
        if (windows.length === failOnWindow) throw new ConnectorError("Amazon is rate limiting requests; try again in 60 s.", "rate_limited", 60_000);
        yield { orders: [buildOrder({ orderKey: `w-${since}` })], cursorAfter: until };
      },
    };
    const failed = await importStore(workspaceId, storeId, { trigger: "schedule", connector: windowed, now: () => startedAt });
    expect(failed.status).toBe("failed");
    expect(windows).toHaveLength(2);
    const firstSince = startedAt - 30 * day;
    expect(windows[0]).toEqual([firstSince, firstSince + 10 * day]);
    expect(windows[1][0]).toBe(firstSince + 10 * day);
    const cursor = Number((await db.read.selectFrom("stores").select("cursor").where("id", "=", storeId).executeTakeFirstOrThrow()).cursor);
    expect(cursor).toBe(firstSince + 10 * day);

    windows.length = 0;
    failOnWindow = 0;
    const resumed = await importStore(workspaceId, storeId, { trigger: "schedule", connector: windowed, now: () => startedAt + 60_000 });
    expect(resumed.status).toBe("succeeded");
    expect(windows[0][0]).toBe(cursor - CURSOR_OVERLAP_MS);
    expect(windows.at(-1)![1]).toBe(startedAt + 60_000);
    expect(windows.every(([since, until], i) => i === 0 || since === windows[i - 1][1])).toBe(true);
  });

  it("tells the merchant a failure of Shipdeck's own in plain words, never the error's text", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const connector: Connector = {
      platform: "shopify",
      testConnection: async () => ({ ok: true }),
      async *pull() {
        throw new TypeError("Cannot read properties of null (reading 'id')");
      },
    };
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const summary = await importStore(workspaceId, storeId, { trigger: "manual", connector });
    expect(errors).toHaveBeenCalled(); // the detail is in the log
    errors.mockRestore();
    expect(summary.error).toBe("Import failed: something went wrong on Shipdeck's side. It will be retried.");
    const [run] = await listImportRuns(workspaceId, storeId);
    expect(run.error).not.toMatch(/properties of null/);
    const store = await db.read.selectFrom("stores").select("last_error").where("id", "=", storeId).executeTakeFirstOrThrow();
    expect(store.last_error).toBe(summary.error);
  });
});
