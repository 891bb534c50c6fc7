import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { createOrder, markOrderShipped, setOrderShippingService } from "@/lib/orders/order-actions";
import { getOrderShippingChoice, orderParcelOf, orderWeightOz, quoteOrderRates } from "@/lib/rating/order-parcel";
import { useTestDatabase } from "../../helpers/database";
import { blankOrderRow, buildOrder } from "../../helpers/orders";
import { addRateCard, addShipFromLocation, testRateCard } from "../../helpers/rating";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const merchant = { actor: "user-1", source: "manual" as const };
const from = { postalCode: "90210", country: "US" };
const TODAY = "2026-12-07";

describe("an order's parcel", () => {
  it("weighs the order's own weight, else its items' weights times their quantities, adjustments left out", () => {
    const items = [
      { weight_oz: 12, quantity: 2, adjustment: 0 as const },
      { weight_oz: 4, quantity: 1, adjustment: 0 as const },
      { weight_oz: 100, quantity: 1, adjustment: 1 as const },
      { weight_oz: null, quantity: 3, adjustment: 0 as const },
    ];
    expect(orderWeightOz({ weight_oz: 40 }, items)).toBe(40);
    expect(orderWeightOz({ weight_oz: null }, items)).toBe(28);
    expect(orderWeightOz({ weight_oz: 0 }, [{ weight_oz: null, quantity: 1, adjustment: 0 }])).toBeNull();
  });

  it("ships to the order's address with its dimensions, confirmation and package, residential unless it says otherwise", () => {
    const order = blankOrderRow({
      ship_to_postal_code: "10001-1234", ship_to_country: "US", ship_to_city: "New York", ship_to_state: "NY", ship_to_residential: null,
      weight_oz: 20, dim_length: 25.4, dim_width: 10, dim_height: 5, dim_units: "centimeters", confirmation: "signature", package_code: null,
    });
    const { parcel } = orderParcelOf(order, [], from, TODAY);
    expect(parcel).toMatchObject({
      fromPostalCode: "90210", toPostalCode: "10001", toCountry: "US", toCity: "New York", toState: "NY", residential: true, weightOz: 20,
      dimensions: { lengthIn: 10, widthIn: 3.937, heightIn: 1.969 }, confirmation: "signature", packageCode: "package", shipDate: TODAY,
    });
    expect(orderParcelOf(blankOrderRow({ ...order, ship_to_residential: 0, ship_to_country: null }), [], from, TODAY).parcel).toMatchObject({ residential: false, toCountry: "US" });
  });

  it("says what is missing: a weight, a ship-to postal code, a ship-from location", () => {
    expect(orderParcelOf(blankOrderRow(), [], null, TODAY)).toEqual({ parcel: null, gaps: ["no_weight", "no_ship_to_postal_code", "no_location"], invalid: null });
    expect(orderParcelOf(blankOrderRow({ weight_oz: 8, ship_to_postal_code: "ABC", ship_to_country: "US" }), [], from, TODAY)).toEqual({
      parcel: null,
      gaps: [],
      invalid: expect.stringContaining("toPostalCode"),
    });
  });
});

describe("quoting an order and choosing its rate", () => {
  it("quotes the order's parcel from the default location, and saves the chosen service with a history event", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    await addRateCard(workspaceId, testRateCard());
    const orderId = (await createOrder(workspaceId, manualStoreId, buildOrder(), merchant)).orderId!;

    const before = await quoteOrderRates(workspaceId, orderId, TODAY);
    expect(before).toMatchObject({ result: null, gaps: ["no_location"] });

    await addShipFromLocation(workspaceId);
    const rates = await quoteOrderRates(workspaceId, orderId, TODAY);
    expect(rates.parcel).toMatchObject({ weightOz: 28, toPostalCode: "22201", residential: true });
    const quote = rates.result!.quotes.find((each) => each.carrierCode === "usps")!;
    expect(quote.totalCents).toBe(1500);

    await setOrderShippingService(workspaceId, orderId, { carrierCode: quote.carrierCode, serviceCode: quote.serviceCode, packageCode: quote.packageCode }, merchant);

    const row = await db.read.selectFrom("orders").select(["carrier_code", "service_code", "package_code"]).where("id", "=", orderId).executeTakeFirstOrThrow();
    expect(row).toEqual({ carrier_code: "usps", service_code: "usps_ground_advantage", package_code: "package" });
    const events = await db.read.selectFrom("order_events").select(["action", "actor", "change_set"]).where("order_id", "=", orderId).orderBy("id").execute();
    expect(events.map((event) => event.action)).toEqual(["created", "edited"]);
    expect(JSON.parse(events[1].change_set!)).toMatchObject({ carrier_code: [null, "usps"], service_code: [null, "usps_ground_advantage"] });
    expect(await getOrderShippingChoice(workspaceId, orderId, TODAY)).toEqual({
      carrierCode: "usps", carrierName: "USPS", serviceCode: "usps_ground_advantage", serviceName: "USPS Ground Advantage", packageCode: "package", samplePrices: false,
    });
  });

  it("refuses a shipped order, and another workspace's order is not found", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const orderId = (await createOrder(workspaceId, manualStoreId, buildOrder(), merchant)).orderId!;
    const choice = { carrierCode: "usps", serviceCode: "usps_ground_advantage", packageCode: "package" };

    const stranger = await createMerchant();
    await expect(setOrderShippingService(stranger.workspaceId, orderId, choice, merchant)).rejects.toMatchObject({ code: "not_found" });
    await expect(quoteOrderRates(stranger.workspaceId, orderId, TODAY)).rejects.toMatchObject({ code: "not_found" });

    await markOrderShipped(workspaceId, orderId, { shipDate: Date.UTC(2026, 11, 1), carrierCode: "usps" }, merchant);
    await expect(setOrderShippingService(workspaceId, orderId, choice, merchant)).rejects.toMatchObject({ code: "conflict" });
    const row = await db.read.selectFrom("orders").select("service_code").where("id", "=", orderId).executeTakeFirstOrThrow();
    expect(row.service_code).toBeNull();
  });
});
