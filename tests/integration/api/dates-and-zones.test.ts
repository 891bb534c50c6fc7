import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { formatApiDate } from "@/lib/orders/api-dates";
import { apiClient, createApiCredentials, orderBody } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function merchantWithKey() {
  const merchant = await createMerchant();
  const api = apiClient((await createApiCredentials(merchant.workspaceId)).authorization);
  return { ...merchant, api };
}

async function storedDates(orderId: number) {
  return db.read.selectFrom("orders").select(["order_date", "payment_date", "ship_by_date", "created_at", "modified_at"]).where("id", "=", orderId).executeTakeFirstOrThrow();
}

async function actionsOf(orderId: number) {
  const rows = await db.read.selectFrom("order_events").select("action").where("order_id", "=", orderId).orderBy("id").execute();
  return rows.map((row) => row.action);
}

async function setApiTimeZone(workspaceId: string, timeZone: string) {
  await db.write.updateTable("workspaces").set({ api_time_zone: timeZone }).where("id", "=", workspaceId).execute();
}

/** A body using as much of ShipStation's Order as Shipdeck keeps, to round-trip. */
function richBody(overrides: Record<string, unknown> = {}) {
  return orderBody({
    orderDate: "2026-07-01T10:00:00.1234567",
    paymentDate: "2026-07-01T18:05:00+01:00",
    shipByDate: "2026-07-05",
    billTo: { name: "Ada Lovelace", company: "Analytical Engines", street1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB", phone: "+44 20 7946 0000", residential: false },
    items: [
      { lineItemKey: "li-1", sku: "MUG-BLUE", name: "Blue enamel mug", quantity: 2, unitPrice: 12.5, weight: { value: 0.75, units: "pounds" }, options: [{ name: "Colour", value: "Blue" }], productId: 98765, imageUrl: "https://img.example/mug.png" },
      { lineItemKey: "li-2", sku: "TEA-EARL", name: "Earl Grey tea, 100 g", quantity: 1, unitPrice: 8.99, taxAmount: 0.72, weight: { value: 100, units: "grams" }, productId: "007", upc: "0123456789012" },
      { lineItemKey: "discount", name: "Summer discount", quantity: 1, unitPrice: -5, adjustment: true },
    ],
    internalNotes: "Gift wrap",
    gift: true,
    giftMessage: "Happy birthday",
    paymentMethod: "Credit Card",
    requestedShippingService: "Priority Mail",
    carrierCode: "stamps_com",
    serviceCode: "usps_priority_mail",
    packageCode: "package",
    confirmation: "delivery",
    weight: { value: 2, units: "pounds" },
    dimensions: { units: "centimeters", length: 30, width: 20, height: 10 },
    insuranceOptions: { provider: "carrier", insureShipment: true, insuredValue: 42.73 },
    internationalOptions: { contents: "merchandise", nonDelivery: "return_to_sender", customsItems: [{ description: "Mug", quantity: 2, value: 12.5, harmonizedTariffCode: "6912.00", countryOfOrigin: "CN" }] },
    advancedOptions: { warehouseId: 7, nonMachinable: true, customField1: "VIP", customField3: "three", source: "web", billToParty: "my_account" },
    tagIds: [3, 5],
    ...overrides,
  });
}

describe("dates in the API", () => {
  it("reads a timestamp without an offset in America/Los_Angeles by default, and prints it back the same way", async () => {
    const { api } = await merchantWithKey();
    for (const orderDate of ["2026-07-01 10:00:00", "2026-07-01T10:00:00", "2026-07-01T10:00"]) {
      const response = await api.createOrder(orderBody({ orderDate }));
      expect(response.status).toBe(200);
      expect(response.json.orderDate).toBe("2026-07-01T10:00:00.0000000");
      // Pacific daylight time in July: UTC−7.
      expect((await storedDates(response.json.orderId)).order_date).toBe(Date.UTC(2026, 6, 1, 17, 0, 0));
    }
    // Pacific standard time in January: UTC−8.
    const winter = await api.createOrder(orderBody({ orderDate: "2026-01-15 10:00:00", shipByDate: "2026-01-20" }));
    expect(await storedDates(winter.json.orderId)).toMatchObject({ order_date: Date.UTC(2026, 0, 15, 18), ship_by_date: Date.UTC(2026, 0, 20, 8) });
    expect(winter.json).toMatchObject({ orderDate: "2026-01-15T10:00:00.0000000", shipByDate: "2026-01-20T00:00:00.0000000" });
  });

  it("reads a timestamp with an offset or Z as that instant, and prints it in the API zone without an offset", async () => {
    const { api } = await merchantWithKey();
    const cases: [string, number, string][] = [
      ["2026-07-01T10:00:00+02:00", Date.UTC(2026, 6, 1, 8), "2026-07-01T01:00:00.0000000"],
      ["2026-07-01T10:00:00Z", Date.UTC(2026, 6, 1, 10), "2026-07-01T03:00:00.0000000"],
      ["2026-07-01T10:00:00-0700", Date.UTC(2026, 6, 1, 17), "2026-07-01T10:00:00.0000000"],
      ["2026-07-01T02:00:00.5-05:00", Date.UTC(2026, 6, 1, 7, 0, 0, 500), "2026-07-01T00:00:00.5000000"],
    ];
    for (const [orderDate, instant, printed] of cases) {
      const response = await api.createOrder(orderBody({ orderDate }));
      expect(response.status, orderDate).toBe(200);
      expect((await storedDates(response.json.orderId)).order_date, orderDate).toBe(instant);
      expect(response.json.orderDate, orderDate).toBe(printed);
    }
  });

  it("prints createDate and modifyDate in the API zone too", async () => {
    const { api } = await merchantWithKey();
    const { json } = await api.createOrder(orderBody());
    const stored = await storedDates(json.orderId);
    expect(json.createDate).toBe(formatApiDate(stored.created_at, "America/Los_Angeles"));
    expect(json.modifyDate).toBe(formatApiDate(stored.modified_at, "America/Los_Angeles"));
    expect(json.items[0].createDate).toBe(json.createDate);
  });

  it("reads a wall-clock time the clocks skip as the same time after the change", async () => {
    const { api } = await merchantWithKey();
    // 2026-03-08 02:30 does not exist in Los Angeles: clocks jump from 02:00 PST to 03:00 PDT.
    const { json } = await api.createOrder(orderBody({ orderDate: "2026-03-08 02:30:00" }));
    expect((await storedDates(json.orderId)).order_date).toBe(Date.UTC(2026, 2, 8, 10, 30));
    expect(json.orderDate).toBe("2026-03-08T03:30:00.0000000");
  });

  it("round-trips: posting back what GET answered changes nothing", async () => {
    const { api } = await merchantWithKey();
    const created = await api.createOrder(richBody());
    expect(created.status).toBe(200);
    const got = await api.getOrder(created.json.orderId);

    const reposted = await api.createOrder(got.json);

    expect(reposted.status).toBe(200);
    expect(reposted.json).toEqual(got.json);
    expect(await actionsOf(created.json.orderId)).toEqual(["created"]);

    // The same through the list and createorders, as a sync job would do.
    const listed = await api.listOrders();
    const batch = await api.createOrders(listed.json.orders);
    expect(batch.json).toMatchObject({ hasErrors: false });
    expect((await api.getOrder(created.json.orderId)).json).toEqual(got.json);
    expect(await actionsOf(created.json.orderId)).toEqual(["created"]);
  });

  it("follows the workspace's API time zone when it changes: reading, printing, filtering and round-tripping", async () => {
    const { workspaceId, api } = await merchantWithKey();
    const before = await api.createOrder(orderBody({ orderKey: "zone-before", orderDate: "2026-07-01 10:00:00" }));
    expect((await storedDates(before.json.orderId)).order_date).toBe(Date.UTC(2026, 6, 1, 17));

    await setApiTimeZone(workspaceId, "Europe/Berlin");

    // The same instant, printed as Berlin's wall clock (CEST, UTC+2).
    const reread = await api.getOrder(before.json.orderId);
    expect(reread.json.orderDate).toBe("2026-07-01T19:00:00.0000000");
    const stored = await storedDates(before.json.orderId);
    expect(reread.json.createDate).toBe(formatApiDate(stored.created_at, "Europe/Berlin"));
    expect(reread.json.createDate).not.toBe(before.json.createDate);

    // New timestamps without an offset are Berlin time; with an offset, as given.
    const after = await api.createOrder(orderBody({ orderKey: "zone-after", orderDate: "2026-07-01 10:00:00", paymentDate: "2026-07-01T10:00:00-07:00" }));
    expect(await storedDates(after.json.orderId)).toMatchObject({ order_date: Date.UTC(2026, 6, 1, 8), payment_date: Date.UTC(2026, 6, 1, 17) });
    expect(after.json).toMatchObject({ orderDate: "2026-07-01T10:00:00.0000000", paymentDate: "2026-07-01T19:00:00.0000000" });

    // Filters read in Berlin time: 2026-07-01 19:00 Berlin is the first order's instant.
    const keys = async (query: Record<string, string>) => (await api.listOrders(query)).json.orders.map((order: { orderKey: string }) => order.orderKey);
    expect(await keys({ orderDateStart: "2026-07-01 19:00:00" })).toEqual(["zone-before"]);
    expect(await keys({ orderDateEnd: "2026-07-01 10:00:00" })).toEqual(["zone-after"]);

    // Action dates too.
    await api.holdUntil({ orderId: after.json.orderId, holdUntilDate: "2036-07-10 09:00:00" });
    const held = await db.read.selectFrom("orders").select("hold_until_date").where("id", "=", after.json.orderId).executeTakeFirstOrThrow();
    expect(held.hold_until_date).toBe(Date.UTC(2036, 6, 10, 7));
    expect((await api.getOrder(after.json.orderId)).json.holdUntilDate).toBe("2036-07-10T09:00:00.0000000");

    // A client that read in Berlin time and posts back changes nothing.
    const reposted = await api.createOrder(reread.json);
    expect(reposted.status).toBe(200);
    expect(reposted.json).toEqual(reread.json);
    expect(await actionsOf(before.json.orderId)).toEqual(["created"]);

    // Back to Los Angeles: the same stored instants, printed there again.
    await setApiTimeZone(workspaceId, "America/Los_Angeles");
    expect((await api.getOrder(before.json.orderId)).json).toEqual(before.json);
  });

  it("refuses a date that does not exist or is not a date, naming the field", async () => {
    const { api } = await merchantWithKey();
    for (const [field, value] of [
      ["orderDate", "2026-13-01"],
      ["orderDate", "2026-07-01 24:00:00"],
      ["paymentDate", "01/07/2026"],
      ["shipByDate", "2026-07-01T10:00:00+25:00"],
      ["orderDate", "1969-12-31"],
    ]) {
      const response = await api.createOrder(orderBody({ [field]: value }));
      expect(response.status, value).toBe(400);
      expect(Object.keys(response.json.fieldErrors), value).toEqual([field]);
    }
  });
});
