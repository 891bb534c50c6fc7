import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { NestedWriteError, openDatabase, useDatabase, type DatabaseHandle } from "@/db/database";
import { migrateToLatest } from "@/db/migrate-to-latest";
import { signUpUser } from "@/lib/auth/sign-up";
import { applyCsvChunkFromBody, previewCsvOrdersFromBody, startImportThreads } from "@/lib/csv/chunk-worker";
import { startCsvImport } from "@/lib/csv/csv-imports";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import { importOrders } from "@/lib/orders/import-orders";
import { runImportTick } from "@/lib/imports/import-tick";
import { createStore } from "@/lib/stores/manage-stores";
import { nextOrderNumber } from "@/lib/workspaces/next-order-number";
import { startShopifyFake } from "../../fakes/shopify/server";
import { startFakeLibsqlServer, type FakeLibsqlServer } from "../../fakes/libsql-server/server";
import { buildOrder } from "../../helpers/orders";

// The remote strategy (db/remote.ts) against a fake libSQL server speaking Hrana over HTTP, as
// Turso and sqld do: no libSQL server can be installed here, so this is the remote path as far as
// the wire, with the server's side played by tests/fakes/libsql-server.

const TOKEN = "turso-token";
let dir: string;
let server: FakeLibsqlServer;
let remote: DatabaseHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shipdeck-remote-"));
  server = await startFakeLibsqlServer({ path: join(dir, "remote.db"), authToken: TOKEN });
  remote = openDatabase(server.url, TOKEN);
  useDatabase(remote);
  await migrateToLatest(remote.write);
});

afterAll(async () => {
  await remote?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const workerThreads = () => (process.report.getReport() as unknown as { workers: unknown[] }).workers.length;
const within = <T>(promise: Promise<T>, ms = 1_000) => Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`still waiting after ${ms} ms`)))]);

