import { sql, type ExpressionBuilder } from "kysely";
import { db } from "@/db/database";
import type { Database, Platform, StoreErrorKind, StoreRow } from "@/db/schema";
import type { ScheduleReason } from "@/lib/imports/schedule";
import { reasonOf } from "@/lib/imports/store-schedule";

/** Failed imports in a row before a store is flagged to the merchant: one failure is usually the network, and it is retried. */
export const NEEDS_ATTENTION_AFTER_FAILURES = 3;

/** What went wrong, in plain words, and what the merchant can do about it: message keys by the last error's kind. */
export type ProblemKind = StoreErrorKind | "unknown";
export interface StoreAdvice {
  kind: ProblemKind;
  problem: `stores.health.problem.${ProblemKind}`;
  action: `stores.health.advice.${ProblemKind}`;
  /** Credentials or the address are wrong: the fix is in the store's settings. */
  fixInSettings: boolean;
}

export function adviceFor(kind: StoreErrorKind | null): StoreAdvice {
  const known: ProblemKind = kind ?? "unknown";
  return {
    kind: known,
    problem: `stores.health.problem.${known}`,
    action: `stores.health.advice.${known}`,
    fixInSettings: known === "auth" || known === "not_found" || known === "bad_response" || known === "unknown",
  };
}

/** A store's imports as the merchant sees them: when, next, why, and whether something needs them. Plain values only. */
export interface StoreHealth {
  /** Credentials are saved: the store can be imported at all. */
  connected: boolean;
  autoImport: boolean;
  /** An import holds the store now (a tick's, an Import button's, the API's refresh). */
  importing: boolean;
  lastImportAt: number | null;
  /** The last import a tick ran (trigger "schedule"). */
  lastAutomaticImportAt: number | null;
  nextImportAt: number | null;
  reason: ScheduleReason | null;
  /** Failed imports in a row. */
  failures: number;
  needsAttention: boolean;
  lastError: string | null;
  lastErrorKind: StoreErrorKind | null;
  /** Set while the last import failed: its problem and what to do, as message keys. */
  advice: StoreAdvice | null;
  /**
   * Whether the store is known to work: "untested" before any test or import, "failed" while the
   * last test of its saved settings failed and no import has worked since, else "ok" (imports then say the rest).
   */
  connection: "ok" | "untested" | "failed";
  /** The failed test's reason, in plain words. */
  connectionError: string | null;
}

export type StoreHealthColumns = Pick<
  StoreRow,
  "auto_import" | "lease_until" | "last_import_at" | "next_import_at" | "next_import_reason" | "consecutive_failures" | "last_error" | "last_error_kind" | "connection_tested_at" | "connection_error"
> & { connected: number };

/** Whether credentials are saved, without reading them. */
export const connectedColumn = sql<number>`stores.credentials IS NOT NULL`.as("connected");

/** The columns `healthOf` reads, with `connectedColumn`. */
export const STORE_HEALTH_COLUMNS = [
  "stores.auto_import",
  "stores.lease_until",
  "stores.last_import_at",
  "stores.next_import_at",
  "stores.next_import_reason",
  "stores.consecutive_failures",
  "stores.last_error",
  "stores.last_error_kind",
  "stores.connection_tested_at",
  "stores.connection_error",
] as const;

/**
 * The store's last import a tick ran, as a column of a query on `stores`: the newest "schedule"
 * run, read backwards in the index import_runs_store_trigger, one entry.
 */
export function lastAutomaticImportColumn(workspaceId: string) {
  return (eb: ExpressionBuilder<Database, "stores">) =>
    eb
      .selectFrom("import_runs")
      .select("import_runs.started_at")
      .where("import_runs.workspace_id", "=", workspaceId)
      .whereRef("import_runs.store_id", "=", "stores.id")
      .where("import_runs.trigger", "=", "schedule")
      .orderBy("import_runs.started_at", "desc")
      .limit(1)
      .as("last_automatic_import_at");
}

export function healthOf(store: StoreHealthColumns, lastAutomaticImportAt: number | null, now: number): StoreHealth {
  const failing = store.consecutive_failures > 0 || store.last_error !== null;
  return {
    connected: Boolean(store.connected),
    autoImport: store.auto_import === 1,
    importing: store.lease_until !== null && store.lease_until > now,
    lastImportAt: store.last_import_at,
    lastAutomaticImportAt,
    nextImportAt: store.next_import_at,
    // A store saved but never imported has no reason stored yet: the tick takes it first.
    reason: reasonOf(store) ?? (store.last_import_at === null ? { kind: "first_import" } : null),
    failures: store.consecutive_failures,
    needsAttention: store.consecutive_failures >= NEEDS_ATTENTION_AFTER_FAILURES,
    lastError: store.last_error,
    lastErrorKind: store.last_error_kind,
    advice: failing ? adviceFor(store.last_error_kind) : null,
    ...connectionOf(store),
  };
}

function connectionOf(store: StoreHealthColumns): Pick<StoreHealth, "connection" | "connectionError"> {
  const importedSinceTest = store.last_import_at !== null && store.consecutive_failures === 0 && store.last_error === null && (store.connection_tested_at === null || store.last_import_at >= store.connection_tested_at);
  if (importedSinceTest) return { connection: "ok", connectionError: null };
  if (store.connection_tested_at === null) return { connection: store.last_import_at === null ? "untested" : "ok", connectionError: null };
  return store.connection_error === null ? { connection: "ok", connectionError: null } : { connection: "failed", connectionError: store.connection_error };
}

/** A store flagged to the merchant, as the Orders page's banner names it. */
export interface StoreAttention {
  storeId: number;
  name: string;
  platform: Exclude<Platform, "manual">;
  health: StoreHealth;
}

/**
 * The workspace's active stores whose last NEEDS_ATTENTION_AFTER_FAILURES imports or more failed
 * in a row. Failing stores stay on and keep being retried; this is how the merchant hears of it.
 */
export async function listStoresNeedingAttention(workspaceId: string, now = Date.now()): Promise<StoreAttention[]> {
  const stores = await db.read
    .selectFrom("stores")
    .select(["stores.id", "stores.name", "stores.platform", ...STORE_HEALTH_COLUMNS, connectedColumn])
    .where("stores.workspace_id", "=", workspaceId)
    .where("stores.active", "=", 1)
    .where("stores.platform", "!=", "manual")
    .where("stores.consecutive_failures", ">=", NEEDS_ATTENTION_AFTER_FAILURES)
    .orderBy("stores.name")
    .execute();
  return stores.map((store) => ({
    storeId: store.id,
    name: store.name,
    platform: store.platform as Exclude<Platform, "manual">,
    // The banner never shows the last automatic import: not worth a query per flagged store.
    health: healthOf(store, null, now),
  }));
}
