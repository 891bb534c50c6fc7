import { apiRoute } from "@/lib/http/api-route";
import { carrierOfQuery, listCarrierPackages } from "@/lib/rating/carrier-query";

/** ShipStation's package list: `{carrierCode, code, name, domestic, international}` per package. */
export const GET = apiRoute(async (request, caller) => listCarrierPackages(await carrierOfQuery(caller, request.nextUrl.searchParams)));
