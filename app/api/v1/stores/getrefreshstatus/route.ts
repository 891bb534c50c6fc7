import { AppError, parseWith } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { getRefreshStatus, refreshStoreQuerySchema } from "@/lib/stores/refresh-status";

export const GET = apiRoute(async (request, caller) => {
  const { storeId } = parseWith(refreshStoreQuerySchema, Object.fromEntries(request.nextUrl.searchParams), "query");
  if (!storeId) throw new AppError("invalid_input", "storeId is required", { storeId: ["storeId is required"] });
  return getRefreshStatus(caller.workspaceId, storeId, caller.timeZone);
});
