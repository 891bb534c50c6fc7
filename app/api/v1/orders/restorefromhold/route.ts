import { apiRoute, readJsonBody } from "@/lib/http/api-route";
import { parseWith } from "@/lib/errors";
import { restoreApiOrder, restoreFromHoldSchema } from "@/lib/orders/api-actions";

export const POST = apiRoute(async (request, caller) => restoreApiOrder(caller, parseWith(restoreFromHoldSchema, await readJsonBody(request), "body")));
