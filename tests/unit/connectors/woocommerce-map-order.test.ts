import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeEntities, mapWooCommerceOrder, mapWooCommerceStatus, parseWooGmtDate, WooOrderShapeError, type WooOrder } from "@/lib/connectors/woocommerce/map-order";
import { normalizedOrderSchema } from "@/lib/orders/schema";

/**
 * WooCommerce's documented "Retrieve an order" response, byte for byte (woocommerce-rest-api-docs
 * @ 13d6196, _orders.md): an order from WooCommerce 3.0, before line-item meta had display keys.
 */
const documented = JSON.parse(readFileSync(new URL("./woocommerce-documented-order-727.json", import.meta.url), "utf8")) as WooOrder;

/** A current WooCommerce order (8.x shape: display_key/display_value, image, shipping phone). */
function order(overrides: Partial<WooOrder> = {}): WooOrder {
  return {
    id: 4121,
    number: "4121",
    status: "processing",
    currency: "usd",
    date_created_gmt: "2025-05-06T18:02:11",
    date_modified_gmt: "2025-05-06T18:04:30",
    date_paid_gmt: "2025-05-06T18:02:15",
    date_completed_gmt: null,
    shipping_total: "7.95",
    total: "51.32",
    total_tax: "3.42",
    customer_note: "",
    billing: { first_name: "Maren", last_name: "Okafor", company: "", address_1: "2210 Alder Street", address_2: "", city: "Portland", state: "OR", postcode: "97205", country: "US", email: "maren@example.net", phone: "503-555-0148" },
    shipping: { first_name: "Maren", last_name: "Okafor", company: "Lumen Studio", address_1: "88 SE Water Avenue", address_2: "Suite 300", city: "Portland", state: "OR", postcode: "97214", country: "US", phone: "" },
    payment_method_title: "Credit Card (Stripe)",
    line_items: [
      {
        id: 77,
        name: "Pour-Over Set &ndash; Glaze: Slate",
        product_id: 311,
        variation_id: 318,
        quantity: 3,
        total: "87.00",
        total_tax: "6.96",
        sku: "POUR-SET-SLT",
        price: 29,
        image: { id: 412, src: "https://shop.example.com/pour-over.jpg" },
        meta_data: [
          { id: 1, key: "pa_glaze", value: "slate", display_key: "Glaze", display_value: "Slate" },
          { id: 2, key: "_reduced_stock", value: "3", display_key: "_reduced_stock", display_value: "3" },
          { id: 3, key: "gift_wrap", value: { style: "kraft" }, display_key: "Gift wrap", display_value: { style: "kraft" } },
        ],
      },
    ],
    shipping_lines: [{ method_title: "USPS Priority Mail" }],
    ...overrides,
  };
}

describe("mapWooCommerceStatus", () => {
  it.each([
    ["pending", "awaiting_payment"],
    ["on-hold", "on_hold"],
    ["processing", "awaiting_shipment"],
    ["completed", "shipped"],
    ["cancelled", "cancelled"],
    ["refunded", "cancelled"],
    ["failed", "cancelled"],
    ["partial-shipped", "on_hold"],
  ])("maps %s to %s", (status, expected) => {
    expect(mapWooCommerceStatus(status)).toBe(expected);
  });

  it("skips checkout drafts: carts the block checkout saved, not orders yet", () => {
    expect(mapWooCommerceStatus("checkout-draft")).toBeNull();
    expect(mapWooCommerceOrder(order({ status: "checkout-draft" }))).toBeNull();
  });
});

