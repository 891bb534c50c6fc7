import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fetchZoneChartAction, saveLocationAction, uploadZoneChartAction } from "@/app/(app)/settings/locations/actions";
import { listShipFromLocations } from "@/lib/rating/ship-from-locations";
import { listUspsZoneCharts } from "@/lib/rating/zone-charts";
import { startUspsZonesFake, type UspsZonesFake } from "../../fakes/usps-zones/server";
import { useTestDatabase } from "../../helpers/database";
import { formOf as form, redirectOf } from "../../helpers/server-actions";
import { createMerchant } from "../../helpers/workspaces";

// Outside Next.js there is no request: the signed-in user is the test's; the rest is the real code.
const request = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (request.userId ? { user: { id: request.userId } } : null) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers({ "accept-language": "en" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

useTestDatabase();

let usps: UspsZonesFake;
let workspaceId: string;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  usps = await startUspsZonesFake();
  process.env.USPS_ZONE_CHART_URL = usps.url;
});

afterAll(async () => {
  delete process.env.USPS_ZONE_CHART_URL;
  await usps.close();
});

beforeEach(async () => {
  const merchant = await createMerchant();
  request.userId = merchant.userId;
  workspaceId = merchant.workspaceId;
});


const WAREHOUSE = { name: "Warehouse", street1: "100 Main St", city: "Los Angeles", state: "CA", postalCode: "90210", country: "US" };


describe("the locations page's actions", () => {
  it("names the wrong fields of the form, keeps what was typed, and saves it once fixed (USPS failing or not)", async () => {
    const failed = await saveLocationAction(null, null, {}, form({ ...WAREHOUSE, postalCode: "9021" }));
    expect(failed).toEqual({ error: "Check the highlighted fields.", fieldErrors: { postalCode: ["Enter a 5-digit ZIP code, e.g. 90210."] }, values: { ...WAREHOUSE, postalCode: "9021" } });

    usps.failNext(1, 503);
    expect(await saveLocationAction(null, null, {}, form(WAREHOUSE))).toEqual({ message: "Location saved." });
    expect(await listShipFromLocations(workspaceId)).toEqual([expect.objectContaining({ name: "Warehouse", isDefault: true })]);
  });

  it("goes back to the page that asked for the first location", async () => {
    expect(await redirectOf(saveLocationAction(null, "/rates", {}, form(WAREHOUSE)))).toBe("/rates");
    expect((await saveLocationAction(null, "https://evil.example", {}, form(WAREHOUSE))).error).toBe("Check the highlighted fields.");
  });

  it("Retry says what USPS answered; the upload reads the file for the row's origin", async () => {
    usps.failNext(1, 503);
    expect(await fetchZoneChartAction("902")).toMatchObject({ error: "USPS zone service answered 503" });

    const json = JSON.stringify({ ZIPCodeError: "", EffectiveDate: "April 1, 2024", Column0: [{ ZipCodes: "005---089", Zone: "8", MailService: "" }], Zip5Digit: [] });
    const file = new File([json], "902.json", { type: "application/json" });
    expect(await uploadZoneChartAction("902", {}, form({ file }))).toEqual({ message: "Uploaded: effective 2024-04-01." });
    expect(await listUspsZoneCharts(workspaceId)).toEqual([expect.objectContaining({ originZip3: "902", source: "upload" })]);

    const bad = await uploadZoneChartAction("902", {}, form({ file: new File(["[]"], "x.json") }));
    expect(bad.error).toBe("Not a USPS zone chart: expected a JSON object");
  });
});
