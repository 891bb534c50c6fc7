import { describe, expect, it } from "vitest";
import { callRoute, createApiCredentials } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { addRateCard, testRateCard, uspsZonedRateCard } from "../../helpers/rating";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function rates(authorization: string | null, body: unknown) {
  const { POST } = await import("@/app/api/v1/rates/route");
  return callRoute(POST, "/api/v1/rates", { method: "POST", authorization, body });
}

async function merchantWithKey() {
  const merchant = await createMerchant();
  const { authorization } = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, authorization };
}

const parcel = (overrides: Record<string, unknown> = {}) => ({
  fromPostalCode: "78703",
  toCountry: "US",
  toPostalCode: "90210",
  weight: { value: 16, units: "ounces" },
  confirmation: "signature",
  ...overrides,
});

interface ApiQuote {
  carrierCode: string;
  serviceCode: string;
  samplePrices: boolean;
  notes: string | null;
  total: number;
  breakdown: Record<string, number>;
}

describe("POST /rates", () => {
  it("needs an API key", async () => {
    expect((await rates(null, parcel())).status).toBe(401);
  });

  it("quotes every carrier at once, each price with its breakdown in dollars, zone and delivery days", async () => {
    const { workspaceId, authorization } = await merchantWithKey();
    await addRateCard(workspaceId, testRateCard());

    const response = await rates(authorization, parcel());

    expect(response.status).toBe(200);
    const usps = response.json.quotes.find((quote: ApiQuote) => quote.carrierCode === "usps");
    expect(usps).toMatchObject({
      serviceCode: "usps_ground_advantage",
      source: "rate_card",
      samplePrices: false,
      notes: null,
      zone: "5",
      deliveryDays: 3,
      billableWeight: { value: 16, units: "ounces" },
      dimWeightUsed: false,
      total: 11.5,
      breakdown: { base: 8, fuel: 0, residential: 0, deliveryArea: 0, additionalHandling: 0, oversize: 0, confirmation: 3.5 },
    });
    const samples = response.json.quotes.filter((quote: ApiQuote) => quote.samplePrices);
    expect(samples.length).toBeGreaterThan(0);
    for (const quote of samples as ApiQuote[]) {
      expect(quote.notes).toMatch(/sample prices, not carrier prices/i);
      const sum = Object.values(quote.breakdown as Record<string, number>).reduce((total, value) => total + value, 0);
      expect(Math.round(sum * 100)).toBe(Math.round(quote.total * 100));
    }
    expect(response.json.problems).toEqual([]);
  });

  it("narrows to one carrier when carrierCode is given, ShipStation's codes included", async () => {
    const { workspaceId, authorization } = await merchantWithKey();
    await addRateCard(workspaceId, testRateCard());
    const response = await rates(authorization, parcel({ carrierCode: "stamps_com" }));
    expect(response.status).toBe(200);
    expect(response.json.quotes.map((quote: ApiQuote) => quote.carrierCode)).toEqual(["usps"]);

    const unknown = await rates(authorization, parcel({ carrierCode: "dhl_express" }));
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.json.fieldErrors)).toEqual(["carrierCode"]);
  });

  it("shows a card that cannot quote as a problem beside the other quotes", async () => {
    const { workspaceId, authorization } = await merchantWithKey();
    await addRateCard(workspaceId, testRateCard());
    await addRateCard(workspaceId, uspsZonedRateCard());
    const response = await rates(authorization, parcel());
    expect(response.status).toBe(200);
    expect(response.json.quotes.some((quote: ApiQuote) => quote.serviceCode === "usps_ground_advantage")).toBe(true);
    expect(response.json.problems).toEqual([expect.objectContaining({ carrierCode: "usps", message: expect.stringMatching(/zone chart/i) })]);
  });

  it("names the wrong fields", async () => {
    const { authorization } = await merchantWithKey();
    const response = await rates(authorization, parcel({ toPostalCode: "ABCDE", weight: { value: "heavy", units: "pounds" } }));
    expect(response.status).toBe(400);
    expect(Object.keys(response.json.fieldErrors)).toEqual(["weight.value"]);
    const zip = await rates(authorization, parcel({ toPostalCode: "ABCDE" }));
    expect(Object.keys(zip.json.fieldErrors)).toEqual(["toPostalCode"]);
  });
});
