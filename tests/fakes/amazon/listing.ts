import { randomBytes } from "node:crypto";
import { amazonDate, type FakeAmazonOrders } from "./orders";

export interface ListingState {
  orders: FakeAmazonOrders;
  now: () => number;
  marketplaceIds: string[];
  itemsPageSize: number;
  maxPageSize: number;
  /** getOrders' NextTokens: the query's result, fixed when its first page was asked for. */
  orderTokens: Map<string, { ids: string[]; offset: number; pageSize: number; marketplaceIds: string[]; before: { field: string; value: string } }>;
  itemTokens: Map<string, { orderId: string; offset: number }>;
}

interface Answer {
  status: number;
  body: unknown;
}

/** LastUpdatedBefore and CreatedBefore must be at least this long before Amazon's clock. */
const MIN_LAG_MS = 2 * 60_000;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const FILTERS = ["CreatedAfter", "CreatedBefore", "LastUpdatedAfter", "LastUpdatedBefore"] as const;

const invalid = (details: string): Answer => ({
  status: 400,
  body: { errors: [{ code: "InvalidInput", message: "The input you have submitted is not valid. Please check your input and try again.", details }] },
});

/**
 * GET /orders/v0/orders. With a NextToken the page comes from the token "instead of other
 * criteria" (Orders v0 model): date filters are ignored, MarketplaceIds is still required.
 */
export function handleGetOrders(state: ListingState, params: URLSearchParams): Answer {
  const marketplaceIds = (params.get("MarketplaceIds") ?? "").split(",").filter(Boolean);
  if (!marketplaceIds.length) return invalid("MarketplaceIds is required.");
  const unknown = marketplaceIds.find((id) => !state.marketplaceIds.includes(id));
  if (unknown) return invalid(`Invalid MarketplaceId: ${unknown}.`);

  const nextToken = params.get("NextToken");
  if (nextToken) {
    const saved = state.orderTokens.get(nextToken);
    if (!saved) return invalid("We could not decode your NextToken. Possible reasons include: a transmission error, improper quoting or a truncation problem.");
    if (saved.marketplaceIds.join(",") !== marketplaceIds.join(",")) return invalid("MarketplaceIds must match the request that returned this NextToken.");
    state.orderTokens.delete(nextToken);
    return ordersPage(state, saved);
  }

  const dates: Partial<Record<(typeof FILTERS)[number], number>> = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value === null) continue;
    if (!ISO_8601.test(value) || Number.isNaN(Date.parse(value))) return invalid(`${name} must be an ISO 8601 date.`);
    dates[name] = Date.parse(value);
  }
  const byCreation = dates.CreatedAfter !== undefined;
  const byUpdate = dates.LastUpdatedAfter !== undefined;
  if (byCreation === byUpdate) return invalid("Exactly one of CreatedAfter and LastUpdatedAfter is required.");
  if (byCreation && (dates.LastUpdatedBefore !== undefined)) return invalid("LastUpdatedBefore cannot be used with CreatedAfter.");
  if (byUpdate && (dates.CreatedBefore !== undefined)) return invalid("CreatedBefore cannot be used with LastUpdatedAfter.");

  const latest = state.now() - MIN_LAG_MS;
  const [afterName, beforeName] = byCreation ? (["CreatedAfter", "CreatedBefore"] as const) : (["LastUpdatedAfter", "LastUpdatedBefore"] as const);
  const after = dates[afterName]!;
  const before = dates[beforeName] ?? latest;
  if (before > latest) return invalid(`${beforeName} must be at least 2 minutes before the time of the request.`);
  if (before < after) return invalid(`${beforeName} must be equal to or after ${afterName}.`);

  const pageSizeText = params.get("MaxResultsPerPage") ?? "100";
  const pageSize = Number(pageSizeText);
  if (!/^\d+$/.test(pageSizeText) || pageSize < 1 || pageSize > 100) return invalid("MaxResultsPerPage must be 1 - 100.");

  const ids = state.orders.select(marketplaceIds, byCreation ? "PurchaseDate" : "LastUpdateDate", after, before);
  return ordersPage(state, { ids, offset: 0, pageSize: Math.min(pageSize, state.maxPageSize), marketplaceIds, before: { field: beforeName, value: amazonDate(before) } });
}

function ordersPage(state: ListingState, query: Parameters<ListingState["orderTokens"]["set"]>[1]): Answer {
  const pageIds = query.ids.slice(query.offset, query.offset + query.pageSize);
  const payload: Record<string, unknown> = {
    Orders: pageIds.flatMap((id) => state.orders.get(id)?.order ?? []),
    [query.before.field]: query.before.value,
  };
  if (query.offset + query.pageSize < query.ids.length) {
    const token = randomBytes(48).toString("base64");
    state.orderTokens.set(token, { ...query, offset: query.offset + query.pageSize });
    payload.NextToken = token;
  }
  return { status: 200, body: { payload } };
}

/** GET /orders/v0/orders/{orderId}/orderItems, paged with NextToken. */
export function handleGetOrderItems(state: ListingState, orderId: string, params: URLSearchParams): Answer {
  let offset = 0;
  const nextToken = params.get("NextToken");
  if (nextToken) {
    const saved = state.itemTokens.get(nextToken);
    if (!saved || saved.orderId !== orderId) return invalid("We could not decode your NextToken. Possible reasons include: a transmission error, improper quoting or a truncation problem.");
    state.itemTokens.delete(nextToken);
    offset = saved.offset;
  }
  const found = state.orders.get(orderId);
  if (!found) return { status: 404, body: { errors: [{ code: "NotFound", message: `Order ${orderId} was not found.`, details: "" }] } };
  const payload: Record<string, unknown> = { OrderItems: found.items.slice(offset, offset + state.itemsPageSize), AmazonOrderId: orderId };
  if (offset + state.itemsPageSize < found.items.length) {
    const token = randomBytes(32).toString("base64");
    state.itemTokens.set(token, { orderId, offset: offset + state.itemsPageSize });
    payload.NextToken = token;
  }
  return { status: 200, body: { payload } };
}
