import type { NewOrderRow, OrderItemRow, OrderRow } from "@/db/schema";
import type { Address, NormalizedOrder, OrderItem, ParsedOrder } from "./schema";
import { orderWeightOf } from "./weight";

/** The order columns a source may set; everything else (ids, workspace, timestamps, flags) the write path owns. */
/** Order columns that are bookkeeping, not the channel's data: a change set never names them. */
export const BOOKKEEPING_COLUMNS = [
  "id", "workspace_id", "store_id", "order_key", "active", "created_at", "modified_at", "reactivated_in_channel_at", "replaced_by_order_id", "deleted_at", "order_digest", "api_digest", "csv_fingerprint", "csv_auto_row",
] as const;
export type ChannelColumns = Omit<NewOrderRow, (typeof BOOKKEEPING_COLUMNS)[number]>;
export type ItemColumns = Omit<OrderItemRow, "id" | "order_id">;

const ADDRESS_FIELDS = [
  ["name", "name"], ["company", "company"], ["street1", "street1"], ["street2", "street2"], ["street3", "street3"],
  ["city", "city"], ["state", "state"], ["postal_code", "postalCode"], ["country", "country"], ["phone", "phone"],
] as const;

const SIMPLE_FIELDS = [
  ["payment_date", "paymentDate"], ["ship_by_date", "shipByDate"], ["ship_date", "shipDate"], ["hold_until_date", "holdUntilDate"],
  ["customer_username", "customerUsername"], ["customer_email", "customerEmail"],
  ["amount_paid", "amountPaid"], ["tax_amount", "taxAmount"], ["shipping_amount", "shippingAmount"],
  ["weight_oz", "weightOz"], ["requested_shipping_service", "requestedShippingService"], ["carrier_code", "carrierCode"],
  ["service_code", "serviceCode"], ["package_code", "packageCode"], ["confirmation", "confirmation"],
  ["customer_notes", "customerNotes"], ["internal_notes", "internalNotes"], ["gift_message", "giftMessage"],
  ["payment_method", "paymentMethod"], ["custom_field1", "customField1"], ["custom_field2", "customField2"],
  ["custom_field3", "customField3"], ["source", "source"], ["channel_modified_at", "channelModifiedAt"],
  ["tracking_number", "trackingNumber"],
] as const satisfies readonly (readonly [keyof ChannelColumns, keyof ParsedOrder])[];

const ZERO_WHEN_CLEARED = new Set<keyof ChannelColumns>(["amount_paid", "tax_amount", "shipping_amount"]);

/**
 * The columns this order sets. A field the source left `undefined` is absent (the stored value
 * stays); `null` clears it.
 */
export function toOrderColumns(order: ParsedOrder): Partial<ChannelColumns> {
  const columns: Partial<ChannelColumns> = {
    order_number: order.orderNumber,
    status: order.status,
    order_date: order.orderDate,
    currency: order.currency,
  };
  const set = columns as Record<string, unknown>;
  for (const [column, field] of SIMPLE_FIELDS) {
    const value = order[field];
    if (value === undefined) continue;
    set[column] = value === null && ZERO_WHEN_CLEARED.has(column) ? 0 : value;
  }
  if (itemsWeighExactly(order)) columns.weight_oz = null;
  if (order.gift !== undefined) columns.gift = order.gift ? 1 : 0;
  if (order.billTo !== undefined) Object.assign(columns, addressColumns("bill_to", order.billTo));
  if (order.shipTo !== undefined) Object.assign(columns, addressColumns("ship_to", order.shipTo));
  if (order.dimensions !== undefined) {
    columns.dim_length = order.dimensions?.length ?? null;
    columns.dim_width = order.dimensions?.width ?? null;
    columns.dim_height = order.dimensions?.height ?? null;
    columns.dim_units = order.dimensions?.units ?? null;
  }
  if (order.extra !== undefined) columns.extra = order.extra === null ? null : JSON.stringify(order.extra);
  Object.assign(columns, orderTotalColumns(order));
  return columns;
}

/**
 * An order weight that is exactly its items' is the items' (what the API's GET answered, sent
 * back): stored as none, so it stays "from items" and follows them through later edits.
 */
function itemsWeighExactly(order: Pick<ParsedOrder, "weightOz" | "items">): boolean {
  if (order.weightOz == null || order.items === undefined) return false;
  const items = order.items.map((item) => ({ weight_oz: item.weightOz ?? null, quantity: item.quantity, adjustment: item.adjustment ? 1 : 0 }));
  const fromItems = orderWeightOf({ weight_oz: null }, items);
  return fromItems.fromItems && fromItems.oz === order.weightOz;
}

/** Each address field's column, per address: built once, as the write path fills them for every order. */
const ADDRESS_COLUMNS = {
  bill_to: ADDRESS_FIELDS.map(([column, field]) => [`bill_to_${column}`, field] as const),
  ship_to: ADDRESS_FIELDS.map(([column, field]) => [`ship_to_${column}`, field] as const),
};

function addressColumns(prefix: "bill_to" | "ship_to", address: Address | null): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [column, field] of ADDRESS_COLUMNS[prefix]) columns[column] = address?.[field] ?? null;
  columns[`${prefix}_residential`] = address?.residential == null ? null : address.residential ? 1 : 0;
  return columns;
}

