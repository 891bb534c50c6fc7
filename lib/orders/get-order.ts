import { getDb } from "@/db/client";
import { notFound } from "@/lib/errors";

/** An order of this workspace with its store, items and history (newest first); another workspace's id is not found. */
export async function getOrderOrThrow(workspaceId: string, orderId: number) {
  const db = getDb();
  const order = await db
    .selectFrom("orders")
    .innerJoin("stores", "stores.id", "orders.store_id")
    .selectAll("orders")
    .select(["stores.name as store_name", "stores.platform as store_platform"])
    .where("orders.id", "=", orderId)
    .where("orders.workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!order) throw notFound("Order not found");
  const [items, events] = await Promise.all([
    db.selectFrom("order_items").selectAll().where("order_id", "=", orderId).orderBy("position").execute(),
    db.selectFrom("order_events").selectAll().where("order_id", "=", orderId).where("workspace_id", "=", workspaceId).orderBy("at", "desc").orderBy("id", "desc").execute(),
  ]);
  return { ...order, items, events: events.map((event) => ({ ...event, changeSet: event.change_set ? (JSON.parse(event.change_set) as Record<string, unknown>) : null })) };
}

export type OrderDetail = Awaited<ReturnType<typeof getOrderOrThrow>>;
