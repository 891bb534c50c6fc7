import { db, type WriteTransaction } from "@/db/database";
import { inEnglish, message } from "@/lib/i18n/message";

export type RunTrigger = "manual" | "schedule" | "webhook" | "api";

/** Records an import starting; inside `tx` when given (the run then exists only if it commits). */
export async function startImportRun(workspaceId: string, storeId: number | null, kind: "store" | "csv" | "api", trigger: RunTrigger, cursorBefore: string | null, now = Date.now(), tx?: WriteTransaction) {
  const run = await (tx?.db ?? db.write)
    .insertInto("import_runs")
    .values({ workspace_id: workspaceId, store_id: storeId, kind, trigger, started_at: now, cursor_before: cursorBefore, cursor_after: null, finished_at: null, error: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return run.id;
}

export async function finishImportRun(workspaceId: string, runId: number, outcome: { status: "succeeded" | "failed" | "partial"; cursorAfter: string | null; error?: string | null }, now = Date.now(), tx?: WriteTransaction) {
  await (tx?.db ?? db.write)
    .updateTable("import_runs")
    .set({ status: outcome.status, finished_at: now, cursor_after: outcome.cursorAfter, error: outcome.error ?? null })
    .where("id", "=", runId)
    .where("workspace_id", "=", workspaceId)
    .execute();
}

/** What a run whose process died before it finished says in the store's history. */
export const INTERRUPTED_RUN_ERROR = inEnglish(message("storeErrors.interrupted"));

/**
 * Ends, as failed, the store's runs still "running" from imports that hold its lease (not a
 * webhook's): called by the import that holds the lease now, whose predecessors' processes died.
 */
export async function closeInterruptedRuns(workspaceId: string, storeId: number, now = Date.now()) {
  await db.write
    .updateTable("import_runs")
    .set({ status: "failed", finished_at: now, error: INTERRUPTED_RUN_ERROR })
    .where("workspace_id", "=", workspaceId)
    .where("store_id", "=", storeId)
    .where("kind", "=", "store")
    .where("trigger", "!=", "webhook")
    .where("status", "=", "running")
    .execute();
}

/** A store's import history, newest first. */
export async function listImportRuns(workspaceId: string, storeId: number, limit = 20) {
  return db.read
    .selectFrom("import_runs")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("store_id", "=", storeId)
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export interface ImportRunLabel {
  id: number;
  kind: "store" | "csv" | "api" | "manual";
  storeId: number | null;
  startedAt: number;
  /** The file a CSV import read. */
  fileName: string | null;
}

/** What the orders list says an import run was, when it shows only that run's orders; null for another workspace's or no run. */
export async function describeImportRun(workspaceId: string, runId: number): Promise<ImportRunLabel | null> {
  const run = await db.read
    .selectFrom("import_runs")
    .leftJoin("csv_imports", (join) => join.onRef("csv_imports.run_id", "=", "import_runs.id").onRef("csv_imports.workspace_id", "=", "import_runs.workspace_id"))
    .select(["import_runs.id", "import_runs.kind", "import_runs.store_id", "import_runs.started_at", "csv_imports.file_name"])
    .where("import_runs.workspace_id", "=", workspaceId)
    .where("import_runs.id", "=", runId)
    .executeTakeFirst();
  return run ? { id: run.id, kind: run.kind, storeId: run.store_id, startedAt: run.started_at, fileName: run.file_name ?? null } : null;
}
