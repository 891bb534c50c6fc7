import { describe, expect, it } from "vitest";
import { mapCustomStoreOrder, mapCustomStoreStatus } from "@/lib/connectors/custom-store/map-order";
import { parseExportXml, type XmlNode } from "@/lib/connectors/custom-store/xml";
import { ConnectorError } from "@/lib/connectors/types";
import { normalizedOrderSchema } from "@/lib/orders/schema";
import { customStoreFixture } from "@/tests/fakes/custom-store/server";

const MAPPING = { unpaid: "pending", paid: "paid, processing", shipped: "shipped,complete", cancelled: "cancelled,refunded", onHold: "on-hold" };

const ordersOf = (fixture: string) => parseExportXml(customStoreFixture(fixture)).orders;
/** One <Order> from a small document, for the cases the fixtures don't cover. */
function orderXml(inner: string): XmlNode {
  return parseExportXml(`<Orders><Order><OrderID>9</OrderID><OrderNumber>N-9</OrderNumber><OrderDate>01/02/2025 03:04</OrderDate><OrderStatus>paid</OrderStatus>${inner}</Order></Orders>`).orders[0];
}

describe("mapCustomStoreStatus", () => {
  it.each([
    ["pending", "awaiting_payment"],
    ["paid", "awaiting_shipment"],
    ["processing", "awaiting_shipment"],
    ["shipped", "shipped"],
    ["complete", "shipped"],
    ["cancelled", "cancelled"],
    ["refunded", "cancelled"],
    ["on-hold", "on_hold"],
  ])("maps the store's %s to %s", (storeStatus, status) => {
    expect(mapCustomStoreStatus(storeStatus, MAPPING)).toBe(status);
  });

  it("is case-sensitive and skips names in no list", () => {
    expect(mapCustomStoreStatus("Paid", MAPPING)).toBeNull();
    expect(mapCustomStoreStatus("backordered", MAPPING)).toBeNull();
    expect(mapCustomStoreStatus("", MAPPING)).toBeNull();
    expect(mapCustomStoreStatus("paid", null)).toBeNull();
  });

  it("lets the more final status win when a name is in two lists", () => {
    expect(mapCustomStoreStatus("done", { paid: "done", shipped: "done" })).toBe("shipped");
  });
});

