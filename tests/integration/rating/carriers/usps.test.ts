import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearCarrierTokens, configuredLiveCarriers, quoteLiveCarriers, type LiveCarrier } from "@/lib/rating/carriers";
import type { Parcel } from "@/lib/rating/types";
import { asEnv, type CarrierFake } from "../../../fakes/carrier-oauth";
import { startUspsPricesFake, USPS_FAKE_CLIENT_ID, USPS_FAKE_CLIENT_SECRET, uspsError, type UspsPricesFakeOptions } from "../../../fakes/usps-prices/server";
import { testParcel } from "../../../helpers/rating";

let fake: CarrierFake | undefined;

beforeEach(() => clearCarrierTokens());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});


async function uspsAgainstFake(env: Record<string, string> = {}, options: UspsPricesFakeOptions = {}): Promise<LiveCarrier> {
  fake = await startUspsPricesFake(options);
  const [usps] = configuredLiveCarriers(asEnv({ USPS_CLIENT_ID: USPS_FAKE_CLIENT_ID, USPS_CLIENT_SECRET: USPS_FAKE_CLIENT_SECRET, USPS_API_BASE_URL: fake.url, ...env }));
  expect(usps.code).toBe("usps");
  return usps;
}

const searches = () => fake!.requests.filter((request) => request.url.pathname === "/prices/v3/base-rates/search");
const tokenRequests = () => fake!.requests.filter((request) => request.url.pathname === "/oauth2/v3/token");
const mailClassOf = (request: { body: string }) => JSON.parse(request.body).mailClass as string;

