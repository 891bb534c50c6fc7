import type { StoreRow } from "@/db/schema";
import { db } from "@/db/database";
import { fromOrderRow } from "@/lib/orders/columns";
import { credentialBinding, decryptCredentials } from "@/lib/stores/credentials";
import type { NormalizedOrder } from "@/lib/orders/schema";
import { ConnectorError, type StoreConnection } from "../types";
import { wooApiUrl, wooGet } from "./client";
import { mapWooCommerceOrder, type WooOrder } from "./map-order";

/** The topic of a delivery whose body is only `{"id": …}`: the order went to the bin or was deleted for good. */
export const WOO_ORDER_DELETED_TOPIC = "order.deleted";

/**
 * The order an `order.deleted` delivery names, as Shipdeck's order, cancelled: WooCommerce sends
 * only the id, so the order is asked for. In the bin it is still there (status trash, mapped to
 * cancelled); deleted for good it answers 404, and the order Shipdeck already holds is cancelled.
 * Null when Shipdeck never had it.
 */
export async function withdrawnWooCommerceOrder(store: StoreRow, payload: unknown): Promise<NormalizedOrder | null> {
  const id = (payload as { id?: unknown } | null)?.id;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) throw new Error("an order.deleted delivery without an order id");
  const connection: StoreConnection = {
    platform: "woocommerce",
    baseUrl: store.base_url ?? "",
    credentials: store.credentials ? decryptCredentials(credentialBinding(store), store.credentials) : {},
  };
  try {
    const { body } = await wooGet<WooOrder>(connection, wooApiUrl(connection.baseUrl, `orders/${id}`));
    return mapWooCommerceOrder(body);
  } catch (error) {
    if (!(error instanceof ConnectorError && error.kind === "not_found")) throw error;
  }
  const row = await db.read.selectFrom("orders").selectAll().where("store_id", "=", store.id).where("order_key", "=", String(id)).executeTakeFirst();
  if (!row) return null;
  const items = await db.read.selectFrom("order_items").selectAll().where("order_id", "=", row.id).orderBy("position").execute();
  return { ...fromOrderRow(row, items), status: "cancelled" };
}
