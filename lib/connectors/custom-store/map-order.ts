import type { OrderStatus } from "@/db/schema";
import { parseMoneyToCents } from "@/lib/money";
import { computeOrderTotal } from "@/lib/orders/columns";
import type { Address, NormalizedOrder, OrderItem, ParsedOrder } from "@/lib/orders/schema";
import { toOunces, type WeightUnit } from "@/lib/weights";
import { ConnectorError } from "../types";
import { message, type Message } from "@/lib/i18n/message";
import { parseCustomStoreDate } from "./dates";
import { childList, childNode, childText, type XmlNode } from "./xml";

/**
 * The merchant's status lists, by Shipdeck status, when a later list names the same status as an
 * earlier one: the more final status wins (an order "cancelled" in two lists is cancelled).
 */
const STATUS_LISTS: readonly [key: string, status: OrderStatus][] = [
  ["cancelled", "cancelled"],
  ["shipped", "shipped"],
  ["onHold", "on_hold"],
  ["paid", "awaiting_shipment"],
  ["unpaid", "awaiting_payment"],
];

/**
 * The Shipdeck status of a store's own status name, from the lists the merchant set when connecting
 * (`{ paid: "paid,processing" }`: comma-separated, case-sensitive, spaces around names ignored).
 * Null when the name is in no list: such orders are not imported, as in ShipStation.
 */
export function mapCustomStoreStatus(storeStatus: string, statusMapping: Record<string, string> | null | undefined): OrderStatus | null {
  const name = storeStatus.trim();
  if (!name || !statusMapping) return null;
  for (const [key, status] of STATUS_LISTS) {
    const names = (statusMapping[key] ?? "").split(",").map((entry) => entry.trim());
    if (names.includes(name)) return status;
  }
  return null;
}

/**
 * One <Order> of a Custom Store export as a NormalizedOrder, or null when its status is in none of
 * the merchant's lists (skipped, not imported). An element that is absent leaves its field undefined
 * (the stored value is kept); an empty one clears it (null).
 *
 * What the guide marks required and Shipdeck cannot do without (an id, the order date, each item's
 * quantity), and money that is present but unreadable, fail the run with the order named: a wrong
 * amount is worse than none. Other values that cannot be read are left out.
 */
export function mapCustomStoreOrder(node: XmlNode, statusMapping: Record<string, string> | null | undefined): NormalizedOrder | null {
  const orderId = childText(node, "OrderID") || undefined;
  const orderNumber = childText(node, "OrderNumber") || undefined;
  const label = orderNumber ?? orderId;
  if (!label) throw new ConnectorError(message("storeErrors.orderWithoutId"), "bad_response");
  const problem = (what: Message) => new ConnectorError(message("storeErrors.xmlOrderProblem", { order: label, problem: what }), "bad_response");

  const status = mapCustomStoreStatus(childText(node, "OrderStatus") ?? "", statusMapping);
  if (!status) return null;

  const orderDateText = childText(node, "OrderDate");
  const orderDate = orderDateText ? parseCustomStoreDate(orderDateText) : null;
  if (orderDate === null) throw problem(message("storeErrors.xmlOrderDate", { value: orderDateText ?? "", format: "MM/dd/yyyy HH:mm" }));
  const money = (name: string) => readMoney(childText(node, name), () => problem(message("storeErrors.xmlNotAmount", { field: name, value: String(childText(node, name)) })));

  const customer = childNode(node, "Customer");
  const billToNode = childNode(customer, "BillTo");
  const shipToNode = childNode(customer, "ShipTo");
  const modified = childText(node, "LastModified");
  const shipBy = childText(node, "ShipByDate");
  const currency = childText(node, "CurrencyCode")?.toUpperCase();
  const items = childNode(node, "Items") ? childList(node, "Items", "Item").map((item, index) => readItem(item, index, problem)) : undefined;
  const orderTotal = money("OrderTotal");
  const taxAmount = money("TaxAmount");
  const shippingAmount = money("ShippingAmount");

  return {
    orderKey: orderId ?? label,
    orderNumber: label,
    status,
    orderDate,
    shipByDate: shipBy === undefined ? undefined : shipBy ? (parseCustomStoreDate(shipBy) ?? undefined) : null,
    customerUsername: optional(childText(customer, "CustomerCode")),
    customerEmail: optional(childText(billToNode, "Email")),
    billTo: billToNode && readAddress(billToNode),
    shipTo: shipToNode && readAddress(shipToNode),
    items,
    orderTotal,
    amountPaid: amountPaidOf(status, orderTotal, items, taxAmount, shippingAmount),
    taxAmount,
    shippingAmount,
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined,
    requestedShippingService: optional(childText(node, "ShippingMethod")),
    paymentMethod: optional(childText(node, "PaymentMethod")),
    customerNotes: optional(childText(node, "CustomerNotes")),
    internalNotes: optional(childText(node, "InternalNotes")),
    gift: readBoolean(childText(node, "Gift")),
    giftMessage: optional(childText(node, "GiftMessage")),
    customField1: optional(childText(node, "CustomField1")),
    customField2: optional(childText(node, "CustomField2")),
    customField3: optional(childText(node, "CustomField3")),
    channelModifiedAt: modified ? (parseCustomStoreDate(modified) ?? undefined) : undefined,
  };
}

