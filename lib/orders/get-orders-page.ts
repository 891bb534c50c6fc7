import { describeImportRun, type ImportRunLabel } from "@/lib/imports/import-runs";
import { listStores } from "@/lib/stores/list-stores";
import { countOrdersByStatus, listOrders, type OrderCounts, type OrderListPage } from "./list-orders";
import type { OrderListQuery } from "./list-query";

export interface OrdersPageData {
  counts: OrderCounts;
  page: OrderListPage;
  stores: Awaited<ReturnType<typeof listStores>>;
  /** No order at all yet (and no store or import picked): the page shows its first steps instead of a list. */
  empty: boolean;
  /** How many orders the view has; null when a search or a date range narrows it, which the tab counters don't know. */
  total: number | null;
  /** The import run the view is limited to (its orders only), when one is picked. */
  run: ImportRunLabel | null;
}

/** The orders list page: the tab counts, one page of the view, the store picker, and what the page derives from them. */
export async function getOrdersPage(workspaceId: string, query: OrderListQuery, timeZone: string): Promise<OrdersPageData> {
  const [counts, page, stores, run] = await Promise.all([
    countOrdersByStatus(workspaceId, { storeId: query.store, runId: query.run }),
    listOrders(workspaceId, query, timeZone),
    listStores(workspaceId),
    query.run ? describeImportRun(workspaceId, query.run) : null,
  ]);
  const filtered = Boolean(query.q || query.from || query.to);
  return { counts, page, stores, run, empty: counts.all === 0 && !query.store && !query.run, total: filtered ? null : counts[query.status] };
}
