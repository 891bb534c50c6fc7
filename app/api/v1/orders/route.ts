import { apiRoute } from "@/lib/http/api-route";
import { parseWith } from "@/lib/errors";
import { apiOrderListQuerySchema, listApiOrders } from "@/lib/orders/api-orders";

export const GET = apiRoute(async (request, caller) => {
  const query = parseWith(apiOrderListQuerySchema, Object.fromEntries(request.nextUrl.searchParams), "query");
  return listApiOrders(caller, query);
});