/**
 * The Custom Store XML has no amount paid, only the store's status lists: an order in the paid,
 * on-hold or shipped list was paid its total (the store's OrderTotal, else items + tax + shipping,
 * as the write path computes it); an unpaid one nothing. A cancelled one says neither: kept as stored.
 */
function amountPaidOf(status: OrderStatus, orderTotal: number | null | undefined, items: OrderItem[] | undefined, taxAmount: number | null | undefined, shippingAmount: number | null | undefined): number | undefined {
  if (status === "awaiting_payment") return 0;
  if (status === "cancelled") return undefined;
  if (orderTotal != null) return orderTotal;
  return items === undefined ? undefined : computeOrderTotal({ items: items as ParsedOrder["items"], taxAmount, shippingAmount });
}

/** BillTo carries name, company, phone and email in the guide; stores that add a street get it kept. */
function readAddress(node: XmlNode): Address {
  const country = childText(node, "Country")?.toUpperCase();
  return {
    name: optional(childText(node, "Name")),
    company: optional(childText(node, "Company")),
    street1: optional(childText(node, "Address1")),
    street2: optional(childText(node, "Address2")),
    street3: optional(childText(node, "Address3")),
    city: optional(childText(node, "City")),
    state: optional(childText(node, "State")),
    postalCode: optional(childText(node, "PostalCode")),
    country: country === undefined ? undefined : country === "" ? null : /^[A-Z]{2}$/.test(country) ? country : undefined,
    phone: optional(childText(node, "Phone")),
  };
}

function readItem(node: XmlNode, index: number, problem: (what: Message) => ConnectorError): OrderItem {
  const quantityText = childText(node, "Quantity") ?? "";
  const quantity = /^\d+(\.0*)?$/.test(quantityText) ? Number(quantityText) : NaN;
  if (!Number.isSafeInteger(quantity)) throw problem(message("storeErrors.xmlItemQuantity", { item: index + 1, value: quantityText }));
  const unitPriceText = childText(node, "UnitPrice");
  const unitPrice = readMoney(unitPriceText, () => problem(message("storeErrors.xmlItemUnitPrice", { item: index + 1, value: String(unitPriceText) }))) ?? 0;
  const sku = optional(childText(node, "SKU"));
  const options = childList(node, "Options", "Option")
    .map((option) => ({ name: childText(option, "Name") ?? "", value: childText(option, "Value") ?? "" }))
    .filter((option) => option.name);
  return {
    lineItemKey: optional(childText(node, "LineItemID")),
    sku,
    name: childText(node, "Name") || sku || "Unnamed item",
    imageUrl: optional(childText(node, "ImageUrl")),
    weightOz: readWeight(childText(node, "Weight"), childText(node, "WeightUnits")),
    quantity,
    unitPrice,
    warehouseLocation: optional(childText(node, "Location")),
    options: childNode(node, "Options") ? options : undefined,
    adjustment: readBoolean(childText(node, "Adjustment")) ?? false,
  };
}

const WEIGHT_UNITS: Record<string, WeightUnit> = {
  oz: "ounces", ounce: "ounces", ounces: "ounces",
  lb: "pounds", lbs: "pounds", pound: "pounds", pounds: "pounds",
  g: "grams", gm: "grams", gram: "grams", grams: "grams",
  kg: "kilograms", kilogram: "kilograms", kilograms: "kilograms",
};

/** One unit's weight in ounces. The guide's units are Ounces, Pounds and Grams; no unit means ounces. */
function readWeight(weight: string | undefined, units: string | undefined): number | null | undefined {
  if (weight === undefined) return undefined;
  if (weight === "") return null;
  const value = Number(weight);
  const unit = units ? WEIGHT_UNITS[units.toLowerCase()] : "ounces";
  if (!Number.isFinite(value) || value < 0 || !unit) return undefined;
  return toOunces(value, unit);
}

function readMoney(text: string | undefined, invalid: () => ConnectorError): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === "") return null;
  const cents = parseMoneyToCents(text);
  if (cents === null) throw invalid();
  return cents;
}

function readBoolean(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  const value = text.toLowerCase();
  if (["true", "1", "yes", "y"].includes(value)) return true;
  if (["false", "0", "no", "n", ""].includes(value)) return false;
  return undefined;
}

/** Absent → undefined (keep what is stored); empty → null (the store says there is none). */
function optional(text: string | undefined): string | null | undefined {
  return text === undefined ? undefined : text || null;
}
