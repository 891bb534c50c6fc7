import type { OrderStatus } from "@/db/schema";
import { decimalToCents, parseMoneyToCents } from "@/lib/money";
import type { Address, NormalizedOrder, OrderItem } from "@/lib/orders/schema";
import { inEnglish, message, type Message } from "@/lib/i18n/message";

/** The parts of a WooCommerce REST v3 order (`GET /wp-json/wc/v3/orders`) that Shipdeck reads. */
export interface WooAddress {
  first_name?: string;
  last_name?: string;
  company?: string;
  address_1?: string;
  address_2?: string;
  city?: string;
  state?: string;
  postcode?: string;
  country?: string;
  email?: string | null;
  phone?: string;
}

export interface WooMeta {
  id?: number;
  key: string;
  value: unknown;
  display_key?: string;
  display_value?: unknown;
}

export interface WooLineItem {
  id: number;
  name: string;
  product_id?: number;
  variation_id?: number;
  quantity: number;
  total?: string;
  total_tax?: string;
  sku?: string | null;
  price?: number;
  image?: { id?: number; src?: string } | null;
  meta_data?: WooMeta[];
}

export interface WooOrder {
  id: number;
  number?: string;
  status: string;
  currency?: string;
  date_created_gmt?: string | null;
  date_modified_gmt?: string | null;
  date_paid_gmt?: string | null;
  date_completed_gmt?: string | null;
  shipping_total?: string;
  total?: string;
  total_tax?: string;
  customer_note?: string;
  billing?: WooAddress;
  shipping?: WooAddress;
  payment_method_title?: string;
  line_items?: WooLineItem[];
  shipping_lines?: { method_title?: string }[];
}

/**
 * WooCommerce's core statuses. `failed` (the payment was declined) and `refunded` (the money went
 * back in full; partial refunds keep the order's status) leave nothing to ship, so both are
 * cancelled. A failed order can still be paid later from the customer's account: it then comes back
 * as `processing`, and the merge rules record it as "reactivated in channel" with one action to
 * create the new order, rather than quietly reopening an order the merchant saw cancelled.
 */
const STATUS_MAP: Record<string, OrderStatus> = {
  pending: "awaiting_payment",
  "on-hold": "on_hold",
  processing: "awaiting_shipment",
  completed: "shipped",
  cancelled: "cancelled",
  refunded: "cancelled",
  failed: "cancelled",
  // In the bin: the merchant withdrew the order. Restored, it comes back with its old status and
  // the merge rules record it as reactivated rather than quietly reopening it.
  trash: "cancelled",
};

/** Carts the block checkout saves before the customer pays: not orders yet. */
const NOT_YET_ORDERS = new Set(["checkout-draft", "auto-draft"]);

/**
 * Statuses added by plugins ("shipped", "partial-shipment", "awaiting-pickup"…) mean different things
 * in different shops; on hold shows the order to the merchant without queueing it for shipping.
 */
const UNKNOWN_STATUS: OrderStatus = "on_hold";

export function mapWooCommerceStatus(status: string): OrderStatus | null {
  if (NOT_YET_ORDERS.has(status)) return null;
  return STATUS_MAP[status] ?? UNKNOWN_STATUS;
}

/** Thrown for an order the mapping cannot read; the connector turns it into a bad-response error. */
/** An order WooCommerce sent in a shape Shipdeck cannot read: what is wrong with it, said for the store's error. */
export class WooOrderShapeError extends Error {
  constructor(readonly said: Message) {
    super(inEnglish(said));
  }
}

