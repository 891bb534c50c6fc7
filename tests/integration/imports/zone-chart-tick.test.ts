import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listUspsZoneCharts, storeUspsZoneChart } from "@/lib/rating/zone-charts";
import { forgetZoneChartLook, refreshZoneChartsOnTick } from "@/lib/rating/zone-chart-tick";
import { parseUspsZoneChartJson } from "@/lib/rating/usps-zone-chart";
import { startUspsZonesFake, type UspsZonesFake } from "../../fakes/usps-zones/server";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const DAY = 86_400_000;
let usps: UspsZonesFake;

beforeAll(async () => {
  usps = await startUspsZonesFake();
  usps.addChart("902", { effectiveDate: "2024-04-01", zip3s: [["005---999", "8"]], zip5s: [] });
  usps.addChart("902", { effectiveDate: "2024-07-14", zip3s: [["005---999", "7"]], zip5s: [] });
  process.env.USPS_ZONE_CHART_URL = usps.url;
  process.env.USPS_ZONE_CHART_TIMEOUT_MS = "500";
});
afterAll(async () => {
  delete process.env.USPS_ZONE_CHART_URL;
  delete process.env.USPS_ZONE_CHART_TIMEOUT_MS;
  await usps.close();
});
beforeEach(() => forgetZoneChartLook());

/** A workspace holding 902's April chart, fetched long enough ago to be due again. */
async function merchantWithOldChart() {
  const merchant = await createMerchant();
  const chart = parseUspsZoneChartJson({ originMin: "90200", originMax: "90299", effectiveDateRaw: "April 1, 2024", zip3s: [{ ZipCodes: "005---999", Zone: "8", MailService: "" }], zip5s: [] });
  await storeUspsZoneChart(merchant.workspaceId, chart, { source: "usps_service", sourceUrl: null, fetchedAt: Date.now() - 40 * DAY });
  return merchant;
}

describe("the auto-import tick keeps USPS zone charts current", () => {
  it("asks USPS for a due origin from the cron route, once an hour, storing a new effective date beside the old", async () => {
    const { workspaceId } = await merchantWithOldChart();
    process.env.CRON_SECRET = "cron-secret-0123456789";
    const { GET } = await import("@/app/api/cron/import/route");
    const tick = await callRoute(GET, "/api/cron/import", { headers: { authorization: "Bearer cron-secret-0123456789" } });
    delete process.env.CRON_SECRET;

    expect(tick).toMatchObject({ status: 200, json: { zoneChartsAsked: 1 } });
    expect((await listUspsZoneCharts(workspaceId)).map((chart) => chart.effectiveDate).sort()).toEqual(["2024-04-01", "2024-07-14"]);
    // Within the hour the tick asks nothing again.
    expect(await refreshZoneChartsOnTick(30_000)).toBe(0);
  });

  it("starts nothing when the tick has no time left", async () => {
    await merchantWithOldChart();
    const asked = usps.chartRequests().length;
    expect(await refreshZoneChartsOnTick(500)).toBe(0);
    expect(usps.chartRequests().length).toBe(asked);
  });
});
