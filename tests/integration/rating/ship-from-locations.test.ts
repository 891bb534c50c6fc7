import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deleteShipFromLocation,
  getDefaultShipFromLocation,
  getShipFromLocation,
  listShipFromLocations,
  makeDefaultShipFromLocation,
  saveShipFromLocation,
  type ShipFromLocationInput,
} from "@/lib/rating/ship-from-locations";
import { fetchUspsZoneChart, listUspsZoneCharts } from "@/lib/rating/zone-charts";
import { startUspsZonesFake, type UspsZonesFake } from "../../fakes/usps-zones/server";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const TODAY = "2024-05-02";
const warehouse: ShipFromLocationInput = { name: "Warehouse", street1: "100 Main St", city: "Los Angeles", state: "ca", postalCode: "90210", isDefault: false };
const studio: ShipFromLocationInput = { name: "Studio", company: "Ada Goods", street1: "1 Elm St", street2: "", city: "Beverly Hills", state: "CA", postalCode: "90212-1234", phone: "" };

let usps: UspsZonesFake;

beforeAll(async () => {
  usps = await startUspsZonesFake();
  usps.addChart("902", { effectiveDate: "2024-04-01", zip3s: [["005---089", "8"], ["900---908", "1*"]] });
  process.env.USPS_ZONE_CHART_URL = usps.url;
  process.env.USPS_ZONE_CHART_TIMEOUT_MS = "300";
});

afterAll(async () => {
  delete process.env.USPS_ZONE_CHART_URL;
  delete process.env.USPS_ZONE_CHART_TIMEOUT_MS;
  await usps.close();
});

describe("saveShipFromLocation", () => {
  it("makes the first location the default, and moves the default when another is made default", async () => {
    const { workspaceId } = await createMerchant();
    const first = await saveShipFromLocation(workspaceId, null, warehouse, { today: TODAY });
    expect(first.location).toMatchObject({ name: "Warehouse", state: "CA", country: "US", company: null, isDefault: true, originZip3: "902" });

    const second = await saveShipFromLocation(workspaceId, null, studio, { today: TODAY });
    expect(second.location).toMatchObject({ isDefault: false, company: "Ada Goods", street2: null, phone: null, postalCode: "90212-1234" });

    await saveShipFromLocation(workspaceId, second.location.id, { ...studio, isDefault: "on" } as ShipFromLocationInput, { today: TODAY });
    expect((await getDefaultShipFromLocation(workspaceId))?.id).toBe(second.location.id);
    expect((await listShipFromLocations(workspaceId)).map((location) => [location.name, location.isDefault])).toEqual([
      ["Studio", true],
      ["Warehouse", false],
    ]);

    // Unticking "default" on the default does not leave the workspace without one.
    await saveShipFromLocation(workspaceId, second.location.id, { ...studio, isDefault: false }, { today: TODAY });
    expect((await getDefaultShipFromLocation(workspaceId))?.id).toBe(second.location.id);

    await makeDefaultShipFromLocation(workspaceId, first.location.id);
    expect((await getDefaultShipFromLocation(workspaceId))?.id).toBe(first.location.id);
  });

  it("names the fields that are wrong", async () => {
    const { workspaceId } = await createMerchant();
    const error = await rejection(saveShipFromLocation(workspaceId, null, { ...warehouse, city: " ", postalCode: "9021", state: "California" }));
    expect(error.code).toBe("invalid_input");
    expect(error.fieldErrors).toEqual({ city: ["Enter the city."], postalCode: ["Enter a 5-digit ZIP code, e.g. 90210."], state: ["Enter the 2-letter state, e.g. CA."] });
    expect(await listShipFromLocations(workspaceId)).toEqual([]);
  });

  it("fetches the origin's USPS chart when the workspace has none for it, once", async () => {
    const { workspaceId } = await createMerchant();
    const seen = usps.chartRequests().length;
    const saved = await saveShipFromLocation(workspaceId, null, warehouse, { today: TODAY });
    expect(saved.zoneChart).toMatchObject({ originZip3: "902", error: null, chart: { effectiveDate: "2024-04-01", source: "usps_service" } });
    expect(usps.chartRequests().slice(seen)).toEqual([{ zipCode3Digit: "902", shippingDate: "5/2/2024" }]);

    await saveShipFromLocation(workspaceId, null, studio, { today: TODAY });
    expect(usps.chartRequests()).toHaveLength(seen + 1);
  });

  it("saves the location when USPS fails, says why, and a retry then stores the chart", async () => {
    const { workspaceId } = await createMerchant();
    usps.failNext(1, 503);
    const saved = await saveShipFromLocation(workspaceId, null, warehouse, { today: TODAY });
    expect(saved.zoneChart).toEqual({ originZip3: "902", chart: null, error: "USPS zone service answered 503" });
    expect(await getShipFromLocation(workspaceId, saved.location.id)).toMatchObject({ name: "Warehouse" });

    usps.hangNext();
    const again = await saveShipFromLocation(workspaceId, saved.location.id, warehouse, { today: TODAY });
    expect(again.zoneChart?.error).toBe("USPS zone service did not answer in 0.3 s");

    await fetchUspsZoneChart(workspaceId, "902", TODAY);
    expect((await listUspsZoneCharts(workspaceId)).map((chart) => chart.effectiveDate)).toEqual(["2024-04-01"]);
  });

  it("asks USPS nothing for a location outside the US", async () => {
    const { workspaceId } = await createMerchant();
    const seen = usps.chartRequests().length;
    const saved = await saveShipFromLocation(workspaceId, null, { name: "Lyon", street1: "1 rue de la République", city: "Lyon", postalCode: "69002", country: "fr" });
    expect(saved).toMatchObject({ location: { country: "FR", state: null, originZip3: null }, zoneChart: null });
    expect(usps.chartRequests()).toHaveLength(seen);
  });
});

describe("deleteShipFromLocation and workspace scoping", () => {
  it("promotes another location when the default is deleted", async () => {
    const { workspaceId } = await createMerchant();
    const first = await saveShipFromLocation(workspaceId, null, warehouse, { today: TODAY });
    const second = await saveShipFromLocation(workspaceId, null, studio, { today: TODAY });
    await deleteShipFromLocation(workspaceId, first.location.id);
    expect(await listShipFromLocations(workspaceId)).toEqual([expect.objectContaining({ id: second.location.id, isDefault: true })]);
    await deleteShipFromLocation(workspaceId, second.location.id);
    expect(await getDefaultShipFromLocation(workspaceId)).toBeNull();
  });

  it("answers another workspace's location as not found, for reading, saving, defaulting and deleting", async () => {
    const ada = await createMerchant();
    const bea = await createMerchant("Bea Merchant");
    const { location } = await saveShipFromLocation(ada.workspaceId, null, warehouse, { today: TODAY });
    expect((await rejection(getShipFromLocation(bea.workspaceId, location.id))).code).toBe("not_found");
    expect((await rejection(saveShipFromLocation(bea.workspaceId, location.id, studio, { today: TODAY }))).code).toBe("not_found");
    expect((await rejection(makeDefaultShipFromLocation(bea.workspaceId, location.id))).code).toBe("not_found");
    expect((await rejection(deleteShipFromLocation(bea.workspaceId, location.id))).code).toBe("not_found");
    expect(await listShipFromLocations(bea.workspaceId)).toEqual([]);
    expect(await getShipFromLocation(ada.workspaceId, location.id)).toMatchObject({ name: "Warehouse", isDefault: true });
  });
});