/** WooCommerce's `*_gmt` dates are UTC without an offset ("2017-03-22T19:28:02"). */
export function parseWooGmtDate(value: string | null | undefined): number | null {
  if (value == null || value === "") return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** The order's modification time (epoch ms): the pull's sort key and the store's cursor. */
export function wooModifiedAt(order: WooOrder): number {
  const ms = parseWooGmtDate(order.date_modified_gmt);
  if (ms === null) throw new WooOrderShapeError(message("storeErrors.wooNoModifiedDate", { id: String(order.id) }));
  return ms;
}

/** A WooCommerce order as Shipdeck's order, or null for a checkout draft (not an order yet). */
export function mapWooCommerceOrder(order: WooOrder): NormalizedOrder | null {
  if (!Number.isSafeInteger(order.id) || typeof order.status !== "string") {
    throw new WooOrderShapeError(message("storeErrors.wooNoIdOrStatus"));
  }
  const status = mapWooCommerceStatus(order.status);
  if (status === null) return null;
  const modifiedAt = wooModifiedAt(order);
  const paymentDate = parseWooGmtDate(order.date_paid_gmt);
  const orderTotal = money(order.total);
  const billTo = mapAddress(order.billing);
  const hasShippingLine = (order.shipping_lines?.length ?? 0) > 0;

  return {
    orderKey: String(order.id),
    orderNumber: order.number?.trim() || String(order.id),
    status,
    orderDate: parseWooGmtDate(order.date_created_gmt) ?? modifiedAt,
    paymentDate,
    shipDate: order.status === "completed" ? parseWooGmtDate(order.date_completed_gmt) : undefined,
    customerEmail: blankToNull(order.billing?.email),
    billTo,
    // Orders that ship but carry no shipping address (stores set to "ship to billing address only")
    // ship to the billing address; orders without a shipping line (virtual goods, pickup) have none.
    shipTo: mapAddress(order.shipping, order.billing?.phone) ?? (hasShippingLine ? billTo : null),
    items: (order.line_items ?? []).map(mapLineItem),
    orderTotal,
    amountPaid: paymentDate !== null ? orderTotal : 0,
    taxAmount: money(order.total_tax),
    shippingAmount: money(order.shipping_total),
    currency: order.currency?.trim().toUpperCase() || undefined,
    requestedShippingService: blankToNull(order.shipping_lines?.[0]?.method_title),
    paymentMethod: blankToNull(order.payment_method_title)?.slice(0, 100) ?? null,
    customerNotes: blankToNull(order.customer_note),
    channelModifiedAt: modifiedAt,
  };
}

function mapLineItem(item: WooLineItem): OrderItem {
  const quantity = Number.isFinite(item.quantity) ? Math.max(0, Math.round(item.quantity)) : 0;
  return {
    lineItemKey: String(item.id),
    sku: blankToNull(item.sku ?? undefined),
    name: decodeEntities(item.name ?? "").trim() || `Item ${item.id}`,
    imageUrl: blankToNull(item.image?.src),
    quantity,
    unitPrice: unitPriceCents(item, quantity),
    taxAmount: money(item.total_tax) ?? undefined,
    productId: item.product_id ? String(item.variation_id || item.product_id) : undefined,
    options: mapOptions(item.meta_data),
    adjustment: false,
  };
}

/** `price` is the line's total after discounts over its quantity; older stores only send `total`. */
function unitPriceCents(item: WooLineItem, quantity: number): number {
  if (typeof item.price === "number" && Number.isFinite(item.price)) return decimalToCents(item.price);
  const total = money(item.total);
  if (total === null) return 0;
  return quantity > 0 ? Math.round(total / quantity) : total;
}

/**
 * Options are the item's meta that WooCommerce shows the customer (variation attributes, add-on
 * choices): those with a display key and a printable value. Keys starting with "_" are internal
 * (`_reduced_stock`…); WooCommerce's own order screen hides them too.
 */
function mapOptions(meta: WooMeta[] | undefined): OrderItem["options"] {
  if (!meta?.length) return null;
  const options = meta.flatMap((entry) => {
    if (typeof entry.display_key !== "string" || entry.key?.startsWith("_")) return [];
    const value = entry.display_value;
    if (typeof value !== "string" && typeof value !== "number") return [];
    const name = entry.display_key.trim();
    const text = decodeEntities(String(value)).trim();
    return name && text ? [{ name: name.slice(0, 200), value: text.slice(0, 1000) }] : [];
  });
  return options.length ? options : null;
}

function mapAddress(address: WooAddress | undefined, fallbackPhone?: string): Address | null {
  if (!address) return null;
  const name = [address.first_name, address.last_name].map((part) => part?.trim()).filter(Boolean).join(" ");
  const street1 = blankToNull(address.address_1);
  const country = address.country?.trim().toUpperCase();
  if (!name && !street1 && !country) return null;
  return {
    name: name || null,
    company: blankToNull(address.company),
    street1,
    street2: blankToNull(address.address_2),
    city: blankToNull(address.city),
    state: blankToNull(address.state),
    postalCode: blankToNull(address.postcode),
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
    phone: blankToNull(address.phone) ?? blankToNull(fallbackPhone),
  };
}

/** WooCommerce sends money as decimal strings ("29.35"). */
function money(value: string | number | null | undefined): number | null {
  if (value == null || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? decimalToCents(value) : null;
  return parseMoneyToCents(value);
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ndash: "\u2013", mdash: "\u2014", hellip: "\u2026", times: "\u00d7" };

/** WordPress stores titles HTML-escaped ("Ship Your Idea &ndash; Color: Black"); the REST API sends them so. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
