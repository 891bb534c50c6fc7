import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getOrderOrThrow, type OrderDetail } from "@/lib/orders/get-order";

/** The workspace's order for a page, or the 404 page for a bad id or another workspace's order. */
export async function loadOrderOrNotFound(workspaceId: string, orderIdParam: string): Promise<OrderDetail> {
  const orderId = Number(orderIdParam);
  if (!Number.isSafeInteger(orderId) || orderId <= 0) notFound();
  try {
    return await getOrderOrThrow(workspaceId, orderId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
