import { apiRoute } from "@/lib/http/api-route";
import { carrierOfQuery } from "@/lib/rating/carrier-query";

/** ShipStation's service list: `{carrierCode, code, name, domestic, international}` per service. */
export const GET = apiRoute(async (request, caller) => (await carrierOfQuery(caller, request.nextUrl.searchParams)).services);
