import { randomUUID } from "node:crypto";
import { db } from "@/db/database";
import type { StoreRow } from "@/db/schema";
import { ConnectorError, type Connector, type PullOptions } from "@/lib/connectors/types";
import { notFound } from "@/lib/errors";
import { inEnglish, message as said } from "@/lib/i18n/message";
import { importOrders } from "@/lib/orders/import-orders";
import { credentialBinding, decryptCredentials } from "@/lib/stores/credentials";
import { closeInterruptedRuns, finishImportRun, startImportRun, type RunTrigger } from "./import-runs";
import { isImportable } from "./importable";
import { readAhead } from "./read-ahead";
import { SWEEP_WINDOW_MS } from "./schedule";
import { claimStore, keepLeases, LEASE_MS } from "./store-lease";
import { scheduleAfterImport } from "./store-schedule";

/** Re-read this much before the cursor: clocks differ, and platforms commit late writes. */
export const CURSOR_OVERLAP_MS = 10 * 60_000;
/** A store's first import reaches this far back. */
export const FIRST_IMPORT_DAYS = 30;

export interface StoreImportSummary {
  storeId: number;
  storeName: string;
  runId: number | null;
  status: "succeeded" | "failed" | "busy" | "inactive";
  created: number;
  updated: number;
  cancelled: number;
  unchanged: number;
  skipped: number;
  failed: number;
  error: string | null;
}

export interface ImportStoreOptions {
  trigger: RunTrigger;
  connector: Connector;
  now?: () => number;
  sleep?: PullOptions["sleep"];
  requestTimeoutMs?: PullOptions["requestTimeoutMs"];
  /** Pull from this instant instead of the cursor (the API's refreshDate). */
  since?: number;
  /** The lease this import already holds (a tick claimed the store); without it, the import claims the store itself. */
  leaseOwner?: string;
  /**
   * Read this window again instead of pulling from the cursor (a sweep): what it creates are
   * orders the incremental pulls missed. The cursor only ever moves forward.
   */
  sweep?: { from: number; until: number };
}

/**
 * Imports one store now: claims it (so two imports never run at once), pulls from its cursor
 * minus an overlap, commits each page through the write path and only then moves the cursor, and
 * records the run. A failure keeps everything committed so far and is recorded on the store, never
 * swallowed.
 */
export async function importStore(workspaceId: string, storeId: number, options: ImportStoreOptions): Promise<StoreImportSummary> {
  const now = options.now ?? Date.now;
  const store = await db.read.selectFrom("stores").selectAll().where("id", "=", storeId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!store) throw notFound(said("storeErrors.storeNotFound"));
  const summary: StoreImportSummary = { storeId, storeName: store.name, runId: null, status: "succeeded", created: 0, updated: 0, cancelled: 0, unchanged: 0, skipped: 0, failed: 0, error: null };
  if (!isImportable(store)) return { ...summary, status: "inactive" };

  const leaseOwner = options.leaseOwner ?? randomUUID();
  if (!options.leaseOwner && !(await claimStore(store.id, leaseOwner, now()))) return { ...summary, status: "busy" };
  // A tick that handed its lease over keeps it alive itself.
  const stopKeepingLease = options.leaseOwner ? () => undefined : keepLeases(leaseOwner, now);
  try {
    return await importClaimedStore(workspaceId, store, leaseOwner, summary, options);
  } finally {
    stopKeepingLease();
  }
}

