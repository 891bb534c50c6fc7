import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, useDatabase, type DatabaseHandle } from "@/db/database";
import { migrateToLatest } from "@/db/migrate-to-latest";
import { connectorFor } from "@/lib/connectors/registry";
import { parseCsvText } from "@/lib/csv/parse";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import type { FieldKey } from "@/lib/csv/fields";
import { seededRandom } from "@/lib/demo/generate-orders";
import { importStore } from "@/lib/imports/import-store";
import { LEASE_MS } from "@/lib/imports/store-lease";
import { createStore } from "@/lib/stores/manage-stores";
import { startShopifyFake, type ShopifyFake } from "../fakes/shopify/server";
import { createMerchant } from "../helpers/workspaces";
import { pick, type Random } from "./mutate";
import { recordSurface } from "./record";

/** Kills per scenario: 10, more with RELIABILITY_SCALE. */
const KILLS = Math.round(10 * (Number(process.env.RELIABILITY_SCALE) || 1));
const CSV_ROWS = 4_000;
const CSV_ORDERS_PER_CHUNK = 250;
const SHOP_ORDERS = 300;
const TICK_STORES = 3;
const PAGE_SIZE = 15;
/** Kills in a row on one database: the process, then its first retry while it recovers. */
const KILLS_IN_A_ROW = 2;
/** A retried import comes this much later than the one killed, so the killed one's lease has run out. */
const RESTART_LATER_MS = LEASE_MS + 1_000;
const SECRETS = { AUTH_SECRET: "restart-test-secret", CRON_SECRET: "restart-cron-secret", ALLOW_PRIVATE_STORE_URLS: "1" };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "shipdeck-restart-"));
  Object.assign(process.env, SECRETS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ─── The server process ─────────────────────────────────────────────────────────────────────────

type Work = "csv" | "store" | "tick";
interface Spec {
  workspaceId: string;
  storeId: number;
  chunksFile?: string;
  importId?: string;
  done?: number[];
}
interface ChildLine {
  event: "started" | "chunk" | "finished";
  importId?: string;
  index?: number;
  status?: string | number;
}
interface Child {
  lines: ChildLine[];
  /** Resolves once `count` lines were printed (or the process ended). */
  printed(count: number): Promise<void>;
  ended: Promise<{ killed: boolean; code: number | null; stderr: string }>;
  kill(): void;
}

/** Starts restart-child.ts as its own process on the database file: one node process, so a SIGKILL kills the work itself. */
function startChild(database: string, work: Work, spec: Spec, clockOffsetMs: number): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/reliability/restart-child.ts", work, JSON.stringify(spec)], {
    env: { ...process.env, ...SECRETS, DATABASE_URL: `file:${database}`, RESTART_CLOCK_OFFSET_MS: String(clockOffsetMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: ChildLine[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  let stderr = "";
  child.stderr.on("data", (data: Buffer) => void (stderr += data.toString()));
  const wake = () => {
    for (const waiter of [...waiting]) if (lines.length >= waiter.count) waiting.splice(waiting.indexOf(waiter), 1), waiter.resolve();
  };
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (line.startsWith("{")) lines.push(JSON.parse(line) as ChildLine);
    wake();
  });
  const ended = new Promise<{ killed: boolean; code: number | null; stderr: string }>((resolve) =>
    // "close", not "exit": by then every line the process printed has been read.
    child.on("close", (code, signal) => {
      waiting.splice(0).forEach((waiter) => waiter.resolve());
      resolve({ killed: signal === "SIGKILL", code, stderr });
    }),
  );
  return {
    lines,
    printed: (count) => (lines.length >= count || child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve }))),
    ended,
    kill: () => void child.kill("SIGKILL"),
  };
}

/** Lets the event loop turn `times` times: the fakes answer in this process, so this is how a kill lands between two of their answers. */
async function turns(times: number) {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setImmediate(resolve));
}

