import { hash, randomUUID } from "node:crypto";
import { z } from "zod";
import { sql, type SqlBool } from "kysely";
import { db } from "@/db/database";
import type { OrderStatus } from "@/db/schema";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { safeText, unsafeTextProblem } from "@/lib/text";
import { apiDateSchema, parseApiDate } from "./api-dates";
import { findOrdersAlreadyImported, importOrders } from "./import-orders";
import { ftsQuery, orderNumberStartsWith } from "./list-orders";
import type { NormalizedOrder } from "./schema";
import { shipStationOrderInputSchema, toNormalizedOrder, toShipStationOrder, type ShipStationOrder } from "./shipstation-order";
import { ORDER_STATUSES } from "./status";

/** What an API caller is: its workspace, the zone its timestamps are in, and who to record. */
export interface ApiContext {
  workspaceId: string;
  timeZone: string;
  actor: string;
}

export interface CreateOrderResult {
  orderId: number | null;
  orderNumber: string | null;
  orderKey: string | null;
  success: boolean;
  errorMessage: string | null;
  fieldErrors?: Record<string, string[]>;
}

/** createorders takes at most this many orders, as ShipStation does. */
export const MAX_ORDERS_PER_BATCH = 100;

/**
 * createorder / createorders: each order is created, or replaced whole when its orderKey exists
 * (its store stays the one it was created in). One bad order never fails the others; shipped and
 * cancelled orders are refused with a message.
 */
export async function createOrUpdateOrders(context: ApiContext, bodies: unknown[]): Promise<CreateOrderResult[]> {
  const results: CreateOrderResult[] = new Array(bodies.length);
  // A body identical to the one that last wrote its order (in the same API time zone) is
  // unchanged: answered from one read, without parsing it again.
  const digests = bodies.map((body) => digestOf(context, body));
  const digestsByKey = new Map<string, string>();
  bodies.forEach((body, index) => {
    const key = (body as { orderKey?: unknown } | null)?.orderKey;
    // A key the schema will refuse is never looked up: it can't name a stored order.
    if (typeof key === "string" && key && !unsafeTextProblem(key) && !digestsByKey.has(key)) digestsByKey.set(key, digests[index]);
  });
  const unchanged = await findOrdersAlreadyImported(context.workspaceId, "api", digestsByKey);

  const parsed: { index: number; input: z.output<typeof shipStationOrderInputSchema> }[] = [];
  bodies.forEach((body, index) => {
    const key = (body as { orderKey?: unknown } | null)?.orderKey;
    const orderId = typeof key === "string" && digestsByKey.get(key) === digests[index] ? unchanged.get(key) : undefined;
    if (orderId !== undefined) {
      results[index] = { orderId, orderNumber: String((body as { orderNumber?: unknown }).orderNumber ?? ""), orderKey: key as string, success: true, errorMessage: null };
      return;
    }
    const attempt = shipStationOrderInputSchema.safeParse(body);
    if (attempt.success) parsed.push({ index, input: attempt.data });
    else results[index] = failure(body, fieldErrorsOf(attempt.error.issues, "order"));
  });

  const stores = await db.read.selectFrom("stores").select(["id", "platform"]).where("workspace_id", "=", context.workspaceId).where("deleted_at", "is", null).execute();
  const storeIds = new Set(stores.map((store) => store.id));
  const manualStoreId = stores.find((store) => store.platform === "manual")?.id;
  const existing = await storesOfExistingKeys(context.workspaceId, parsed.map(({ input }) => input.orderKey).filter((key): key is string => Boolean(key)));

  const byStore = new Map<number, { index: number; order: NormalizedOrder; digest: string | undefined }[]>();
  for (const { index, input } of parsed) {
    const orderKey = input.orderKey || randomUUID();
    const requestedStore = input.advancedOptions?.storeId ?? null;
    if (requestedStore != null && !storeIds.has(requestedStore) && !existing.has(orderKey)) {
      results[index] = failure(input, { "advancedOptions.storeId": [`No store ${requestedStore} in this account`] });
      continue;
    }
    const storeId = storeOfExistingKey(existing.get(orderKey), requestedStore) ?? requestedStore ?? manualStoreId;
    if (storeId == null) throw new Error("Workspace has no Manual Orders store");
    // A key repeated later in this batch is the same order: it goes to the store chosen here.
    existing.set(orderKey, [storeId]);
    const group = byStore.get(storeId) ?? [];
    // A generated key makes the body differ from any later re-send, so only given keys are digested.
    group.push({ index, order: toNormalizedOrder(input, { timeZone: context.timeZone, orderKey }), digest: input.orderKey ? digests[index] : undefined });
    byStore.set(storeId, group);
  }

  for (const [storeId, group] of byStore) {
    const outcomes = await importOrders(context.workspaceId, storeId, group.map((entry) => entry.order), {
      source: "api",
      actor: context.actor,
      receivedDigests: { kind: "api", values: group.map((entry) => entry.digest) },
    });
    group.forEach(({ index, order }, i) => {
      const outcome = outcomes[i];
      const ok = outcome.outcome === "created" || outcome.outcome === "updated" || outcome.outcome === "unchanged";
      results[index] = {
        orderId: outcome.orderId,
        orderNumber: order.orderNumber,
        orderKey: order.orderKey,
        success: ok,
        errorMessage: ok ? null : (outcome.reason ?? "The order could not be saved."),
        ...(outcome.fieldErrors ? { fieldErrors: outcome.fieldErrors } : {}),
      };
    });
  }
  return results;
}

