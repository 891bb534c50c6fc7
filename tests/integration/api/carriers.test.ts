import { afterEach, describe, expect, it, vi } from "vitest";
import { callRoute, createApiCredentials } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { addRateCard, testRateCard } from "../../helpers/rating";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

afterEach(() => vi.unstubAllEnvs());

async function get(route: "carriers" | "carriers/listservices" | "carriers/listpackages" | "carriers/getcarrier", authorization: string | null, query: Record<string, string> = {}) {
  const modules = {
    carriers: () => import("@/app/api/v1/carriers/route"),
    "carriers/listservices": () => import("@/app/api/v1/carriers/listservices/route"),
    "carriers/listpackages": () => import("@/app/api/v1/carriers/listpackages/route"),
    "carriers/getcarrier": () => import("@/app/api/v1/carriers/getcarrier/route"),
  };
  const { GET } = await modules[route]();
  return callRoute(GET, `/api/v1/${route}`, { authorization, query });
}

async function merchantWithKey() {
  const merchant = await createMerchant();
  const { authorization } = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, authorization };
}

describe("GET /carriers", () => {
  it("needs an API key", async () => {
    expect((await get("carriers", null)).status).toBe(401);
    expect((await get("carriers/listservices", null, { carrierCode: "usps" })).status).toBe(401);
  });

  it("lists a new account's sample card in ShipStation's shape, with its services, marked as sample prices", async () => {
    const { authorization } = await merchantWithKey();
    const response = await get("carriers", authorization);
    expect(response.status).toBe(200);
    const sample = response.json.find((carrier: { samplePrices: boolean }) => carrier.samplePrices);
    expect(sample).toMatchObject({ name: expect.any(String), code: expect.any(String), accountNumber: null, requiresFundedAccount: false, balance: 0, nickname: null, shippingProviderId: null, primary: true });
    expect(sample.services.length).toBeGreaterThan(0);
    for (const service of sample.services) {
      expect(service).toMatchObject({ carrierCode: sample.code, code: expect.any(String), name: expect.any(String), domestic: expect.any(Boolean), international: expect.any(Boolean), samplePrices: true });
    }
  });

  it("adds the workspace's own cards and the configured live carriers, one entry per carrier", async () => {
    const { workspaceId, authorization } = await merchantWithKey();
    await addRateCard(workspaceId, testRateCard());
    await addRateCard(workspaceId, testRateCard({ serviceCode: "usps_priority_mail", serviceName: "USPS Priority Mail" }));
    vi.stubEnv("UPS_CLIENT_ID", "id");
    vi.stubEnv("UPS_CLIENT_SECRET", "secret");

    const response = await get("carriers", authorization);
    const usps = response.json.find((carrier: { code: string }) => carrier.code === "usps");
    expect(usps.samplePrices).toBe(false);
    expect(usps.services.map((service: { code: string }) => service.code).sort()).toEqual(["usps_ground_advantage", "usps_priority_mail"]);
    expect(usps.services[0]).toMatchObject({ domestic: true, international: false, packageCode: "package" });
    const ups = response.json.find((carrier: { code: string }) => carrier.code === "ups");
    expect(ups.services.length).toBeGreaterThan(0);
    expect(response.json.filter((carrier: { code: string }) => carrier.code === "usps")).toHaveLength(1);
  });

  it("leaves out another workspace's cards", async () => {
    const other = await merchantWithKey();
    await addRateCard(other.workspaceId, testRateCard());
    const { authorization } = await merchantWithKey();
    const response = await get("carriers", authorization);
    expect(response.json.some((carrier: { code: string }) => carrier.code === "usps")).toBe(false);
  });
});

describe("GET /carriers/listservices, /listpackages, /getcarrier", () => {
  it("takes ShipStation's carrier codes", async () => {
    const { workspaceId, authorization } = await merchantWithKey();
    await addRateCard(workspaceId, testRateCard());

    const services = await get("carriers/listservices", authorization, { carrierCode: "stamps_com" });
    expect(services.status).toBe(200);
    expect(services.json).toEqual([
      expect.objectContaining({ carrierCode: "usps", code: "usps_ground_advantage", name: "USPS Ground Advantage", domestic: true, international: false }),
    ]);
    const packages = await get("carriers/listpackages", authorization, { carrierCode: "usps" });
    expect(packages.json).toEqual([{ carrierCode: "usps", code: "package", name: "Package", domestic: true, international: false }]);
    const carrier = await get("carriers/getcarrier", authorization, { carrierCode: "endicia" });
    expect(carrier.json).toMatchObject({ code: "usps", name: "USPS" });
  });

  it("names carrierCode when it is missing or unknown", async () => {
    const { authorization } = await merchantWithKey();
    for (const query of [{}, { carrierCode: "" }, { carrierCode: "dhl_express" }] as Record<string, string>[]) {
      const response = await get("carriers/listservices", authorization, query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(Object.keys(response.json.fieldErrors)).toEqual(["carrierCode"]);
    }
  });
});