describe("USPS live rates", () => {
  it("searches base rates for each mail class and maps price, zone and weight", async () => {
    const usps = await uspsAgainstFake();
    const { quotes, problems } = await quoteLiveCarriers([usps], testParcel());

    expect(problems).toEqual([]);
    // 2.5 lb (3 lb priced), zone 3: Ground Advantage 500 + 3×60 + 3×25 = 755; Priority 900 + 270 + 120 = 1290;
    // Express 2800 + 450 + 240 = 3490.
    expect(quotes.map((quote) => [quote.serviceCode, quote.serviceName, quote.totalCents])).toEqual([
      ["usps_ground_advantage", "USPS Ground Advantage", 755],
      ["usps_priority_mail", "Priority Mail", 1290],
      ["usps_priority_mail_express", "Priority Mail Express", 3490],
    ]);
    expect(quotes[0]).toMatchObject({
      carrierCode: "usps",
      carrierName: "USPS",
      source: "live",
      samplePrices: false,
      zone: "03",
      billableWeightOz: 40,
      dimWeightOz: null,
      dimWeightUsed: false,
      deliveryDays: null,
      breakdown: { baseCents: 755, fuelCents: 0, oversizeCents: 0 },
    });
  });

  it("sends the documented search body with one token for every search", async () => {
    const usps = await uspsAgainstFake();
    await quoteLiveCarriers([usps], testParcel());
    await quoteLiveCarriers([usps], testParcel({ serviceCode: "usps_priority_mail" }));

    expect(tokenRequests()).toHaveLength(1);
    expect(JSON.parse(tokenRequests()[0].body)).toEqual({ grant_type: "client_credentials", client_id: USPS_FAKE_CLIENT_ID, client_secret: USPS_FAKE_CLIENT_SECRET });
    expect(searches()).toHaveLength(4);
    expect(searches().every((request) => request.headers.authorization === "Bearer usps-token-1")).toBe(true);
    expect(searches().map(mailClassOf).sort()).toEqual(["PRIORITY_MAIL", "PRIORITY_MAIL", "PRIORITY_MAIL_EXPRESS", "USPS_GROUND_ADVANTAGE"]);
    expect(JSON.parse(searches()[0].body)).toMatchObject({
      originZIPCode: "90210",
      destinationZIPCode: "10001",
      weight: 2.5,
      length: 10,
      width: 8,
      height: 6,
      processingCategory: "MACHINABLE",
      rateIndicator: "SP",
      destinationEntryFacilityType: "NONE",
      priceType: "COMMERCIAL",
      mailingDate: "2026-12-07",
    });
  });

  it("prices a large box by its dimensional weight and shows the nonstandard length fee", async () => {
    const usps = await uspsAgainstFake();
    const { quotes } = await quoteLiveCarriers([usps], testParcel({ weightOz: 32, dimensions: { lengthIn: 10, widthIn: 24, heightIn: 10 }, serviceCode: "usps_ground_advantage" }));
    const sent = JSON.parse(searches()[0].body);
    expect(sent).toMatchObject({ length: 24, width: 10, height: 10, processingCategory: "NON_MACHINABLE", rateIndicator: "DR" });
    // 2,400 in³ / 166 → 15 lb: 500 + 15×60 + 3×25 = 1475, plus the $4 fee.
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      totalCents: 1875,
      billableWeightOz: 240,
      dimWeightOz: 240,
      dimWeightUsed: true,
      breakdown: { baseCents: 1475, oversizeCents: 400 },
    });
  });

  it("leaves out a mail class USPS has no rates for, beside the classes it priced", async () => {
    const usps = await uspsAgainstFake({}, { unavailableMailClasses: ["PRIORITY_MAIL_EXPRESS"] });
    const { quotes, problems } = await quoteLiveCarriers([usps], testParcel());
    expect(problems).toEqual([]);
    expect(quotes.map((quote) => quote.serviceCode)).toEqual(["usps_ground_advantage", "usps_priority_mail"]);
  });

  it("says what USPS said when it prices none of them", async () => {
    const usps = await uspsAgainstFake();
    fake!.failNext(400, uspsError(400, "OpenAPI request validation failed.", "destinationZIPCode is not a valid ZIP Code.", "destinationZIPCode"));
    const { quotes, problems } = await quoteLiveCarriers([usps], testParcel({ serviceCode: "usps_priority_mail" }));
    expect(quotes).toEqual([]);
    expect(problems).toMatchObject([
      {
        carrierCode: "usps",
        carrierName: "USPS",
        serviceCode: "usps_priority_mail",
        message: "USPS could not rate this parcel: OpenAPI request validation failed. destinationZIPCode is not a valid ZIP Code.",
      },
    ]);
  });

  it("fetches a new token once when USPS answers 401", async () => {
    const usps = await uspsAgainstFake();
    await quoteLiveCarriers([usps], testParcel({ serviceCode: "usps_ground_advantage" }));
    fake!.expireTokens();
    const { quotes, problems } = await quoteLiveCarriers([usps], testParcel());
    expect(problems).toEqual([]);
    expect(quotes).toHaveLength(3);
    // Three searches refused at once share one new token.
    expect(fake!.issuedTokens).toEqual(["usps-token-1", "usps-token-2"]);
  });

  it("says USPS refused the credentials", async () => {
    const usps = await uspsAgainstFake({ USPS_CLIENT_SECRET: "not-it" });
    const { problems } = await quoteLiveCarriers([usps], testParcel());
    expect(problems.map((problem) => problem.message)).toEqual([
      "USPS refused the credentials (401): Client authentication failed. Check USPS_CLIENT_ID and USPS_CLIENT_SECRET.",
    ]);
  });

  it("gives up on a USPS that does not answer", async () => {
    const usps = await uspsAgainstFake();
    fake!.hang();
    const { quotes, problems } = await quoteLiveCarriers([usps], testParcel(), { timeoutMs: 200 });
    expect(quotes).toEqual([]);
    expect(problems.map((problem) => problem.message)).toEqual(["USPS did not answer within 0.2 s."]);
  });

  it("does not ask USPS's domestic prices for an international parcel", async () => {
    const usps = await uspsAgainstFake();
    const { quotes, problems } = await quoteLiveCarriers([usps], testParcel({ toCountry: "CA", toPostalCode: "M5V 2T6" }));
    expect({ quotes, problems }).toEqual({ quotes: [], problems: [] });
    expect(searches()).toHaveLength(0);
  });
});
