import type { OrderStatus } from "@/db/schema";
import { parseMoneyToCents } from "@/lib/money";
import type { Address, NormalizedOrder, OrderItem } from "@/lib/orders/schema";
import { toOunces, type WeightUnit } from "@/lib/weights";
import type { AmazonOrder, AmazonOrderItem } from "./payload";

type Money = { CurrencyCode?: string; Amount: string } | undefined;

/**
 * Amazon's OrderStatus in Shipdeck's words. Amazon-fulfilled (FBA, `AFN`) orders are Amazon's to
 * ship: while Amazon has not shipped them they wait in Pending Fulfillment (fulfilled by someone
 * else), never in the merchant's Awaiting Shipment queue.
 *
 * Unfulfillable is cancelled: it is final, and only reaches Multi-Channel Fulfillment orders
 * (placed elsewhere, shipped by Amazon), which the merchant handles in the channel they came from.
 * A status Amazon adds later goes On Hold, so a person looks at it instead of the import failing.
 */
export function amazonOrderStatus(orderStatus: string, fulfillmentChannel?: string): OrderStatus {
  const byAmazon = fulfillmentChannel === "AFN";
  switch (orderStatus) {
    case "PendingAvailability":
    case "Pending":
      return "awaiting_payment";
    case "Unshipped":
    case "PartiallyShipped":
      return byAmazon ? "pending_fulfillment" : "awaiting_shipment";
    case "Shipped":
    case "InvoiceUnconfirmed":
      return "shipped";
    case "Canceled":
    case "Unfulfillable":
      return "cancelled";
    default:
      return "on_hold";
  }
}

/** One getOrders order and its getOrderItems items as a NormalizedOrder (money in cents). */
export function mapAmazonOrder(order: AmazonOrder, items: AmazonOrderItem[]): NormalizedOrder {
  const byAmazon = order.FulfillmentChannel === "AFN";
  const total = order.OrderTotal ? cents(order.OrderTotal) : undefined;
  const cancelRequests = items.filter((item) => item.BuyerRequestedCancel?.IsBuyerRequestedCancel === "true");
  const extra: Record<string, unknown> = {};
  if (byAmazon) Object.assign(extra, { externallyFulfilled: true, externallyFulfilledBy: "Amazon" });
  if (cancelRequests.length) {
    extra.buyerRequestedCancel = true;
    const reason = cancelRequests.map((item) => item.BuyerRequestedCancel?.BuyerCancelReason).find(Boolean);
    if (reason) extra.buyerCancelReason = reason;
  }

  return {
    orderKey: order.AmazonOrderId,
    orderNumber: order.AmazonOrderId,
    status: amazonOrderStatus(order.OrderStatus, order.FulfillmentChannel),
    orderDate: Date.parse(order.PurchaseDate),
    shipByDate: order.LatestShipDate ? Date.parse(order.LatestShipDate) : undefined,
    customerEmail: order.BuyerInfo?.BuyerEmail || undefined,
    customerUsername: order.BuyerInfo?.BuyerName || undefined,
    shipTo: order.ShippingAddress ? mapAddress(order.ShippingAddress) : undefined,
    items: items.map(mapItem),
    orderTotal: total,
    amountPaid: total,
    taxAmount: items.length ? sum(items, (item) => cents(item.ItemTax) + cents(item.ShippingTax) - cents(item.ShippingDiscountTax) - cents(item.PromotionDiscountTax)) : undefined,
    shippingAmount: items.length ? sum(items, (item) => cents(item.ShippingPrice) - cents(item.ShippingDiscount)) : undefined,
    currency: currencyOf(order.OrderTotal) ?? items.map((item) => currencyOf(item.ItemPrice)).find(Boolean),
    requestedShippingService: order.ShipmentServiceLevelCategory || undefined,
    gift: items.length ? items.some((item) => item.IsGift === "true") : undefined,
    paymentMethod: paymentMethod(order),
    extra: Object.keys(extra).length ? extra : undefined,
    channelModifiedAt: Date.parse(order.LastUpdateDate),
  };
}

/**
 * ItemPrice is the line's price (unit price × quantity); Shipdeck keeps the unit price, rounded
 * to the cent when the line does not divide evenly. OrderTotal stays exact.
 */
function mapItem(item: AmazonOrderItem): OrderItem {
  const line = cents(item.ItemPrice);
  return {
    lineItemKey: item.OrderItemId,
    sku: item.SellerSKU || undefined,
    name: item.Title?.trim() || item.SellerSKU || item.ASIN || `Amazon item ${item.OrderItemId}`,
    productId: item.ASIN || undefined,
    quantity: item.QuantityOrdered,
    unitPrice: item.QuantityOrdered > 0 ? Math.round(line / item.QuantityOrdered) : line,
    taxAmount: item.ItemTax ? cents(item.ItemTax) : undefined,
    shippingAmount: item.ShippingPrice ? cents(item.ShippingPrice) : undefined,
    weightOz: measuredWeightOz(item.Measurement),
    adjustment: false,
  };
}

/** ShippingAddress; Name, street lines, Phone and AddressType need a Restricted Data Token. */
function mapAddress(address: NonNullable<AmazonOrder["ShippingAddress"]>): Address {
  const country = address.CountryCode?.trim().toUpperCase();
  return {
    name: address.Name || undefined,
    company: address.CompanyName || undefined,
    street1: address.AddressLine1 || undefined,
    street2: address.AddressLine2 || undefined,
    street3: address.AddressLine3 || undefined,
    city: address.City || undefined,
    state: address.StateOrRegion || undefined,
    postalCode: address.PostalCode || undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    phone: address.Phone || undefined,
    residential: address.AddressType === "Residential" ? true : address.AddressType === "Commercial" ? false : undefined,
  };
}

const WEIGHT_UNITS: Record<string, [WeightUnit, number]> = {
  OUNCES: ["ounces", 1],
  POUNDS: ["pounds", 1],
  GRAMS: ["grams", 1],
  KILOGRAMS: ["kilograms", 1],
  MILLIGRAMS: ["grams", 1 / 1000],
};

/** Items sold by weight (grocery) carry a Measurement; other units (COUNT, LITERS…) are not weights. */
function measuredWeightOz(measurement: AmazonOrderItem["Measurement"]): number | undefined {
  const unit = measurement && WEIGHT_UNITS[measurement.Unit];
  if (!measurement || !unit || measurement.Value < 0) return undefined;
  return toOunces(measurement.Value * unit[1], unit[0]);
}

/** "CreditCard, GiftCertificate" from PaymentMethodDetails; PaymentMethod alone only says COD/CVS/Other. */
function paymentMethod(order: AmazonOrder): string | undefined {
  const details = order.PaymentMethodDetails?.filter(Boolean).join(", ");
  return (details || order.PaymentMethod || undefined)?.slice(0, 100);
}

function cents(money: Money): number {
  return money ? (parseMoneyToCents(money.Amount) ?? 0) : 0;
}

function currencyOf(money: Money): string | undefined {
  const code = money?.CurrencyCode?.trim().toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : undefined;
}

function sum<T>(values: T[], pick: (value: T) => number): number {
  return values.reduce((total, value) => total + pick(value), 0);
}
