import type { OrderStatus } from "@/db/schema";
import { decimalToCents, parseMoneyToCents } from "@/lib/money";
import type { Address, NormalizedOrder, OrderItem } from "@/lib/orders/schema";
import { toOunces, type WeightUnit } from "@/lib/weights";
import { ConnectorError } from "../types";
import { message } from "@/lib/i18n/message";
import type { BigCommerceOrder, BigCommerceProduct, BigCommerceShippingAddress } from "./payload";

/**
 * BigCommerce's fixed order statuses (v2 `status_id`, documented in the Order Status reference).
 * 0 Incomplete is a checkout that never became an order: not imported. Partially Shipped and
 * Partially Refunded still have goods to send. Manual Verification Required and Disputed wait for
 * the merchant, so they are holds.
 */
const STATUS_BY_ID: Record<number, OrderStatus | null> = {
  0: null, // Incomplete
  1: "awaiting_payment", // Pending
  2: "shipped", // Shipped
  3: "awaiting_shipment", // Partially Shipped
  4: "cancelled", // Refunded
  5: "cancelled", // Cancelled
  6: "cancelled", // Declined
  7: "awaiting_payment", // Awaiting Payment
  8: "awaiting_shipment", // Awaiting Pickup
  9: "awaiting_shipment", // Awaiting Shipment
  10: "shipped", // Completed
  11: "awaiting_shipment", // Awaiting Fulfillment
  12: "on_hold", // Manual Verification Required
  13: "on_hold", // Disputed
  14: "awaiting_shipment", // Partially Refunded
};

/** Payment states in which the shopper's money is (or was) the merchant's. */
const PAID_PAYMENT_STATUSES = new Set(["authorized", "captured", "paid", "partially refunded", "refunded"]);
/** When an order carries no payment state (manual orders), statuses that come after payment. */
const PAID_STATUS_IDS = new Set([2, 3, 8, 9, 10, 11, 14]);

/**
 * The Shipdeck status for a BigCommerce `status_id`; null for Incomplete (not an order). A status
 * BigCommerce adds later is held for the merchant rather than guessed.
 */
export function bigcommerceStatus(statusId: number): OrderStatus | null {
  return statusId in STATUS_BY_ID ? STATUS_BY_ID[statusId] : "on_hold";
}

/** The store's weight unit, from the connection's optional `weightUnit` (BigCommerce's own names accepted); pounds by default. */
export function bigcommerceWeightUnit(value: string | undefined): WeightUnit {
  switch (value?.trim().toLowerCase()) {
    case "oz":
    case "ounce":
    case "ounces":
      return "ounces";
    case "g":
    case "gram":
    case "grams":
      return "grams";
    case "kg":
    case "kgs":
    case "kilogram":
    case "kilograms":
      return "kilograms";
    default:
      return "pounds";
  }
}

export interface BigCommerceOrderParts {
  order: BigCommerceOrder;
  products: BigCommerceProduct[];
  shippingAddresses: BigCommerceShippingAddress[];
}

/** A BigCommerce v2 order with its products and shipping addresses, or null when it is not an order yet (Incomplete). */
export function mapBigCommerceOrder({ order, products, shippingAddresses }: BigCommerceOrderParts, weightUnit: WeightUnit = "pounds"): NormalizedOrder | null {
  const channelStatus = bigcommerceStatus(order.status_id);
  if (channelStatus === null) return null;
  // An archived order is withdrawn from the store whatever its status says: nothing to ship.
  const status = order.is_deleted ? "cancelled" : channelStatus;
  const ref = `order ${order.id}`;
  const items = products.map((product) => mapItem(product, weightUnit, ref));
  const weighed = items.filter((item) => item.weightOz != null);
  const shipping = shippingAddresses[0];
  const orderTotal = money(order.total_inc_tax, ref, "total_inc_tax");
  const shippedAt = optionalText(order.date_shipped);
  return {
    orderKey: String(order.id),
    orderNumber: String(order.id),
    status,
    orderDate: parseBigCommerceDate(order.date_created, ref, "date_created"),
    shipDate: shippedAt ? parseBigCommerceDate(shippedAt, ref, "date_shipped") : null,
    customerEmail: optionalText(order.billing_address?.email),
    billTo: order.billing_address ? mapAddress(order.billing_address) : null,
    shipTo: shipping ? mapAddress(shipping) : null,
    requestedShippingService: shippingMethod(shipping?.shipping_method),
    items,
    orderTotal,
    amountPaid: orderTotal == null ? undefined : isPaid(order) ? orderTotal : 0,
    taxAmount: money(order.total_tax, ref, "total_tax"),
    shippingAmount: money(order.shipping_cost_inc_tax, ref, "shipping_cost_inc_tax"),
    // The transactional currency, the one the amounts are in; `currency_code` is the display currency.
    currency: currencyOf(order),
    weightOz: weighed.length ? round3(weighed.reduce((sum, item) => sum + (item.weightOz ?? 0) * item.quantity, 0)) : undefined,
    customerNotes: optionalText(order.customer_message),
    paymentMethod: optionalText(order.payment_method),
    channelModifiedAt: parseBigCommerceDate(order.date_modified, ref, "date_modified"),
  };
}

