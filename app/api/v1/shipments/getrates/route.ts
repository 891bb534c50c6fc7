import { apiRoute, readJsonBody } from "@/lib/http/api-route";
import { getShipStationRates } from "@/lib/rating/shipstation-rates";
import { todayIn } from "@/lib/rating/today";

/** ShipStation's getrates: one carrier's services and prices for a parcel, in dollars. */
export const POST = apiRoute(async (request, caller) => getShipStationRates(caller.workspaceId, await readJsonBody(request), todayIn(caller.timeZone)));
