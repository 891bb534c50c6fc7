import type { Address, NormalizedOrder, OrderItem } from "@/lib/orders/schema";

/**
 * The fields a CSV column can be mapped to, each once: what the mapping screen lists, what the
 * header suggestions and saved mappings may name, and how rowsToOrders reads each one.
 * Browser-safe: the import page and its worker use it too.
 */

/** How a field's cells are read: each kind but "text" is one reader of lib/csv/values.ts (parseMoney, parseDate…). */
export type ValueKind =
  | "text" | "money" | "date" | "email" | "boolean" | "quantity" | "options"
  | "weight" | "weightUnit" | "status" | "paymentStatus" | "currency" | "country" | "state";

type AddressOwner = "shipTo" | "billTo";
type ItemTarget = `items.${Extract<keyof OrderItem, string>}`;

/** Where a field's value goes: a field of the order, a part of one of its addresses, or a field of each item. */
type FieldTarget = keyof NormalizedOrder | `${AddressOwner}.${Extract<keyof Address, string>}` | ItemTarget;

interface FieldSpec<K extends string> {
  key: K;
  /** English; the import page shows the translation under `csv.fields.<key>`. */
  label: string;
  /** "order": one value per order, which the order's rows must agree on; "item": one per row. */
  level: "order" | "item";
  required: boolean;
  /**
   * Set on the name-part pseudo-fields: their values, joined with a space ("Ada" + "Lovelace"),
   * stand in for this field when it is not mapped or empty on a row, and either part being mapped
   * satisfies its requirement.
   */
  partOf?: `${AddressOwner}.name`;
  kind: ValueKind;
  /** Null for the weight unit and the payment status, which fill nothing: they say how the row's weights and status are read. */
  target: FieldTarget | null;
  /**
   * Item fields only the API sets and our export writes, so that importing an export back leaves
   * items as they were. Listed last and never guessed from a header name.
   */
  exportOnly: boolean;
}

const order = <K extends string>(key: K, label: string, kind: ValueKind, target: FieldTarget | null, required = false): FieldSpec<K> =>
  ({ key, label, level: "order", required, kind, target, exportOnly: false });
const item = <K extends string>(key: K, label: string, kind: ValueKind, target: ItemTarget, required = false): FieldSpec<K> =>
  ({ key, label, level: "item", required, kind, target, exportOnly: false });
const exported = <K extends string>(key: K, label: string, kind: ValueKind, target: ItemTarget): FieldSpec<K> =>
  ({ ...item(key, label, kind, target), exportOnly: true });

/** First and last name are pseudo-parts (files that split the name in two columns, like WooCommerce's). */
const ADDRESS_PARTS = [
  ["name", "Name", "text"],
  ["firstName", "First name", "text"],
  ["lastName", "Last name", "text"],
  ["company", "Company", "text"],
  ["street1", "Address line 1", "text"],
  ["street2", "Address line 2", "text"],
  ["street3", "Address line 3", "text"],
  ["city", "City", "text"],
  ["state", "State / province", "state"],
  ["postalCode", "Postal code", "text"],
  ["country", "Country", "country"],
  ["phone", "Phone", "text"],
  ["residential", "Residential", "boolean"],
] as const;
type AddressPart = (typeof ADDRESS_PARTS)[number][0];
const REQUIRED_SHIP_TO = new Set<AddressPart>(["name", "street1", "city", "postalCode", "country"]);

function addressFields<P extends AddressOwner>(owner: P, labelPrefix: string): FieldSpec<`${P}.${AddressPart}`>[] {
  const name = `${owner}.name` as const;
  return ADDRESS_PARTS.map(([part, label, kind]) => {
    const namePart = part === "firstName" || part === "lastName";
    const required = owner === "shipTo" && REQUIRED_SHIP_TO.has(part);
    const field = order(`${owner}.${part}` as const, `${labelPrefix}: ${label}`, kind, namePart ? name : `${owner}.${part}`, required);
    return namePart ? { ...field, partOf: name } : field;
  });
}

/** Rows sharing an order number make one order; item fields are read from every row. */
const FIELDS = [
  order("orderNumber", "Order number", "text", "orderNumber", true),
  order("orderDate", "Order date", "date", "orderDate", true),
  order("status", "Order status", "status", "status"),
  // Shopify's Financial Status beside its Fulfillment Status: the two make the order's status.
  order("paymentStatus", "Payment status", "paymentStatus", null),
  order("paymentDate", "Payment date", "date", "paymentDate"),
  order("shipByDate", "Ship by date", "date", "shipByDate"),
  order("customerEmail", "Customer email", "email", "customerEmail"),
  order("customerUsername", "Customer username", "text", "customerUsername"),
  ...addressFields("shipTo", "Ship to"),
  ...addressFields("billTo", "Bill to"),
  order("amountPaid", "Amount paid", "money", "amountPaid"),
  order("taxAmount", "Tax paid", "money", "taxAmount"),
  order("shippingAmount", "Shipping paid", "money", "shippingAmount"),
  order("orderTotal", "Order total", "money", "orderTotal"),
  order("currency", "Currency", "currency", "currency"),
  order("weight", "Order weight", "weight", "weightOz"),
  order("weightUnit", "Weight unit", "weightUnit", null),
  order("requestedShippingService", "Requested shipping service", "text", "requestedShippingService"),
  order("customerNotes", "Notes from the customer", "text", "customerNotes"),
  order("internalNotes", "Internal notes", "text", "internalNotes"),
  order("gift", "Gift", "boolean", "gift"),
  order("giftMessage", "Gift message", "text", "giftMessage"),
  order("customField1", "Custom field 1", "text", "customField1"),
  order("customField2", "Custom field 2", "text", "customField2"),
  order("customField3", "Custom field 3", "text", "customField3"),
  item("item.sku", "Item: SKU", "text", "items.sku"),
  item("item.name", "Item: Name", "text", "items.name", true),
  item("item.quantity", "Item: Quantity", "quantity", "items.quantity", true),
  item("item.unitPrice", "Item: Unit price", "money", "items.unitPrice"),
  item("item.weight", "Item: Unit weight", "weight", "items.weightOz"),
  item("item.imageUrl", "Item: Image URL", "text", "items.imageUrl"),
  item("item.options", "Item: Options", "options", "items.options"),
  item("item.lineItemKey", "Item: Line item key", "text", "items.lineItemKey"),
  exported("item.taxAmount", "Item: Tax", "money", "items.taxAmount"),
  exported("item.shippingAmount", "Item: Shipping", "money", "items.shippingAmount"),
  exported("item.warehouseLocation", "Item: Warehouse location", "text", "items.warehouseLocation"),
  exported("item.productId", "Item: Product ID", "text", "items.productId"),
  exported("item.fulfillmentSku", "Item: Fulfillment SKU", "text", "items.fulfillmentSku"),
  exported("item.upc", "Item: UPC", "text", "items.upc"),
  exported("item.adjustment", "Item: Adjustment", "boolean", "items.adjustment"),
];

export type FieldKey = (typeof FIELDS)[number]["key"];
export type CsvField = FieldSpec<FieldKey>;

/** Every field, in the order the mapping dropdowns list them. */
export const CSV_FIELDS: readonly CsvField[] = FIELDS;

const BY_KEY = new Map<string, CsvField>(CSV_FIELDS.map((field) => [field.key, field]));

/** Whether a saved or sent mapping may name `value`: one predicate for the server and the page. */
export function isFieldKey(value: unknown): value is FieldKey {
  return typeof value === "string" && BY_KEY.has(value);
}

export function csvField(key: FieldKey): CsvField {
  return BY_KEY.get(key)!;
}