/** RFC-2822 as BigCommerce writes it (ISO 8601 is accepted too), in epoch ms. */
export function parseBigCommerceDate(value: string, ref: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < 0) throw unreadable(ref, field, value);
  return ms;
}

function mapItem(product: BigCommerceProduct, weightUnit: WeightUnit, ref: string): OrderItem {
  const where = `${ref}, product ${product.id}`;
  const weight = decimal(product.weight, where, "weight");
  const options = (product.product_options ?? [])
    .map((option) => ({ name: option.display_name?.trim() ?? "", value: option.display_value?.trim() ?? "" }))
    .filter((option) => option.name !== "");
  return {
    lineItemKey: String(product.id),
    sku: optionalText(product.sku),
    name: product.name.trim() || `Product ${product.product_id ?? product.id}`,
    quantity: Math.max(0, Math.trunc(product.quantity)),
    unitPrice: money(product.price_inc_tax, where, "price_inc_tax") ?? money(product.base_price, where, "base_price") ?? 0,
    weightOz: weight == null ? null : toOunces(weight, weightUnit),
    options: options.length ? options : null,
    productId: product.product_id != null ? String(product.product_id) : null,
    upc: optionalText(product.upc),
    adjustment: false,
  };
}

function mapAddress(address: NonNullable<BigCommerceOrder["billing_address"]> | BigCommerceShippingAddress): Address {
  const name = [address.first_name, address.last_name].map((part) => part?.trim()).filter(Boolean).join(" ");
  const country = address.country_iso2?.trim().toUpperCase();
  return {
    name: name || null,
    company: optionalText(address.company),
    street1: optionalText(address.street_1),
    street2: optionalText(address.street_2),
    city: optionalText(address.city),
    state: optionalText(address.state),
    postalCode: optionalText(address.zip),
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
    phone: optionalText(address.phone),
  };
}

function isPaid(order: BigCommerceOrder): boolean {
  const paymentStatus = order.payment_status?.trim().toLowerCase();
  if (paymentStatus) return PAID_PAYMENT_STATUSES.has(paymentStatus);
  return PAID_STATUS_IDS.has(order.status_id);
}

function currencyOf(order: BigCommerceOrder): string | undefined {
  const code = (optionalText(order.default_currency_code) ?? optionalText(order.currency_code))?.toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : undefined;
}

/** "None" is what BigCommerce writes when no shipping method was chosen. */
function shippingMethod(value: string | null | undefined): string | null {
  const method = optionalText(value);
  return method && method.toLowerCase() !== "none" ? method : null;
}

/** A decimal amount (BigCommerce writes "55.9900", sometimes a number) in cents; undefined when absent. */
function money(value: string | number | null | undefined, ref: string, field: string): number | undefined {
  if (value == null || value === "") return undefined;
  const cents = typeof value === "number" ? (Number.isFinite(value) ? decimalToCents(value) : null) : parseMoneyToCents(value);
  if (cents === null) throw unreadable(ref, field, value);
  return cents;
}

/** A non-negative decimal such as a weight; undefined when absent. */
function decimal(value: string | number | null | undefined, ref: string, field: string): number | undefined {
  if (value == null || value === "") return undefined;
  const number = typeof value === "number" ? value : /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number) || number < 0) throw unreadable(ref, field, value);
  return number;
}

function unreadable(ref: string, field: string, value: string | number) {
  return new ConnectorError(message("storeErrors.bigcommerceUnreadableField", { ref, field, value: String(value).slice(0, 40) }), "bad_response");
}

function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
