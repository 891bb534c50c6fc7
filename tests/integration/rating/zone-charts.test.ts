import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRatingVersion } from "@/lib/rating/rating-version";
import { lookupUspsZone, parseUspsZoneChartJson } from "@/lib/rating/usps-zone-chart";
import { fetchUspsZoneChart, listUspsZoneCharts, listZoneChartChecks, loadUspsZoneCharts, refreshDueZoneCharts, refreshDueZoneChartsEverywhere, storeUspsZoneChart, uploadUspsZoneChart } from "@/lib/rating/zone-charts";
import { startUspsZonesFake, type FakeZoneChart, type UspsZonesFake } from "../../fakes/usps-zones/server";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const DAY = 86_400_000;

/** Origin 902's chart, a few rows of it: APO/FPO with a Priority-only exception, LA in the same NDC. */
const april: FakeZoneChart = {
  effectiveDate: "2024-04-01",
  zip3s: [
    ["005---089", "8"],
    ["090---099", "8+"],
    ["900---908", "1*"],
  ],
  zip5s: [["09000---09999", "7", "Priority Mail service"]],
};
/** July's chart moves 005–089 (New Jersey and east) to zone 7. */
const july: FakeZoneChart = { ...april, effectiveDate: "2024-07-14", zip3s: [["005---089", "7"], ...april.zip3s.slice(1)] };

let usps: UspsZonesFake;

beforeAll(async () => {
  usps = await startUspsZonesFake();
  usps.addChart("902", april);
  usps.addChart("902", july);
  process.env.USPS_ZONE_CHART_URL = usps.url;
  process.env.USPS_ZONE_CHART_TIMEOUT_MS = "300";
});

afterAll(async () => {
  delete process.env.USPS_ZONE_CHART_URL;
  delete process.env.USPS_ZONE_CHART_TIMEOUT_MS;
  await usps.close();
});