function digestOf(context: ApiContext, body: unknown): string {
  return hash("sha1", `${context.timeZone}\n${JSON.stringify(body)}`, "base64url");
}

function failure(body: unknown, fieldErrors: Record<string, string[]>): CreateOrderResult {
  const record = (body ?? {}) as Record<string, unknown>;
  return {
    orderId: null,
    orderNumber: typeof record.orderNumber === "string" || typeof record.orderNumber === "number" ? String(record.orderNumber) : null,
    orderKey: typeof record.orderKey === "string" ? record.orderKey : null,
    success: false,
    errorMessage: Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages[0]}`).join("; "),
    fieldErrors,
  };
}

/**
 * The stores each existing orderKey lives in, oldest order first. For the API a key names one
 * order across the workspace; two connected stores can still each hold an order under it.
 */
async function storesOfExistingKeys(workspaceId: string, keys: string[]): Promise<Map<string, number[]>> {
  const stores = new Map<string, number[]>();
  if (keys.length === 0) return stores;
  const rows = await db.read
    .selectFrom("orders")
    .select(["order_key", "store_id"])
    .where("order_key", "in", keys)
    .where("store_id", "in", (eb) => eb.selectFrom("stores").select("id").where("workspace_id", "=", workspaceId))
    .orderBy("id")
    .execute();
  for (const row of rows) stores.set(row.order_key, [...(stores.get(row.order_key) ?? []), row.store_id]);
  return stores;
}

/** Which existing order a key means: the one in the store the caller names, else the oldest. */
function storeOfExistingKey(storeIds: number[] | undefined, requested: number | null): number | undefined {
  if (!storeIds?.length) return undefined;
  return requested != null && storeIds.includes(requested) ? requested : storeIds[0];
}

/** An order in ShipStation's shape; deleted orders and other workspaces' are not found. */
export async function getApiOrder(context: ApiContext, orderId: number): Promise<ShipStationOrder> {
  const [order] = await ordersByIds(context, [orderId]);
  if (!order) throw notFound(`Order ${orderId} not found`);
  return order;
}

async function ordersByIds(context: ApiContext, ids: number[]): Promise<ShipStationOrder[]> {
  if (ids.length === 0) return [];
  const rows = await db.read.selectFrom("orders").selectAll().where("id", "in", ids).where("workspace_id", "=", context.workspaceId).where("deleted_at", "is", null).execute();
  const items = await db.read.selectFrom("order_items").selectAll().where("order_id", "in", ids).orderBy("order_id").orderBy("position").execute();
  const itemsByOrder = new Map<number, typeof items>();
  for (const item of items) {
    const list = itemsByOrder.get(item.order_id);
    if (list) list.push(item);
    else itemsByOrder.set(item.order_id, [item]);
  }
  const byId = new Map(rows.map((row) => [row.id, toShipStationOrder(row, itemsByOrder.get(row.id) ?? [], { timeZone: context.timeZone })]));
  return ids.map((id) => byId.get(id)).filter((order): order is ShipStationOrder => Boolean(order));
}

const apiDate = apiDateSchema;
const SORT_COLUMNS = { OrderDate: "order_date", ModifyDate: "modified_at", CreateDate: "created_at" } as const;

/** GET /orders's query string: ShipStation's parameter names. */
export const apiOrderListQuerySchema = z.object({
  customerName: safeText(z.string()).trim().max(200).optional(),
  itemKeyword: safeText(z.string()).trim().max(200).optional(),
  createDateStart: apiDate.optional(),
  createDateEnd: apiDate.optional(),
  modifyDateStart: apiDate.optional(),
  modifyDateEnd: apiDate.optional(),
  orderDateStart: apiDate.optional(),
  orderDateEnd: apiDate.optional(),
  paymentDateStart: apiDate.optional(),
  paymentDateEnd: apiDate.optional(),
  orderNumber: safeText(z.string()).trim().max(200).optional(),
  orderStatus: z.enum(ORDER_STATUSES).optional(),
  storeId: z.coerce.number().int().positive().optional(),
  sortBy: z.enum(["OrderDate", "ModifyDate", "CreateDate"]).optional(),
  sortDir: z.enum(["ASC", "DESC"]).default("ASC"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500, "pageSize can be at most 500").default(100),
});
export type ApiOrderListQuery = z.output<typeof apiOrderListQuerySchema>;

/** GET /orders: ShipStation's filters, sorts and page numbers → `{orders, total, page, pages}`. */
export async function listApiOrders(context: ApiContext, query: ApiOrderListQuery) {
  const range = (column: "created_at" | "modified_at" | "order_date" | "payment_date", start?: string, end?: string) => {
    const filters = [];
    if (start) filters.push(sql<SqlBool>`${sql.ref(`orders.${column}`)} >= ${parseApiDate(start, context.timeZone)}`);
    if (end) filters.push(sql<SqlBool>`${sql.ref(`orders.${column}`)} <= ${parseApiDate(end, context.timeZone)}`);
    return filters;
  };
  // The search index holds names and items together; each filter then keeps only orders whose
  // names (or items) contain every word, so customerName=mug doesn't find mug buyers.
  const words = (text: string | undefined, within: (pattern: string) => ReturnType<typeof sql<SqlBool>>) => {
    const match = text ? ftsQuery(text) : null;
    if (!text || !match) return [];
    const each = text.split(/\s+/).filter(Boolean).map((word) => within(`%${word.replace(/[\\%_]/g, "\\$&")}%`));
    return [sql<SqlBool>`orders.id IN (SELECT rowid FROM orders_search WHERE orders_search MATCH ${match})`, ...each];
  };
  const inNames = (pattern: string) =>
    sql<SqlBool>`(orders.bill_to_name LIKE ${pattern} ESCAPE '\\' OR orders.ship_to_name LIKE ${pattern} ESCAPE '\\' OR orders.customer_username LIKE ${pattern} ESCAPE '\\' OR orders.customer_email LIKE ${pattern} ESCAPE '\\')`;
  const inItems = (pattern: string) =>
    sql<SqlBool>`EXISTS (SELECT 1 FROM order_items WHERE order_items.order_id = orders.id AND (order_items.sku LIKE ${pattern} ESCAPE '\\' OR order_items.name LIKE ${pattern} ESCAPE '\\'))`;
  const filters = [
    sql<SqlBool>`orders.workspace_id = ${context.workspaceId}`,
    sql<SqlBool>`orders.deleted_at IS NULL`,
    ...(query.orderStatus ? [sql<SqlBool>`orders.status = ${query.orderStatus as OrderStatus}`] : []),
    ...(query.storeId ? [sql<SqlBool>`orders.store_id = ${query.storeId}`] : []),
    ...(query.orderNumber ? [orderNumberStartsWith(context.workspaceId, query.orderNumber)] : []),
    ...range("created_at", query.createDateStart, query.createDateEnd),
    ...range("modified_at", query.modifyDateStart, query.modifyDateEnd),
    ...range("order_date", query.orderDateStart, query.orderDateEnd),
    ...range("payment_date", query.paymentDateStart, query.paymentDateEnd),
    ...words(query.customerName, inNames),
    ...words(query.itemKeyword, inItems),
  ];
  const where = sql.join(filters, sql` AND `);
  const [{ total }] = (await sql<{ total: number }>`SELECT count(*) AS total FROM orders WHERE ${where}`.execute(db.read)).rows;
  const sort = sql.ref(`orders.${query.sortBy ? SORT_COLUMNS[query.sortBy] : "id"}`);
  const direction = sql.raw(query.sortDir);
  const { rows } = await sql<{ id: number }>`
    SELECT orders.id FROM orders WHERE ${where} ORDER BY ${sort} ${direction}, orders.id ${direction}
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(db.read);
  const orders = await ordersByIds(context, rows.map((row) => row.id));
  return { orders, total: Number(total), page: query.page, pages: Math.ceil(Number(total) / query.pageSize) };
}

export function assertBatchSize(bodies: unknown): asserts bodies is unknown[] {
  if (!Array.isArray(bodies)) throw new AppError("invalid_input", "The body must be a JSON array of orders.");
  if (bodies.length === 0) throw new AppError("invalid_input", "The body has no orders.");
  if (bodies.length > MAX_ORDERS_PER_BATCH) throw new AppError("invalid_input", `At most ${MAX_ORDERS_PER_BATCH} orders per request; this one has ${bodies.length}.`);
}
