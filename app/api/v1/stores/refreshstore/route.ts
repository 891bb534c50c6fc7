import { afterResponse } from "@/lib/http/after-response";
import { parseWith } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { importOneStore } from "@/lib/imports/import-all-stores";
import { parseApiDate } from "@/lib/orders/api-dates";
import { refreshStoreQuerySchema, storesToRefresh } from "@/lib/stores/refresh-status";

/** Starts an import of one store (or all), answering at once as ShipStation does; the import runs after the response. */
export const POST = apiRoute(async (request, caller) => {
  const query = parseWith(refreshStoreQuerySchema, Object.fromEntries(request.nextUrl.searchParams), "query");
  const storeIds = await storesToRefresh(caller.workspaceId, query.storeId);
  const since = query.refreshDate ? (parseApiDate(query.refreshDate, caller.timeZone) ?? undefined) : undefined;
  afterResponse(async () => {
    for (const storeId of storeIds) await importOneStore(caller.workspaceId, storeId, "api", since);
  });
  return { success: true, message: query.storeId ? "A store refresh has been initiated for the selected store." : "A store refresh has been initiated for all stores." };
});