// ─── What is compared ───────────────────────────────────────────────────────────────────────────

interface Snapshot {
  /** Each order by store and key: its number, status, amounts, active flag and items. */
  orders: Map<string, string>;
  duplicated: number;
  orphans: number;
  halfWritten: number;
  counters: string;
  integrity: string;
}

async function withDatabase<T>(path: string, read: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(`file:${path}`);
  try {
    return await read(handle);
  } finally {
    await handle.close();
  }
}

async function snapshotOf(handle: DatabaseHandle): Promise<Snapshot> {
  const orders = await handle.read
    .selectFrom("orders")
    .select(["id", "store_id", "order_key", "order_number", "status", "active", "order_total", "amount_paid", "tax_amount", "shipping_amount", "customer_notes", "ship_to_name", "deleted_at"])
    .orderBy("id")
    .execute();
  const items = await handle.read.selectFrom("order_items").select(["order_id", "position", "sku", "name", "quantity", "unit_price"]).orderBy("order_id").orderBy("position").execute();
  const itemsOf = new Map<number, unknown[]>();
  for (const { order_id, ...item } of items) itemsOf.set(order_id, [...(itemsOf.get(order_id) ?? []), item]);
  const byKey = new Map<string, string>();
  let duplicated = 0;
  for (const { id, ...order } of orders) {
    const key = `${order.store_id}/${order.order_key}`;
    if (byKey.has(key)) duplicated++;
    byKey.set(key, JSON.stringify({ ...order, items: itemsOf.get(id) ?? [] }));
  }
  const orphanItems = await sql<{ n: number }>`SELECT count(*) AS n FROM order_items WHERE order_id NOT IN (SELECT id FROM orders)`.execute(handle.read);
  const orphanEvents = await sql<{ n: number }>`SELECT count(*) AS n FROM order_events WHERE order_id NOT IN (SELECT id FROM orders)`.execute(handle.read);
  const counters = await handle.read.selectFrom("order_counts").selectAll().orderBy("store_id").orderBy("status").execute();
  const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(handle.read);
  return {
    orders: byKey,
    duplicated,
    orphans: Number(orphanItems.rows[0].n) + Number(orphanEvents.rows[0].n),
    halfWritten: orders.filter((order) => !itemsOf.has(order.id)).length,
    counters: JSON.stringify(counters.filter((row) => row.n !== 0)),
    integrity: integrity.rows.map((row) => row.integrity_check).join("; "),
  };
}

interface Tally {
  kills: number;
  retries: number;
  lost: number;
  duplicated: number;
  half_written: number;
  orphans: number;
  differences: number;
  integrity_failures: number;
  /** Longest a killed process's lease kept its store from being imported, in seconds. */
  blocked_at_most_s: number;
}

function compare(clean: Snapshot, after: Snapshot, tally: Tally) {
  for (const [key, order] of clean.orders) {
    const got = after.orders.get(key);
    if (got === undefined) tally.lost++;
    else if (got !== order) tally.differences++;
  }
  for (const key of after.orders.keys()) if (!clean.orders.has(key)) tally.differences++;
  if (after.counters !== clean.counters) tally.differences++;
  tally.duplicated += after.duplicated;
  tally.orphans += after.orphans;
  tally.half_written += after.halfWritten;
}

// ─── One scenario ───────────────────────────────────────────────────────────────────────────────

interface Scenario {
  work: Work;
  spec: Spec;
  /** Kills the child somewhere in its work, chosen by `random`. */
  killSomewhere(child: Child, random: Random): Promise<void>;
  /** The spec of the retry, from what the merchant's page saw of the runs so far (the CSV import's id and answered chunks). */
  retrySpec(seen: ChildLine[]): Spec;
  /** Whether the work is done, from the database (the tick's stores each imported). */
  isDone(handle: DatabaseHandle, seen: ChildLine[]): Promise<boolean>;
  /** After the work: whatever must hold for the next import (leases free, a next import changes nothing). */
  checkAfter?(handle: DatabaseHandle, clockOffsetMs: number): Promise<void>;
}

