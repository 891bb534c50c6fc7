import { sql, type SqlBool, type Expression } from "kysely";
import { db } from "@/db/database";
import type { OrderStatus } from "@/db/schema";
import { startOfDay, startOfNextDay } from "@/lib/dates";
import type { OrderListQuery, SortField } from "./list-query";
import { ORDER_STATUSES } from "./status";
import { orderWeightOf } from "./weight";

export interface OrderListRow {
  id: number;
  storeId: number;
  orderNumber: string;
  status: OrderStatus;
  active: boolean;
  reactivatedInChannel: boolean;
  orderDate: number;
  modifiedAt: number;
  createdAt: number;
  recipient: string | null;
  customerEmail: string | null;
  destination: string;
  orderTotal: number;
  currency: string;
  requestedService: string | null;
  weightOz: number | null;
  /** The weight is the items' (the order has none of its own), as on the order page. */
  weightFromItems: boolean;
  itemLines: number;
  itemUnits: number;
  firstItemName: string | null;
}

export interface OrderListPage {
  orders: OrderListRow[];
  /** Cursor of the page after this one, when there is one. */
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * One page of the workspace's orders for a view of the list, by keyset on (sort date, id):
 * a deep page costs what the first one does.
 */
export async function listOrders(workspaceId: string, query: OrderListQuery, timeZone = "UTC"): Promise<OrderListPage> {
  const backwards = isBackwards(query);
  const cursor = parseCursor(query.after ?? query.before);
  const searchFirst = query.q ? await searchIsSelective(workspaceId, query.q) : false;
  const rows = await buildOrderListQuery(workspaceId, query, timeZone, { searchFirst }).execute();
  const hasMore = rows.length > query.size;
  const pageRows = rows.slice(0, query.size);
  if (backwards) pageRows.reverse();

  const [summaries, itemWeights] = await Promise.all([
    summarizeItems(pageRows.map((row) => row.id)),
    itemWeightsOf(pageRows.filter((row) => !(row.weight_oz != null && row.weight_oz > 0)).map((row) => row.id)),
  ]);
  const orders = pageRows.map((row): OrderListRow => {
    const summary = summaries.get(row.id);
    const weight = orderWeightOf(row, itemWeights.get(row.id) ?? []);
    return {
      id: row.id,
      storeId: row.store_id,
      orderNumber: row.order_number,
      status: row.status,
      active: row.active === 1,
      reactivatedInChannel: row.reactivated_in_channel_at != null,
      orderDate: row.order_date,
      modifiedAt: row.modified_at,
      createdAt: row.created_at,
      recipient: row.ship_to_name,
      customerEmail: row.customer_email,
      destination: [row.ship_to_city, row.ship_to_state, row.ship_to_country].filter(Boolean).join(", "),
      orderTotal: row.order_total,
      currency: row.currency,
      requestedService: row.requested_shipping_service,
      weightOz: weight.oz,
      weightFromItems: weight.fromItems,
      itemLines: summary?.lines ?? 0,
      itemUnits: summary?.units ?? 0,
      firstItemName: summary?.firstName ?? null,
    };
  });

  const first = orders[0];
  const last = orders.at(-1);
  const cursorOf = (row: OrderListRow) => `${sortValue(row, query.sort)}.${row.id}`;
  const morePastEnd = backwards ? Boolean(cursor) : hasMore;
  const moreBeforeStart = backwards ? hasMore : Boolean(cursor);
  return {
    orders,
    nextCursor: last && morePastEnd ? cursorOf(last) : null,
    prevCursor: first && moreBeforeStart ? cursorOf(first) : null,
  };
}

function isBackwards(query: OrderListQuery): boolean {
  return Boolean(query.before) && !query.after;
}

/**
 * The query behind one page of a view (exported so tests can check its plan). A search that
 * matches few orders starts from the matches (CROSS JOIN fixes that join order in SQLite) and
 * sorts them; one that matches many walks the sort index and stops at a page, as views without
 * search do.
 */
export function buildOrderListQuery(workspaceId: string, query: OrderListQuery, timeZone = "UTC", { searchFirst = false } = {}) {
  const sort = sql.ref(`orders.${query.sort}`);
  const cursor = parseCursor(query.after ?? query.before);
  const descending = (query.dir === "desc") !== isBackwards(query);
  const source = searchFirst && query.q
    ? db.read.selectFrom(sql<{ id: number }>`(${matchingOrderIds(workspaceId, query.q)})`.as("matches")).crossJoin("orders").whereRef("orders.id", "=", "matches.id")
    : db.read.selectFrom("orders");
  let select = source
    .select([
      "orders.id", "orders.store_id", "orders.order_number", "orders.status", "orders.active", "orders.reactivated_in_channel_at",
      "orders.order_date", "orders.modified_at", "orders.created_at", "orders.ship_to_name", "orders.customer_email",
      "orders.ship_to_city", "orders.ship_to_state", "orders.ship_to_country", "orders.order_total", "orders.currency",
      "orders.requested_shipping_service", "orders.weight_oz",
    ])
    .where((eb) => eb.and(viewFilters(workspaceId, query, timeZone, searchFirst)))
    .orderBy(sort, descending ? "desc" : "asc")
    .orderBy("orders.id", descending ? "desc" : "asc")
    .limit(query.size + 1);
  if (cursor) {
    select = select.where(sql<SqlBool>`(${sort}, orders.id) ${sql.raw(descending ? "<" : ">")} (${cursor.value}, ${cursor.id})`);
  }
  return select;
}

/** The WHERE of a view: workspace always, then tab, store, dates and search. */
function viewFilters(workspaceId: string, query: OrderListQuery, timeZone: string, searchAlreadyApplied: boolean) {
  const filters: Expression<SqlBool>[] = [sql<SqlBool>`orders.workspace_id = ${workspaceId}`, sql<SqlBool>`orders.deleted_at IS NULL`];
  if (query.status !== "all") filters.push(sql<SqlBool>`orders.status = ${query.status}`);
  if (query.store) filters.push(sql<SqlBool>`orders.store_id = ${query.store}`);
  if (query.run) filters.push(sql<SqlBool>`orders.id IN (${ordersCreatedByRun(workspaceId, query.run)})`);
  if (query.from) filters.push(sql<SqlBool>`orders.order_date >= ${startOfDay(query.from, timeZone)}`);
  if (query.to) filters.push(sql<SqlBool>`orders.order_date < ${startOfNextDay(query.to, timeZone)}`);
  if (query.q && !searchAlreadyApplied) filters.push(sql<SqlBool>`orders.id IN (${matchingOrderIds(workspaceId, query.q)})`);
  return filters;
}

/** Ids of orders whose number starts with the text, or whose customer or items contain every word. */
function matchingOrderIds(workspaceId: string, text: string) {
  const words = ftsQuery(text);
  const byWords = words ? sql`UNION SELECT rowid FROM orders_search WHERE orders_search MATCH ${words}` : sql``;
  return sql`${idsOfOrderNumbersStartingWith(workspaceId, text)} ${byWords}`;
}

/**
 * Ids of orders whose number starts with `prefix` as typed, upper-cased or lower-cased ("web-"
 * finds "WEB-1001"), with and without a leading `#` (shops number orders "#2001", merchants type
 * "2001", and the other way round): one range on the (workspace, number) index per spelling,
 * joined by UNION (an OR of ranges would not use the index).
 */
function idsOfOrderNumbersStartingWith(workspaceId: string, prefix: string) {
  const variants = [...new Set(orderNumberSpellings(prefix).flatMap((spelling) => [spelling, spelling.toUpperCase(), spelling.toLowerCase()]))];
  return sql.join(
    variants.map((variant) => sql`SELECT id FROM orders WHERE workspace_id = ${workspaceId} AND order_number >= ${variant} AND order_number < ${`${variant}\u{10FFFF}`}`),
    sql` UNION `,
  );
}

/** The typed number without its leading `#`, and with one; a bare `#` is no number at all. */
export function orderNumberSpellings(prefix: string): string[] {
  const bare = prefix.replace(/^#+\s*/, "");
  return bare ? [bare, `#${bare}`] : [prefix];
}

export function orderNumberStartsWith(workspaceId: string, prefix: string) {
  return sql<SqlBool>`orders.id IN (${idsOfOrderNumbersStartingWith(workspaceId, prefix)})`;
}

/** Below this many matches a search starts from its matches; above, from the sort index. */
const SELECTIVE_SEARCH_LIMIT = 2000;

export async function searchIsSelective(workspaceId: string, text: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${matchingOrderIds(workspaceId, text)} LIMIT ${SELECTIVE_SEARCH_LIMIT})`.execute(db.read);
  return Number(rows[0].n) < SELECTIVE_SEARCH_LIMIT;
}

/** Each word of the search as an FTS5 prefix term; quotes stripped so input can't change the query's meaning. */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize("NFKC")
    .split(/[\s"*^():+]+/)
    .map((word) => word.replace(/^[-.]+|[-.]+$/g, ""))
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((word) => `"${word}"*`).join(" ") : null;
}

async function summarizeItems(orderIds: number[]) {
  const summaries = new Map<number, { lines: number; units: number; firstName: string | null }>();
  if (orderIds.length === 0) return summaries;
  // SQLite takes a bare column from the row that min() picked: the first item's name.
  const rows = await db.read
    .selectFrom("order_items")
    .select((eb) => ["order_id", "name", eb.fn.countAll<number>().as("lines"), eb.fn.sum<number>("quantity").as("units"), eb.fn.min("position").as("first")])
    .where("order_id", "in", orderIds)
    .groupBy("order_id")
    .execute();
  for (const row of rows) summaries.set(row.order_id, { lines: Number(row.lines), units: Number(row.units), firstName: row.name });
  return summaries;
}

/** The item weights of the page's orders that have no weight of their own, for `orderWeightOf`. */
async function itemWeightsOf(orderIds: number[]) {
  const byOrder = new Map<number, { weight_oz: number | null; quantity: number; adjustment: number }[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await db.read
    .selectFrom("order_items")
    .select(["order_id", "weight_oz", "quantity", "adjustment"])
    .where("order_id", "in", orderIds)
    .where("weight_oz", "is not", null)
    .execute();
  for (const { order_id, ...item } of rows) {
    const list = byOrder.get(order_id);
    if (list) list.push(item);
    else byOrder.set(order_id, [item]);
  }
  return byOrder;
}

function sortValue(row: OrderListRow, sort: SortField): number {
  return sort === "order_date" ? row.orderDate : sort === "modified_at" ? row.modifiedAt : row.createdAt;
}

function parseCursor(cursor: string | undefined): { value: number; id: number } | null {
  if (!cursor) return null;
  const [value, id] = cursor.split(".").map(Number);
  return Number.isFinite(value) && Number.isFinite(id) ? { value, id } : null;
}

/** The ids of the orders an import run created (their "created" event names the run). */
function ordersCreatedByRun(workspaceId: string, runId: number) {
  return sql`SELECT order_id FROM order_events WHERE import_run_id = ${runId} AND workspace_id = ${workspaceId} AND action = 'created'`;
}

export type OrderCounts = Record<OrderStatus | "all", number>;

/**
 * The tab counts, from the counters the write path keeps: no scan however many orders there are.
 * For one import run's orders they are counted from those orders (an import's worth, not the workspace's).
 */
export async function countOrdersByStatus(workspaceId: string, { storeId, runId }: { storeId?: number; runId?: number } = {}): Promise<OrderCounts> {
  const rows = runId ? await countRunOrdersByStatus(workspaceId, runId, storeId) : await countersByStatus(workspaceId, storeId);
  const counts = Object.fromEntries([...ORDER_STATUSES, "all"].map((status) => [status, 0])) as OrderCounts;
  for (const row of rows) {
    counts[row.status] = Number(row.n);
    counts.all += Number(row.n);
  }
  return counts;
}

function countersByStatus(workspaceId: string, storeId?: number) {
  let query = db.read.selectFrom("order_counts").select(["status", (eb) => eb.fn.sum<number>("n").as("n")]).where("workspace_id", "=", workspaceId);
  if (storeId) query = query.where("store_id", "=", storeId);
  return query.groupBy("status").execute();
}

function countRunOrdersByStatus(workspaceId: string, runId: number, storeId?: number) {
  let query = db.read
    .selectFrom("orders")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .where(sql<SqlBool>`orders.id IN (${ordersCreatedByRun(workspaceId, runId)})`);
  if (storeId) query = query.where("store_id", "=", storeId);
  return query.groupBy("status").execute();
}