/**
 * The one rule for an order's total, whatever its source: the channel's figure kept as sent when
 * the source gives one (it may hold discounts or fees Shipdeck doesn't see), else Shipdeck's own,
 * items + tax + shipping, marked computed (as is a channel's figure that equals it). A merchant's edit of a computed order sends no total
 * (`fromOrderRow`), so the total follows the edited items and amounts; a channel's figure stays.
 * With neither a total nor items the stored total stands (the write path recomputes a computed
 * one when only tax or shipping changed).
 */
export function orderTotalColumns(order: Pick<ParsedOrder, "orderTotal" | "items" | "taxAmount" | "shippingAmount">): Partial<Pick<ChannelColumns, "order_total" | "order_total_computed">> {
  if (order.orderTotal != null) {
    // A figure that is exactly items + tax + shipping holds nothing of the channel's own: it is
    // the computed one (so an export read back, or an API GET sent back, changes nothing).
    // Without items, the write path decides that against the stored ones.
    if (order.items === undefined) return { order_total: order.orderTotal };
    return { order_total: order.orderTotal, order_total_computed: order.orderTotal === computeOrderTotal(order) ? 1 : 0 };
  }
  if (order.items !== undefined) return { order_total: computeOrderTotal(order), order_total_computed: 1 };
  return {};
}

/** ShipStation's orderTotal when the source gives none: items, then tax and shipping. */
export function computeOrderTotal(order: Pick<ParsedOrder, "items" | "taxAmount" | "shippingAmount">): number {
  const itemsTotal = (order.items ?? []).reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  return itemsTotal + (order.taxAmount ?? 0) + (order.shippingAmount ?? 0);
}

export function toItemColumns(items: OrderItem[]): ItemColumns[] {
  return items.map((item, position) => ({
    position,
    line_item_key: item.lineItemKey ?? null,
    sku: item.sku ?? null,
    name: item.name,
    image_url: item.imageUrl ?? null,
    weight_oz: item.weightOz ?? null,
    quantity: item.quantity,
    unit_price: item.unitPrice,
    tax_amount: item.taxAmount ?? null,
    shipping_amount: item.shippingAmount ?? null,
    warehouse_location: item.warehouseLocation ?? null,
    options: item.options?.length ? JSON.stringify(item.options) : null,
    product_id: item.productId ?? null,
    fulfillment_sku: item.fulfillmentSku ?? null,
    adjustment: item.adjustment ? 1 : 0,
    upc: item.upc ?? null,
  }));
}

/** The words the search box finds an order by, besides its number. */
export function searchTextOf(order: Pick<OrderRow, "customer_username" | "customer_email" | "bill_to_name" | "ship_to_name" | "ship_to_company">, items: Pick<ItemColumns, "sku" | "name">[]): string {
  const parts = [order.customer_username, order.customer_email, order.bill_to_name, order.ship_to_name, order.ship_to_company];
  for (const item of items) parts.push(item.sku, item.name);
  return parts.filter(Boolean).join(" ");
}

/**
 * A stored order back as a complete NormalizedOrder: the starting point for a merchant's edit or
 * action, which changes a field or two and sends the whole order through the write path.
 */
export function fromOrderRow(row: OrderRow, items: ItemColumns[]): NormalizedOrder {
  const order: Record<string, unknown> = {
    orderKey: row.order_key,
    orderNumber: row.order_number,
    status: row.status,
    orderDate: row.order_date,
    currency: row.currency,
    // A computed total goes back as none, so whatever the merchant changes recomputes it.
    orderTotal: row.order_total_computed === 1 ? null : row.order_total,
    gift: row.gift === 1,
    billTo: addressOf(row, "bill_to"),
    shipTo: addressOf(row, "ship_to"),
    dimensions:
      row.dim_length != null && row.dim_width != null && row.dim_height != null
        ? { length: row.dim_length, width: row.dim_width, height: row.dim_height, units: row.dim_units === "centimeters" ? "centimeters" : "inches" }
        : null,
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : null,
    items: items.map((item) => ({
      lineItemKey: item.line_item_key,
      sku: item.sku,
      name: item.name,
      imageUrl: item.image_url,
      weightOz: item.weight_oz,
      quantity: item.quantity,
      unitPrice: item.unit_price,
      taxAmount: item.tax_amount,
      shippingAmount: item.shipping_amount,
      warehouseLocation: item.warehouse_location,
      options: item.options ? (JSON.parse(item.options) as { name: string; value: string }[]) : null,
      productId: item.product_id,
      fulfillmentSku: item.fulfillment_sku,
      adjustment: item.adjustment === 1,
      upc: item.upc,
    })),
  };
  for (const [column, field] of SIMPLE_FIELDS) order[field] = row[column] ?? null;
  return order as NormalizedOrder;
}

function addressOf(row: OrderRow, prefix: "bill_to" | "ship_to"): Address | null {
  const address: Record<string, unknown> = {};
  let empty = true;
  for (const [column, field] of ADDRESS_FIELDS) {
    const value = row[`${prefix}_${column}` as keyof OrderRow] ?? null;
    address[field] = value;
    if (value !== null) empty = false;
  }
  const residential = row[`${prefix}_residential`];
  address.residential = residential == null ? null : residential === 1;
  return empty && residential == null ? null : (address as Address);
}
