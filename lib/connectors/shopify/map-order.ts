import type { OrderStatus } from "@/db/schema";
import { decimalToCents, parseMoneyToCents } from "@/lib/money";
import type { Address, NormalizedOrder, OrderItem } from "@/lib/orders/schema";
import { toOunces } from "@/lib/weights";
import { ConnectorError } from "../types";
import type { ShopifyAddress, ShopifyLineItem, ShopifyOrder } from "./payload";
import { message, type Message } from "@/lib/i18n/message";

/** Financial statuses under which the money has been taken (refunds come after a payment). */
const PAID = new Set(["paid", "partially_refunded", "refunded"]);
/** Nothing left to collect and nothing left to ship: the payment was voided or given back. */
const MONEY_RETURNED = new Set(["refunded", "voided"]);
const AWAITING_SHIPMENT = new Set(["paid", "partially_refunded"]);

/**
 * Shopify's order state as a Shipdeck status.
 * - `cancelled_at` set → cancelled (a cancelled order stays cancelled whatever its payment says).
 * - fulfilled → shipped.
 * - refunded or voided → cancelled when nothing was shipped (the merchant gave the money back or
 *   never took it, so nothing is left to ship), shipped when part of it went out (the rest was
 *   refunded, so nothing more will).
 * - paid or partially refunded → awaiting shipment (unfulfilled, partial or restocked).
 * - pending, authorized, partially paid, and anything Shopify adds later → awaiting payment: an
 *   order is never offered for shipping before Shopify says it is paid.
 * `closed_at` (archived) alone changes nothing: merchants archive paid orders before shipping them.
 */
export function shopifyOrderStatus(order: Pick<ShopifyOrder, "cancelled_at" | "financial_status" | "fulfillment_status">): OrderStatus {
  if (order.cancelled_at) return "cancelled";
  const financial = order.financial_status ?? "";
  if (order.fulfillment_status === "fulfilled") return "shipped";
  if (MONEY_RETURNED.has(financial)) return order.fulfillment_status === "partial" ? "shipped" : "cancelled";
  if (AWAITING_SHIPMENT.has(financial)) return "awaiting_shipment";
  return "awaiting_payment";
}

/** One Shopify REST order as Shipdeck's order. Throws ConnectorError when the order lacks what identifies it. */
export function mapShopifyOrder(order: ShopifyOrder): NormalizedOrder {
  const orderKey = idOf(order.id, order.admin_graphql_api_id);
  if (!orderKey) throw malformed(message("storeErrors.shopifyOrderNoId"));
  const orderDate = instantOf(order.created_at);
  const modifiedAt = instantOf(order.updated_at);
  if (orderDate === null || modifiedAt === null) throw malformed(message("storeErrors.shopifyOrderNoDates", { order: orderKey }));

  const status = shopifyOrderStatus(order);
  const paid = PAID.has(order.financial_status ?? "");
  const total = centsOf(order.total_price);
  return {
    orderKey,
    orderNumber: orderNumberOf(order) ?? orderKey,
    status,
    orderDate,
    paymentDate: paid ? instantOf(order.processed_at) : null,
    channelModifiedAt: modifiedAt,
    customerUsername: personName(order.customer?.first_name, order.customer?.last_name),
    customerEmail: textOf(order.email) ?? textOf(order.contact_email) ?? textOf(order.customer?.email),
    billTo: addressOf(order.billing_address),
    shipTo: addressOf(order.shipping_address),
    items: Array.isArray(order.line_items) ? order.line_items.map(itemOf) : [],
    orderTotal: total,
    amountPaid: amountPaidOf(order, total, paid),
    taxAmount: centsOf(order.total_tax),
    shippingAmount: shippingOf(order),
    currency: currencyOf(order.currency),
    weightOz: gramsToOunces(order.total_weight),
    requestedShippingService: textOf(order.shipping_lines?.[0]?.title),
    customerNotes: textOf(order.note),
    paymentMethod: textOf(order.payment_gateway_names?.filter(Boolean).join(", ")),
  };
}