describe("fetchUspsZoneChart", () => {
  it("asks the service for the origin and date (M/D/YYYY), stores the chart with its effective date and bumps the rating version", async () => {
    const { workspaceId } = await createMerchant();
    const before = await readRatingVersion(workspaceId);
    const seen = usps.chartRequests().length;

    const stored = await fetchUspsZoneChart(workspaceId, "902", "2024-04-29");

    expect(usps.chartRequests().slice(seen)).toEqual([{ zipCode3Digit: "902", shippingDate: "4/29/2024" }]);
    expect(stored).toMatchObject({ originZip3: "902", effectiveDate: "2024-04-01", source: "usps_service", sourceUrl: `${usps.url}/DomesticZoneChart/GetZoneChart?zipCode3Digit=902&shippingDate=4%2F29%2F2024` });
    expect(await readRatingVersion(workspaceId)).toBe(before + 1);
    const charts = await loadUspsZoneCharts(workspaceId);
    const entry = charts.chartFor("90210", "2024-05-01");
    expect(entry?.source).toBe("usps_service");
    expect(lookupUspsZone(entry!.chart, "09100", "priority", 8)).toEqual({ zone: "7", exception: true, sameNdc: false });
    expect(lookupUspsZone(entry!.chart, "09100", "ground_advantage", 8)).toEqual({ zone: "8", exception: false, sameNdc: false });
  });

  it("stores the same effective date once, however often it is fetched", async () => {
    const { workspaceId } = await createMerchant();
    await fetchUspsZoneChart(workspaceId, "902", "2024-04-29");
    await fetchUspsZoneChart(workspaceId, "902", "2024-05-02");
    expect((await listUspsZoneCharts(workspaceId)).map((chart) => chart.effectiveDate)).toEqual(["2024-04-01"]);
  });

  it("says the service timed out, and records why", async () => {
    const { workspaceId } = await createMerchant();
    usps.hangNext();
    const error = await rejection(fetchUspsZoneChart(workspaceId, "902", "2024-04-29"));
    expect(error.message).toBe("USPS zone service did not answer in 0.3 s");
    expect(await listZoneChartChecks(workspaceId)).toEqual([{ originZip3: "902", checkedAt: expect.any(Number), error: "USPS zone service did not answer in 0.3 s" }]);
    expect(await listUspsZoneCharts(workspaceId)).toEqual([]);
  });

  it("says what the service answered, never its body", async () => {
    const { workspaceId } = await createMerchant();
    usps.failNext(1, 503);
    const unavailable = await rejection(fetchUspsZoneChart(workspaceId, "902", "2024-04-29"));
    expect(unavailable.message).toBe("USPS zone service answered 503");

    usps.respondNext("<html>Maintenance</html>", "text/html; charset=utf-8");
    const html = await rejection(fetchUspsZoneChart(workspaceId, "902", "2024-04-29"));
    expect(html.message).toBe("USPS zone service answered text/html, not JSON");

    usps.respondNext("{}");
    expect((await rejection(fetchUspsZoneChart(workspaceId, "902", "2024-04-29"))).message).toBe("USPS zone service has no chart for 902");

    usps.respondNext(JSON.stringify({ EffectiveDate: "April 1, 2024", Column0: [{ ZipCodes: "005---089", Zone: "<script>" }], Zip5Digit: [] }));
    const malformed = await rejection(fetchUspsZoneChart(workspaceId, "902", "2024-04-29"));
    expect(malformed.message).toMatch(/^USPS zone service's answer for 902: Not a USPS zone chart: Column0\[0\]: Zone/);
  });

  it("says the service has no chart for an origin it does not know", async () => {
    const { workspaceId } = await createMerchant();
    const error = await rejection(fetchUspsZoneChart(workspaceId, "004", "2024-04-29"));
    expect(error.message).toMatch(/no chart for this origin and date \(it answered ZIPCodeError\)/);
    expect(error.message).not.toContain("Please enter");
  });
});

describe("refreshDueZoneCharts", () => {
  it("asks again only when due, stores a new effective date beside the old one, and old ship dates keep theirs", async () => {
    const { workspaceId } = await createMerchant();
    await fetchUspsZoneChart(workspaceId, "902", "2024-04-29");
    const seen = usps.chartRequests().length;

    expect(await refreshDueZoneCharts(workspaceId, "2024-07-20")).toEqual([]);
    expect(usps.chartRequests()).toHaveLength(seen);

    const refreshed = await refreshDueZoneCharts(workspaceId, "2024-07-20", { now: Date.now() + 31 * DAY });
    expect(refreshed).toEqual([{ originZip3: "902", stored: expect.objectContaining({ effectiveDate: "2024-07-14" }), error: null }]);
    expect(usps.chartRequests().at(-1)).toEqual({ zipCode3Digit: "902", shippingDate: "7/20/2024" });
    expect((await listUspsZoneCharts(workspaceId)).map((chart) => chart.effectiveDate)).toEqual(["2024-07-14", "2024-04-01"]);

    const charts = await loadUspsZoneCharts(workspaceId);
    expect(lookupUspsZone(charts.chartFor("90210", "2024-07-13")!.chart, "08001", "priority", 8)?.zone).toBe("8");
    expect(lookupUspsZone(charts.chartFor("90210", "2024-07-14")!.chart, "08001", "priority", 8)?.zone).toBe("7");
  });

  it("is due once a Jan 1 or Jul 1 passed since the last ask, and for a chart fetched long ago", async () => {
    const { workspaceId } = await createMerchant();
    await fetchUspsZoneChart(workspaceId, "902", "2024-04-29");
    // Checked today; today's next half-year starts Jan 1 or Jul 1: due then, not before.
    const nextHalf = (() => {
      const now = new Date();
      return now.getUTCMonth() < 6 ? `${now.getUTCFullYear()}-07-01` : `${now.getUTCFullYear() + 1}-01-01`;
    })();
    expect(await refreshDueZoneCharts(workspaceId, nextHalf, { now: Date.now() + DAY })).toHaveLength(1);

    const other = await createMerchant();
    await storeUspsZoneChart(other.workspaceId, parseUspsZoneChartJson({ originMin: "90200", originMax: "90299", effectiveDateRaw: "April 1, 2024", zip3s: [{ ZipCodes: "005---089", Zone: "8" }], zip5s: [] }), {
      source: "upload",
      sourceUrl: null,
      fetchedAt: Date.now() - 40 * DAY,
    });
    expect((await refreshDueZoneCharts(other.workspaceId, "2024-07-20")).map((result) => result.stored?.effectiveDate)).toEqual(["2024-07-14"]);
  });

  it("refreshes every workspace's due origins from the cron tick, and only theirs", async () => {
    const ada = await createMerchant();
    const bea = await createMerchant("Bea Merchant");
    await fetchUspsZoneChart(ada.workspaceId, "902", "2024-04-29");
    await fetchUspsZoneChart(bea.workspaceId, "902", "2024-04-29");
    const refreshed = await refreshDueZoneChartsEverywhere("2024-07-20", Date.now() + 31 * DAY);
    const mine = refreshed.filter((entry) => entry.workspaceId === ada.workspaceId || entry.workspaceId === bea.workspaceId);
    expect(mine.map((entry) => entry.results.map((result) => result.stored?.effectiveDate))).toEqual([["2024-07-14"], ["2024-07-14"]]);
    expect(await refreshDueZoneChartsEverywhere("2024-07-20")).toEqual([]);
  });

  it("waits after a failure before asking again, unless told to retry", async () => {
    const { workspaceId } = await createMerchant();
    usps.failNext(1, 503);
    await rejection(fetchUspsZoneChart(workspaceId, "902", "2024-04-29"));
    const seen = usps.chartRequests().length;
    expect(await refreshDueZoneCharts(workspaceId, "2024-04-29", { origins: ["902"] })).toEqual([]);
    expect(usps.chartRequests()).toHaveLength(seen);
    const retried = await refreshDueZoneCharts(workspaceId, "2024-04-29", { origins: ["902"], retryFailed: true });
    expect(retried[0]).toMatchObject({ originZip3: "902", error: null });
    expect(await listZoneChartChecks(workspaceId)).toEqual([{ originZip3: "902", checkedAt: expect.any(Number), error: null }]);
  });
});

describe("uploadUspsZoneChart", () => {
  const rawAnswer = {
    ZIPCodeError: "",
    EffectiveDate: "July 14, 2024",
    Column0: [{ ZipCodes: "005---089", Zone: "8", MailService: "" }],
    Column1: [{ ZipCodes: "969", Zone: "9+", MailService: "" }],
    Zip5Digit: [{ ZipCodes: "96900---96938", Zone: "8", MailService: "" }],
  };

  it("stores the service's JSON as the merchant saved it, marked as an upload", async () => {
    const { workspaceId } = await createMerchant();
    const stored = await uploadUspsZoneChart(workspaceId, JSON.stringify(rawAnswer), { originZip3: "945" });
    expect(stored).toMatchObject({ originZip3: "945", effectiveDate: "2024-07-14", source: "upload", sourceUrl: null });
    const entry = (await loadUspsZoneCharts(workspaceId)).chartFor("94501", "2024-08-01");
    expect(entry?.source).toBe("upload");
    expect(lookupUspsZone(entry!.chart, "96910", "ground_advantage", 40)).toEqual({ zone: "8", exception: true, sameNdc: false });
    expect(lookupUspsZone(entry!.chart, "96940", "ground_advantage", 40)).toEqual({ zone: "9", exception: false, sameNdc: false });
  });

  it("names what is wrong with the file", async () => {
    const { workspaceId } = await createMerchant();
    const malformed = await rejection(uploadUspsZoneChart(workspaceId, "{ not json"));
    expect(malformed.code).toBe("invalid_input");
    expect(malformed.message).toMatch(/^Malformed JSON/);
    expect(malformed.fieldErrors?.file).toHaveLength(1);
    expect((await rejection(uploadUspsZoneChart(workspaceId, JSON.stringify(rawAnswer)))).message).toMatch(/does not say its origin/);
    expect((await rejection(uploadUspsZoneChart(workspaceId, JSON.stringify(rawAnswer), { originZip3: "94" }))).fieldErrors).toEqual({ originZip3: ["3 digits, e.g. 902."] });
    expect((await rejection(uploadUspsZoneChart(workspaceId, "  "))).fieldErrors).toEqual({ file: ["Choose the zone chart's JSON file."] });
    expect(await listUspsZoneCharts(workspaceId)).toEqual([]);
  });
});

describe("loadUspsZoneCharts", () => {
  it("keeps each workspace's charts to itself and rebuilds only when they change", async () => {
    const ada = await createMerchant();
    const bea = await createMerchant("Bea Merchant");
    await fetchUspsZoneChart(ada.workspaceId, "902", "2024-04-29");

    const first = await loadUspsZoneCharts(ada.workspaceId);
    expect(await loadUspsZoneCharts(ada.workspaceId)).toBe(first);
    expect((await loadUspsZoneCharts(bea.workspaceId)).chartFor("90210", "2024-05-01")).toBeNull();
    expect(await listUspsZoneCharts(bea.workspaceId)).toEqual([]);

    await fetchUspsZoneChart(ada.workspaceId, "902", "2024-07-20");
    const second = await loadUspsZoneCharts(ada.workspaceId);
    expect(second).not.toBe(first);
    expect(second.chartFor("90210", "2024-08-01")?.chart.effectiveDate).toBe("2024-07-14");
  });
});
