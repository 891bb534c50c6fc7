import type { OrderItemRow, OrderRow } from "@/db/schema";
import { centsToDecimalString } from "@/lib/money";
import type { FieldKey } from "./fields";
import { zoneOffsetMs } from "@/lib/dates";
import { orderWeightOf } from "@/lib/orders/weight";
import { formatItemOptions, STATUS_LABELS, type ItemOption } from "./values";

export interface ExportOrder {
  row: OrderRow;
  items: readonly OrderItemRow[];
}

type Column = { header: string; field: FieldKey } & (
  | { order: (row: OrderRow, timeZone: string, items: readonly OrderItemRow[]) => string }
  | { item: (item: OrderItemRow) => string }
);

const text = (value: string | null | undefined) => value ?? "";
const money = (cents: number | null | undefined) => (cents == null ? "" : centsToDecimalString(cents));
const yesNo = (flag: number | null | undefined) => (flag == null ? "" : flag ? "Yes" : "No");
const number = (value: number | null | undefined) => (value == null ? "" : String(value));

function addressColumns(label: "Ship To" | "Bill To", prefix: "ship_to" | "bill_to", key: "shipTo" | "billTo"): Column[] {
  const parts: [string, string, string][] = [
    ["Name", "name", "name"], ["Company", "company", "company"], ["Address 1", "street1", "street1"], ["Address 2", "street2", "street2"],
    ["Address 3", "street3", "street3"], ["City", "city", "city"], ["State", "state", "state"], ["Postal Code", "postal_code", "postalCode"],
    ["Country", "country", "country"], ["Phone", "phone", "phone"],
  ];
  return [
    ...parts.map(([title, column, field]): Column => ({
      header: `${label} - ${title}`,
      field: `${key}.${field}` as FieldKey,
      order: (row) => text(row[`${prefix}_${column}` as keyof OrderRow] as string | null),
    })),
    { header: `${label} - Residential`, field: `${key}.residential`, order: (row) => yesNo(row[`${prefix}_residential`]) },
  ];
}

/**
 * The export, one row per item (an order without items is one row with blank item columns),
 * order columns repeated on each row as ShipStation's export does. Beyond ShipStation's usual
 * columns it carries what importing the file back needs to change nothing: the order total and
 * currency (else they would be recomputed or defaulted), a Weight Unit (so the file's weight unit
 * option cannot rescale the ounces) and every item field the write path compares.
 */
