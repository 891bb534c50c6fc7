import { db } from "@/db/database";
import { notFound } from "@/lib/errors";
import { connectorFor } from "@/lib/connectors/registry";
import type { ConnectablePlatform } from "@/lib/stores/platforms";
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
    .where("active", "=", 1)
    .where("platform", "!=", "manual")
    .where("credentials", "is not", null)
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
  if (!store) throw notFound("Store not found");
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
