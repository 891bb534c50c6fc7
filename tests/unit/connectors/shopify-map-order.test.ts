import { describe, expect, it } from "vitest";
import { mapShopifyOrder, shopifyOrderStatus } from "@/lib/connectors/shopify/map-order";
import type { ShopifyOrder } from "@/lib/connectors/shopify/payload";
import { ConnectorError } from "@/lib/connectors/types";
import { normalizedOrderSchema } from "@/lib/orders/schema";
import { ORDER_TEMPLATES } from "../../fakes/shopify/orders";

function webOrder(overrides: Partial<ShopifyOrder> = {}): ShopifyOrder {
  return { ...structuredClone(ORDER_TEMPLATES.web), id: 5830120000001, name: "#1001", order_number: 1001, ...overrides };
}

describe("shopifyOrderStatus", () => {
  it.each([
    ["pending", null, "awaiting_payment"],
    ["authorized", null, "awaiting_payment"],
    ["partially_paid", null, "awaiting_payment"],
    ["paid", null, "awaiting_shipment"],
    ["paid", "partial", "awaiting_shipment"],
    ["paid", "restocked", "awaiting_shipment"],
    ["partially_refunded", null, "awaiting_shipment"],
    ["partially_refunded", "partial", "awaiting_shipment"],
    ["paid", "fulfilled", "shipped"],
    ["pending", "fulfilled", "shipped"],
    ["refunded", "fulfilled", "shipped"],
    ["refunded", "partial", "shipped"],
    ["refunded", null, "cancelled"],
    ["voided", null, "cancelled"],
    ["expired", null, "awaiting_payment"],
    [null, null, "awaiting_payment"],
  ] as const)("financial %s, fulfillment %s → %s", (financial_status, fulfillment_status, expected) => {
    expect(shopifyOrderStatus({ cancelled_at: null, financial_status, fulfillment_status })).toBe(expected);
  });

  it("is cancelled whenever cancelled_at is set, even when paid or fulfilled", () => {
    for (const financial_status of ["paid", "pending", "refunded"]) {
      expect(shopifyOrderStatus({ cancelled_at: "2024-05-02T09:00:00-04:00", financial_status, fulfillment_status: "fulfilled" })).toBe("cancelled");
    }
  });

  it("does not cancel an order that is only archived (closed_at)", () => {
    const order = mapShopifyOrder(webOrder({ closed_at: "2024-05-02T09:00:00-04:00" }));
    expect(order.status).toBe("awaiting_shipment");
  });
});