async function importClaimedStore(workspaceId: string, store: StoreRow, leaseOwner: string, summary: StoreImportSummary, options: ImportStoreOptions): Promise<StoreImportSummary> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  // Holding the store's lease, any run of it still "running" is one whose process died.
  await closeInterruptedRuns(workspaceId, store.id, startedAt);
  const cursorBefore = store.cursor;
  let cursor = store.cursor ? Number(store.cursor) : null;
  const runId = await startImportRun(workspaceId, store.id, "store", options.trigger, cursorBefore, startedAt);
  summary.runId = runId;
  const sweep = options.sweep ? { from: options.sweep.from, until: Math.min(options.sweep.until, startedAt) } : null;
  if (sweep) await db.write.updateTable("import_runs").set({ sweep_from: sweep.from, sweep_until: sweep.until }).where("id", "=", runId).execute();
  // When the orders this import created were placed: the schedule learns the store's rate and rhythm from them.
  const placedAt: number[] = [];
  try {
    const since = sweep?.from ?? options.since ?? (cursor != null ? cursor - CURSOR_OVERLAP_MS : startedAt - FIRST_IMPORT_DAYS * 86_400_000);
    const until = sweep?.until ?? startedAt;
    const connection = {
      platform: store.platform,
      baseUrl: store.base_url ?? "",
      credentials: store.credentials ? decryptCredentials(credentialBinding(store), store.credentials) : {},
      statusMapping: store.status_mapping ? (JSON.parse(store.status_mapping) as Record<string, string>) : null,
    };
    const windowMs = options.connector.pullWindowMs ?? Number.POSITIVE_INFINITY;
    for (let from = since; from < until; ) {
      const to = Math.min(until, from + windowMs);
      for await (const page of readAhead(options.connector.pull(connection, { since: from, until: to, sleep: options.sleep, requestTimeoutMs: options.requestTimeoutMs }))) {
        if (page.orders.length) {
          const results = await importOrders(workspaceId, store.id, page.orders, { source: store.platform, runId, actor: `store:${store.id}` });
          results.forEach((result, index) => {
            summary[result.outcome]++;
            if (result.cancelled) summary.cancelled++;
            if (result.outcome === "created") placedAt.push(page.orders[index].orderDate);
          });
        }
        // Each committed page moves the cursor it allows and keeps the store claimed a while longer.
        if (page.cursorAfter != null && (cursor == null || page.cursorAfter > cursor)) cursor = page.cursorAfter;
        await db.write
          .updateTable("stores")
          .set({ ...(cursor != null ? { cursor: String(cursor) } : {}), lease_until: now() + LEASE_MS })
          .where("id", "=", store.id)
          .where("lease_owner", "=", leaseOwner)
          .execute();
        await db.write.updateTable("import_runs").set((eb) => ({ pages: eb("pages", "+", 1) })).where("id", "=", runId).execute();
      }
      from = to;
    }
    await finishImportRun(workspaceId, runId, { status: summary.failed ? "partial" : "succeeded", cursorAfter: cursor != null ? String(cursor) : null }, now());
    // A sweep records what it found missing. An import that read a sweep's whole window back anyway
    // (a first import reads a month) is as good as one: nothing before it can have been missed, and
    // the next sweep is due a day later.
    const sweepColumns = () =>
      sweep ? { last_sweep_at: startedAt, last_sweep_missed: summary.created }
      : since <= startedAt - SWEEP_WINDOW_MS ? { last_sweep_at: startedAt, last_sweep_missed: 0 }
      : {};
    await db.write
      .updateTable("stores")
      .set({
        ...scheduleAfterImport(store, { at: startedAt, ok: true, placedAt, since }, now()),
        ...(summary.created > 0 ? { last_new_order_at: startedAt } : {}),
        ...sweepColumns(),
        lease_owner: null,
        lease_until: null,
      })
      .where("id", "=", store.id)
      .where("lease_owner", "=", leaseOwner)
      .execute();
    return summary;
  } catch (error) {
    const known = error instanceof ConnectorError ? error : null;
    // Anything but a platform's answer is ours: logged in full, told in plain words (never "Cannot read properties of null").
    const message = known ? known.message : inEnglish(said("storeErrors.importFailedOurs"));
    if (!known) console.error(error);
    await finishImportRun(workspaceId, runId, { status: "failed", cursorAfter: cursor != null ? String(cursor) : null, error: message }, now());
    const outcome = { at: startedAt, ok: false, retryAfterMs: known?.retryAfterMs, placedAt, error: { message, kind: known?.kind ?? "internal" } } as const;
    await db.write
      .updateTable("stores")
      .set({ ...scheduleAfterImport(store, outcome, now()), lease_owner: null, lease_until: null })
      .where("id", "=", store.id)
      .where("lease_owner", "=", leaseOwner)
      .execute();
    return { ...summary, status: "failed", error: message };
  }
}
