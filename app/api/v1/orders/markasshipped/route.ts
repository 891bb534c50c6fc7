import { apiRoute, parseWith, readJsonBody } from "@/lib/http/api-route";
import { markApiOrderShipped, markAsShippedSchema } from "@/lib/orders/api-actions";

export const POST = apiRoute(async (request, caller) => markApiOrderShipped(caller, parseWith(markAsShippedSchema, await readJsonBody(request), "body")));
