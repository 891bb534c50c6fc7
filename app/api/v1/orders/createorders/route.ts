import { apiRoute, readJsonBody } from "@/lib/http/api-route";
import { assertBatchSize, createOrUpdateOrders } from "@/lib/orders/api-orders";

/** Up to 100 orders; each succeeds or fails on its own. */
export const POST = apiRoute(async (request, caller) => {
  const bodies = await readJsonBody(request);
  assertBatchSize(bodies);
  const results = await createOrUpdateOrders(caller, bodies);
  return {
    hasErrors: results.some((result) => !result.success),
    results: results.map(({ orderId, orderNumber, orderKey, success, errorMessage }) => ({ orderId, orderNumber, orderKey, success, errorMessage })),
  };
});
