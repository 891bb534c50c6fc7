import { db } from "@/db/database";
import type { OrderItemRow, OrderRow } from "@/db/schema";
import type { ExportOrder } from "@/lib/csv/export-orders";
import { zoneOffsetMs } from "@/lib/dates";
import { buildOrderListQuery, searchIsSelective } from "./list-orders";
import type { OrderListQuery } from "./list-query";

/** An export stops here: past it a spreadsheet is the wrong tool, and the response says it was cut. */
export const MAX_EXPORT_ORDERS = 100_000;
const BATCH = 500;

/** `orders-2026-11-05.csv`: the day it was downloaded, in the merchant's zone. */
export function exportFileName(timeZone: string, now = Date.now()): string {
  return `orders-${new Date(now + zoneOffsetMs(now, timeZone)).toISOString().slice(0, 10)}.csv`;
}

export interface OrdersForExport {
  /** True when the view holds more than `max` orders, so the export has only the first `max`. */
  truncated: boolean;
  batches: AsyncGenerator<ExportOrder[]>;
}

/**
 * Every order of a view of the orders list (its tab, store, dates and search, in its sort),
 * whole and with items, in batches walked by the list's own keyset: memory stays one batch
 * whatever the view's size.
 */
export async function listOrdersForExport(
  workspaceId: string,
  query: OrderListQuery,
  timeZone: string,
  { max = MAX_EXPORT_ORDERS } = {},
): Promise<OrdersForExport> {
  const view: OrderListQuery = { ...query, size: BATCH, after: undefined, before: undefined, offset: undefined };
  const searchFirst = view.q ? await searchIsSelective(workspaceId, view.q) : false;
  const beyondMax = await buildOrderListQuery(workspaceId, view, timeZone, { searchFirst }).clearLimit().limit(1).offset(max).execute();
  return { truncated: beyondMax.length > 0, batches: batchesOf(workspaceId, view, timeZone, searchFirst, max) };
}

/**
 * The orders picked on the list ("Export selected"), in the order given, with their items; ids
 * that are not this workspace's orders (or were deleted) are left out.
 */
export async function listSelectedOrdersForExport(workspaceId: string, orderIds: number[]): Promise<OrdersForExport> {
  const ids = [...new Set(orderIds)].slice(0, MAX_SELECTED_EXPORT);
  async function* batches() {
    for (let start = 0; start < ids.length; start += BATCH) {
      const orders = await withItems(workspaceId, ids.slice(start, start + BATCH));
      yield orders.filter((order) => order.row.deleted_at == null);
    }
  }
  return { truncated: orderIds.length > ids.length, batches: batches() };
}

/** A selection is at most the list's largest page. */
export const MAX_SELECTED_EXPORT = 500;

async function* batchesOf(workspaceId: string, view: OrderListQuery, timeZone: string, searchFirst: boolean, max: number) {
  let after: string | undefined;
  let sent = 0;
  while (sent < max) {
    const size = Math.min(BATCH, max - sent);
    const rows = await buildOrderListQuery(workspaceId, { ...view, after }, timeZone, { searchFirst }).clearLimit().limit(size).execute();
    if (rows.length === 0) return;
    yield await withItems(workspaceId, rows.map((row) => row.id));
    sent += rows.length;
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = `${view.sort === "order_date" ? last.order_date : view.sort === "modified_at" ? last.modified_at : last.created_at}.${last.id}`;
  }
}

async function withItems(workspaceId: string, ids: number[]): Promise<ExportOrder[]> {
  const [orders, items] = await Promise.all([
    db.read.selectFrom("orders").selectAll().where("workspace_id", "=", workspaceId).where("id", "in", ids).execute(),
    db.read.selectFrom("order_items").selectAll().where("order_id", "in", ids).orderBy("order_id").orderBy("position").execute(),
  ]);
  const byId = new Map<number, OrderRow>(orders.map((row) => [row.id, row]));
  const itemsOf = new Map<number, OrderItemRow[]>();
  for (const item of items) {
    const list = itemsOf.get(item.order_id);
    if (list) list.push(item);
    else itemsOf.set(item.order_id, [item]);
  }
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ row, items: itemsOf.get(id) ?? [] }] : [];
  });
}
