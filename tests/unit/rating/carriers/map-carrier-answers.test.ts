import { beforeEach, describe, expect, it } from "vitest";
import { fedexErrorMessage, mapFedexRateResponse } from "@/lib/rating/carriers/fedex";
import { bearerToken, carrierFailure, clearCarrierTokens } from "@/lib/rating/carriers/http";
import { breakdownOf, poundsOf } from "@/lib/rating/carriers/quote";
import { mapUpsRateResponse, upsErrorMessage } from "@/lib/rating/carriers/ups";
import { mapUspsBaseRates, uspsBaseRatesRequest, uspsErrorMessage } from "@/lib/rating/carriers/usps";
import type { Parcel } from "@/lib/rating/types";

const parcel: Parcel = {
  fromPostalCode: "10038",
  fromCountry: "US",
  toPostalCode: "10017",
  toCountry: "US",
  toCity: null,
  toState: null,
  residential: false,
  weightOz: 70 * 16,
  dimensions: { lengthIn: 26, widthIn: 26, heightIn: 26 },
  confirmation: "none",
  packageCode: "package",
  shipDate: "2024-11-27",
  carrierCode: null,
  serviceCode: null,
};

describe("USPS answers", () => {
  it("maps the documented oversized Ground Advantage answer: fees apart, DIM weight used", () => {
    // The shape of USPS's published example (70 lb in a 26 in cube: two nonstandard fees).
    const answer = {
      totalBasePrice: 113.62,
      rates: [
        {
          SKU: "DUXO0XXXXC01700",
          description: "USPS Ground Advantage Nonmachinable Oversized",
          priceType: "COMMERCIAL",
          price: 91.62,
          weight: 70,
          dimWeight: 106,
          fees: [
            { name: "Nonstandard Length > 22", SKU: "D811XUXXXXX0000", price: 4 },
            { name: "Nonstandard Volume > 2 cu ft", SKU: "D813XUXXXXX0000", price: 18 },
          ],
          zone: "01",
        },
      ],
    };
    const quote = mapUspsBaseRates(answer, parcel, { code: "usps_ground_advantage", name: "USPS Ground Advantage" });
    expect(quote).toMatchObject({
      totalCents: 11362,
      zone: "01",
      billableWeightOz: 106 * 16,
      dimWeightOz: 106 * 16,
      dimWeightUsed: true,
      breakdown: { baseCents: 9162, oversizeCents: 2200 },
    });
  });

  it("asks for a nonmachinable, dimensional rate for that parcel", () => {
    expect(uspsBaseRatesRequest(parcel, "USPS_GROUND_ADVANTAGE")).toMatchObject({ weight: 70, processingCategory: "NON_MACHINABLE", rateIndicator: "DR" });
  });

  it("reads USPS's documented error JSON and OAuth's", () => {
    expect(
      uspsErrorMessage({
        apiVersion: "/addresses/v3/",
        error: { code: "401", message: "Missing or malformed access token.", errors: [{ title: "invalid_token", detail: "The access token presented with the request is missing or malformed (not a JWT).", source: "Access Token" }] },
      }),
    ).toBe("Missing or malformed access token. The access token presented with the request is missing or malformed (not a JWT).");
    expect(uspsErrorMessage({ error: "invalid_client", error_description: "Client authentication failed" })).toBe("Client authentication failed");
    expect(uspsErrorMessage("<html>nope</html>")).toBeNull();
    expect(uspsErrorMessage({ message: "something else" })).toBeNull();
  });
});

describe("UPS answers", () => {
  it("reads a single RatedShipment sent as an object, with negotiated charges and their itemized fuel and area surcharge", () => {
    const answer = {
      RateResponse: {
        Response: { ResponseStatus: { Code: "1", Description: "Success" } },
        RatedShipment: {
          Service: { Code: "13", Description: "" },
          BillingWeight: { UnitOfMeasurement: { Code: "LBS", Description: "Pounds" }, Weight: "6.0" },
          BaseServiceCharge: { CurrencyCode: "USD", MonetaryValue: "50.60" },
          ItemizedCharges: [
            { Code: "190", CurrencyCode: "USD", MonetaryValue: "17.85", SubType: "Extended Area Destination" },
            { Code: "375", CurrencyCode: "USD", MonetaryValue: "13.52" },
          ],
          ServiceOptionsCharges: { CurrencyCode: "USD", MonetaryValue: "0.00" },
          TotalCharges: { CurrencyCode: "USD", MonetaryValue: "81.97" },
          NegotiatedRateCharges: {
            ItemizedCharges: [
              { Code: "190", CurrencyCode: "USD", MonetaryValue: "6.25" },
              { Code: "375", CurrencyCode: "USD", MonetaryValue: "4.23" },
            ],
            TotalCharge: { CurrencyCode: "USD", MonetaryValue: "25.66" },
          },
          GuaranteedDelivery: { BusinessDaysInTransit: "1" },
        },
      },
    };
    expect(mapUpsRateResponse(answer, parcel)).toEqual([
      expect.objectContaining({
        serviceCode: "ups_next_day_air_saver",
        totalCents: 2566,
        billableWeightOz: 96,
        deliveryDays: 1,
        breakdown: { baseCents: 1518, fuelCents: 423, residentialCents: 0, deliveryAreaCents: 625, additionalHandlingCents: 0, oversizeCents: 0, confirmationCents: 0 },
      }),
    ]);
  });

  it("reads UPS's documented error JSON", () => {
    expect(upsErrorMessage({ response: { errors: [{ code: "250002", message: "Invalid Authentication Information." }] } })).toBe("Invalid Authentication Information. (250002)");
    expect(upsErrorMessage({ errors: [{ message: "not UPS's shape" }] })).toBeNull();
  });
});

