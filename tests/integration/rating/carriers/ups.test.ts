import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearCarrierTokens, configuredLiveCarriers, quoteLiveCarriers, type LiveCarrier } from "@/lib/rating/carriers";
import type { Parcel } from "@/lib/rating/types";
import { asEnv, type CarrierFake } from "../../../fakes/carrier-oauth";
import { startUpsFake, UPS_FAKE_CLIENT_ID, UPS_FAKE_CLIENT_SECRET, upsError } from "../../../fakes/ups/server";
import { testParcel } from "../../../helpers/rating";
import { localize } from "@/lib/i18n/message";
import { createTranslator } from "@/lib/i18n/translate";

let fake: CarrierFake | undefined;

beforeEach(() => clearCarrierTokens());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});


async function upsAgainstFake(env: Record<string, string> = {}): Promise<LiveCarrier> {
  fake = await startUpsFake();
  const [ups] = configuredLiveCarriers(asEnv({ UPS_CLIENT_ID: UPS_FAKE_CLIENT_ID, UPS_CLIENT_SECRET: UPS_FAKE_CLIENT_SECRET, UPS_API_BASE_URL: fake.url, ...env }));
  expect(ups.code).toBe("ups");
  return ups;
}

const shopRequests = () => fake!.requests.filter((request) => request.url.pathname === "/api/rating/v2409/Shop");
const tokenRequests = () => fake!.requests.filter((request) => request.url.pathname === "/security/v1/oauth/token");