const COLUMNS: readonly Column[] = [
  { header: "Order Number", field: "orderNumber", order: (row) => row.order_number },
  { header: "Order Date", field: "orderDate", order: (row, timeZone) => formatIsoWithOffset(row.order_date, timeZone) },
  { header: "Order Status", field: "status", order: (row) => STATUS_LABELS[row.status] },
  { header: "Customer Email", field: "customerEmail", order: (row) => text(row.customer_email) },
  ...addressColumns("Ship To", "ship_to", "shipTo"),
  ...addressColumns("Bill To", "bill_to", "billTo"),
  { header: "Order Total", field: "orderTotal", order: (row) => money(row.order_total) },
  { header: "Amount Paid", field: "amountPaid", order: (row) => money(row.amount_paid) },
  { header: "Tax Paid", field: "taxAmount", order: (row) => money(row.tax_amount) },
  { header: "Shipping Paid", field: "shippingAmount", order: (row) => money(row.shipping_amount) },
  { header: "Currency", field: "currency", order: (row) => row.currency },
  // The weight the order page shows (its items' when it has none); read back, it is stored as none again.
  { header: "Weight (oz)", field: "weight", order: (row, _timeZone, items) => number(orderWeightOf(row, items).oz) },
  { header: "Weight Unit", field: "weightUnit", order: () => "oz" },
  { header: "Requested Service", field: "requestedShippingService", order: (row) => text(row.requested_shipping_service) },
  { header: "Notes - From Buyer", field: "customerNotes", order: (row) => text(row.customer_notes) },
  { header: "Notes - Internal", field: "internalNotes", order: (row) => text(row.internal_notes) },
  { header: "Gift", field: "gift", order: (row) => yesNo(row.gift) },
  { header: "Gift Message", field: "giftMessage", order: (row) => text(row.gift_message) },
  { header: "Custom Field 1", field: "customField1", order: (row) => text(row.custom_field1) },
  { header: "Custom Field 2", field: "customField2", order: (row) => text(row.custom_field2) },
  { header: "Custom Field 3", field: "customField3", order: (row) => text(row.custom_field3) },
  { header: "Item - SKU", field: "item.sku", item: (item) => text(item.sku) },
  { header: "Item - Name", field: "item.name", item: (item) => item.name },
  { header: "Item - Qty", field: "item.quantity", item: (item) => String(item.quantity) },
  { header: "Item - Unit Price", field: "item.unitPrice", item: (item) => money(item.unit_price) },
  { header: "Item - Weight (oz)", field: "item.weight", item: (item) => number(item.weight_oz) },
  { header: "Item - Options", field: "item.options", item: (item) => (item.options ? formatItemOptions(JSON.parse(item.options) as ItemOption[]) : "") },
  { header: "Item - Image URL", field: "item.imageUrl", item: (item) => text(item.image_url) },
  { header: "Item - Line Item Key", field: "item.lineItemKey", item: (item) => text(item.line_item_key) },
  { header: "Item - Product ID", field: "item.productId", item: (item) => text(item.product_id) },
  { header: "Item - Fulfillment SKU", field: "item.fulfillmentSku", item: (item) => text(item.fulfillment_sku) },
  { header: "Item - UPC", field: "item.upc", item: (item) => text(item.upc) },
  { header: "Item - Warehouse Location", field: "item.warehouseLocation", item: (item) => text(item.warehouse_location) },
  { header: "Item - Tax", field: "item.taxAmount", item: (item) => money(item.tax_amount) },
  { header: "Item - Shipping", field: "item.shippingAmount", item: (item) => money(item.shipping_amount) },
  { header: "Item - Adjustment", field: "item.adjustment", item: (item) => yesNo(item.adjustment) },
];

/** The export's header row. */
export const ORDERS_EXPORT_COLUMNS: readonly string[] = COLUMNS.map((column) => column.header);

/** The default mapping: the export's columns, by index, to the fields they hold. */
export const EXPORT_MAPPING: Readonly<Record<number, FieldKey>> = Object.fromEntries(COLUMNS.map((column, index) => [index, column.field]));

/**
 * An instant as ISO 8601 wall-clock time in `timeZone` with its offset ("2026-11-05T09:30:00-05:00";
 * milliseconds only when there are some): readable where the merchant is, and read back as the
 * same instant whatever zone the import is told.
 */
export function formatIsoWithOffset(instant: number, timeZone: string): string {
  const offset = zoneOffsetMs(instant, timeZone);
  const local = new Date(instant + offset);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const millis = local.getUTCMilliseconds() ? `.${pad(local.getUTCMilliseconds(), 3)}` : "";
  const minutes = Math.round(Math.abs(offset) / 60_000);
  return `${date}T${time}${millis}${offset < 0 ? "-" : "+"}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The data rows of the export (no header), one per item, items in their order. Dates are written in `timeZone` (default UTC). */
export function ordersToExportRows(orders: readonly ExportOrder[], options: { timeZone?: string } = {}): string[][] {
  const timeZone = options.timeZone ?? "UTC";
  const rows: string[][] = [];
  for (const { row, items } of orders) {
    const orderCells = COLUMNS.map((column) => ("order" in column ? column.order(row, timeZone, items) : ""));
    const sorted = [...items].sort((a, b) => a.position - b.position);
    if (sorted.length === 0) rows.push(orderCells);
    for (const item of sorted) rows.push(COLUMNS.map((column, index) => ("item" in column ? column.item(item) : orderCells[index])));
  }
  return rows;
}
