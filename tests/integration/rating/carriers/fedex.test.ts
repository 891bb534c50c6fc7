import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearCarrierTokens, configuredLiveCarriers, quoteLiveCarriers, type LiveCarrier } from "@/lib/rating/carriers";
import type { Parcel } from "@/lib/rating/types";
import { asEnv, type CarrierFake } from "../../../fakes/carrier-oauth";
import { FEDEX_FAKE_ACCOUNT, FEDEX_FAKE_CLIENT_ID, FEDEX_FAKE_CLIENT_SECRET, fedexError, startFedexFake } from "../../../fakes/fedex/server";
import { testParcel } from "../../../helpers/rating";

let fake: CarrierFake | undefined;

beforeEach(() => clearCarrierTokens());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});


async function fedexAgainstFake(env: Record<string, string> = {}): Promise<LiveCarrier> {
  fake = await startFedexFake();
  const [fedex] = configuredLiveCarriers(asEnv({
    FEDEX_CLIENT_ID: FEDEX_FAKE_CLIENT_ID,
    FEDEX_CLIENT_SECRET: FEDEX_FAKE_CLIENT_SECRET,
    FEDEX_ACCOUNT_NUMBER: FEDEX_FAKE_ACCOUNT,
    FEDEX_API_BASE_URL: fake.url,
    ...env,
  }));
  expect(fedex.code).toBe("fedex");
  return fedex;
}

const quoteRequests = () => fake!.requests.filter((request) => request.url.pathname === "/rate/v1/rates/quotes");
const tokenRequests = () => fake!.requests.filter((request) => request.url.pathname === "/oauth/token");

describe("FedEx live rates", () => {
  it("quotes every service at the account's rate, with zone, billed weight, DIM and transit days", async () => {
    const fedex = await fedexAgainstFake();
    const { quotes, problems } = await quoteLiveCarriers([fedex], testParcel());

    expect(problems).toEqual([]);
    expect(quotes.map((quote) => quote.serviceCode)).toEqual(["fedex_ground", "fedex_2day", "fedex_priority_overnight"]);
    // 2.5 lb in a 10×8×6 box: DIM 480/139 → 4 lb billed; zone 3. Ground list base 950 + 4×85 + 3×45 = 1425,
    // account base 90 % = 1283 (1282.5 rounded), fuel 14 % = 180 (179.62 rounded).
    expect(quotes[0]).toMatchObject({
      carrierCode: "fedex",
      carrierName: "FedEx",
      serviceName: "FedEx Ground",
      source: "live",
      samplePrices: false,
      totalCents: 1463,
      zone: "3",
      zoneSource: "FedEx's live rate answer",
      billableWeightOz: 64,
      dimWeightUsed: true,
      deliveryDays: 3,
      breakdown: { baseCents: 1283, fuelCents: 180, residentialCents: 0, confirmationCents: 0 },
    });
    expect(quotes[2].deliveryDays).toBe(1);
  });

  it("sends the documented quote request and reuses its token", async () => {
    const fedex = await fedexAgainstFake();
    await quoteLiveCarriers([fedex], testParcel({ residential: true, confirmation: "adult_signature" }));
    await quoteLiveCarriers([fedex], testParcel());

    expect(tokenRequests()).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(tokenRequests()[0].body))).toEqual({
      grant_type: "client_credentials",
      client_id: FEDEX_FAKE_CLIENT_ID,
      client_secret: FEDEX_FAKE_CLIENT_SECRET,
    });
    expect(quoteRequests().map((request) => request.headers.authorization)).toEqual(["Bearer fedex-token-1", "Bearer fedex-token-1"]);
    const sent = JSON.parse(quoteRequests()[0].body);
    expect(sent.accountNumber).toEqual({ value: FEDEX_FAKE_ACCOUNT });
    expect(sent.requestedShipment).toMatchObject({
      shipper: { address: { postalCode: "90210", countryCode: "US" } },
      recipient: { address: { postalCode: "10001", countryCode: "US", city: "New York", stateOrProvinceCode: "NY", residential: true } },
      pickupType: "DROPOFF_AT_FEDEX_LOCATION",
      rateRequestType: ["ACCOUNT", "LIST"],
      shipDateStamp: "2026-12-07",
      requestedPackageLineItems: [
        {
          weight: { units: "LB", value: 2.5 },
          dimensions: { length: 10, width: 8, height: 6, units: "IN" },
          packageSpecialServices: { specialServiceTypes: ["SIGNATURE_OPTION"], signatureOptionType: "ADULT" },
        },
      ],
    });
  });

  it("puts residential delivery and the adult signature in their columns", async () => {
    const fedex = await fedexAgainstFake();
    const { quotes } = await quoteLiveCarriers([fedex], testParcel({ residential: true, confirmation: "adult_signature", serviceCode: "fedex_home_delivery" }));
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      serviceCode: "fedex_home_delivery",
      serviceName: "FedEx Home Delivery",
      totalCents: 2923,
      breakdown: { baseCents: 1283, fuelCents: 180, residentialCents: 560, confirmationCents: 900 },
    });
  });

  it("fetches a new token once when FedEx says the token expired", async () => {
    const fedex = await fedexAgainstFake();
    await quoteLiveCarriers([fedex], testParcel());
    fake!.expireTokens();
    const { quotes, problems } = await quoteLiveCarriers([fedex], testParcel());
    expect(problems).toEqual([]);
    expect(quotes).toHaveLength(3);
    expect(fake!.issuedTokens).toEqual(["fedex-token-1", "fedex-token-2"]);
  });

  it("says FedEx refused the credentials, in FedEx's words", async () => {
    const fedex = await fedexAgainstFake({ FEDEX_CLIENT_ID: "someone-else" });
    const { problems } = await quoteLiveCarriers([fedex], testParcel());
    expect(problems.map((problem) => problem.message)).toEqual([
      "FedEx refused the credentials (401): The given client credentials were not valid. Please modify your request and try again. (NOT.AUTHORIZED.ERROR). Check FEDEX_CLIENT_ID and FEDEX_CLIENT_SECRET (and FEDEX_ACCOUNT_NUMBER).",
    ]);
  });

  it("passes FedEx's validation message through", async () => {
    const fedex = await fedexAgainstFake({ FEDEX_ACCOUNT_NUMBER: "000000000" });
    const { problems } = await quoteLiveCarriers([fedex], testParcel());
    expect(problems.map((problem) => problem.message)).toEqual([
      "FedEx could not rate this parcel: Please provide a valid shipping account number. (ACCOUNTNUMBER.REGISTRATION.REQUIRED)",
    ]);

    fake!.failNext(503, fedexError("SERVICE.UNAVAILABLE.ERROR", "The service is currently unavailable and we are working to resolve the issue."));
    const { problems: later } = await quoteLiveCarriers([fedex], testParcel());
    expect(later[0].message).toBe("FedEx answered 503 (server error): The service is currently unavailable and we are working to resolve the issue. (SERVICE.UNAVAILABLE.ERROR).");
  });

  it("gives up on a FedEx that does not answer", async () => {
    const fedex = await fedexAgainstFake();
    fake!.hang();
    const { quotes, problems } = await quoteLiveCarriers([fedex], testParcel(), { timeoutMs: 250 });
    expect(quotes).toEqual([]);
    expect(problems).toMatchObject([{ carrierCode: "fedex", carrierName: "FedEx", serviceCode: null, message: "FedEx did not answer within 0.25 s." }]);
  });
});
