import { z } from "zod";
import { db } from "@/db/database";
import { notFound } from "@/lib/errors";
import { apiDateSchema, formatApiDate } from "@/lib/orders/api-dates";

/** ShipStation's refresh states. */
export const REFRESH_STATUS = { idle: { id: 1, name: "Idle" }, updating: { id: 2, name: "Updating" }, error: { id: 3, name: "Error" } } as const;

export const refreshStoreQuerySchema = z.object({
  storeId: z.preprocess((value) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value), z.number().int().positive()).optional(),
  refreshDate: apiDateSchema.optional(),
});

/** GET /stores/getrefreshstatus: whether an import of the store is running now, and when it last ran. */
export async function getRefreshStatus(workspaceId: string, storeId: number, timeZone: string, now = Date.now()) {
  const store = await db.read
    .selectFrom("stores")
    .select(["id", "lease_until", "last_import_at", "last_error"])
    .where("id", "=", storeId)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!store) throw notFound(`Store ${storeId} not found`);
  const status = store.lease_until != null && store.lease_until > now ? REFRESH_STATUS.updating : store.last_error ? REFRESH_STATUS.error : REFRESH_STATUS.idle;
  const lastAttempt = store.last_import_at != null ? formatApiDate(store.last_import_at, timeZone) : null;
  return {
    storeId: store.id,
    refreshStatusId: status.id,
    refreshStatus: status.name,
    lastRefreshAttempt: lastAttempt,
    refreshDate: store.last_error ? null : lastAttempt,
  };
}

/** The stores a refresh names: one of the workspace's connected stores, or all of its active ones. */
export async function storesToRefresh(workspaceId: string, storeId?: number): Promise<number[]> {
  let query = db.read.selectFrom("stores").select("id").where("workspace_id", "=", workspaceId).where("platform", "!=", "manual").where("deleted_at", "is", null);
  if (storeId) query = query.where("id", "=", storeId);
  else query = query.where("active", "=", 1);
  const stores = await query.execute();
  if (storeId && stores.length === 0) throw notFound(`Store ${storeId} not found`);
  return stores.map((store) => store.id);
}
