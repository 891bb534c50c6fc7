import type { OrderEventTable, OrderItemTable, OrderTable } from "@/db/schema";

/**
 * The columns the write path inserts, in the order its multi-row INSERTs bind them. Each list is
 * checked against db/schema.ts: a column added to a table must be added here too, or named
 * among the columns that only later actions set, or `npm run typecheck` fails. So a new column
 * can't be silently dropped when an order is created and then written when it is updated.
 */
export const ORDER_COLUMNS = [
  "id", "workspace_id", "store_id", "order_key", "order_number", "status", "active", "order_date", "payment_date",
  "ship_by_date", "ship_date", "hold_until_date", "customer_username", "customer_email",
  "bill_to_name", "bill_to_company", "bill_to_street1", "bill_to_street2", "bill_to_street3", "bill_to_city",
  "bill_to_state", "bill_to_postal_code", "bill_to_country", "bill_to_phone", "bill_to_residential",
  "ship_to_name", "ship_to_company", "ship_to_street1", "ship_to_street2", "ship_to_street3", "ship_to_city",
  "ship_to_state", "ship_to_postal_code", "ship_to_country", "ship_to_phone", "ship_to_residential",
  "order_total", "amount_paid", "tax_amount", "shipping_amount", "currency", "weight_oz", "dim_length", "dim_width", "dim_height",
  "dim_units", "requested_shipping_service", "carrier_code", "service_code", "package_code", "confirmation",
  "customer_notes", "internal_notes", "gift", "gift_message", "payment_method", "custom_field1", "custom_field2",
  "custom_field3", "source", "extra", "channel_modified_at", "created_at", "modified_at", "tracking_number",
  "order_digest", "api_digest", "csv_fingerprint", "order_total_computed",
] as const satisfies readonly (keyof OrderTable)[];

/** Order columns no new order has: set later by "Create new order", the channel reopening it, DELETE, and a CSV import's AUTO rows. */
export const ORDER_COLUMNS_SET_LATER = ["reactivated_in_channel_at", "replaced_by_order_id", "deleted_at", "csv_auto_row"] as const satisfies readonly (keyof OrderTable)[];

export const ITEM_COLUMNS = [
  "order_id", "position", "line_item_key", "sku", "name", "image_url", "weight_oz", "quantity", "unit_price", "tax_amount",
  "shipping_amount", "warehouse_location", "options", "product_id", "fulfillment_sku", "adjustment", "upc",
] as const satisfies readonly (keyof OrderItemTable)[];

export const EVENT_COLUMNS = ["order_id", "workspace_id", "at", "action", "source", "actor", "import_run_id", "change_set"] as const satisfies readonly (keyof OrderEventTable)[];

/** True when `Listed` names every key of `Table`; otherwise the missing ones, which fail the `satisfies` below. */
type Covers<Table, Listed> = [Exclude<keyof Table, Listed>] extends [never] ? true : { missing: Exclude<keyof Table, Listed> };

true satisfies Covers<OrderTable, (typeof ORDER_COLUMNS)[number] | (typeof ORDER_COLUMNS_SET_LATER)[number]>;
// Item and event ids are the database's.
true satisfies Covers<OrderItemTable, (typeof ITEM_COLUMNS)[number] | "id">;
true satisfies Covers<OrderEventTable, (typeof EVENT_COLUMNS)[number] | "id">;
