import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { importOrders } from "@/lib/orders/import-orders";
import { shipStationOrderInputSchema, toNormalizedOrder, toShipStationOrder } from "@/lib/orders/shipstation-order";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const LA = "America/Los_Angeles";
const CREATED_AT = Date.UTC(2026, 10, 26, 22, 0, 0);
const UPDATED_AT = Date.UTC(2026, 10, 27, 18, 15, 0);

/** A custom store's createorder body, with something in every part of the Order. */
function body(overrides: Record<string, unknown> = {}) {
  return {
    orderNumber: "WEB-1042",
    orderKey: "web-1042",
    orderDate: "2026-11-26 14:30:00",
    paymentDate: "2026-11-26T14:31:05-08:00",
    orderStatus: "awaiting_shipment",
    customerUsername: "ada",
    customerEmail: "ada@example.com",
    billTo: { name: "Ada Lovelace", country: "gb" },
    shipTo: { name: "Ada Lovelace", company: "Analytical Engines", street1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB", phone: "+44 20 7946 0000", residential: false },
    items: [
      { lineItemKey: "li-1", sku: "MUG-BLUE", name: "Blue enamel mug", quantity: 2, unitPrice: 12.5, weight: { value: 0.75, units: "pounds" }, options: [{ name: "Colour", value: "Blue" }], productId: 98765 },
      { lineItemKey: "li-2", sku: "TEA-EARL", name: "Earl Grey tea, 100 g", quantity: 1, unitPrice: 8.99, taxAmount: 0.72, weight: { value: 100, units: "grams" }, productId: "007", upc: "0123456789012" },
    ],
    amountPaid: 42.73,
    taxAmount: 2.75,
    shippingAmount: 5.99,
    customerNotes: "Leave with the porter",
    internalNotes: "Gift wrap",
    gift: true,
    giftMessage: "Happy birthday",
    paymentMethod: "Credit Card",
    requestedShippingService: "Royal Mail Tracked 48",
    carrierCode: "royal_mail",
    serviceCode: "royal_mail_tracked_48",
    packageCode: "package",
    confirmation: "signature",
    shipByDate: "2026-11-30",
    weight: { value: 2, units: "pounds" },
    dimensions: { units: "centimeters", length: 30, width: 20, height: 10 },
    insuranceOptions: { provider: "carrier", insureShipment: true, insuredValue: 42.73 },
    internationalOptions: { contents: "merchandise", nonDelivery: "return_to_sender", customsItems: [{ description: "Mug", quantity: 2, value: 12.5, harmonizedTariffCode: "6912.00", countryOfOrigin: "CN" }] },
    advancedOptions: { warehouseId: 7, containsAlcohol: false, customField1: "VIP", customField2: null, source: "web", billToParty: "my_account" },
    tagIds: [3, 5],
    ...overrides,
  };
}

async function importBody(workspaceId: string, storeId: number, input: Record<string, unknown>, now = CREATED_AT) {
  const parsed = shipStationOrderInputSchema.parse(input);
  const order = toNormalizedOrder(parsed, { timeZone: LA, orderKey: parsed.orderKey ?? "generated-key" });
  const [result] = await importOrders(workspaceId, storeId, [order], { source: "api", now: () => now });
  return result;
}

async function readBack(orderId: number) {
  const row = await db.read.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow();
  const items = await db.read.selectFrom("order_items").selectAll().where("order_id", "=", orderId).orderBy("position").execute();
  return toShipStationOrder(row, items, { timeZone: LA });
}

describe("a ShipStation order through the write path", () => {
  it("comes back as ShipStation answers it: decimals, wall-clock dates, every option filled in", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const result = await importBody(workspaceId, manualStoreId, body());
    expect(result.outcome).toBe("created");

    const order = await readBack(result.orderId!);

    expect(order).toMatchObject({
      orderId: result.orderId,
      orderNumber: "WEB-1042",
      orderKey: "web-1042",
      orderDate: "2026-11-26T14:30:00.0000000",
      createDate: "2026-11-26T14:00:00.0000000",
      modifyDate: "2026-11-26T14:00:00.0000000",
      paymentDate: "2026-11-26T14:31:05.0000000",
      shipByDate: "2026-11-30T00:00:00.0000000",
      orderStatus: "awaiting_shipment",
      customerId: null,
      customerEmail: "ada@example.com",
      billTo: { name: "Ada Lovelace", company: null, country: "GB", residential: null, addressVerified: null },
      shipTo: { name: "Ada Lovelace", postalCode: "SW1Y 4JH", country: "GB", residential: false, addressVerified: null },
      orderTotal: 42.73, // 2 × 12.50 + 8.99 + tax 2.75 + shipping 5.99
      amountPaid: 42.73,
      taxAmount: 2.75,
      shippingAmount: 5.99,
      internalNotes: "Gift wrap",
      gift: true,
      confirmation: "signature",
      shipDate: null,
      holdUntilDate: null,
      weight: { value: 32, units: "ounces", WeightUnits: 1 },
      dimensions: { units: "centimeters", length: 30, width: 20, height: 10 },
      insuranceOptions: { provider: "carrier", insureShipment: true, insuredValue: 42.73 },
      internationalOptions: { contents: "merchandise", nonDelivery: "return_to_sender", customsItems: [{ description: "Mug", quantity: 2, value: 12.5, harmonizedTariffCode: "6912.00", countryOfOrigin: "CN" }] },
      advancedOptions: {
        warehouseId: 7, nonMachinable: false, saturdayDelivery: false, containsAlcohol: false, mergedOrSplit: false, mergedIds: [], parentId: null,
        storeId: manualStoreId, customField1: "VIP", customField2: null, customField3: null, source: "web",
        billToParty: "my_account", billToAccount: null, billToPostalCode: null, billToCountryCode: null, billToMyOtherAccount: null,
      },
      tagIds: [3, 5],
      userId: null,
      externallyFulfilled: false,
      externallyFulfilledBy: null,
      labelMessages: null,
    });
    expect(order.items).toHaveLength(2);
    expect(order.items[0]).toEqual({
      orderItemId: expect.any(Number), lineItemKey: "li-1", sku: "MUG-BLUE", name: "Blue enamel mug", imageUrl: null,
      weight: { value: 12, units: "ounces", WeightUnits: 1 }, quantity: 2, unitPrice: 12.5, taxAmount: null, shippingAmount: null,
      warehouseLocation: null, options: [{ name: "Colour", value: "Blue" }], productId: 98765, fulfillmentSku: null, adjustment: false, upc: null,
      createDate: "2026-11-26T14:00:00.0000000", modifyDate: "2026-11-26T14:00:00.0000000",
    });
    expect(order.items[1]).toMatchObject({ sku: "TEA-EARL", unitPrice: 8.99, taxAmount: 0.72, weight: { value: 3.527 }, options: [], productId: "007", upc: "0123456789012" });
  });

  it("answers ShipStation's defaults for an order that set nothing optional", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const result = await importBody(workspaceId, manualStoreId, { orderNumber: "1", orderDate: "2026-11-26", orderStatus: "awaiting_payment", billTo: {}, shipTo: {} });

    const order = await readBack(result.orderId!);

    expect(order).toMatchObject({
      orderKey: "generated-key", items: [], orderTotal: 0, amountPaid: 0, gift: false, weight: null, dimensions: null, tagIds: null,
      insuranceOptions: { provider: null, insureShipment: false, insuredValue: 0 },
      internationalOptions: { contents: null, customsItems: null, nonDelivery: null },
      advancedOptions: { warehouseId: null, storeId: manualStoreId, customField1: null, source: null, mergedIds: [] },
    });
  });

  it("leaves the order unchanged when the same body is posted again, or the answer is posted back", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const created = await importBody(workspaceId, manualStoreId, body({ orderKey: "again" }));

    expect((await importBody(workspaceId, manualStoreId, body({ orderKey: "again" }), UPDATED_AT)).outcome).toBe("unchanged");
    const answer = await readBack(created.orderId!);
    expect((await importBody(workspaceId, manualStoreId, answer, UPDATED_AT)).outcome).toBe("unchanged");
  });

  it("replaces the whole order: what a second body leaves out is cleared, items included", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const created = await importBody(workspaceId, manualStoreId, body({ orderKey: "replace" }));
    const { internalNotes: _notes, items: _items, insuranceOptions: _insurance, tagIds: _tags, advancedOptions: _advanced, ...rest } = body({ orderKey: "replace", customerNotes: "Ring twice" });

    const updated = await importBody(workspaceId, manualStoreId, rest, UPDATED_AT);
    expect(updated).toMatchObject({ outcome: "updated", orderId: created.orderId });

    const order = await readBack(created.orderId!);
    expect(order).toMatchObject({
      customerNotes: "Ring twice",
      internalNotes: null,
      items: [],
      orderTotal: 8.74, // tax and shipping only
      insuranceOptions: { provider: null, insureShipment: false, insuredValue: 0 },
      advancedOptions: { warehouseId: null, customField1: null, source: null },
      tagIds: null,
      modifyDate: "2026-11-27T10:15:00.0000000",
    });
  });
});