/** A copy of the scenario's starting database: the template as it is, through SQLite (`VACUUM INTO`). */
async function copyOf(template: DatabaseHandle, name: string): Promise<string> {
  const path = join(dir, `${name}.db`);
  await sql`VACUUM INTO ${path}`.execute(template.write);
  return path;
}

/** Retries until the work is done, each retry as much later as a lease lasts; answers the last one's clock offset. */
async function runToCompletion(scenario: Scenario, path: string, seen: ChildLine[], clockOffsetMs: number, tally?: Tally): Promise<number> {
  for (let attempt = 1; attempt <= 20; attempt++) {
    if (seen.length && (await withDatabase(path, (handle) => scenario.isDone(handle, seen)))) return clockOffsetMs - RESTART_LATER_MS;
    if (tally) tally.retries++;
    const child = startChild(path, scenario.work, seen.length ? scenario.retrySpec(seen) : scenario.spec, clockOffsetMs);
    const ended = await child.ended;
    seen.push(...child.lines);
    if (ended.code !== 0) throw new Error(`The ${scenario.work} process failed (exit ${ended.code}):\n${ended.stderr}`);
    clockOffsetMs += RESTART_LATER_MS;
  }
  throw new Error(`The ${scenario.work} work never finished after a kill`);
}

/**
 * Kills the work KILLS times, on copies of the template: each copy's process is killed, and so is
 * the first retry's (killed again while it recovers), then retried until done and compared with a
 * clean run's copy.
 */
async function killAndRetry(scenario: Scenario, template: DatabaseHandle, seed: number): Promise<Tally> {
  const cleanPath = await copyOf(template, `${scenario.work}-clean`);
  const cleanOffset = await runToCompletion(scenario, cleanPath, [], 0);
  const clean = await withDatabase(cleanPath, async (handle) => {
    await scenario.checkAfter?.(handle, cleanOffset);
    return snapshotOf(handle);
  });
  expect(clean.orders.size).toBeGreaterThan(0);

  const random = seededRandom(seed);
  const tally: Tally = { kills: 0, retries: 0, lost: 0, duplicated: 0, half_written: 0, orphans: 0, differences: 0, integrity_failures: 0, blocked_at_most_s: 0 };
  for (let trial = 0; tally.kills < KILLS && trial < KILLS * 3; trial++) {
    const path = await copyOf(template, `${scenario.work}-${trial}`);
    const seen: ChildLine[] = [];
    let offset = 0;
    for (let inARow = 0; inARow < KILLS_IN_A_ROW && tally.kills < KILLS; inARow++) {
      if (inARow > 0) tally.retries++;
      const child = startChild(path, scenario.work, seen.length ? scenario.retrySpec(seen) : scenario.spec, offset);
      await scenario.killSomewhere(child, random);
      child.kill();
      const ended = await child.ended;
      // Measured once the process is gone: until the kill lands it may still claim or renew a lease.
      const deadAt = Date.now() + offset;
      seen.push(...child.lines);
      offset += RESTART_LATER_MS;
      if (!ended.killed) {
        if (ended.code !== 0) throw new Error(`The ${scenario.work} process failed (exit ${ended.code}):\n${ended.stderr}`);
        break; // It finished before the kill landed: not a kill.
      }
      tally.kills++;
      const afterKill = await withDatabase(path, async (handle) => {
        const leases = await handle.read.selectFrom("stores").select("lease_until").where("lease_until", "is not", null).execute();
        for (const { lease_until } of leases) tally.blocked_at_most_s = Math.max(tally.blocked_at_most_s, Math.ceil((lease_until! - deadAt) / 1000));
        return sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(handle.read);
      });
      if (afterKill.rows.map((row) => row.integrity_check).join() !== "ok") tally.integrity_failures++;
    }
    const lastOffset = await runToCompletion(scenario, path, seen, offset, tally);
    const after = await withDatabase(path, async (handle) => {
      await scenario.checkAfter?.(handle, lastOffset);
      return snapshotOf(handle);
    });
    if (after.integrity !== "ok") tally.integrity_failures++;
    compare(clean, after, tally);
    rmSync(path, { force: true });
  }
  return tally;
}

