import { apiRoute, readJsonBody } from "@/lib/http/api-route";
import { parseWith } from "@/lib/errors";
import { markApiOrderShipped, markAsShippedSchema } from "@/lib/orders/api-actions";

export const POST = apiRoute(async (request, caller) => markApiOrderShipped(caller, parseWith(markAsShippedSchema, await readJsonBody(request), "body")));
