import { describe, expect, it } from "vitest";
import { amazonOrderStatus, mapAmazonOrder } from "@/lib/connectors/amazon/map-order";
import { amazonOrderItemSchema, amazonOrderSchema, getOrdersResponseSchema, parseAmazonPayload } from "@/lib/connectors/amazon/payload";
import { ConnectorError } from "@/lib/connectors/types";
import { normalizedOrderSchema } from "@/lib/orders/schema";
import { amazonFixture, type AmazonFixtureName } from "../../fakes/amazon/orders";

function mapFixture(name: AmazonFixtureName, order: Record<string, unknown> = {}, items?: Record<string, unknown>[]) {
  const entry = amazonFixture(name, order);
  return mapAmazonOrder(amazonOrderSchema.parse(entry.order), (items ?? entry.items).map((item) => amazonOrderItemSchema.parse(item)));
}

describe("amazonOrderStatus", () => {
  it.each([
    ["PendingAvailability", "MFN", "awaiting_payment"],
    ["Pending", "MFN", "awaiting_payment"],
    ["Unshipped", "MFN", "awaiting_shipment"],
    ["PartiallyShipped", "MFN", "awaiting_shipment"],
    ["Shipped", "MFN", "shipped"],
    ["InvoiceUnconfirmed", "MFN", "shipped"],
    ["Canceled", "MFN", "cancelled"],
    ["Unfulfillable", "AFN", "cancelled"],
    ["Pending", "AFN", "awaiting_payment"],
    ["Unshipped", "AFN", "pending_fulfillment"],
    ["PartiallyShipped", "AFN", "pending_fulfillment"],
    ["Shipped", "AFN", "shipped"],
    ["Canceled", "AFN", "cancelled"],
    ["SomethingNew", "MFN", "on_hold"],
  ])("%s (%s) is %s", (orderStatus, channel, expected) => {
    expect(amazonOrderStatus(orderStatus, channel)).toBe(expected);
  });
});

