import { AppError } from "@/lib/errors";
import { apiRoute, readJsonBody } from "@/lib/http/api-route";
import { createOrUpdateOrders, getApiOrder } from "@/lib/orders/api-orders";

/** Creates an order, or replaces the one with this orderKey; answers with the whole order. */
export const POST = apiRoute(async (request, caller) => {
  const body = await readJsonBody(request);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new AppError("invalid_input", "The body must be one order as a JSON object.");
  const [result] = await createOrUpdateOrders(caller, [body]);
  if (!result.success) throw new AppError("invalid_input", result.errorMessage ?? "The order could not be saved.", result.fieldErrors);
  return getApiOrder(caller, result.orderId!);
});