describe("mapWooCommerceOrder", () => {
  it("maps WooCommerce's documented example order", () => {
    const mapped = mapWooCommerceOrder(documented)!;
    expect(normalizedOrderSchema.safeParse(mapped).success).toBe(true);
    expect(mapped).toMatchObject({
      orderKey: "727",
      orderNumber: "727",
      status: "awaiting_shipment",
      // The _gmt fields, read as UTC (the site-local ones are three hours behind).
      orderDate: Date.UTC(2017, 2, 22, 19, 28, 2),
      paymentDate: Date.UTC(2017, 2, 22, 19, 28, 8),
      channelModifiedAt: Date.UTC(2017, 2, 22, 19, 28, 8),
      customerEmail: "john.doe@example.com",
      orderTotal: 2935,
      amountPaid: 2935,
      taxAmount: 135,
      shippingAmount: 1000,
      currency: "USD",
      requestedShippingService: "Flat Rate",
      paymentMethod: "Direct Bank Transfer",
      customerNotes: null,
    });
    expect(mapped.billTo).toEqual({
      name: "John Doe", company: null, street1: "969 Market", street2: null, city: "San Francisco",
      state: "CA", postalCode: "94103", country: "US", phone: "(555) 555-5555",
    });
    // The documented shipping address has no phone: the billing phone is the one carriers can call.
    expect(mapped.shipTo).toMatchObject({ name: "John Doe", street1: "969 Market", phone: "(555) 555-5555" });
    expect(mapped.items).toEqual([
      { lineItemKey: "315", sku: null, name: "Woo Single #1", imageUrl: null, quantity: 2, unitPrice: 300, taxAmount: 45, productId: "93", options: null, adjustment: false },
      // 3.0-era meta has no display keys, so nothing is shown as an option.
      { lineItemKey: "316", sku: "Bar3", name: "Ship Your Idea – Color: Black, Size: M Test", imageUrl: null, quantity: 1, unitPrice: 1200, taxAmount: 90, productId: "23", options: null, adjustment: false },
    ]);
  });

  it("reads items: price to cents, displayable options only, image, variation as product", () => {
    const [item] = mapWooCommerceOrder(order())!.items!;
    expect(item).toMatchObject({
      lineItemKey: "77",
      sku: "POUR-SET-SLT",
      name: "Pour-Over Set – Glaze: Slate",
      quantity: 3,
      unitPrice: 2900,
      taxAmount: 696,
      productId: "318",
      imageUrl: "https://shop.example.com/pour-over.jpg",
      options: [{ name: "Glaze", value: "Slate" }],
    });
    expect(item.weightOz).toBeUndefined();
  });

  it("rounds a fractional price and falls back to total / quantity when price is absent", () => {
    const [line] = order().line_items!;
    const third = mapWooCommerceOrder(order({ line_items: [{ ...line, price: 10 / 3 }] }))!;
    expect(third.items![0].unitPrice).toBe(333);
    const noPrice = mapWooCommerceOrder(order({ line_items: [{ ...line, price: undefined, total: "19.99", quantity: 1 }] }))!;
    expect(noPrice.items![0].unitPrice).toBe(1999);
  });

  it("keeps money exact in cents", () => {
    const mapped = mapWooCommerceOrder(order({ total: "1234.57", total_tax: "0.10", shipping_total: "0.29" }))!;
    expect(mapped).toMatchObject({ orderTotal: 123457, taxAmount: 10, shippingAmount: 29 });
  });

  it("uses the merchant-facing number, which sequential-number plugins change", () => {
    expect(mapWooCommerceOrder(order({ number: "WC-2025-0042" }))).toMatchObject({ orderKey: "4121", orderNumber: "WC-2025-0042" });
  });

  it("marks a cancelled, refunded or failed order cancelled", () => {
    for (const status of ["cancelled", "refunded", "failed"]) expect(mapWooCommerceOrder(order({ status }))!.status).toBe("cancelled");
  });

  it("gives a completed order its completion time as ship date", () => {
    const mapped = mapWooCommerceOrder(order({ status: "completed", date_completed_gmt: "2025-05-07T09:00:00" }))!;
    expect(mapped).toMatchObject({ status: "shipped", shipDate: Date.UTC(2025, 4, 7, 9) });
  });

  it("leaves an unpaid order without payment date or amount paid", () => {
    const mapped = mapWooCommerceOrder(order({ status: "pending", date_paid_gmt: null }))!;
    expect(mapped).toMatchObject({ status: "awaiting_payment", paymentDate: null, amountPaid: 0 });
  });

  it("copes with missing optional fields", () => {
    const bare: WooOrder = { id: 9, status: "on-hold", date_modified_gmt: "2025-05-06T18:04:30" };
    const mapped = mapWooCommerceOrder(bare)!;
    expect(normalizedOrderSchema.safeParse(mapped).success).toBe(true);
    expect(mapped).toMatchObject({
      orderKey: "9", orderNumber: "9", status: "on_hold", orderDate: Date.UTC(2025, 4, 6, 18, 4, 30),
      billTo: null, shipTo: null, items: [], orderTotal: null, currency: undefined, requestedShippingService: null,
    });
    expect(mapped.weightOz).toBeUndefined();
  });

  it("ships to the billing address when a shipped order has no shipping address, and nowhere when nothing ships", () => {
    const empty = { first_name: "", last_name: "", company: "", address_1: "", address_2: "", city: "", state: "", postcode: "", country: "" };
    const shipped = mapWooCommerceOrder(order({ shipping: empty }))!;
    expect(shipped.shipTo).toEqual(shipped.billTo);
    const virtual = mapWooCommerceOrder(order({ shipping: empty, shipping_lines: [] }))!;
    expect(virtual.shipTo).toBeNull();
  });

  it("keeps the shipping phone when there is one, and drops a country that is not an ISO code", () => {
    const mapped = mapWooCommerceOrder(order({ shipping: { ...order().shipping, phone: "503-555-0199", country: "United States" } }))!;
    expect(mapped.shipTo).toMatchObject({ phone: "503-555-0199", country: null, company: "Lumen Studio", street2: "Suite 300" });
  });

  it("refuses an order it cannot place in time", () => {
    expect(() => mapWooCommerceOrder(order({ date_modified_gmt: null }))).toThrow(WooOrderShapeError);
    expect(() => mapWooCommerceOrder({ status: "processing" } as WooOrder)).toThrow(WooOrderShapeError);
  });
});

describe("parseWooGmtDate", () => {
  it("reads offset-less GMT dates as UTC and respects an explicit zone", () => {
    expect(parseWooGmtDate("2017-03-22T19:28:02")).toBe(Date.UTC(2017, 2, 22, 19, 28, 2));
    expect(parseWooGmtDate("2017-03-22T19:28:02Z")).toBe(Date.UTC(2017, 2, 22, 19, 28, 2));
    expect(parseWooGmtDate("2017-03-22T19:28:02+02:00")).toBe(Date.UTC(2017, 2, 22, 17, 28, 2));
    expect(parseWooGmtDate(null)).toBeNull();
    expect(parseWooGmtDate("not a date")).toBeNull();
  });
});

describe("decodeEntities", () => {
  it("decodes what WordPress escapes in titles", () => {
    expect(decodeEntities("Gagnon &amp; Fils &#8211; &#x2014; &ndash; &bogus;")).toBe("Gagnon & Fils – — – &bogus;");
  });
});
