import type { ShopifyOrder } from "@/lib/connectors/shopify/payload";
import { publicOrder } from "./orders";

/** GET orders.json as Shopify answers it: filters, sort, and cursor pages whose cursor keeps the filters. */
type StatusFilter = "open" | "closed" | "cancelled" | "any";
type SortField = "updated_at" | "created_at" | "processed_at" | "id";
interface Filters {
  status: StatusFilter;
  updated_at_min?: number;
  updated_at_max?: number;
  created_at_min?: number;
  created_at_max?: number;
  sort: [SortField, "asc" | "desc"];
}
interface PageCursor {
  filters: Filters;
  /** The sort key ([value, id]) of the last order of the page before (next) or the first of the page after (previous). */
  key: [number, number];
  direction: "next" | "previous";
}

export type Listing =
  | { ok: true; orders: ShopifyOrder[]; next: string | null; previous: string | null; limit: number }
  | { ok: false; status: number; body: unknown };

export interface ListingOptions {
  /** Shopify's cap is 250; tests lower it to see several pages without hundreds of orders. */
  maxPageSize: number;
  /** Pretend the `order` parameter is not honoured (orders come back newest first). */
  ignoreOrderParam: boolean;
  /** The order store's version: a listing is reused only while it stays the same. */
  version: number;
}

const PAGE_INFO_ALLOWED = new Set(["page_info", "limit", "fields"]);
const DATE_FILTERS = ["updated_at_min", "updated_at_max", "created_at_min", "created_at_max"] as const;
const STATUSES = new Set<StatusFilter>(["open", "closed", "cancelled", "any"]);
const SORT_FIELDS = new Set<SortField>(["updated_at", "created_at", "processed_at", "id"]);
const DEFAULT_SORT: Filters["sort"] = ["created_at", "desc"];

/**
 * The filtered, sorted orders of the last listing, reused while the same filters page through an
 * unchanged store: without it, a 50,000-order shop sorts everything again for each of its pages.
 */
const lastListings = new WeakMap<ListingOptions, { key: string; sorted: ShopifyOrder[] }>();

function sortedMatches(all: ShopifyOrder[], filters: Filters, options: ListingOptions): ShopifyOrder[] {
  const key = `${options.version}:${JSON.stringify(filters)}`;
  const last = lastListings.get(options);
  if (last?.key === key) return last.sorted;
  const sorted = all.filter((order) => matches(order, filters)).sort((a, b) => compareKeys(keyOf(a, filters), keyOf(b, filters), filters));
  lastListings.set(options, { key, sorted });
  return sorted;
}

export function listOrders(all: ShopifyOrder[], params: URLSearchParams, options: ListingOptions): Listing {
  const limit = Math.min(Number(params.get("limit") ?? 50), options.maxPageSize);
  if (!Number.isInteger(limit) || limit < 1) return invalid("limit", "Invalid value.");

  let filters: Filters;
  let cursor: PageCursor | null = null;
  const pageInfo = params.get("page_info");
  if (pageInfo !== null) {
    for (const name of params.keys()) {
      if (!PAGE_INFO_ALLOWED.has(name)) {
        return invalid(name, `${name} cannot be passed when page_info is present. See https://shopify.dev/api/usage/pagination-rest for more information.`);
      }
    }
    cursor = decodeCursor(pageInfo);
    if (!cursor) return invalid("page_info", "Invalid value.");
    filters = cursor.filters;
  } else {
    const status = (params.get("status") ?? "open") as StatusFilter;
    if (!STATUSES.has(status)) return invalid("status", "Invalid value.");
    filters = { status, sort: sortOf(params.get("order"), options) };
    for (const name of DATE_FILTERS) {
      const value = params.get(name);
      if (value === null) continue;
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) return invalid(name, "Invalid value.");
      filters[name] = ms;
    }
  }

  const sorted = sortedMatches(all, filters, options);
  let start = 0;
  if (cursor?.direction === "next") {
    start = sorted.findIndex((order) => compareKeys(keyOf(order, filters), cursor.key, filters) > 0);
    if (start < 0) start = sorted.length;
  } else if (cursor?.direction === "previous") {
    const end = sorted.findIndex((order) => compareKeys(keyOf(order, filters), cursor.key, filters) >= 0);
    start = Math.max(0, (end < 0 ? sorted.length : end) - limit);
  }
  const page = sorted.slice(start, start + limit);
  const fields = params.get("fields")?.split(",").map((field) => field.trim()).filter(Boolean);
  return {
    ok: true,
    limit,
    orders: page.map((order) => pick(publicOrder(order), fields)),
    next: start + limit < sorted.length ? encodeCursor({ filters, key: keyOf(page[page.length - 1], filters), direction: "next" }) : null,
    previous: start > 0 && page.length > 0 ? encodeCursor({ filters, key: keyOf(page[0], filters), direction: "previous" }) : null,
  };
}

function matches(order: ShopifyOrder, filters: Filters): boolean {
  const statusOk =
    filters.status === "any" ||
    (filters.status === "open" && !order.closed_at && !order.cancelled_at) ||
    (filters.status === "closed" && !!order.closed_at) ||
    (filters.status === "cancelled" && !!order.cancelled_at);
  const updated = Date.parse(order.updated_at);
  const created = Date.parse(order.created_at);
  // Shopify's date filters are inclusive at both ends ("at or after", "at or before").
  return (
    statusOk &&
    (filters.updated_at_min === undefined || updated >= filters.updated_at_min) &&
    (filters.updated_at_max === undefined || updated <= filters.updated_at_max) &&
    (filters.created_at_min === undefined || created >= filters.created_at_min) &&
    (filters.created_at_max === undefined || created <= filters.created_at_max)
  );
}

function sortOf(order: string | null, options: ListingOptions): Filters["sort"] {
  if (!order || options.ignoreOrderParam) return DEFAULT_SORT;
  const [field, direction = "asc"] = order.trim().split(/\s+/);
  if (!SORT_FIELDS.has(field as SortField) || !["asc", "desc"].includes(direction.toLowerCase())) return DEFAULT_SORT;
  return [field as SortField, direction.toLowerCase() as "asc" | "desc"];
}

function keyOf(order: ShopifyOrder, filters: Filters): [number, number] {
  const [field] = filters.sort;
  return [field === "id" ? order.id : Date.parse(String(order[field] ?? order.created_at)), order.id];
}

/** The sort order, ties broken by id in the same direction: a total order, so a cursor is exact. */
function compareKeys(a: [number, number], b: [number, number], filters: Filters): number {
  const sign = filters.sort[1] === "asc" ? 1 : -1;
  return sign * (a[0] - b[0] || a[1] - b[1]);
}

function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(pageInfo: string): PageCursor | null {
  try {
    const cursor = JSON.parse(Buffer.from(pageInfo, "base64url").toString("utf8")) as PageCursor;
    return cursor && Array.isArray(cursor.key) && cursor.filters?.sort ? cursor : null;
  } catch {
    return null;
  }
}

function pick(order: ShopifyOrder, fields: string[] | undefined): ShopifyOrder {
  if (!fields?.length) return order;
  return Object.fromEntries(Object.entries(order).filter(([name]) => fields.includes(name))) as ShopifyOrder;
}

function invalid(param: string, message: string): Listing {
  return { ok: false, status: 400, body: { errors: { [param]: message } } };
}
