import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import { normalizedOrderSchema } from "@/lib/orders/schema";
import { decimalToCents } from "@/lib/money";
import { ouncesOf, shipStationOrderInputSchema, toNormalizedOrder } from "@/lib/orders/shipstation-order";

const LA = "America/Los_Angeles";

/** ShipStation's own createorder example, as a custom store would send it. */
function createOrderBody(overrides: Record<string, unknown> = {}) {
  return {
    orderNumber: "TEST-ORDER-API-DOCS",
    orderKey: "0f6bec18-3e89-4881-83aa-f392d84f4c74",
    orderDate: "2026-11-26T08:46:27.0000000",
    paymentDate: "2026-11-26T08:46:27.0000000",
    shipByDate: "2026-11-30T00:00:00.0000000",
    orderStatus: "awaiting_shipment",
    customerId: 37701499,
    customerUsername: "headhoncho@whitehouse.gov",
    customerEmail: "headhoncho@whitehouse.gov",
    billTo: { name: "The President", company: null, street1: null, street2: null, street3: null, city: null, state: null, postalCode: null, country: null, phone: null, residential: null },
    shipTo: {
      name: "The President",
      company: "US Govt",
      street1: "1600 Pennsylvania Ave",
      street2: "Oval Office",
      street3: null,
      city: "Washington",
      state: "DC",
      postalCode: "20500",
      country: "us",
      phone: "555-555-5555",
      residential: true,
      addressVerified: "Address validated successfully",
    },
    items: [
      {
        orderItemId: 1,
        lineItemKey: "vd08-MSLbtx",
        sku: "ABC123",
        name: "Test item #1",
        imageUrl: null,
        weight: { value: 24, units: "ounces", WeightUnits: 1 },
        quantity: 2,
        unitPrice: 99.99,
        taxAmount: 2.5,
        shippingAmount: 5,
        warehouseLocation: "Aisle 1, Bin 7",
        options: [{ name: "Size", value: "Large" }],
        productId: 123456,
        fulfillmentSku: null,
        adjustment: false,
        upc: "32-65-98",
        createDate: "2026-11-26T08:46:27.0000000",
      },
      { lineItemKey: null, sku: "DISCOUNT CODE", name: "10% OFF", quantity: 1, unitPrice: -20.55, adjustment: true },
    ],
    amountPaid: 218.73,
    taxAmount: 5,
    shippingAmount: 10,
    customerNotes: "Please ship as soon as possible!",
    internalNotes: "Customer called and would like to upgrade shipping",
    gift: true,
    giftMessage: "Thank you!",
    paymentMethod: "Credit Card",
    requestedShippingService: "Priority Mail",
    carrierCode: "fedex",
    serviceCode: "fedex_2day",
    packageCode: "package",
    confirmation: "delivery",
    shipDate: "2026-11-27",
    weight: { value: 25, units: "ounces" },
    dimensions: { units: "inches", length: 7, width: 5, height: 6 },
    insuranceOptions: { provider: "carrier", insureShipment: true, insuredValue: 200 },
    internationalOptions: { contents: null, customsItems: null },
    advancedOptions: {
      warehouseId: 98765,
      nonMachinable: false,
      saturdayDelivery: false,
      containsAlcohol: false,
      mergedOrSplit: false,
      mergedIds: [],
      parentId: null,
      storeId: 12345,
      customField1: "Custom data that you can add to an order. See Custom Field #2 & #3 for more info!",
      customField2: "Per UI settings, this information can appear on some carrier's shipping labels. See link below",
      customField3: "https://help.shipstation.com/hc/en-us/articles/206639957",
      source: "Webstore",
      billToParty: null,
      billToAccount: null,
      billToPostalCode: null,
      billToCountryCode: null,
    },
    tagIds: [53974],
    ...overrides,
  };
}

/** The least createorder accepts: number, date, status and both addresses. */
function minimalBody(overrides: Record<string, unknown> = {}) {
  return { orderNumber: "1001", orderDate: "2026-11-26 14:30:00", orderStatus: "awaiting_payment", billTo: {}, shipTo: {}, ...overrides };
}

function normalize(body: Record<string, unknown>, timeZone = LA) {
  return toNormalizedOrder(shipStationOrderInputSchema.parse(body), { timeZone, orderKey: "key-1" });
}

function errorsOf(body: unknown) {
  const result = shipStationOrderInputSchema.safeParse(body);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error!.issues);
}

