import { apiRoute } from "@/lib/http/api-route";
import { listApiStores } from "@/lib/stores/list-api-stores";

export const GET = apiRoute(async (request, caller) =>
  listApiStores(caller.workspaceId, caller.timeZone, request.nextUrl.searchParams.get("showInactive") === "true"),
);