function itemOf(item: ShopifyLineItem): OrderItem {
  const options = (item.properties ?? [])
    // Shopify's convention: properties whose name starts with "_" are the app's, hidden from buyers.
    .filter((property) => property.name && !property.name.startsWith("_") && property.value != null && property.value !== "")
    .map((property) => ({ name: String(property.name), value: String(property.value) }));
  return {
    lineItemKey: idOf(item.id, item.admin_graphql_api_id),
    sku: textOf(item.sku),
    name: textOf(item.name) ?? textOf(item.title) ?? "Item",
    quantity: Number.isInteger(item.quantity) && (item.quantity as number) >= 0 ? (item.quantity as number) : 0,
    unitPrice: centsOf(item.price) ?? 0,
    weightOz: gramsToOunces(item.grams),
    productId: idOf(item.product_id),
    options: options.length ? options : null,
    adjustment: false,
  };
}

function addressOf(address: ShopifyAddress | null | undefined): Address | null {
  if (!address) return null;
  const country = textOf(address.country_code)?.toUpperCase() ?? null;
  return {
    name: textOf(address.name) ?? personName(address.first_name, address.last_name),
    company: textOf(address.company),
    street1: textOf(address.address1),
    street2: textOf(address.address2),
    city: textOf(address.city),
    state: textOf(address.province_code) ?? textOf(address.province),
    postalCode: textOf(address.zip),
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
    phone: textOf(address.phone),
  };
}

/** "#1001" → "1001"; a custom prefix or suffix the merchant set ("SO-1001-B") is kept as they see it. */
function orderNumberOf(order: ShopifyOrder): string | null {
  const name = textOf(order.name)?.replace(/^#/, "").trim();
  if (name) return name;
  return order.order_number == null ? null : String(order.order_number);
}

/** Paid in full: the total. Partly paid: what is no longer outstanding. Not paid: nothing. */
function amountPaidOf(order: ShopifyOrder, total: number | null, paid: boolean): number | null {
  if (paid) return total;
  if (order.financial_status === "partially_paid" && total !== null) {
    const outstanding = centsOf(order.total_outstanding);
    return outstanding === null ? null : Math.max(0, total - outstanding);
  }
  return 0;
}

function shippingOf(order: ShopifyOrder): number | null {
  const fromSet = centsOf(order.total_shipping_price_set?.shop_money?.amount);
  if (fromSet !== null) return fromSet;
  if (!Array.isArray(order.shipping_lines)) return null;
  return order.shipping_lines.reduce((sum, line) => sum + (centsOf(line.price) ?? 0), 0);
}

function centsOf(amount: unknown): number | null {
  if (typeof amount === "number") return Number.isFinite(amount) ? decimalToCents(amount) : null;
  if (typeof amount === "string" && amount.trim() !== "") return parseMoneyToCents(amount);
  return null;
}

/** Shopify reports 0 g when the merchant never entered a weight: unknown, not weightless. */
function gramsToOunces(grams: unknown): number | null {
  return typeof grams === "number" && Number.isFinite(grams) && grams > 0 ? toOunces(grams, "grams") : null;
}

function currencyOf(currency: unknown): string {
  const code = typeof currency === "string" ? currency.trim().toUpperCase() : "";
  return /^[A-Z]{3}$/.test(code) ? code : "USD";
}

function instantOf(value: unknown): number | null {
  if (typeof value !== "string" || value === "") return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * A Shopify id as text. An id past 2^53 has lost digits in JSON.parse (Shopify's sample webhook
 * uses one), so then the exact digits come from the GraphQL id ("gid://shopify/Order/…").
 */
function idOf(id: unknown, graphqlId?: unknown): string | null {
  if (typeof id === "number" && Number.isSafeInteger(id)) return String(id);
  if (typeof id === "string" && /^\d+$/.test(id)) return id;
  const exact = typeof graphqlId === "string" ? /^gid:\/\/shopify\/\w+\/(\d+)$/.exec(graphqlId)?.[1] : undefined;
  return exact ?? null;
}

function textOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function personName(first: unknown, last: unknown): string | null {
  return textOf([textOf(first), textOf(last)].filter(Boolean).join(" "));
}

function malformed(what: Message): ConnectorError {
  return new ConnectorError(message("storeErrors.shopifySent", { what }), "bad_response");
}
