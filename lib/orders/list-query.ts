import { z } from "zod";
import { safeText } from "@/lib/text";
import { ORDER_STATUSES } from "./status";

export const ORDER_TABS = [...ORDER_STATUSES, "all"] as const;
export type OrderTab = (typeof ORDER_TABS)[number];
export const SORT_FIELDS = ["order_date", "modified_at", "created_at"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const PAGE_SIZES = [50, 100, 250, 500] as const;

const day = /^\d{4}-\d{2}-\d{2}$/;
/** A value that is not one of the choices falls back to the default instead of failing the page. */
const choice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => z.enum(values).catch(fallback);

/** The orders list's view, as it lives in the URL. */
export const orderListQuerySchema = z.object({
  status: choice(ORDER_TABS, "awaiting_shipment"),
  store: z.coerce.number().int().positive().optional().catch(undefined),
  /** Only the orders this import run created (a CSV import's result, a store run's line). */
  run: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  q: safeText(z.string()).trim().max(200).optional().catch(undefined).transform((q) => q || undefined),
  from: z.string().regex(day).optional().catch(undefined),
  to: z.string().regex(day).optional().catch(undefined),
  sort: choice(SORT_FIELDS, "order_date"),
  dir: choice(["desc", "asc"], "desc"),
  size: z.coerce.number().pipe(z.union(PAGE_SIZES.map((size) => z.literal(size)))).catch(50),
  /** Keyset cursor: rows after (or before) this `sortValue.id`. */
  after: z.string().regex(/^-?\d+\.\d+$/).optional().catch(undefined),
  before: z.string().regex(/^-?\d+\.\d+$/).optional().catch(undefined),
  /** Where this page starts, 0-based; carried along only to show "51–100". */
  offset: z.coerce.number().int().min(0).optional().catch(undefined),
});
export type OrderListQuery = z.output<typeof orderListQuerySchema>;

export function parseOrderListQuery(params: Record<string, string | string[] | undefined>): OrderListQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return orderListQuerySchema.parse(flat);
}

/** The URL search string for a view, leaving out defaults so shared links stay short. */
export function orderListSearch(query: Partial<OrderListQuery>): string {
  const defaults = orderListQuerySchema.parse({});
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (defaults[key as keyof OrderListQuery] === value) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