describe("mapCustomStoreOrder", () => {
  it("maps a full order: addresses, items, options, money in cents, weights in ounces, dates in UTC", () => {
    const order = mapCustomStoreOrder(ordersOf("export-page.xml")[0], MAPPING)!;
    expect(order).toMatchObject({
      orderKey: "100482",
      orderNumber: "WEB-100482",
      status: "awaiting_shipment",
      orderDate: Date.UTC(2025, 2, 4, 21, 41),
      channelModifiedAt: Date.UTC(2025, 2, 5, 8, 2),
      requestedShippingService: "USPS Priority Mail",
      paymentMethod: "Credit Card (Visa)",
      currency: "USD",
      orderTotal: 8740,
      taxAmount: 615,
      shippingAmount: 875,
      customerNotes: "Please leave at the side door — dog in the front yard.",
      internalNotes: "Repeat customer; include a sample pack.",
      gift: true,
      giftMessage: "Happy birthday, Nora! <3",
      customField1: "wholesale",
      customField2: null,
      customField3: null,
      customerUsername: "nora.fitzgerald@example.com",
      customerEmail: "nora.fitzgerald@example.com",
      billTo: { name: "Nora Fitzgerald", company: "Fitzgerald & Daughters Bakery", phone: "+1 (503) 555-0142" },
      shipTo: {
        name: "Nora Fitzgerald",
        street1: "2210 SE Hawthorne Blvd",
        street2: "Suite 4",
        city: "Portland",
        state: "OR",
        postalCode: "97214",
        country: "US",
      },
    });
    expect(order.items).toEqual([
      expect.objectContaining({
        lineItemKey: "100482-1",
        sku: "FLR-RYE-5LB",
        name: "Dark Rye Flour, 5 lb bag",
        imageUrl: "https://shop.example/media/catalog/rye-5lb.jpg",
        weightOz: 80,
        quantity: 2,
        unitPrice: 1450,
        warehouseLocation: "Aisle 3 - Bin 12",
        options: [{ name: "Grind", value: "Coarse" }, { name: "Packaging", value: "Paper sack" }],
        adjustment: false,
      }),
      expect.objectContaining({ name: 'Banneton & linen liner, 9" round', weightOz: 11.993, unitPrice: 2499, imageUrl: null, options: [{ name: "Size", value: "9 inch" }] }),
      expect.objectContaining({ sku: "DISCOUNT", adjustment: true, unitPrice: -539, weightOz: undefined }),
    ]);
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("reads 24-hour dates, a single item with a single option, and leaves out what the store did not send", () => {
    const order = mapCustomStoreOrder(ordersOf("export-page.xml")[1], MAPPING)!;
    expect(order).toMatchObject({ status: "awaiting_payment", orderDate: Date.UTC(2025, 2, 5, 14, 7), gift: false, customerEmail: null });
    expect(order.currency).toBeUndefined();
    expect(order.internalNotes).toBeUndefined();
    expect(order.shipTo).toMatchObject({ city: "Montréal", postalCode: "H2J 1X4", country: "CA", company: undefined });
    expect(order.items).toEqual([expect.objectContaining({ sku: "SCRAPER-SS", weightOz: 6.4, options: [{ name: "Engraving", value: "T.I." }] })]);
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("maps a minimal order (only the guide's required elements) and the guide's own '21:56 PM'", () => {
    const order = mapCustomStoreOrder(ordersOf("order-minimal.xml")[0], MAPPING)!;
    expect(order).toMatchObject({ orderKey: "5501", status: "shipped", orderDate: Date.UTC(2024, 11, 8, 21, 56), channelModifiedAt: Date.UTC(2024, 11, 9, 0, 5), orderTotal: 1200 });
    expect(order.taxAmount).toBeUndefined();
    expect(order.shippingAmount).toBeUndefined();
    expect(order.gift).toBeUndefined();
    expect(order.requestedShippingService).toBeUndefined();
    expect(order.items).toEqual([expect.objectContaining({ quantity: 3, unitPrice: 400, weightOz: undefined, options: undefined, lineItemKey: undefined })]);
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("maps every status list, cancellation included", () => {
    const statuses = ["pending", "processing", "complete", "refunded", "on-hold"].map((name) => mapCustomStoreOrder({ ...orderXml(""), OrderStatus: name }, MAPPING)?.status);
    expect(statuses).toEqual(["awaiting_payment", "awaiting_shipment", "shipped", "cancelled", "on_hold"]);
  });

  it("skips (null) an order whose status is in no list, even when the rest of it is unreadable", () => {
    expect(mapCustomStoreOrder({ ...orderXml(""), OrderStatus: "quote", OrderDate: "soon" }, MAPPING)).toBeNull();
  });

  it.each([
    ["Ounces", "10", 10],
    ["oz", "10", 10],
    ["Pounds", "1.5", 24],
    ["LBS", "2", 32],
    ["Grams", "1000", 35.274],
    ["kg", "1", 35.274],
    [undefined, "7", 7],
  ])("reads weight units %s", (units, weight, ounces) => {
    const unitsXml = units ? `<WeightUnits>${units}</WeightUnits>` : "";
    const order = mapCustomStoreOrder(orderXml(`<Items><Item><Name>x</Name><Weight>${weight}</Weight>${unitsXml}<Quantity>1</Quantity><UnitPrice>1</UnitPrice></Item></Items>`), MAPPING)!;
    expect(order.items?.[0].weightOz).toBe(ounces);
  });

  it("leaves out a weight it cannot read instead of guessing", () => {
    const order = mapCustomStoreOrder(orderXml(`<Items><Item><Name>x</Name><Weight>8</Weight><WeightUnits>stone</WeightUnits><Quantity>1</Quantity><UnitPrice>1</UnitPrice></Item></Items>`), MAPPING)!;
    expect(order.items?.[0].weightOz).toBeUndefined();
  });

  it("falls back to OrderNumber for the key and to the SKU for a nameless item", () => {
    const node = orderXml(`<Items><Item><SKU>ABC</SKU><Quantity>1</Quantity><UnitPrice>2.5</UnitPrice></Item></Items>`);
    delete node.OrderID;
    const order = mapCustomStoreOrder(node, MAPPING)!;
    expect(order.orderKey).toBe("N-9");
    expect(order.items?.[0]).toMatchObject({ name: "ABC", unitPrice: 250 });
  });

  it("keeps the store's amounts exact and accepts thousands separators", () => {
    const order = mapCustomStoreOrder(orderXml(`<OrderTotal>1,234.56</OrderTotal><TaxAmount>0.1</TaxAmount><ShippingAmount></ShippingAmount>`), MAPPING)!;
    expect(order).toMatchObject({ orderTotal: 123456, taxAmount: 10, shippingAmount: null });
  });

  it("reads ISO dates and leaves an unreadable LastModified out", () => {
    const node = { ...orderXml(""), OrderDate: "2025-01-02T03:04:05", LastModified: "yesterday" };
    const order = mapCustomStoreOrder(node, MAPPING)!;
    expect(order.orderDate).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(order.channelModifiedAt).toBeUndefined();
  });

  it.each([
    ["an unreadable OrderDate", { OrderDate: "31/12/2024 10:00" }, /Order N-9 .*OrderDate "31\/12\/2024 10:00" is not a date/],
    ["no OrderDate", { OrderDate: undefined }, /OrderDate "" is not a date/],
    ["an unreadable amount", { OrderTotal: "twelve" }, /Order N-9 .*OrderTotal "twelve" is not an amount/],
    ["no id at all", { OrderID: undefined, OrderNumber: undefined }, /without an OrderID or OrderNumber/],
  ])("fails with the order named for %s", (_case, changes, message) => {
    const node: XmlNode = { ...orderXml("") };
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) delete node[name];
      else node[name] = value;
    }
    expect(() => mapCustomStoreOrder(node, MAPPING)).toThrow(message);
    expect(() => mapCustomStoreOrder(node, MAPPING)).toThrow(ConnectorError);
  });

  it("fails on an item quantity that is not a whole number", () => {
    const node = orderXml(`<Items><Item><Name>x</Name><Quantity>1.5</Quantity><UnitPrice>1</UnitPrice></Item></Items>`);
    expect(() => mapCustomStoreOrder(node, MAPPING)).toThrow(/item 1 has Quantity "1.5"/);
  });

  it("leaves items, addresses and customer out when the store sends none", () => {
    const order = mapCustomStoreOrder(orderXml(""), MAPPING)!;
    expect(order.items).toBeUndefined();
    expect(order.billTo).toBeUndefined();
    expect(order.shipTo).toBeUndefined();
    expect(order.customerUsername).toBeUndefined();
    expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("reads an empty <Items/> as an order without items and drops a country that is not a 2-letter code", () => {
    const order = mapCustomStoreOrder(orderXml(`<Customer><ShipTo><Country>USA</Country></ShipTo></Customer><Items/>`), MAPPING)!;
    expect(order.items).toEqual([]);
    expect(order.shipTo?.country).toBeUndefined();
  });
});

describe("mapCustomStoreOrder: totals and amount paid", () => {
  const items = "<Items><Item><SKU>A</SKU><Name>A</Name><Quantity>2</Quantity><UnitPrice>10.00</UnitPrice></Item></Items>";
  const withStatus = (status: string, inner: string) =>
    parseExportXml(`<Orders><Order><OrderID>9</OrderID><OrderNumber>N-9</OrderNumber><OrderDate>01/02/2025 03:04</OrderDate><OrderStatus>${status}</OrderStatus>${inner}</Order></Orders>`).orders[0];

  it("keeps the store's OrderTotal as sent and counts a paid order as paid its total", () => {
    const order = mapCustomStoreOrder(orderXml(`<OrderTotal>24.50</OrderTotal><TaxAmount>1.50</TaxAmount><ShippingAmount>5.00</ShippingAmount>${items}`), MAPPING)!;
    expect(order).toMatchObject({ orderTotal: 2450, taxAmount: 150, shippingAmount: 500, amountPaid: 2450 });
  });

  it("counts a paid order without an OrderTotal as paid items + tax + shipping", () => {
    const order = mapCustomStoreOrder(orderXml(`<TaxAmount>1.50</TaxAmount><ShippingAmount>5.00</ShippingAmount>${items}`), MAPPING)!;
    expect(order.amountPaid).toBe(2650);
  });

  it("counts shipped and on-hold orders as paid, an unpaid one as paid nothing, and says nothing for a cancelled one", () => {
    const paidOf = (status: string) => mapCustomStoreOrder(withStatus(status, `<OrderTotal>20.00</OrderTotal>${items}`), MAPPING)!.amountPaid;
    expect(paidOf("complete")).toBe(2000);
    expect(paidOf("on-hold")).toBe(2000);
    expect(paidOf("pending")).toBe(0);
    expect(paidOf("cancelled")).toBeUndefined();
  });
});
