import { apiRoute, readJsonBody } from "@/lib/http/api-route";
import { parseWith } from "@/lib/errors";
import { holdApiOrder, holdUntilSchema } from "@/lib/orders/api-actions";

export const POST = apiRoute(async (request, caller) => holdApiOrder(caller, parseWith(holdUntilSchema, await readJsonBody(request), "body")));
