import { apiRoute } from "@/lib/http/api-route";
import { listRatingCarriers } from "@/lib/rating/list-carriers";
import { todayIn } from "@/lib/rating/today";

/** The carriers this account rates with, ShipStation's list shape plus each carrier's services. */
export const GET = apiRoute(async (_request, caller) => listRatingCarriers(caller.workspaceId, todayIn(caller.timeZone)));
