import type { OrderRow } from "@/db/schema";
import type { NormalizedOrder } from "@/lib/orders/schema";

let sequence = 0;

/** A realistic open order; override what the test is about. */
export function buildOrder(overrides: Partial<NormalizedOrder> = {}): NormalizedOrder {
  sequence += 1;
  return {
    orderKey: `key-${sequence}`,
    orderNumber: `${1000 + sequence}`,
    status: "awaiting_shipment",
    orderDate: Date.UTC(2026, 10, 1, 12, 0, 0) + sequence * 60_000,
    customerEmail: "grace@example.com",
    shipTo: { name: "Grace Hopper", street1: "1 Navy Way", city: "Arlington", state: "VA", postalCode: "22201", country: "US", residential: true },
    billTo: { name: "Grace Hopper" },
    items: [
      { lineItemKey: "li-1", sku: "MUG-BLUE", name: "Blue enamel mug", quantity: 2, unitPrice: 1250, weightOz: 12 },
      { lineItemKey: "li-2", sku: "TEA-EARL", name: "Earl Grey tea, 100 g", quantity: 1, unitPrice: 899, weightOz: 4 },
    ],
    taxAmount: 275,
    shippingAmount: 599,
    amountPaid: 4273,
    ...overrides,
  };
}

/** Every column of a stored order, blank, as SQLite hands it back; tests spread their values over it. */
export function blankOrderRow(overrides: Partial<OrderRow> = {}): OrderRow {
  const at = Date.UTC(2026, 10, 1);
  return {
    id: 1, workspace_id: "ws-1", store_id: 1, order_key: "k-1", order_number: "1001", status: "awaiting_shipment", active: 1,
    order_date: at, payment_date: null, ship_by_date: null, ship_date: null, hold_until_date: null,
    customer_username: null, customer_email: null,
    bill_to_name: null, bill_to_company: null, bill_to_street1: null, bill_to_street2: null, bill_to_street3: null, bill_to_city: null,
    bill_to_state: null, bill_to_postal_code: null, bill_to_country: null, bill_to_phone: null, bill_to_residential: null,
    ship_to_name: null, ship_to_company: null, ship_to_street1: null, ship_to_street2: null, ship_to_street3: null, ship_to_city: null,
    ship_to_state: null, ship_to_postal_code: null, ship_to_country: null, ship_to_phone: null, ship_to_residential: null,
    order_total: 0, amount_paid: 0, tax_amount: 0, shipping_amount: 0, currency: "USD",
    weight_oz: null, dim_length: null, dim_width: null, dim_height: null, dim_units: null,
    requested_shipping_service: null, carrier_code: null, service_code: null, package_code: null, confirmation: null,
    customer_notes: null, internal_notes: null, gift: 0, gift_message: null, payment_method: null,
    custom_field1: null, custom_field2: null, custom_field3: null, source: null, extra: null, channel_modified_at: null,
    created_at: at, modified_at: at, reactivated_in_channel_at: null, replaced_by_order_id: null, deleted_at: null, tracking_number: null, order_digest: null, api_digest: null, csv_fingerprint: null, csv_auto_row: null, order_total_computed: 0,
    ...overrides,
  };
}
