import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearCarrierTokens, configuredLiveCarriers, liveRatesTimeoutMs, quoteLiveCarriers, type LiveCarrier } from "@/lib/rating/carriers";
import type { Parcel } from "@/lib/rating/types";
import { asEnv, type CarrierFake } from "../../../fakes/carrier-oauth";
import { testParcel } from "../../../helpers/rating";
import { FEDEX_FAKE_ACCOUNT, FEDEX_FAKE_CLIENT_ID, FEDEX_FAKE_CLIENT_SECRET, startFedexFake } from "../../../fakes/fedex/server";
import { startUpsFake, UPS_FAKE_CLIENT_ID, UPS_FAKE_CLIENT_SECRET } from "../../../fakes/ups/server";
import { startUspsPricesFake, USPS_FAKE_CLIENT_ID, USPS_FAKE_CLIENT_SECRET } from "../../../fakes/usps-prices/server";

const parcel = testParcel({ toCity: null, toState: null });

const ALL_CREDENTIALS = {
  USPS_CLIENT_ID: "a",
  USPS_CLIENT_SECRET: "b",
  UPS_CLIENT_ID: "c",
  UPS_CLIENT_SECRET: "d",
  FEDEX_CLIENT_ID: "e",
  FEDEX_CLIENT_SECRET: "f",
  FEDEX_ACCOUNT_NUMBER: "g",
};

let fakes: CarrierFake[] = [];
beforeEach(() => clearCarrierTokens());
afterEach(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
  vi.restoreAllMocks();
});

async function allThreeAgainstFakes() {
  const [usps, ups, fedex] = await Promise.all([startUspsPricesFake(), startUpsFake(), startFedexFake()]);
  fakes = [usps, ups, fedex];
  const carriers = configuredLiveCarriers(asEnv({
    USPS_CLIENT_ID: USPS_FAKE_CLIENT_ID,
    USPS_CLIENT_SECRET: USPS_FAKE_CLIENT_SECRET,
    USPS_API_BASE_URL: usps.url,
    UPS_CLIENT_ID: UPS_FAKE_CLIENT_ID,
    UPS_CLIENT_SECRET: UPS_FAKE_CLIENT_SECRET,
    UPS_API_BASE_URL: ups.url,
    FEDEX_CLIENT_ID: FEDEX_FAKE_CLIENT_ID,
    FEDEX_CLIENT_SECRET: FEDEX_FAKE_CLIENT_SECRET,
    FEDEX_ACCOUNT_NUMBER: FEDEX_FAKE_ACCOUNT,
    FEDEX_API_BASE_URL: fedex.url,
  }));
  return { carriers, fakes: { usps, ups, fedex } };
}

describe("configuredLiveCarriers", () => {
  it("offers no live carrier when no credentials are set", () => {
    expect(configuredLiveCarriers(asEnv({}))).toEqual([]);
  });

  it("offers each carrier whose credentials are complete, in a stable order", () => {
    expect(configuredLiveCarriers(asEnv(ALL_CREDENTIALS)).map((carrier) => [carrier.code, carrier.name])).toEqual([
      ["usps", "USPS"],
      ["ups", "UPS"],
      ["fedex", "FedEx"],
    ]);
    expect(configuredLiveCarriers(asEnv({ UPS_CLIENT_ID: "c", UPS_CLIENT_SECRET: "d" })).map((carrier) => carrier.code)).toEqual(["ups"]);
  });

  it("leaves out a carrier with half its credentials, or blank ones", () => {
    const { USPS_CLIENT_SECRET: _usps, FEDEX_ACCOUNT_NUMBER: _fedex, ...partial } = ALL_CREDENTIALS;
    expect(configuredLiveCarriers(asEnv({ ...partial, UPS_CLIENT_SECRET: "  " })).map((carrier) => carrier.code)).toEqual([]);
  });

  it("lists each carrier's services with ShipStation's service codes", () => {
    const [usps, ups, fedex] = configuredLiveCarriers(asEnv(ALL_CREDENTIALS));
    expect(usps.services.map((service) => service.code)).toContain("usps_priority_mail");
    expect(ups.services).toContainEqual({ code: "ups_ground", name: "UPS Ground" });
    expect(fedex.services).toContainEqual({ code: "fedex_2day", name: "FedEx 2Day" });
  });
});

