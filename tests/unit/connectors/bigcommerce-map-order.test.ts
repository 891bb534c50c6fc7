import { describe, expect, it } from "vitest";
import { bigcommerceStatus, bigcommerceWeightUnit, mapBigCommerceOrder, type BigCommerceOrderParts } from "@/lib/connectors/bigcommerce/map-order";
import { bigcommerceOrderSchema, bigcommerceProductSchema, bigcommerceShippingAddressSchema, parseCollection } from "@/lib/connectors/bigcommerce/payload";
import { ConnectorError } from "@/lib/connectors/types";
import { normalizedOrderSchema } from "@/lib/orders/schema";
import orderFixture from "../../fakes/bigcommerce/fixtures/order.json" with { type: "json" };
import productsFixture from "../../fakes/bigcommerce/fixtures/products.json" with { type: "json" };
import shippingFixture from "../../fakes/bigcommerce/fixtures/shipping-addresses.json" with { type: "json" };

/** The fake store's fixture order, as the connector would have parsed it, with fields replaced. */
function parts(order: Record<string, unknown> = {}, extra: { products?: Record<string, unknown>[]; shippingAddresses?: Record<string, unknown>[] } = {}): BigCommerceOrderParts {
  const raw = { ...orderFixture, id: 2041, date_created: "Mon, 06 May 2024 14:02:11 +0000", date_modified: "Mon, 06 May 2024 15:30:45 +0000", ...order };
  return {
    order: parseCollection([raw], bigcommerceOrderSchema, "orders")[0],
    products: parseCollection(extra.products ?? productsFixture.map((product, index) => ({ ...product, id: 501 + index, order_id: 2041 })), bigcommerceProductSchema, "products"),
    shippingAddresses: parseCollection(extra.shippingAddresses ?? shippingFixture.map((address) => ({ ...address, id: 77, order_id: 2041 })), bigcommerceShippingAddressSchema, "addresses"),
  };
}

const map = (order: Record<string, unknown> = {}, extra: Parameters<typeof parts>[1] = {}, unit?: Parameters<typeof mapBigCommerceOrder>[1]) => {
  const mapped = mapBigCommerceOrder(parts(order, extra), unit);
  if (!mapped) throw new Error("expected an order");
  return mapped;
};

