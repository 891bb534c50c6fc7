import { randomUUID } from "node:crypto";
import { CompiledQuery } from "kysely";
import { placeholdersFor } from "@/db/bulk-sql";
import { db } from "@/db/database";
import type { Platform } from "@/db/schema";
import { connectorFor as platformConnector } from "@/lib/connectors/registry";
import type { Connector, PullOptions } from "@/lib/connectors/types";
import type { ConnectablePlatform } from "@/lib/stores/platforms";
import { importableStores } from "./importable";
import { importStore } from "./import-store";
import { isSweepDue, orderDueStores, SWEEP_WINDOW_MS, type DueStore } from "./schedule";
import { keepLeases, LEASE_MS } from "./store-lease";
import { historyOf } from "./store-schedule";

/**
 * Imports a tick runs side by side. A store's import mostly waits on its platform (a real one
 * answers in 100s of ms), while writes queue on the one writer; with local fakes, 4 and 8 import
 * 2,000 stores alike (bench:cron), and real latency favours more.
 */
const DEFAULT_CONCURRENCY = 8;
/** A tick reads at most this many due stores to choose from: enough for fairness across workspaces, little to read. */
const CANDIDATES = 2_000;

export interface ClaimedStore {
  id: number;
  workspaceId: string;
  platform: Platform;
  /** Whether this import should read the store's last week again (`isSweepDue`). */
  sweep: boolean;
}

export interface TickOptions {
  /** Stop starting imports this long after the tick began; what is left goes to the next tick. */
  budgetMs: number;
  /** Imports side by side: they wait on the platforms, the write path queues. */
  concurrency?: number;
  /** The most stores one tick claims; by default, as many as are due and the budget allows. */
  limit?: number;
  now?: () => number;
  connectorFor?: (platform: ConnectablePlatform) => Connector;
  /** Waits between a platform's retries; tests pass a fast one. */
  sleep?: PullOptions["sleep"];
}

export interface TickSummary {
  claimed: number;
  imported: number;
  failed: number;
  /** Claimed but not started before the budget ran out: released for the next tick. */
  leftForLater: number;
  ms: number;
}

/**
 * Claims the stores due now, fairly (`orderDueStores`: the most overdue relative to their
 * expected orders first, round-robin across workspaces), with one conditional UPDATE … RETURNING
 * that sets a lease: a store leased by another tick, or by an Import button, is not taken, so
 * overlapping or duplicated cron deliveries never import one store twice.
 */
export async function claimDueStores(owner: string, now: number, limit: number): Promise<ClaimedStore[]> {
  const candidates = await db.read
    .selectFrom("stores")
    .select(["id", "workspace_id", "next_import_at", "last_import_at", "orders_per_hour"])
    .where(importableStores)
    .where("auto_import", "=", 1)
    .where("next_import_at", "<=", now)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .orderBy("next_import_at")
    .limit(CANDIDATES)
    .execute();
  const due: DueStore[] = candidates.map((store) => ({
    storeId: store.id,
    workspaceId: store.workspace_id,
    dueAt: store.next_import_at!,
    lastImportAt: store.last_import_at,
    ordersPerHour: store.orders_per_hour,
  }));
  const chosen = orderDueStores(due, now, limit).map((store) => store.storeId);
  if (chosen.length === 0) return [];
  const { rows } = await db.write.executeQuery<{ id: number; workspace_id: string; platform: Platform; schedule: string | null; last_sweep_at: number | null }>(
    CompiledQuery.raw(
      `UPDATE stores SET lease_owner = ?, lease_until = ? WHERE id IN (${placeholdersFor(chosen)}) AND (lease_until IS NULL OR lease_until < ?)
       RETURNING id, workspace_id, platform, schedule, last_sweep_at`,
      [owner, now + LEASE_MS, ...chosen, now],
    ),
  );
  const order = new Map(chosen.map((id, index) => [id, index]));
  return rows
    .map((row) => ({ id: row.id, workspaceId: row.workspace_id, platform: row.platform, sweep: isSweepDue(historyOf(row), row.last_sweep_at, now) }))
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/**
 * One tick of auto-import (the cron route's, or the self-hosted ticker's): imports due stores,
 * `concurrency` at a time, claiming them a few at a time so a store waits under no lease it does
 * not need, until none is due or the budget is spent; then releases what it claimed but did not
 * start. A failing store records its failure and backs off (lib/imports/schedule.ts); it is
 * never switched off.
 */
export async function runImportTick(options: TickOptions): Promise<TickSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const owner = `tick:${randomUUID()}`;
  const connectorFor = options.connectorFor ?? platformConnector;
  const summary: TickSummary = { claimed: 0, imported: 0, failed: 0, leftForLater: 0, ms: 0 };
  const withinBudget = () => now() - started < options.budgetMs;
  /** Leases to give back: stores not started before the budget ran out, and stores switched off since the claim. */
  const release: number[] = [];
  const queue: ClaimedStore[] = [];
  let refill: Promise<void> | null = null;
  let exhausted = false;

  const nextStore = async (): Promise<ClaimedStore | undefined> => {
    while (queue.length === 0 && !exhausted && withinBudget() && summary.claimed < limit) {
      refill ??= claimDueStores(owner, now(), Math.min(concurrency * 2, limit - summary.claimed)).then((claimed) => {
        summary.claimed += claimed.length;
        queue.push(...claimed);
        if (claimed.length === 0) exhausted = true;
        refill = null;
      });
      await refill;
    }
    return queue.shift();
  };

  // Stores claimed and waiting their turn are held as long as the ones importing.
  const stopKeepingLeases = keepLeases(owner, now);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let store = await nextStore(); store; store = await nextStore()) {
        if (!withinBudget()) {
          release.push(store.id);
          summary.leftForLater++;
          continue;
        }
        const at = now();
        const sweep = store.sweep ? { from: at - SWEEP_WINDOW_MS, until: at } : undefined;
        const result = await importStore(store.workspaceId, store.id, { trigger: "schedule", connector: connectorFor(store.platform as ConnectablePlatform), leaseOwner: owner, now, sleep: options.sleep, sweep });
        if (result.status === "inactive") release.push(store.id);
        else if (result.status === "failed") summary.failed++;
        else summary.imported++;
      }
    }),
  ).finally(stopKeepingLeases);
  if (release.length) {
    await db.write.updateTable("stores").set({ lease_owner: null, lease_until: null }).where("id", "in", release).where("lease_owner", "=", owner).execute();
  }
  summary.ms = now() - started;
  await recordHeartbeat(now(), summary);
  return summary;
}

/** The tick's heartbeat, for GET /api/health: when it ended and what it did. */
async function recordHeartbeat(at: number, summary: TickSummary): Promise<void> {
  const row = { last_tick_at: at, last_tick_ms: summary.ms, last_tick_claimed: summary.claimed, last_tick_failed: summary.failed };
  await db.write
    .insertInto("scheduler_heartbeat")
    .values({ id: 1, ...row })
    .onConflict((conflict) => conflict.column("id").doUpdateSet(row))
    .execute();
}