describe("toNormalizedOrder", () => {
  it("turns ShipStation's example order into one the write path accepts", () => {
    const order = normalize(createOrderBody());

    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
    expect(order).toMatchObject({
      orderKey: "key-1",
      orderNumber: "TEST-ORDER-API-DOCS",
      status: "awaiting_shipment",
      orderDate: Date.UTC(2026, 10, 26, 16, 46, 27),
      shipByDate: Date.UTC(2026, 10, 30, 8),
      shipDate: Date.UTC(2026, 10, 27, 8),
      holdUntilDate: null,
      shipTo: { name: "The President", street2: "Oval Office", country: "US", residential: true },
      amountPaid: 21873,
      taxAmount: 500,
      shippingAmount: 1000,
      orderTotal: null,
      weightOz: 25,
      dimensions: { units: "inches", length: 7, width: 5, height: 6 },
      confirmation: "delivery",
      gift: true,
      customField1: expect.stringMatching(/^Custom data/),
      customField3: "https://help.shipstation.com/hc/en-us/articles/206639957",
      source: "Webstore",
    });
    expect(order.items).toEqual([
      {
        lineItemKey: "vd08-MSLbtx", sku: "ABC123", name: "Test item #1", imageUrl: null, weightOz: 24, quantity: 2, unitPrice: 9999,
        taxAmount: 250, shippingAmount: 500, warehouseLocation: "Aisle 1, Bin 7", options: [{ name: "Size", value: "Large" }],
        productId: "123456", fulfillmentSku: null, adjustment: false, upc: "32-65-98",
      },
      {
        lineItemKey: null, sku: "DISCOUNT CODE", name: "10% OFF", imageUrl: null, weightOz: null, quantity: 1, unitPrice: -2055,
        taxAmount: null, shippingAmount: null, warehouseLocation: null, options: null, productId: null, fulfillmentSku: null, adjustment: true, upc: null,
      },
    ]);
  });

  it("keeps ShipStation's options without a column in `extra`, under their names, leaving out defaults and read-only fields", () => {
    const order = normalize(createOrderBody());

    expect(order.extra).toEqual({
      insuranceOptions: { provider: "carrier", insureShipment: true, insuredValue: 200 },
      advancedOptions: { warehouseId: 98765 },
      tagIds: [53974],
    });
  });

  it("keeps customs declarations and third-party billing", () => {
    const order = normalize(minimalBody({
      internationalOptions: {
        contents: "merchandise",
        nonDelivery: "return_to_sender",
        customsItems: [{ description: "Wool scarf", quantity: 2, value: 24.5, harmonizedTariffCode: "6117.10", countryOfOrigin: "gb" }],
      },
      advancedOptions: { billToParty: "third_party", billToAccount: "A1B2C3", billToPostalCode: "10001", billToCountryCode: "us", saturdayDelivery: true },
    }));

    expect(order.extra).toEqual({
      internationalOptions: {
        contents: "merchandise",
        customsItems: [{ description: "Wool scarf", quantity: 2, value: 24.5, harmonizedTariffCode: "6117.10", countryOfOrigin: "GB" }],
        nonDelivery: "return_to_sender",
      },
      advancedOptions: { saturdayDelivery: true, billToParty: "third_party", billToAccount: "A1B2C3", billToPostalCode: "10001", billToCountryCode: "US" },
    });
  });

  it("replaces the whole order: every field the body leaves out is cleared, and no items means none", () => {
    const order = normalize(minimalBody());

    const unset = Object.entries(order).filter(([, value]) => value === undefined);
    expect(unset).toEqual([]);
    expect(order).toMatchObject({
      paymentDate: null, shipByDate: null, shipDate: null, holdUntilDate: null, customerEmail: null, customerNotes: null,
      internalNotes: null, amountPaid: null, taxAmount: null, shippingAmount: null, weightOz: null, dimensions: null,
      confirmation: null, gift: null, customField1: null, source: null, extra: null, items: [],
    });
    expect(order.billTo).toEqual({ name: null, company: null, street1: null, street2: null, street3: null, city: null, state: null, postalCode: null, country: null, phone: null, residential: null });
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("reads dates without an offset in the workspace's zone, and explicit offsets as given", () => {
    const july = normalize(minimalBody({ orderDate: "2026-07-01 10:00:00", paymentDate: "2026-07-01T10:00:00-04:00" }));
    expect(july.orderDate).toBe(Date.UTC(2026, 6, 1, 17));
    expect(july.paymentDate).toBe(Date.UTC(2026, 6, 1, 14));

    const december = normalize(minimalBody({ orderDate: "2026-12-01 10:00:00", holdUntilDate: "2026-12-05" }));
    expect(december.orderDate).toBe(Date.UTC(2026, 11, 1, 18));
    expect(december.holdUntilDate).toBe(Date.UTC(2026, 11, 5, 8));

    expect(normalize(minimalBody({ orderDate: "2026-12-01 10:00:00" }), "Europe/Paris").orderDate).toBe(Date.UTC(2026, 11, 1, 9));
  });

  it("reads an empty optional date or amount as not given, as ShipStation does", () => {
    const order = normalize(minimalBody({ paymentDate: "", amountPaid: "" }));

    expect(order).toMatchObject({ paymentDate: null, amountPaid: null });
  });

  it("takes numbers sent as text and text sent as numbers", () => {
    const order = normalize(minimalBody({ orderNumber: 1001, amountPaid: "19.99", shipTo: { postalCode: 20500 }, items: [{ name: "Mug", quantity: "2", unitPrice: "12.50", productId: "SKU-9" }] }));

    expect(order).toMatchObject({ orderNumber: "1001", amountPaid: 1999, shipTo: { postalCode: "20500" } });
    expect(order.items![0]).toMatchObject({ quantity: 2, unitPrice: 1250, productId: "SKU-9" });
  });

  it("ignores keys ShipStation does not know, and its read-only ones", () => {
    const parsed = shipStationOrderInputSchema.parse(
      minimalBody({ storeName: "Webstore", orderTotal: 999, shipTo: { addressVerified: "Address validated successfully", county: "X" }, items: [{ name: "Mug", quantity: 1, orderItemId: 5, createDate: "yesterday" }] }),
    );

    expect(parsed).not.toHaveProperty("storeName");
    expect(parsed).not.toHaveProperty("orderTotal");
    expect(parsed.shipTo).toEqual({});
    expect(parsed.items![0]).toEqual({ name: "Mug", quantity: 1 });
  });
});

describe("decimalToCents", () => {
  it.each([
    [19.99, 1999],
    [0.1, 10],
    [0.1 + 0.2, 30],
    [1234.5, 123450],
    [10.005, 1001],
    [1.005, 101],
    [0.015, 2],
    [0.004, 0],
    [-10.005, -1001],
    [-0.001, 0],
    [1e-7, 0],
    [999_999_999.99, 99_999_999_999],
    [0, 0],
  ])("%d is %d cents", (amount, cents) => {
    expect(decimalToCents(amount)).toBe(cents);
  });

  it("gives the cents a shopper saw, for every two-decimal price", () => {
    const wrong: number[] = [];
    for (let cents = 0; cents < 200_000; cents += 1) if (decimalToCents(cents / 100) !== cents || decimalToCents(-cents / 100) !== -cents) wrong.push(cents);
    expect(wrong).toEqual([]);
  });
});

describe("ouncesOf", () => {
  it("converts pounds and grams to ounces, and keeps ounces", () => {
    expect(ouncesOf({ value: 2, units: "pounds" })).toBe(32);
    expect(ouncesOf({ value: 500, units: "grams" })).toBeCloseTo(17.637, 3);
    expect(ouncesOf({ value: 12.5, units: "ounces" })).toBe(12.5);
    expect(ouncesOf(null)).toBeNull();
  });

  it("gives each item's weight per unit, as ShipStation sends it", () => {
    const order = normalize(minimalBody({ weight: { value: 2, units: "pounds" }, items: [{ name: "Tea", quantity: 3, weight: { value: 500, units: "grams" } }] }));

    expect(order.weightOz).toBe(32);
    expect(order.items![0].weightOz).toBeCloseTo(17.637, 3);
  });
});

describe("shipStationOrderInputSchema errors", () => {
  it("names a missing order number", () => {
    const { orderNumber: _, ...body } = minimalBody();
    expect(errorsOf(body)).toEqual({ orderNumber: ["Required"] });
    expect(errorsOf(minimalBody({ orderNumber: "  " }))).toEqual({ orderNumber: ["Required"] });
  });

  it("names a status ShipStation does not have and lists the ones it does", () => {
    expect(errorsOf(minimalBody({ orderStatus: "open" }))).toEqual({
      orderStatus: ["Use one of: awaiting_payment, awaiting_shipment, pending_fulfillment, on_hold, shipped, cancelled"],
    });
  });

  it("names a country that is not a two-letter code, and upper-cases one that is", () => {
    expect(errorsOf(minimalBody({ shipTo: { country: "USA" } }))).toEqual({ "shipTo.country": ["Not a country Shipdeck knows; use its two-letter ISO code (US, CA, GB, DE…)"] });
    expect(shipStationOrderInputSchema.parse(minimalBody({ billTo: { country: "ca" } })).billTo.country).toBe("CA");
  });

  it("names a date it cannot read and says which forms to use", () => {
    expect(errorsOf(minimalBody({ orderDate: "11/26/2026" }))).toEqual({ orderDate: ["Use ISO 8601 (2026-11-26T14:30:00-08:00) or yyyy-MM-dd HH:mm:ss"] });
    expect(errorsOf(minimalBody({ shipByDate: "2026-11-31" })).shipByDate[0]).toMatch(/^Use ISO 8601 .* does not exist$/);
    expect(errorsOf(minimalBody({ orderDate: undefined }))).toEqual({ orderDate: ["Required"] });
  });

  it("names the item and field that are wrong", () => {
    const errors = errorsOf(minimalBody({ items: [{ name: "Mug", quantity: 1 }, { quantity: 1.5, unitPrice: "free", weight: { value: 1, units: "kilograms" } }] }));

    expect(errors).toEqual({
      "items.1.name": ["Required"],
      "items.1.quantity": ["Use a whole number from 1 to 1,000,000"],
      "items.1.unitPrice": ["Expected a number"],
      "items.1.weight.units": ["Use one of: pounds, ounces, grams"],
    });
  });

  it("requires both addresses and refuses negative amounts", () => {
    const { billTo: _, ...body } = minimalBody({ shipTo: "1600 Pennsylvania Ave", amountPaid: -5, confirmation: "yes" });

    expect(errorsOf(body)).toEqual({
      billTo: ["Required"],
      shipTo: ["Expected an object"],
      amountPaid: ["Use an amount of 0 or more"],
      confirmation: ["Use one of: none, delivery, signature, adult_signature, direct_signature"],
    });
  });
});