describe("mapBigCommerceOrder", () => {
  it("maps a paid order awaiting fulfillment with its products and shipping address", () => {
    const order = map();
    expect(order).toEqual({
      orderKey: "2041",
      orderNumber: "2041",
      status: "awaiting_shipment",
      orderDate: Date.UTC(2024, 4, 6, 14, 2, 11),
      shipDate: null,
      customerEmail: "maya.okafor@example.net",
      billTo: { name: "Maya Okafor", company: null, street1: "2210 NE Alberta St", street2: "Apt 4", city: "Portland", state: "Oregon", postalCode: "97211", country: "US", phone: "503-555-0142" },
      shipTo: { name: "Daniel Okafor", company: "Northlight Studio", street1: "415 SE Water Ave", street2: "Suite 210", city: "Portland", state: "Oregon", postalCode: "97214", country: "US", phone: "503-555-0177" },
      requestedShippingService: "UPS Ground",
      items: [
        { lineItemKey: "501", sku: "DRIP-STN-02", name: "Stoneware Pour-Over Dripper", quantity: 2, unitPrice: 3031, weightOz: 13.6, options: [{ name: "Glaze", value: "Speckled Oat" }], productId: "112", upc: "840123400218", adjustment: false },
        { lineItemKey: "502", sku: "FLT-100-UB", name: "Unbleached Paper Filters (100)", quantity: 1, unitPrice: 866, weightOz: 4, options: null, productId: "87", upc: null, adjustment: false },
      ],
      orderTotal: 7848,
      amountPaid: 7848,
      taxAmount: 598,
      shippingAmount: 920,
      currency: "USD",
      weightOz: 31.2,
      customerNotes: "Please leave it with the front desk.",
      paymentMethod: "Credit Card",
      channelModifiedAt: Date.UTC(2024, 4, 6, 15, 30, 45),
    });
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it.each([
    [1, "awaiting_payment"],
    [2, "shipped"],
    [3, "awaiting_shipment"],
    [4, "cancelled"],
    [5, "cancelled"],
    [6, "cancelled"],
    [7, "awaiting_payment"],
    [8, "awaiting_shipment"],
    [9, "awaiting_shipment"],
    [10, "shipped"],
    [11, "awaiting_shipment"],
    [12, "on_hold"],
    [13, "on_hold"],
    [14, "awaiting_shipment"],
  ] as const)("maps status_id %i to %s", (statusId, status) => {
    expect(bigcommerceStatus(statusId)).toBe(status);
    expect(map({ status_id: statusId }).status).toBe(status);
  });

  it("does not import an Incomplete checkout (status_id 0)", () => {
    expect(bigcommerceStatus(0)).toBeNull();
    expect(mapBigCommerceOrder(parts({ status_id: 0 }))).toBeNull();
  });

  it("holds an order whose status BigCommerce added later instead of guessing", () => {
    expect(map({ status_id: 42 }).status).toBe("on_hold");
  });

  it("reads a cancelled order as cancelled, keeping its amounts", () => {
    const order = map({ status_id: 5, status: "Cancelled", payment_status: "void" });
    expect(order.status).toBe("cancelled");
    expect(order.orderTotal).toBe(7848);
    expect(order.amountPaid).toBe(0);
  });

  it("counts the order as paid from payment_status, or from the status when there is none", () => {
    expect(map({ payment_status: "authorized" }).amountPaid).toBe(7848);
    expect(map({ payment_status: "pending", status_id: 7 }).amountPaid).toBe(0);
    expect(map({ payment_status: "", status_id: 11 }).amountPaid).toBe(7848);
    expect(map({ payment_status: "", status_id: 1 }).amountPaid).toBe(0);
    expect(map({ total_inc_tax: undefined }).amountPaid).toBeUndefined();
  });

  it("turns decimal strings and numbers into exact cents", () => {
    const order = map({ total_inc_tax: "19.9900", total_tax: 1.005, shipping_cost_inc_tax: "0.0000" });
    expect([order.orderTotal, order.taxAmount, order.shippingAmount]).toEqual([1999, 101, 0]);
  });

  it("prices an item at base_price when price_inc_tax is missing, and at 0 when both are", () => {
    const order = map({}, { products: [{ ...productsFixture[0], id: 1, price_inc_tax: null }, { ...productsFixture[1], id: 2, price_inc_tax: undefined, base_price: undefined }] });
    expect(order.items?.map((item) => item.unitPrice)).toEqual([2800, 0]);
  });

  it("converts weights from the store's unit to ounces", () => {
    expect(map({}, {}, "grams").items?.[0].weightOz).toBeCloseTo(0.03, 3);
    expect(map({}, {}, "kilograms").items?.[0].weightOz).toBe(29.983);
    expect(map({}, {}, "ounces").weightOz).toBe(1.95);
    expect(map({}, { products: [{ ...productsFixture[0], id: 1, weight: null }] }).weightOz).toBeUndefined();
  });

  it("reads BigCommerce's weight unit names, pounds when unsaid", () => {
    expect([undefined, "", "LBS", "pounds", "Ounces", "oz", "Grams", "KGS", "kilograms"].map(bigcommerceWeightUnit)).toEqual([
      "pounds",
      "pounds",
      "pounds",
      "pounds",
      "ounces",
      "ounces",
      "grams",
      "kilograms",
      "kilograms",
    ]);
  });

  it("reads RFC-2822 and ISO dates, and the ship date once there is one", () => {
    const order = map({ status_id: 2, date_shipped: "Tue, 07 May 2024 09:15:00 +0000", date_created: "2024-05-06T07:02:11-07:00" });
    expect(order.shipDate).toBe(Date.UTC(2024, 4, 7, 9, 15, 0));
    expect(order.orderDate).toBe(Date.UTC(2024, 4, 6, 14, 2, 11));
  });

  it("takes the transactional currency, which the amounts are in", () => {
    expect(map({ currency_code: "EUR", default_currency_code: "GBP" }).currency).toBe("GBP");
    expect(map({ currency_code: "eur", default_currency_code: "" }).currency).toBe("EUR");
  });

  it("leaves out what the order does not say", () => {
    const order = map(
      { billing_address: null, customer_message: "  ", payment_method: "", date_shipped: "" },
      { products: [], shippingAddresses: [] },
    );
    expect(order).toMatchObject({ billTo: null, shipTo: null, customerEmail: null, customerNotes: null, paymentMethod: null, requestedShippingService: null, shipDate: null, items: [] });
    expect(order.weightOz).toBeUndefined();
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("drops BigCommerce's placeholder shipping method and an address's blank country", () => {
    const order = map({}, { shippingAddresses: [{ ...shippingFixture[0], id: 9, shipping_method: "None", country_iso2: "", company: "" }] });
    expect(order.requestedShippingService).toBeNull();
    expect(order.shipTo).toMatchObject({ country: null, company: null });
  });

  it("ships to the first of several shipping addresses", () => {
    const second = { ...shippingFixture[0], id: 10, first_name: "Ada", last_name: "Lind", shipping_method: "USPS Priority" };
    const order = map({}, { shippingAddresses: [{ ...shippingFixture[0], id: 9 }, second] });
    expect(order.shipTo?.name).toBe("Daniel Okafor");
    expect(order.requestedShippingService).toBe("UPS Ground");
  });

  it.each([
    ["an unreadable date", { date_modified: "yesterday-ish" }, /date_modified/],
    ["an unreadable amount", { total_inc_tax: "12,34,5.x" }, /total_inc_tax/],
  ])("refuses %s with a ConnectorError naming the field", (_case, fields, message) => {
    expect(() => map(fields)).toThrow(ConnectorError);
    expect(() => map(fields)).toThrow(message);
  });

  it("refuses an unreadable item weight", () => {
    expect(() => map({}, { products: [{ ...productsFixture[0], id: 1, weight: "heavy" }] })).toThrow(/weight/);
  });
});