describe("the database seam on a remote libSQL server", () => {
  it("runs the app's own code: sign-up in a transaction, the write path, a CSV chunk applied once", async () => {
    const merchant = await signUpUser({ name: "Remote Merchant", email: "remote@example.test", password: "remote-password" });
    const [created] = await importOrders(merchant.workspaceId, merchant.manualStoreId, [buildOrder({ orderKey: "R-1", orderNumber: "R-1" })], { source: "api" });
    expect(created.outcome).toBe("created");
    const [again] = await importOrders(merchant.workspaceId, merchant.manualStoreId, [buildOrder({ orderKey: "R-1", orderNumber: "R-1", orderDate: Date.UTC(2026, 0, 1) })], { source: "api" });
    expect(again.outcome).toBe("updated");

    const headers = ["Order", "Date", "Name", "Street", "City", "Zip", "Country", "Item", "Qty", "Price"];
    const mapping = { 0: "orderNumber", 1: "orderDate", 2: "shipTo.name", 3: "shipTo.street1", 4: "shipTo.city", 5: "shipTo.postalCode", 6: "shipTo.country", 7: "item.name", 8: "item.quantity", 9: "item.unitPrice" } as const;
    const options = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" } as const;
    const { orders } = rowsToOrders([["C-1", "11/05/2026", "Ada", "1 St", "London", "N1", "GB", "Tea", "1", "2.50"], ["AUTO", "11/05/2026", "Ada", "1 St", "London", "N1", "GB", "Tea", "1", "2.50"]], mapping, { ...options, headers });
    const threadsBefore = workerThreads();
    const { importId } = await startCsvImport(merchant.workspaceId, { storeId: merchant.manualStoreId, fileName: "r.csv", options, mapping, headers, totalChunks: 1, totalRows: 2 });
    await startImportThreads();
    // The chunk route's own call: on a file it hands the body to the import's thread; here it applies it, starting none.
    const body = JSON.stringify({ orders });
    // The preview route's own call, likewise: checked here, nothing written.
    const preview = await previewCsvOrdersFromBody(merchant.workspaceId, JSON.stringify({ storeId: merchant.manualStoreId, orders }), { actor: null });
    expect(preview).toMatchObject({ created: 2, failed: 0 });
    const [first, second] = await Promise.all([applyCsvChunkFromBody(merchant.workspaceId, importId, 0, body, { actor: null }), applyCsvChunkFromBody(merchant.workspaceId, importId, 0, body, { actor: null })]);
    expect(workerThreads()).toBe(threadsBefore);
    expect([first.applied, second.applied].sort()).toEqual([false, true]);
    expect(first.counts).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    const stored = await remote.read.selectFrom("orders").select("order_number").where("workspace_id", "=", merchant.workspaceId).orderBy("order_number").execute();
    expect(stored.map((row) => row.order_number)).toEqual(["1", "C-1", "R-1"]);
  });

  it("refuses a write built as one but sent as a read, at once", async () => {
    await expect(within(remote.read.updateTable("workspaces").set({ name: "Sneaky" }).execute())).rejects.toThrow(/sent through `read`/);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM workspaces WHERE name = 'Sneaky'`.execute(remote.read);
    expect(Number(rows[0].n)).toBe(0);
  });

  it("fails a write through the top-level handle inside a transaction at once, and commits the transaction", async () => {
    const merchant = await signUpUser({ name: "Nested", email: "nested@example.test", password: "nested-password" });
    await remote.transaction(async (tx) => {
      await tx.db.updateTable("workspaces").set({ name: "Inside" }).where("id", "=", merchant.workspaceId).execute();
      await expect(within(nextOrderNumber(merchant.workspaceId))).rejects.toBeInstanceOf(NestedWriteError);
      await expect(within(remote.write.updateTable("workspaces").set({ name: "Nested" }).execute())).rejects.toBeInstanceOf(NestedWriteError);
    });
    const { name } = await remote.read.selectFrom("workspaces").select("name").where("id", "=", merchant.workspaceId).executeTakeFirstOrThrow();
    expect(name).toBe("Inside");
  });

  it("runs auto-import's tick: claims with one UPDATE … RETURNING, imports, reschedules", async () => {
    process.env.AUTH_SECRET ??= "test-secret";
    const shop = await startShopifyFake({ startAt: Date.now() - 86_400_000 });
    try {
      shop.add({});
      shop.add({});
      const merchant = await signUpUser({ name: "Remote Shop", email: "remote-shop@example.test", password: "remote-password" });
      const storeId = await createStore(merchant.workspaceId, { platform: "shopify", name: "Remote shop", baseUrl: shop.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } });
      const ticks = await Promise.all([0, 1].map(() => runImportTick({ budgetMs: 30_000, sleep: async () => undefined })));
      expect(ticks.reduce((sum, tick) => sum + tick.imported, 0)).toBe(1);
      const store = await remote.read.selectFrom("stores").selectAll().where("id", "=", storeId).executeTakeFirstOrThrow();
      expect(store).toMatchObject({ lease_owner: null, consecutive_failures: 0 });
      expect(store.next_import_at).toBeGreaterThan(Date.now());
      const orders = await remote.read.selectFrom("orders").select("id").where("store_id", "=", storeId).execute();
      expect(orders).toHaveLength(2);
    } finally {
      await shop.close();
    }
  });

  it("says so when the token is wrong", async () => {
    const wrong = openDatabase(server.url, "not-the-token");
    try {
      await expect(sql`SELECT 1`.execute(wrong.read)).rejects.toThrow(/401|unauthori[sz]ed/i);
    } finally {
      await wrong.close();
    }
  });
});

describe("what a process opening the database starts and loads", () => {
  const probe = async (url: string, token?: string) => {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "tests/helpers/probe-database-process.ts", url, ...(token ? [token] : [])], { timeout: 60_000 });
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as { outcome: string; workerThreads: number; nativeEngineLoaded: boolean };
  };

  it("on a remote URL: no thread and no native engine, while the same work on a file has both", async () => {
    const [onRemote, onFile] = await Promise.all([probe(server.url, TOKEN), probe(`file:${join(dir, "probe.db")}`)]);
    expect(onRemote).toEqual({ outcome: "created", workerThreads: 0, nativeEngineLoaded: false });
    // The file's checkpoint thread starts once writes pause; the probe waited for it.
    expect(onFile).toEqual({ outcome: "created", workerThreads: 1, nativeEngineLoaded: true });
  });
});
