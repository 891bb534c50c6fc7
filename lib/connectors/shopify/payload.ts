/**
 * The parts of Shopify's REST Admin API order (2024-04) that Shipdeck reads. Amounts are decimal
 * strings in the shop's currency, weights are grams, times are ISO 8601 with the shop's offset.
 * Everything is optional here because a response is checked field by field, not trusted.
 */
export interface ShopifyMoneySet {
  shop_money?: { amount?: string | null; currency_code?: string | null } | null;
}

export interface ShopifyAddress {
  first_name?: string | null;
  last_name?: string | null;
  name?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  province_code?: string | null;
  zip?: string | null;
  country?: string | null;
  country_code?: string | null;
  phone?: string | null;
}

export interface ShopifyLineItem {
  id?: number | null;
  admin_graphql_api_id?: string | null;
  sku?: string | null;
  title?: string | null;
  name?: string | null;
  variant_title?: string | null;
  quantity?: number | null;
  price?: string | null;
  grams?: number | null;
  product_id?: number | null;
  requires_shipping?: boolean | null;
  properties?: { name?: string | null; value?: unknown }[] | null;
}

export interface ShopifyShippingLine {
  title?: string | null;
  code?: string | null;
  price?: string | null;
}

export type ShopifyFinancialStatus = "pending" | "authorized" | "partially_paid" | "paid" | "partially_refunded" | "refunded" | "voided";
export type ShopifyFulfillmentStatus = "fulfilled" | "partial" | "restocked";

export interface ShopifyOrder {
  id: number;
  /** "gid://shopify/Order/450789469": the same id as text, exact even past 2^53. */
  admin_graphql_api_id?: string | null;
  name?: string | null;
  order_number?: number | null;
  email?: string | null;
  contact_email?: string | null;
  created_at: string;
  updated_at: string;
  processed_at?: string | null;
  cancelled_at?: string | null;
  cancel_reason?: string | null;
  closed_at?: string | null;
  financial_status?: ShopifyFinancialStatus | (string & {}) | null;
  fulfillment_status?: ShopifyFulfillmentStatus | (string & {}) | null;
  currency?: string | null;
  total_price?: string | null;
  total_tax?: string | null;
  total_outstanding?: string | null;
  total_weight?: number | null;
  total_shipping_price_set?: ShopifyMoneySet | null;
  note?: string | null;
  payment_gateway_names?: string[] | null;
  customer?: { id?: number | null; email?: string | null; first_name?: string | null; last_name?: string | null } | null;
  billing_address?: ShopifyAddress | null;
  shipping_address?: ShopifyAddress | null;
  line_items?: ShopifyLineItem[] | null;
  shipping_lines?: ShopifyShippingLine[] | null;
  [field: string]: unknown;
}