describe("UPS live rates", () => {
  it("shops every service and maps the published charges, itemized fuel, residential and the signature", async () => {
    const ups = await upsAgainstFake();
    const { quotes, problems } = await quoteLiveCarriers([ups], testParcel({ residential: true, confirmation: "signature" }));

    expect(problems).toEqual([]);
    expect(quotes.map((quote) => quote.serviceCode)).toEqual(["ups_ground", "ups_2nd_day_air", "ups_next_day_air"]);
    // 2.5 lb in a 10×8×6 box: DIM 480/139 → 4 lb billed; zone 3. Ground base 900 + 4×80 + 3×50 = 1370,
    // fuel 15 % = 206 (205.5 rounded), residential 550, signature 700.
    const ground = quotes[0];
    expect(ground).toMatchObject({
      carrierCode: "ups",
      carrierName: "UPS",
      serviceName: "UPS Ground",
      source: "live",
      samplePrices: false,
      rateCardId: null,
      totalCents: 2826,
      billableWeightOz: 64,
      deliveryDays: null,
      breakdown: { baseCents: 1370, fuelCents: 206, residentialCents: 550, deliveryAreaCents: 0, additionalHandlingCents: 0, oversizeCents: 0, confirmationCents: 700 },
    });
    expect(quotes[1].deliveryDays).toBe(2);
    expect(quotes[2].deliveryDays).toBe(1);
  });

  it("asks with the documented RateRequest and fetches one token for several quotes", async () => {
    const ups = await upsAgainstFake();
    await quoteLiveCarriers([ups], testParcel({ residential: true, confirmation: "adult_signature" }));
    await quoteLiveCarriers([ups], testParcel());

    expect(tokenRequests()).toHaveLength(1);
    const [token] = tokenRequests();
    expect(token.headers.authorization).toBe(`Basic ${Buffer.from(`${UPS_FAKE_CLIENT_ID}:${UPS_FAKE_CLIENT_SECRET}`).toString("base64")}`);
    expect(token.body).toBe("grant_type=client_credentials");

    expect(shopRequests()).toHaveLength(2);
    expect(shopRequests().every((request) => request.headers.authorization === "Bearer ups-token-1")).toBe(true);
    const sent = JSON.parse(shopRequests()[0].body).RateRequest;
    expect(sent.Request.RequestOption).toBe("Shop");
    expect(sent.Shipment.Shipper.Address).toEqual({ PostalCode: "90210", CountryCode: "US" });
    expect(sent.Shipment.ShipTo.Address).toEqual({ PostalCode: "10001", CountryCode: "US", City: "New York", StateProvinceCode: "NY", ResidentialAddressIndicator: "Y" });
    expect(sent.Shipment.Package[0]).toEqual({
      PackagingType: { Code: "02", Description: "Package" },
      Dimensions: { UnitOfMeasurement: { Code: "IN", Description: "Inches" }, Length: "10", Width: "8", Height: "6" },
      PackageWeight: { UnitOfMeasurement: { Code: "LBS", Description: "Pounds" }, Weight: "2.5" },
      PackageServiceOptions: { DeliveryConfirmation: { DCISType: "3" } },
    });
  });

  it("asks for the account's negotiated rates when UPS_ACCOUNT_NUMBER is set, and quotes them", async () => {
    const ups = await upsAgainstFake({ UPS_ACCOUNT_NUMBER: "A1B2C3" });
    const { quotes } = await quoteLiveCarriers([ups], testParcel({ serviceCode: "ups_ground" }));

    expect(tokenRequests()[0].headers["x-merchant-id"]).toBe("A1B2C3");
    const sent = JSON.parse(shopRequests()[0].body).RateRequest.Shipment;
    expect(sent.Shipper.ShipperNumber).toBe("A1B2C3");
    expect(sent.ShipmentRatingOptions).toEqual({ NegotiatedRatesIndicator: "Y" });
    // Negotiated base 80 % of 1370 = 1096, fuel 15 % = 164.
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ serviceCode: "ups_ground", totalCents: 1260, breakdown: { baseCents: 1096, fuelCents: 164 } });
  });

  it("fetches a new token once when UPS answers 401 to a token it issued", async () => {
    const ups = await upsAgainstFake();
    await quoteLiveCarriers([ups], testParcel());
    fake!.expireTokens();

    const { quotes, problems } = await quoteLiveCarriers([ups], testParcel());
    expect(problems).toEqual([]);
    expect(quotes).toHaveLength(3);
    expect(fake!.issuedTokens).toEqual(["ups-token-1", "ups-token-2"]);
    expect(shopRequests().map((request) => request.headers.authorization)).toEqual(["Bearer ups-token-1", "Bearer ups-token-1", "Bearer ups-token-2"]);
  });

  it("says UPS refused the credentials, in UPS's words, when the client secret is wrong", async () => {
    const ups = await upsAgainstFake({ UPS_CLIENT_SECRET: "wrong" });
    const { quotes, problems } = await quoteLiveCarriers([ups], testParcel());
    expect(quotes).toEqual([]);
    expect(problems).toMatchObject([
      {
        carrierCode: "ups",
        carrierName: "UPS",
        serviceCode: null,
        message: "UPS refused the credentials (401): ClientId is Invalid (10401). Check UPS_CLIENT_ID and UPS_CLIENT_SECRET (and UPS_ACCOUNT_NUMBER).",
      },
    ]);
    // The Rates page says it in French, UPS's own words quoted as they came.
    expect(localize(problems[0], createTranslator("fr"))).toBe(
      "UPS a refusé les identifiants (401)\u00a0: ClientId is Invalid (10401). Vérifiez UPS_CLIENT_ID et UPS_CLIENT_SECRET (et UPS_ACCOUNT_NUMBER).",
    );
  });

  it("passes UPS's own error message through, and never a foreign page", async () => {
    const ups = await upsAgainstFake();
    fake!.failNext(400, upsError("111210", "The requested service is unavailable between the selected locations."));
    fake!.failNext(502, "<html><body><h1>502 Bad Gateway</h1><script>secret()</script></body></html>");

    const first = await quoteLiveCarriers([ups], testParcel());
    expect(first.problems.map((problem) => problem.message)).toEqual([
      "UPS could not rate this parcel: The requested service is unavailable between the selected locations. (111210)",
    ]);
    const second = await quoteLiveCarriers([ups], testParcel());
    expect(second.problems.map((problem) => problem.message)).toEqual(["UPS answered 502 (server error)."]);
  });

  it("reports a weight UPS rejects with UPS's validation message", async () => {
    const ups = await upsAgainstFake();
    const { problems } = await quoteLiveCarriers([ups], testParcel({ weightOz: 151 * 16 }));
    expect(problems.map((problem) => problem.message)).toEqual(["UPS could not rate this parcel: Invalid Weight (111546)"]);
  });

  it("gives up on a UPS that does not answer, with a problem that says how long it waited", async () => {
    const ups = await upsAgainstFake();
    fake!.hang();
    const { quotes, problems } = await quoteLiveCarriers([ups], testParcel(), { timeoutMs: 300 });
    expect(quotes).toEqual([]);
    expect(problems.map((problem) => problem.message)).toEqual(["UPS did not answer within 0.3 s."]);
  });

  it("quotes international services with the destination country", async () => {
    const ups = await upsAgainstFake();
    const { quotes } = await quoteLiveCarriers([ups], testParcel({ toCountry: "CA", toPostalCode: "M5V 2T6", toCity: "Toronto", toState: "ON" }));
    expect(quotes.map((quote) => quote.serviceCode)).toEqual(["ups_standard_international", "ups_worldwide_saver"]);
    expect(JSON.parse(shopRequests()[0].body).RateRequest.Shipment.ShipTo.Address.CountryCode).toBe("CA");
  });
});
