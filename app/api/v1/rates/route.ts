import { apiRoute, readJsonBody } from "@/lib/http/api-route";
import { quoteApiRates } from "@/lib/rating/shipstation-rates";
import { todayIn } from "@/lib/rating/today";

/** Every carrier's quotes for a parcel at once, with each price's breakdown and each carrier's problem. */
export const POST = apiRoute(async (request, caller) => quoteApiRates(caller.workspaceId, await readJsonBody(request), todayIn(caller.timeZone)));