describe("mapAmazonOrder", () => {
  it("maps a seller-fulfilled order: keys, dates, money in cents, address and items", () => {
    const order = mapFixture("mfn-unshipped");
    expect(order).toMatchObject({
      orderKey: "113-4410297-5538642",
      orderNumber: "113-4410297-5538642",
      status: "awaiting_shipment",
      orderDate: Date.UTC(2026, 10, 20, 15, 12, 44),
      channelModifiedAt: Date.UTC(2026, 10, 20, 15, 43, 10),
      shipByDate: Date.UTC(2026, 10, 23, 7, 59, 59),
      customerEmail: "q8j2mnz4lkt7vxc@marketplace.amazon.com",
      customerUsername: "Dana Whitfield",
      orderTotal: 6339,
      amountPaid: 6339,
      taxAmount: 369 + 174,
      shippingAmount: 499,
      currency: "USD",
      requestedShippingService: "Standard",
      paymentMethod: "Standard",
      gift: false,
      shipTo: {
        name: "Dana Whitfield",
        street1: "4417 N Lincoln Ave",
        street2: "Apt 3R",
        city: "Chicago",
        state: "IL",
        postalCode: "60625-2034",
        country: "US",
        phone: "+1 773-555-0142 ext. 40316",
        residential: true,
      },
    });
    expect(order.items).toEqual([
      expect.objectContaining({ lineItemKey: "61725539981402", sku: "MUG-STONE-12OZ", name: "Stoneware Coffee Mug, 12 oz, Speckled Sand", productId: "B0C7QK2M9D", quantity: 2, unitPrice: 1799, taxAmount: 369, shippingAmount: 499 }),
      expect.objectContaining({ lineItemKey: "61725539981426", sku: "COASTER-CORK-4PK", quantity: 1, unitPrice: 1699, taxAmount: 174, shippingAmount: 0 }),
    ]);
    expect(order.extra).toBeUndefined();
  });

  it("marks an Amazon-fulfilled order externally fulfilled, shipped once Amazon shipped it", () => {
    const shipped = mapFixture("afn-shipped");
    expect(shipped.status).toBe("shipped");
    expect(shipped.extra).toEqual({ externallyFulfilled: true, externallyFulfilledBy: "Amazon" });
    expect(shipped.gift).toBe(true);

    const waiting = mapFixture("afn-shipped", { OrderStatus: "Unshipped" });
    expect(waiting.status).toBe("pending_fulfillment");
    expect(waiting.extra).toMatchObject({ externallyFulfilled: true });
  });

  it("keeps what a partial address (no Restricted Data Token) says and leaves the rest unknown", () => {
    const order = mapFixture("afn-shipped");
    expect(order.shipTo).toEqual({ city: "AUSTIN", state: "TX", postalCode: "78704-5521", country: "US" });
    expect(order.customerUsername).toBeUndefined();
  });

  it("reads a commercial address with a company and three street lines, and shipping net of its discount", () => {
    const order = mapFixture("business-partial");
    expect(order.status).toBe("awaiting_shipment");
    expect(order.shipTo).toMatchObject({ company: "Northwind Dental Group", street3: "Attn: Purchasing", residential: false, phone: "+1 714-555-0199" });
    expect(order.shippingAmount).toBe(0);
    expect(order.items?.[0]).toMatchObject({ quantity: 12, unitPrice: 2199, shippingAmount: 1200 });
    expect(order.orderTotal).toBe(28710);
    expect(order.paymentMethod).toBe("Invoice");
  });

  it("maps a cancelled order without a total and notes the buyer's cancellation request", () => {
    const order = mapFixture("canceled");
    expect(order.status).toBe("cancelled");
    expect(order.orderTotal).toBeUndefined();
    expect(order.amountPaid).toBeUndefined();
    expect(order.shipTo).toBeUndefined();
    expect(order.items?.[0]).toMatchObject({ quantity: 0, unitPrice: 0 });
    expect(order.extra).toEqual({ buyerRequestedCancel: true, buyerCancelReason: "Ordered the wrong scent." });
  });

  it("takes the currency from OrderTotal, upper-cases the country and turns a measured weight into ounces", () => {
    const order = mapFixture("uk-grocery");
    expect(order.currency).toBe("GBP");
    expect(order.shipTo?.country).toBe("GB");
    expect(order.shipTo?.state).toBeUndefined();
    expect(order.items?.[0].weightOz).toBe(8.818); // 0.25 kg
    expect(order.taxAmount).toBe(38);
  });

  it("rounds the unit price to the cent when the line does not divide evenly", () => {
    const order = mapFixture("uk-grocery", {}, [{ OrderItemId: "1", Title: "Thirds", QuantityOrdered: 3, ItemPrice: { CurrencyCode: "GBP", Amount: "10.00" } }]);
    expect(order.items?.[0].unitPrice).toBe(333);
  });

  it("reads Pending and pre-orders as awaiting payment, with PaymentMethodDetails as the method", () => {
    expect(mapFixture("pending")).toMatchObject({ status: "awaiting_payment", paymentMethod: "CreditCard, GiftCertificate" });
    expect(mapFixture("pending", { OrderStatus: "PendingAvailability" }).status).toBe("awaiting_payment");
  });

  it("leaves unknown what a minimal order does not say", () => {
    const order = mapAmazonOrder(
      amazonOrderSchema.parse({ AmazonOrderId: "902-0000001-0000001", PurchaseDate: "2026-11-20T10:00:00Z", LastUpdateDate: "2026-11-20T10:05:00Z", OrderStatus: "Unshipped" }),
      [],
    );
    expect(order).toMatchObject({ orderKey: "902-0000001-0000001", status: "awaiting_shipment", items: [] });
    for (const field of ["shipTo", "customerEmail", "orderTotal", "amountPaid", "taxAmount", "shippingAmount", "currency", "shipByDate", "gift", "paymentMethod", "extra", "requestedShippingService"] as const) {
      expect(order[field], field).toBeUndefined();
    }
    expect(normalizedOrderSchema.parse(order).currency).toBe("USD");
  });

  it("names an item without a title by its SKU, then its ASIN", () => {
    const order = mapFixture("mfn-unshipped", {}, [
      { OrderItemId: "1", SellerSKU: "SKU-1", QuantityOrdered: 1 },
      { OrderItemId: "2", ASIN: "B000000002", QuantityOrdered: 1 },
    ]);
    expect(order.items?.map((item) => item.name)).toEqual(["SKU-1", "B000000002"]);
    expect(order.items?.[0].unitPrice).toBe(0);
  });

  it("produces orders the write path accepts, for every fixture", () => {
    for (const name of ["mfn-unshipped", "afn-shipped", "pending", "business-partial", "canceled", "uk-grocery"] as const) {
      expect(normalizedOrderSchema.safeParse(mapFixture(name)).success, name).toBe(true);
    }
  });
});

describe("parseAmazonPayload", () => {
  it("turns a payload Shipdeck cannot read into a ConnectorError that says where", () => {
    const bad = { payload: { Orders: [{ AmazonOrderId: "1", PurchaseDate: "yesterday", LastUpdateDate: "2026-11-20T10:00:00Z", OrderStatus: "Unshipped" }] } };
    try {
      parseAmazonPayload(getOrdersResponseSchema, bad, "a list of orders");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).kind).toBe("bad_response");
      expect((error as Error).message).toContain("payload.Orders.0.PurchaseDate");
    }
  });

  it("refuses an amount that is not a decimal", () => {
    const order = { AmazonOrderId: "1", PurchaseDate: "2026-11-20T10:00:00Z", LastUpdateDate: "2026-11-20T10:00:00Z", OrderStatus: "Unshipped", OrderTotal: { CurrencyCode: "USD", Amount: "$5" } };
    expect(() => parseAmazonPayload(getOrdersResponseSchema, { payload: { Orders: [order] } }, "a list of orders")).toThrow(ConnectorError);
  });
});