async function templateDatabase(name: string, arrange: () => Promise<void>): Promise<DatabaseHandle> {
  const handle = openDatabase(`file:${join(dir, `${name}-template.db`)}`);
  useDatabase(handle);
  await migrateToLatest(handle.write);
  await arrange();
  return handle;
}

const EXPECT_NOTHING_BROKEN = { lost: 0, duplicated: 0, half_written: 0, orphans: 0, differences: 0, integrity_failures: 0 };
const broken = (tally: Tally) => ({ lost: tally.lost, duplicated: tally.duplicated, half_written: tally.half_written, orphans: tally.orphans, differences: tally.differences, integrity_failures: tally.integrity_failures });

/**
 * No store import is left "running" in a store's history, its lease is free for the next import,
 * and that import finds nothing to change.
 */
async function expectNextImportChangesNothing(handle: DatabaseHandle, storeIds: number[], workspaceId: string, clockOffsetMs: number) {
  useDatabase(handle);
  expect(await handle.read.selectFrom("import_runs").select(["id", "error"]).where("kind", "=", "store").where("status", "=", "running").execute()).toEqual([]);
  const now = () => Date.now() + clockOffsetMs;
  for (const storeId of storeIds) {
    const next = await importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor("shopify"), now });
    expect({ status: next.status, created: next.created, updated: next.updated, failed: next.failed }).toEqual({ status: "succeeded", created: 0, updated: 0, failed: 0 });
  }
}

// ─── The scenarios ──────────────────────────────────────────────────────────────────────────────

const HEADERS = ["Order Number", "Order Date", "Ship To - Name", "Ship To - Address 1", "Ship To - City", "Ship To - Postal Code", "Ship To - Country", "Item - SKU", "Item - Name", "Item - Qty", "Item - Unit Price"];
const MAPPING: Record<number, FieldKey> = { 0: "orderNumber", 1: "orderDate", 2: "shipTo.name", 3: "shipTo.street1", 4: "shipTo.city", 5: "shipTo.postalCode", 6: "shipTo.country", 7: "item.sku", 8: "item.name", 9: "item.quantity", 10: "item.unitPrice" };
const OPTIONS = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep", decimalComma: false } as const;

/** A file of CSV_ROWS rows, some orders with several item rows, read as the import page reads it and cut into chunks. */
function csvFile(random: Random) {
  const lines = [HEADERS.join(",")];
  for (let order = 1; lines.length <= CSV_ROWS; order++) {
    const items = random() < 0.3 ? 2 + Math.floor(random() * 3) : 1;
    for (let item = 0; item < items && lines.length <= CSV_ROWS; item++) {
      lines.push([`RS-${order}`, `11/${1 + (order % 28)}/2026`, `Buyer ${order}`, `${order} Main St`, "Boston", "02134", "US", `SKU-${item}`, pick(random, ["Mug", "Tee", "Cap", "Bag"]), String(1 + Math.floor(random() * 4)), (5 + random() * 50).toFixed(2)].join(","));
    }
  }
  const parsed = parseCsvText(`${lines.join("\n")}\n`);
  const { orders, errors } = rowsToOrders(parsed.rows, MAPPING, { ...OPTIONS, headers: parsed.headers });
  expect(errors).toEqual([]);
  const chunks = Array.from({ length: Math.ceil(orders.length / CSV_ORDERS_PER_CHUNK) }, (_, i) => orders.slice(i * CSV_ORDERS_PER_CHUNK, (i + 1) * CSV_ORDERS_PER_CHUNK));
  return { headers: parsed.headers, rows: parsed.rows.length, chunks };
}