describe("quoteLiveCarriers", () => {
  it("quotes all three carriers at once", async () => {
    const { carriers } = await allThreeAgainstFakes();
    const { quotes, problems } = await quoteLiveCarriers(carriers, parcel);
    expect(problems).toEqual([]);
    expect(new Set(quotes.map((quote) => quote.carrierCode))).toEqual(new Set(["usps", "ups", "fedex"]));
    expect(quotes.every((quote) => quote.source === "live" && !quote.samplePrices)).toBe(true);
  });

  it("shows the others' quotes and one problem when a carrier hangs", async () => {
    const { carriers, fakes: started } = await allThreeAgainstFakes();
    started.ups.hang();
    const { quotes, problems } = await quoteLiveCarriers(carriers, parcel, { timeoutMs: 400 });
    expect(problems).toMatchObject([{ carrierCode: "ups", carrierName: "UPS", serviceCode: null, message: "UPS did not answer within 0.4 s." }]);
    expect(quotes.filter((quote) => quote.carrierCode === "usps")).toHaveLength(3);
    expect(quotes.filter((quote) => quote.carrierCode === "fedex")).toHaveLength(3);
    expect(quotes.some((quote) => quote.carrierCode === "ups")).toBe(false);
  });

  it("shows the others' quotes beside a carrier's refusal", async () => {
    const { carriers, fakes: started } = await allThreeAgainstFakes();
    started.fedex.failNext(500);
    const { quotes, problems } = await quoteLiveCarriers(carriers, parcel);
    expect(problems.map((problem) => problem.carrierCode)).toEqual(["fedex"]);
    expect(problems[0].message).toMatch(/^FedEx answered 500 \(server error\)/);
    expect(quotes).toHaveLength(6);
  });

  it("asks only the carrier named, by our code or ShipStation's", async () => {
    const { carriers, fakes: started } = await allThreeAgainstFakes();
    const { quotes } = await quoteLiveCarriers(carriers, { ...parcel, carrierCode: "stamps_com" });
    expect(new Set(quotes.map((quote) => quote.carrierCode))).toEqual(new Set(["usps"]));
    expect(started.ups.requests).toHaveLength(0);
    expect(started.fedex.requests).toHaveLength(0);
  });

  it("asks only the carrier that offers the service named, for that service only", async () => {
    const { carriers, fakes: started } = await allThreeAgainstFakes();
    const { quotes, problems } = await quoteLiveCarriers(carriers, { ...parcel, serviceCode: "fedex_2day" });
    expect(problems).toEqual([]);
    expect(quotes.map((quote) => quote.serviceCode)).toEqual(["fedex_2day"]);
    expect(started.usps.requests).toHaveLength(0);
    expect(started.ups.requests).toHaveLength(0);
  });

  it("stops waiting for an adapter that ignores its signal", async () => {
    const stuck: LiveCarrier = { code: "stuck", name: "Stuck", services: [], quote: () => new Promise(() => undefined) };
    const { problems } = await quoteLiveCarriers([stuck], parcel, { timeoutMs: 50 });
    expect(problems.map((problem) => problem.message)).toEqual(["Stuck did not answer within 0.05 s."]);
  });

  it("never shows an unexpected error's own text", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken: LiveCarrier = {
      code: "broken",
      name: "Broken",
      services: [],
      quote: async () => {
        throw new Error("TypeError at /srv/app/secret-path.js with token=abc");
      },
    };
    const { problems } = await quoteLiveCarriers([broken], parcel);
    expect(problems.map((problem) => problem.message)).toEqual(["Broken could not quote this parcel (unexpected error)."]);
  });

  it("names the variable when a carrier's base URL is not a URL", async () => {
    const [ups] = configuredLiveCarriers(asEnv({ UPS_CLIENT_ID: "c", UPS_CLIENT_SECRET: "d", UPS_API_BASE_URL: "onlinetools ups com" }));
    const { problems } = await quoteLiveCarriers([ups], parcel);
    expect(problems.map((problem) => problem.message)).toEqual(['UPS_API_BASE_URL is not a valid http(s) URL ("onlinetools ups com").']);
  });

  it("says when a carrier cannot be reached", async () => {
    const fake = await startUpsFake();
    const url = fake.url;
    await fake.close();
    const [ups] = configuredLiveCarriers(asEnv({ UPS_CLIENT_ID: "c", UPS_CLIENT_SECRET: "d", UPS_API_BASE_URL: url }));
    const { problems } = await quoteLiveCarriers([ups], parcel);
    expect(problems.map((problem) => problem.message)).toEqual(["UPS could not be reached (ECONNREFUSED)."]);
  });

  it("waits 8 s by default, or LIVE_RATES_TIMEOUT_MS", () => {
    expect(liveRatesTimeoutMs(asEnv({}))).toBe(8000);
    expect(liveRatesTimeoutMs(asEnv({ LIVE_RATES_TIMEOUT_MS: "2500" }))).toBe(2500);
    expect(liveRatesTimeoutMs(asEnv({ LIVE_RATES_TIMEOUT_MS: "soon" }))).toBe(8000);
  });
});