describe("mapShopifyOrder", () => {
  it("maps a paid web order to Shipdeck's order", () => {
    const order = mapShopifyOrder(webOrder({ created_at: "2024-05-01T08:00:00-04:00", processed_at: "2024-05-01T08:00:05-04:00", updated_at: "2024-05-01T09:30:00-04:00" }));

    expect(order).toMatchObject({
      orderKey: "5830120000001",
      orderNumber: "1001",
      status: "awaiting_shipment",
      orderDate: Date.UTC(2024, 4, 1, 12, 0, 0),
      paymentDate: Date.UTC(2024, 4, 1, 12, 0, 5),
      channelModifiedAt: Date.UTC(2024, 4, 1, 13, 30, 0),
      customerUsername: "Dana Whitfield",
      customerEmail: "dana.whitfield@example.net",
      orderTotal: 8098,
      amountPaid: 8098,
      taxAmount: 603,
      shippingAmount: 795,
      currency: "USD",
      weightOz: 29.277,
      requestedShippingService: "USPS Ground Advantage",
      customerNotes: "Please leave it at the side door.",
      paymentMethod: "shopify_payments",
    });
    expect(order.shipTo).toEqual({
      name: "Dana Whitfield", company: "Whitfield Ceramics", street1: "1488 Alder Creek Rd", street2: "Apt 4B",
      city: "Bend", state: "OR", postalCode: "97701", country: "US", phone: "+1 541-555-0142",
    });
    expect(order.billTo).toMatchObject({ name: "Dana Whitfield", company: null, state: "OR", country: "US" });
    expect(order.items).toHaveLength(2);
    expect(order.items?.[0]).toMatchObject({
      sku: "MUG-TRAIL-GRN", name: "Trail Mug - Forest Green", quantity: 2, unitPrice: 2450, weightOz: 11.993,
      productId: "8122640220337", options: [{ name: "Engraving", value: "D.W." }], adjustment: false,
    });
    expect(order.items?.[0].lineItemKey).toMatch(/^\d+$/);
    expect(order.items?.[1]).toMatchObject({ sku: "CNDL-BEES-TIN", quantity: 1, unitPrice: 1800, weightOz: 5.291, options: null });
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("keeps a merchant's custom order name and falls back to order_number", () => {
    expect(mapShopifyOrder(webOrder({ name: "SO-1001-B" })).orderNumber).toBe("SO-1001-B");
    expect(mapShopifyOrder(webOrder({ name: null, order_number: 1207 })).orderNumber).toBe("1207");
  });

  it("has no payment date or amount paid before the order is paid", () => {
    const order = mapShopifyOrder(webOrder({ financial_status: "pending" }));
    expect(order).toMatchObject({ status: "awaiting_payment", paymentDate: null, amountPaid: 0, orderTotal: 8098 });
  });

  it("counts what is no longer outstanding as paid on a partly paid order", () => {
    const order = mapShopifyOrder(webOrder({ financial_status: "partially_paid", total_outstanding: "30.98" }));
    expect(order).toMatchObject({ status: "awaiting_payment", amountPaid: 5000, paymentDate: null });
  });

  it("maps a cancelled order as cancelled with its times", () => {
    const order = mapShopifyOrder(webOrder({ cancelled_at: "2024-05-02T10:00:00-04:00", cancel_reason: "customer", financial_status: "refunded", updated_at: "2024-05-02T10:00:00-04:00" }));
    expect(order.status).toBe("cancelled");
    expect(order.channelModifiedAt).toBe(Date.UTC(2024, 4, 2, 14, 0, 0));
  });

  it("converts money exactly and adds up shipping lines when the shipping total is missing", () => {
    const order = mapShopifyOrder(webOrder({
      total_price: "1234.57", total_tax: "0.10", total_shipping_price_set: null,
      shipping_lines: [{ title: "Express", price: "19.99" }, { title: "Handling", price: "0.01" }],
    }));
    expect(order).toMatchObject({ orderTotal: 123457, taxAmount: 10, shippingAmount: 2000, requestedShippingService: "Express" });
  });

  it("leaves weights unknown when Shopify reports 0 grams", () => {
    const order = mapShopifyOrder(webOrder({ total_weight: 0, line_items: [{ id: 1, name: "Gift card", price: "25.00", quantity: 1, grams: 0 }] }));
    expect(order.weightOz).toBeNull();
    expect(order.items?.[0].weightOz).toBeNull();
  });

  it("maps an order without customer, addresses, email, shipping or weights (point of sale)", () => {
    const order = mapShopifyOrder({ ...structuredClone(ORDER_TEMPLATES.pos), id: 5830120000099, name: "#1099", order_number: 1099 });
    expect(order).toMatchObject({
      orderKey: "5830120000099", orderNumber: "1099", status: "shipped", customerUsername: null, customerEmail: null,
      billTo: null, shipTo: null, shippingAmount: 0, requestedShippingService: null, customerNotes: null, weightOz: null,
      orderTotal: 1200, amountPaid: 1200, paymentMethod: "cash",
    });
    expect(order.items).toEqual([expect.objectContaining({ sku: null, name: "Sticker Pack", quantity: 1, unitPrice: 1200 })]);
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("tolerates missing optional fields without inventing values", () => {
    const order = mapShopifyOrder({ id: 42, created_at: "2024-05-01T08:00:00Z", updated_at: "2024-05-01T08:00:00Z" });
    expect(order).toMatchObject({
      orderKey: "42", orderNumber: "42", status: "awaiting_payment", items: [], orderTotal: null, taxAmount: null,
      shippingAmount: null, currency: "USD", billTo: null, shipTo: null, paymentDate: null,
    });
    expect(order.shipByDate).toBeUndefined();
    expect(order.carrierCode).toBeUndefined();
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("drops a country that is not a two-letter code and reads a province name when there is no code", () => {
    const order = mapShopifyOrder(webOrder({ shipping_address: { address1: "1 Main St", country_code: "", country: "Nowhere", province: "Bavaria", province_code: null } }));
    expect(order.shipTo).toMatchObject({ country: null, state: "Bavaria" });
  });

  it("takes an id too large for a JS number from its exact GraphQL id", () => {
    const order = mapShopifyOrder(webOrder({ id: 820982911946154500, admin_graphql_api_id: "gid://shopify/Order/820982911946154508" }));
    expect(order.orderKey).toBe("820982911946154508");
  });

  it("refuses an order without an id or with an unreadable update time", () => {
    expect(() => mapShopifyOrder({ created_at: "2024-05-01T08:00:00Z", updated_at: "2024-05-01T08:00:00Z" } as unknown as ShopifyOrder)).toThrow(ConnectorError);
    expect(() => mapShopifyOrder(webOrder({ updated_at: "yesterday" }))).toThrow(/updated_at/);
  });
});