describe("a server killed mid-work: after restart and retry the data is what one clean run gives", () => {
  it(`a CSV import killed ${KILLS} times, mid-chunk on its thread, then sent again as the page does`, async () => {
    let spec!: Spec;
    const file = csvFile(seededRandom(14));
    const template = await templateDatabase("csv", async () => {
      const merchant = await createMerchant("Restart CSV Merchant");
      const chunksFile = join(dir, "chunks.json");
      const start = { storeId: merchant.manualStoreId, fileName: "restart.csv", options: OPTIONS, mapping: MAPPING, headers: file.headers, totalChunks: file.chunks.length, totalRows: file.rows };
      writeFileSync(chunksFile, JSON.stringify({ start, chunks: file.chunks }));
      spec = { workspaceId: merchant.workspaceId, storeId: merchant.manualStoreId, chunksFile };
    });
    let cleanCounts: string | undefined;
    const tally = await killAndRetry(
      {
        work: "csv",
        spec,
        // After the import started or some chunks were answered, and a little further: mid-chunk on the thread, mid-commit, or between chunks.
        async killSomewhere(child, random) {
          await child.printed(1 + Math.floor(random() * (file.chunks.length - 1)));
          await turns(Math.floor(random() * 200));
        },
        // The page keeps its import and sends again the chunks it has no answer for; without an import id it starts one.
        retrySpec: (seen) => ({ ...spec, importId: seen.find((line) => line.event === "started")?.importId, done: seen.filter((line) => line.event === "chunk").map((line) => line.index!) }),
        isDone: async (_handle, seen) => seen.some((line) => line.event === "finished"),
        async checkAfter(handle) {
          // The import's own counts: a chunk applied twice would count its orders twice.
          const imports = await handle.read.selectFrom("csv_imports").select(["status", "created", "updated", "unchanged", "failed"]).where("status", "!=", "running").execute();
          const counts = JSON.stringify(imports);
          cleanCounts ??= counts;
          expect(counts).toBe(cleanCounts);
          const chunkRecords = await handle.read.selectFrom("csv_import_chunks").innerJoin("csv_imports", "csv_imports.id", "csv_import_chunks.import_id").select("csv_import_chunks.chunk_index").where("csv_imports.status", "!=", "running").execute();
          expect(chunkRecords.length).toBe(file.chunks.length);
        },
      },
      template,
      1401,
    );
    await template.close();
    await recordSurface("server killed mid CSV import", { tried: tally.kills, rows: file.rows, chunks: file.chunks.length, retries: tally.retries, ...broken(tally) });
    expect(tally.kills).toBe(KILLS);
    expect(broken(tally)).toEqual(EXPECT_NOTHING_BROKEN);
  });

  describe("store imports", () => {
    let shop: ShopifyFake;
    const waiters = new Set<{ count: number; resolve: () => void }>();
    beforeAll(async () => {
      shop = await startShopifyFake({ startAt: Date.now() - 2 * 86_400_000, maxPageSize: PAGE_SIZE, bucketSize: 1_000_000 });
      const random = seededRandom(1402);
      for (let i = 0; i < SHOP_ORDERS; i++) {
        const order = shop.add({ note: `order ${i}` });
        if (random() < 0.1) shop.cancel(order.id);
      }
      // Each request the shop is asked wakes the kills waiting for it.
      const push = shop.requests.push.bind(shop.requests);
      shop.requests.push = (...added) => {
        const length = push(...added);
        for (const waiter of waiters) if (length >= waiter.count) waiters.delete(waiter), waiter.resolve();
        return length;
      };
    });
    afterAll(() => shop.close());

    /** Kills after some of the shop's answers were served (a page being written, the cursor moving), a little further on. */
    const afterShopRequests = (pages: number) => async (child: Child, random: Random) => {
      await Promise.race([requestsServed(shop.requests.length + 1 + Math.floor(random() * pages)), child.ended]);
      await turns(Math.floor(random() * 50));
    };
    /** Resolves when the shop has been asked `count` requests in all. */
    const requestsServed = (count: number) => new Promise<void>((resolve) => (shop.requests.length >= count ? resolve() : waiters.add({ count, resolve })));

    it(`a store import (the Import button) killed ${KILLS} times mid-pull, then Import pressed again`, async () => {
      let merchant!: Awaited<ReturnType<typeof createMerchant>>;
      let storeId!: number;
      const template = await templateDatabase("store", async () => {
        merchant = await createMerchant("Restart Store Merchant");
        storeId = Number(await createStore(merchant.workspaceId, { platform: "shopify", name: "Killed Shop", baseUrl: shop.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } }));
      });
      const spec = { workspaceId: merchant.workspaceId, storeId };
      const tally = await killAndRetry(
        {
          work: "store",
          spec,
          killSomewhere: afterShopRequests(Math.ceil(SHOP_ORDERS / PAGE_SIZE)),
          retrySpec: () => spec,
          isDone: async (_handle, seen) => seen.at(-1)?.status === "succeeded",
          checkAfter: (handle, offset) => expectNextImportChangesNothing(handle, [storeId], merchant.workspaceId, offset + RESTART_LATER_MS),
        },
        template,
        1403,
      );
      await template.close();
      await recordSurface("server killed mid store import", { tried: tally.kills, shop_orders: SHOP_ORDERS, pages: Math.ceil(SHOP_ORDERS / PAGE_SIZE), retries: tally.retries, lease_blocks_at_most_s: tally.blocked_at_most_s, ...broken(tally) });
      expect(tally.kills).toBe(KILLS);
      expect(broken(tally)).toEqual(EXPECT_NOTHING_BROKEN);
      expect(tally.blocked_at_most_s).toBeLessThanOrEqual(LEASE_MS / 1000);
    });

    it(`a cron tick over ${TICK_STORES} stores killed ${KILLS} times, then the next ticks`, async () => {
      let merchant!: Awaited<ReturnType<typeof createMerchant>>;
      const storeIds: number[] = [];
      const template = await templateDatabase("tick", async () => {
        merchant = await createMerchant("Restart Tick Merchant");
        for (let i = 0; i < TICK_STORES; i++) {
          storeIds.push(Number(await createStore(merchant.workspaceId, { platform: "shopify", name: `Ticked Shop ${i}`, baseUrl: shop.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } })));
        }
      });
      const spec = { workspaceId: merchant.workspaceId, storeId: storeIds[0] };
      const tally = await killAndRetry(
        {
          work: "tick",
          spec,
          killSomewhere: afterShopRequests(Math.ceil((TICK_STORES * SHOP_ORDERS) / PAGE_SIZE)),
          retrySpec: () => spec,
          // Every store has an import that succeeded: one the killed tick finished, or a later tick's.
          isDone: async (handle) => {
            const imported = await handle.read.selectFrom("import_runs").select("store_id").distinct().where("status", "=", "succeeded").where("kind", "=", "store").execute();
            return imported.length === TICK_STORES;
          },
          checkAfter: (handle, offset) => expectNextImportChangesNothing(handle, storeIds, merchant.workspaceId, offset + RESTART_LATER_MS),
        },
        template,
        1404,
      );
      await template.close();
      await recordSurface("server killed mid cron tick", { tried: tally.kills, stores: TICK_STORES, shop_orders: SHOP_ORDERS, retries: tally.retries, lease_blocks_at_most_s: tally.blocked_at_most_s, ...broken(tally) });
      expect(tally.kills).toBe(KILLS);
      expect(broken(tally)).toEqual(EXPECT_NOTHING_BROKEN);
      expect(tally.blocked_at_most_s).toBeLessThanOrEqual(LEASE_MS / 1000);
    });
  });
});
