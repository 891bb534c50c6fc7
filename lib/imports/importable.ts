import { sql, type SqlBool } from "kysely";
import type { StoreRow } from "@/db/schema";

// What a store needs for Shipdeck to pull orders from it, in the two forms the code asks: a query's
// filter and a loaded row's check. Manual Orders has no channel; a deactivated store is left
// alone; a store saved without credentials (the demo's) has nothing to pull with; a deleted one is gone.

/** The filter of the stores that can be imported, for any query over `stores`. */
export const importableStores = sql<SqlBool>`(stores.active = 1 AND stores.platform != 'manual' AND stores.credentials IS NOT NULL AND stores.deleted_at IS NULL)`;

export function isImportable(store: Pick<StoreRow, "active" | "platform" | "credentials" | "deleted_at">): boolean {
  return store.active === 1 && store.platform !== "manual" && store.credentials !== null && store.deleted_at === null;
}
