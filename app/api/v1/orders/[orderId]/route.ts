import { apiRoute } from "@/lib/http/api-route";
import { AppError } from "@/lib/errors";
import { getApiOrder } from "@/lib/orders/api-orders";
import { deleteOrder } from "@/lib/orders/order-actions";

function orderIdOf(param: string): number {
  // Digits only: Number() would also read "0x1f", "1e3" or "7.0" as another order's id.
  const orderId = /^\d+$/.test(param) ? Number(param) : Number.NaN;
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw new AppError("not_found", `Order ${param} not found`);
  return orderId;
}

export const GET = apiRoute<{ orderId: string }>(async (_request, caller, { orderId }) => getApiOrder(caller, orderIdOf(orderId)));

export const DELETE = apiRoute<{ orderId: string }>(async (_request, caller, { orderId }) => {
  await deleteOrder(caller.workspaceId, orderIdOf(orderId), { actor: caller.actor, source: "api" });
  return { success: true, message: "The requested order has been deleted." };
});
