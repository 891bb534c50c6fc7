import { z } from "zod";
import { db } from "@/db/database";
import { notFound, parseWith } from "@/lib/errors";
import { inEnglish, message } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { connectorFor } from "@/lib/connectors/registry";
import type { ConnectablePlatform } from "@/lib/stores/platforms";
import { importableStores } from "./importable";
import { importStore, type StoreImportSummary } from "./import-store";
import type { RunTrigger } from "./import-runs";

/** Stores imported side by side: platform calls wait on the network, the write path on one queue. */
const CONCURRENCY = 3;

/** The Import button: every active connected store of the workspace, now. */
export async function importAllStores(workspaceId: string, trigger: RunTrigger): Promise<StoreImportSummary[]> {
  const stores = await db.read
    .selectFrom("stores")
    .select(["id", "platform"])
    .where("workspace_id", "=", workspaceId)
    .where(importableStores)
    .orderBy("id")
    .execute();
  const summaries: StoreImportSummary[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, stores.length) }, async () => {
      while (next < stores.length) {
        const store = stores[next++];
        summaries.push(await importStore(workspaceId, store.id, { trigger, connector: connectorFor(store.platform as ConnectablePlatform) }));
      }
    }),
  );
  return summaries.sort((a, b) => a.storeId - b.storeId);
}

/** One store by id, with its platform's connector. */
export async function importOneStore(workspaceId: string, storeId: number, trigger: RunTrigger, since?: number): Promise<StoreImportSummary> {
  const store = await db.read.selectFrom("stores").select("platform").where("id", "=", storeId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!store) throw notFound(message("storeErrors.storeNotFound"));
  return importStore(workspaceId, storeId, { trigger, connector: connectorFor(store.platform as ConnectablePlatform), since });
}

/** What an Import button's run did, store by store summed up: the counts, the stores that failed and why, and those already importing. */
export function summarizeImports(summaries: StoreImportSummary[]) {
  const total = (key: "created" | "updated" | "cancelled") => summaries.reduce((sum, summary) => sum + summary[key], 0);
  return {
    stores: summaries.length,
    created: total("created"),
    updated: total("updated"),
    cancelled: total("cancelled"),
    failed: summaries.filter((summary) => summary.status === "failed").map((summary) => ({ storeName: summary.storeName, error: summary.error })),
    busy: summaries.filter((summary) => summary.status === "busy").length,
  };
}

/** The longest range a merchant's sweep reads again: platforms keep their order history longer, but a sweep is for gaps, not a re-import. */
export const MAX_SWEEP_DAYS = 90;

export const sweepRangeSchema = z
  .object({ from: z.number().int().min(0), until: z.number().int().min(0) })
  .refine((range) => range.from < range.until, { path: ["until"], message: en.storeErrors.sweepRangeBackwards })
  .refine((range) => range.until - range.from <= MAX_SWEEP_DAYS * 86_400_000, { path: ["from"], message: inEnglish(message("storeErrors.sweepTooLong", { days: MAX_SWEEP_DAYS })) });

/**
 * A merchant's sweep of a date range: the store's orders modified in it read again through the
 * write path, to backfill what the incremental imports missed ("0 missed" is the usual answer).
 * It takes the store's lease like any import.
 */
export async function sweepStoreRange(workspaceId: string, storeId: number, range: z.input<typeof sweepRangeSchema>): Promise<StoreImportSummary> {
  const sweep = parseWith(sweepRangeSchema, range, "range");
  const store = await db.read.selectFrom("stores").select("platform").where("id", "=", storeId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!store) throw notFound(message("storeErrors.storeNotFound"));
  return importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor(store.platform as ConnectablePlatform), sweep });
}
