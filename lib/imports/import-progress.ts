import { db } from "@/db/database";
import { notFound } from "@/lib/errors";
import { localize, message } from "@/lib/i18n/message";
import type { Translate } from "@/lib/i18n/translate";
import type { RunTrigger } from "./import-runs";
import { importableStores } from "./importable";

/** The store's newest import (not a webhook's: those do not hold the store), as an Import button shows it. */
export interface ImportRunProgress {
  id: number;
  trigger: RunTrigger;
  status: "running" | "succeeded" | "failed" | "partial";
  /** Pages of the platform committed so far. */
  pages: number;
  /** Orders read so far. */
  orders: number;
  created: number;
  updated: number;
  startedAt: number;
  finishedAt: number | null;
  error: string | null;
}

export interface ImportProgress {
  storeId: number;
  storeName: string;
  /** An import holds the store (its lease): this run, or one about to start. */
  importing: boolean;
  run: ImportRunProgress | null;
}

/** One store's import progress; another workspace's store, or Manual Orders, is not found. */
export async function getImportProgress(workspaceId: string, storeId: number, now = Date.now()): Promise<ImportProgress> {
  if (!Number.isSafeInteger(storeId) || storeId <= 0) throw notFound(message("storeErrors.storeNotFound"));
  const [progress] = await readProgress(workspaceId, now, storeId);
  if (!progress) throw notFound(message("storeErrors.storeNotFound"));
  return progress;
}

/** Every connected store's import progress, for the Import button of all stores. */
export async function listImportProgress(workspaceId: string, now = Date.now()): Promise<ImportProgress[]> {
  return readProgress(workspaceId, now);
}

/** The progress with its run's error in `t`'s language: stored as English words, read back into their message. */
export function importProgressIn(t: Translate, progress: ImportProgress): ImportProgress {
  return progress.run?.error ? { ...progress, run: { ...progress.run, error: localize(progress.run.error, t) } } : progress;
}

async function readProgress(workspaceId: string, now: number, storeId?: number): Promise<ImportProgress[]> {
  let query = db.read
    .selectFrom("stores")
    .leftJoin("import_runs as run", (join) =>
      join.on("run.id", "=", (eb) =>
        eb
          .selectFrom("import_runs")
          .select("import_runs.id")
          .where("import_runs.workspace_id", "=", workspaceId)
          .whereRef("import_runs.store_id", "=", "stores.id")
          .where("import_runs.kind", "=", "store")
          .where("import_runs.trigger", "!=", "webhook")
          .orderBy("import_runs.started_at", "desc")
          .orderBy("import_runs.id", "desc")
          .limit(1),
      ),
    )
    .select([
      "stores.id as store_id",
      "stores.name",
      "stores.lease_until",
      "run.id",
      "run.trigger",
      "run.status",
      "run.pages",
      "run.fetched",
      "run.created",
      "run.updated",
      "run.started_at",
      "run.finished_at",
      "run.error",
    ])
    .where("stores.workspace_id", "=", workspaceId)
    .orderBy("stores.name");
  query = storeId === undefined ? query.where(importableStores) : query.where("stores.id", "=", storeId).where("stores.platform", "!=", "manual");
  const rows = await query.execute();
  return rows.map((row) => ({
    storeId: row.store_id,
    storeName: row.name,
    importing: row.lease_until !== null && row.lease_until > now,
    run:
      row.id === null
        ? null
        : {
            id: row.id,
            trigger: row.trigger!,
            status: row.status!,
            pages: row.pages ?? 0,
            orders: row.fetched ?? 0,
            created: row.created ?? 0,
            updated: row.updated ?? 0,
            startedAt: row.started_at!,
            finishedAt: row.finished_at,
            error: row.error,
          },
  }));
}
