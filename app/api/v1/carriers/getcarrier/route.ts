import { apiRoute } from "@/lib/http/api-route";
import { carrierOfQuery } from "@/lib/rating/carrier-query";

/** ShipStation's getcarrier: one carrier by its code, with its services. */
export const GET = apiRoute(async (request, caller) => carrierOfQuery(caller, request.nextUrl.searchParams));
