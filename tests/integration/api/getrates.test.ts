import { describe, expect, it } from "vitest";
import { callRoute, createApiCredentials } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { addRateCard, testRateCard, uspsZonedRateCard } from "../../helpers/rating";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function getRates(authorization: string | null, body: unknown, rawBody?: string) {
  const { POST } = await import("@/app/api/v1/shipments/getrates/route");
  return callRoute(POST, "/api/v1/shipments/getrates", { method: "POST", authorization, body, rawBody });
}

async function merchantWithKey() {
  const merchant = await createMerchant();
  const { authorization } = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, authorization };
}

/** ShipStation's documented getrates example, one pound from Austin to Los Angeles. */
const parcel = (overrides: Record<string, unknown> = {}) => ({
  carrierCode: "stamps_com",
  serviceCode: null,
  packageCode: null,
  fromPostalCode: "78703",
  toState: "CA",
  toCountry: "US",
  toPostalCode: "90210",
  toCity: "Beverly Hills",
  weight: { value: 1, units: "pounds" },
  dimensions: { units: "inches", length: 7, width: 5, height: 6 },
  confirmation: "delivery",
  residential: false,
  ...overrides,
});

describe("POST /shipments/getrates", () => {
  it("needs an API key", async () => {
    const response = await getRates(null, parcel());
    expect(response.status).toBe(401);
    expect(response.json.code).toBe("unauthorized");
  });

  it("quotes USPS's cards for ShipStation's stamps_com, in dollars: shipmentCost the base, otherCost the rest", async () => {
    const { workspaceId, authorization } = await merchantWithKey();
    await addRateCard(workspaceId, testRateCard());

    for (const carrierCode of ["stamps_com", "usps", "endicia", "USPS"]) {
      const response = await getRates(authorization, parcel({ carrierCode, confirmation: "signature" }));
      expect(response.status, carrierCode).toBe(200);
      expect(response.json).toEqual([{ serviceName: "USPS Ground Advantage", serviceCode: "usps_ground_advantage", shipmentCost: 8, otherCost: 3.5 }]);
    }
  });

  it("labels the built-in sample card's prices as sample prices, not carrier prices", async () => {
    const { authorization } = await merchantWithKey();
    const response = await getRates(authorization, parcel({ carrierCode: "sample" }));
    expect(response.status).toBe(200);
    expect(response.json.length).toBeGreaterThan(0);
    for (const rate of response.json) {
      expect(Object.keys(rate).sort()).toEqual(["otherCost", "serviceCode", "serviceName", "shipmentCost"]);
      expect(rate.serviceName).toMatch(/ \(sample prices, not carrier prices\)$/);
      expect(rate.shipmentCost).toBeGreaterThan(0);
    }
  });

  it("refuses a carrier this account does not rate with, naming carrierCode", async () => {
    const { authorization } = await merchantWithKey();
    const response = await getRates(authorization, parcel({ carrierCode: "dhl_express" }));
    expect(response.status).toBe(400);
    expect(response.json.code).toBe("invalid_input");
    expect(Object.keys(response.json.fieldErrors)).toEqual(["carrierCode"]);
    expect(response.json.message).toContain("dhl_express");
  });

  it("names every wrong field at once", async () => {
    const { authorization } = await merchantWithKey();
    const response = await getRates(authorization, {
      toCountry: "USA",
      toPostalCode: "9021",
      weight: { value: -1, units: "stones" },
      dimensions: { units: "inches", length: 0, width: 5, height: 6 },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.json.fieldErrors).sort()).toEqual(
      ["carrierCode", "dimensions.length", "fromPostalCode", "toCountry", "weight.units", "weight.value"].sort(),
    );
    expect(response.json.message).toMatch(/carrierCode/);
  });

  it("refuses malformed JSON and a body that is not an object", async () => {
    const { authorization } = await merchantWithKey();
    expect((await getRates(authorization, undefined, "{")).status).toBe(400);
    const list = await getRates(authorization, [parcel()]);
    expect(list.status).toBe(400);
    expect(list.json.message).toMatch(/JSON object/);
  });

  it("answers the carrier's problem as a 400, not an empty list", async () => {
    const { workspaceId, authorization } = await merchantWithKey();
    await addRateCard(workspaceId, uspsZonedRateCard());
    const response = await getRates(authorization, parcel({ carrierCode: "stamps_com" }));
    expect(response.status).toBe(400);
    expect(response.json.message).toMatch(/zone chart/i);
  });
});