describe("FedEx answers", () => {
  it("prefers the ACCOUNT rate and reads its surcharges, zone and billing weight", () => {
    const answer = {
      transactionId: "624deea6-b709-470c-8c39-4b5511281492",
      output: {
        rateReplyDetails: [
          {
            serviceType: "INTERNATIONAL_FIRST",
            serviceName: "FedEx International First",
            ratedShipmentDetails: [
              {
                rateType: "LIST",
                ratedWeightMethod: "ACTUAL",
                totalNetCharge: 500,
                shipmentRateDetail: { rateZone: "CA003O", surCharges: [{ type: "FUEL", description: "Fuel Surcharge", amount: 50 }], totalBillingWeight: { units: "LB", value: 22 } },
              },
              {
                rateType: "ACCOUNT",
                ratedWeightMethod: "ACTUAL",
                totalBaseCharge: 403.2,
                totalNetCharge: 445.54,
                shipmentRateDetail: { rateZone: "CA003O", surCharges: [{ type: "FUEL", description: "Fuel Surcharge", amount: 42.34 }], totalBillingWeight: { units: "LB", value: 22.0 } },
              },
            ],
            operationalDetail: { transitTime: "THREE_DAYS" },
          },
        ],
      },
    };
    expect(mapFedexRateResponse(answer, parcel)).toEqual([
      expect.objectContaining({
        serviceCode: "fedex_international_first",
        totalCents: 44554,
        zone: "CA003O",
        billableWeightOz: 352,
        dimWeightUsed: false,
        deliveryDays: 3,
        breakdown: expect.objectContaining({ baseCents: 40320, fuelCents: 4234 }),
      }),
    ]);
  });

  it("reads FedEx's documented error JSON", () => {
    expect(fedexErrorMessage({ transactionId: "x", errors: [{ code: "NOT.AUTHORIZED.ERROR", message: "Access token expired. Please modify your request and try again." }] })).toBe(
      "Access token expired. Please modify your request and try again. (NOT.AUTHORIZED.ERROR)",
    );
    expect(fedexErrorMessage({ errors: "nope" })).toBeNull();
  });
});

describe("shared pieces", () => {
  beforeEach(() => clearCarrierTokens());

  it("rounds a weight up, never down", () => {
    expect(poundsOf(40, 1)).toBe(2.5);
    expect(poundsOf(16.1, 1)).toBe(1.1);
    expect(poundsOf(16, 2)).toBe(1);
    expect(poundsOf(0.1, 1)).toBe(0.1);
  });

  it("keeps the parts adding up to the total", () => {
    expect(breakdownOf(1000, { fuelCents: 150, residentialCents: 300 })).toEqual({
      baseCents: 550,
      fuelCents: 150,
      residentialCents: 300,
      deliveryAreaCents: 0,
      additionalHandlingCents: 0,
      oversizeCents: 0,
      confirmationCents: 0,
    });
  });

  it("cleans a carrier's message and never lets it run on", () => {
    const failure = carrierFailure("UPS", "UPS", 400, "x".repeat(10), "rate");
    expect(failure.message).toBe("UPS could not rate this parcel: xxxxxxxxxx");
    expect(carrierFailure("UPS", "UPS", 418, null, "rate").message).toBe("UPS answered 418 without a reason Shipdeck could read.");
  });

  it("reuses a token until shortly before it expires, then fetches another", async () => {
    let fetched = 0;
    const source = { key: "test:token", fetch: async () => ({ accessToken: `t${++fetched}`, expiresInSeconds: 3600 }) };
    const start = Date.now();
    expect(await bearerToken(source, start)).toBe("t1");
    expect(await bearerToken(source, start + 3_500_000)).toBe("t1");
    expect(await bearerToken(source, start + 3_560_000)).toBe("t2");
  });

  it("shares one token fetch between callers asking at once, and forgets a failed one", async () => {
    let fetched = 0;
    let fail = true;
    const source = {
      key: "test:shared",
      fetch: async () => {
        fetched += 1;
        if (fail) throw new Error("no");
        return { accessToken: "ok", expiresInSeconds: 60 };
      },
    };
    await expect(Promise.all([bearerToken(source), bearerToken(source)])).rejects.toThrow("no");
    expect(fetched).toBe(1);
    fail = false;
    expect(await bearerToken(source)).toBe("ok");
    expect(fetched).toBe(2);
  });
});
