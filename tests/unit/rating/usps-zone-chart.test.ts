import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { describeZoneChart, indexZoneCharts, lookupUspsZone, NO_ZONE_CHARTS, normalizeUspsDate, parseUspsZoneChartJson, type UspsZoneChart } from "@/lib/rating/usps-zone-chart";

/** A small chart from origin 902, shaped as saved from the service (rows made up, legend as USPS's). */
const saved = {
  originMin: "90200",
  originMax: "90299",
  effectiveDateRaw: "April 1, 2024",
  zip3s: [
    { ZipCodes: "005---089", Zone: "8", MailService: "" },
    { ZipCodes: "090---099", Zone: "8+", MailService: "" },
    { ZipCodes: "900---908", Zone: "1*", MailService: "" },
    { ZipCodes: "919", Zone: "3*", MailService: "" },
    { ZipCodes: "967---968", Zone: "8", MailService: "" },
    { ZipCodes: "969", Zone: "9+", MailService: "" },
  ],
  zip5s: [
    { ZipCodes: "09000---09999", Zone: "7", MailService: "Priority Mail service" },
    { ZipCodes: "09000---09999", Zone: "7", MailService: "USPS Ground Advantage (< 16 oz.)" },
    { ZipCodes: "96900---96938", Zone: "8", MailService: "" },
  ],
};

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("parseUspsZoneChartJson", () => {
  const chart = parseUspsZoneChartJson(saved);

  it("reads the origin and normalizes the effective date", () => {
    expect(chart).toMatchObject({ originZip3From: "902", originZip3To: "902", effectiveDate: "2024-04-01" });
    expect(describeZoneChart(chart)).toBe("USPS zone chart for 902xx, effective 2024-04-01");
  });

  it("reads USPS's own answer (columns, Zip5Digit, empty error fields) the same, given the origin", () => {
    const raw = {
      ZIPCodeError: "",
      ShippingDateError: "",
      EffectiveDate: "April 1, 2024",
      Column1: saved.zip3s.slice(3),
      Column0: saved.zip3s.slice(0, 3),
      Zip5Digit: saved.zip5s,
    };
    expect(parseUspsZoneChartJson(raw, { originZip3: "902" })).toEqual(chart);
    expect(errorOf(() => parseUspsZoneChartJson(raw)).message).toMatch(/does not say its origin/);
  });

  it("stores a compact chart that survives JSON", () => {
    expect(JSON.parse(JSON.stringify(chart))).toEqual(chart);
    expect(JSON.stringify(chart).length).toBeLessThan(400);
  });

  it("names what is wrong", () => {
    expect(errorOf(() => parseUspsZoneChartJson("nope")).message).toMatch(/expected a JSON object/);
    expect(errorOf(() => parseUspsZoneChartJson({ ...saved, effectiveDateRaw: "Someday" })).message).toMatch(/effective date "Someday"/);
    expect(errorOf(() => parseUspsZoneChartJson({ ...saved, zip3s: [{ ZipCodes: "005---089", Zone: "X" }] })).message).toMatch(/zip3s\[0\]: Zone "X"/);
    expect(errorOf(() => parseUspsZoneChartJson({ ...saved, zip3s: [{ ZipCodes: "5-89", Zone: "8" }] })).message).toMatch(/zip3s\[0\]: ZipCodes "5-89"/);
    expect(errorOf(() => parseUspsZoneChartJson({ ...saved, zip3s: [] })).message).toMatch(/no destination ZIP3s/);
    expect(errorOf(() => parseUspsZoneChartJson({ ...saved, zip3s: [saved.zip3s[0], { ZipCodes: "089", Zone: "7", MailService: "" }] })).message).toMatch(/089 is listed twice/);
    expect(errorOf(() => parseUspsZoneChartJson({ ...saved, zip5s: [{ ZipCodes: "09000---09999", Zone: "7", MailService: "Media Mail" }] })).message).toMatch(/zip5s\[0\]: MailService "Media Mail"/);
    expect(errorOf(() => parseUspsZoneChartJson(saved, { originZip3: "100" })).message).toMatch(/chart for origin 902, not 100/);
  });

  it("refuses an answer whose error field is filled, without echoing it", () => {
    const error = errorOf(() => parseUspsZoneChartJson({ ZIPCodeError: "<b>bad</b>", EffectiveDate: "", Column0: [], Zip5Digit: [] }, { originZip3: "999" }));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/no chart for this origin and date \(it answered ZIPCodeError\)/);
    expect(error.message).not.toContain("<b>");
  });
});

describe("normalizeUspsDate", () => {
  it("reads USPS's words and ISO dates, and refuses days that do not exist", () => {
    expect(normalizeUspsDate("April 1, 2024")).toBe("2024-04-01");
    expect(normalizeUspsDate("January 21, 2024")).toBe("2024-01-21");
    expect(normalizeUspsDate("Jul 14 2024")).toBe("2024-07-14");
    expect(normalizeUspsDate("2025-07-13")).toBe("2025-07-13");
    expect(normalizeUspsDate("February 30, 2024")).toBeNull();
    expect(normalizeUspsDate("Smarch 1, 2024")).toBeNull();
  });
});

describe("lookupUspsZone", () => {
  const chart = parseUspsZoneChartJson(saved);

  it("covers a ZIP3 range from its first ZIP to its last, and nothing outside", () => {
    expect(lookupUspsZone(chart, "00501", "priority", 8)).toEqual({ zone: "8", exception: false, sameNdc: false });
    expect(lookupUspsZone(chart, "08999", "priority", 8)).toEqual({ zone: "8", exception: false, sameNdc: false });
    expect(lookupUspsZone(chart, "00499", "priority", 8)).toBeNull();
    expect(lookupUspsZone(chart, "90999", "priority", 8)).toBeNull();
    expect(lookupUspsZone(chart, "99999", "priority", 8)).toBeNull();
  });

  it("marks a destination in the origin's NDC (*)", () => {
    expect(lookupUspsZone(chart, "90210", "ground_advantage", 20)).toEqual({ zone: "1", exception: false, sameNdc: true });
    expect(lookupUspsZone(chart, "91999", "priority", 20)).toEqual({ zone: "3", exception: false, sameNdc: true });
  });

  it("applies a Priority-only and a Ground Advantage < 16 oz exception, and the ZIP3's zone to Ground Advantage at 16 oz", () => {
    expect(lookupUspsZone(chart, "09100", "priority", 40)).toEqual({ zone: "7", exception: true, sameNdc: false });
    expect(lookupUspsZone(chart, "09100", "ground_advantage", 15.9)).toEqual({ zone: "7", exception: true, sameNdc: false });
    expect(lookupUspsZone(chart, "09100", "ground_advantage", 16)).toEqual({ zone: "8", exception: false, sameNdc: false });
    expect(lookupUspsZone(chart, "09999", "ground_advantage", 16)).toEqual({ zone: "8", exception: false, sameNdc: false });
  });

  it("applies an every-service exception to each service, and zone 9 outside it", () => {
    expect(lookupUspsZone(chart, "96910", "ground_advantage", 100)).toEqual({ zone: "8", exception: true, sameNdc: false });
    expect(lookupUspsZone(chart, "96938", "priority", 1)).toEqual({ zone: "8", exception: true, sameNdc: false });
    expect(lookupUspsZone(chart, "96939", "priority", 1)).toEqual({ zone: "9", exception: false, sameNdc: false });
    expect(lookupUspsZone(chart, "96799", "priority", 1)).toEqual({ zone: "8", exception: false, sameNdc: false });
  });

  it("answers null for what is not a 5-digit ZIP", () => {
    expect(lookupUspsZone(chart, "9021", "priority", 1)).toBeNull();
    expect(lookupUspsZone(chart, "9021x", "priority", 1)).toBeNull();
    expect(lookupUspsZone(chart, "", "priority", 1)).toBeNull();
  });
});

describe("indexZoneCharts", () => {
  const at = (effectiveDateRaw: string, originMin = "90200", originMax = "90299"): UspsZoneChart => parseUspsZoneChartJson({ ...saved, effectiveDateRaw, originMin, originMax });
  const january = { chart: at("January 21, 2024"), source: "usps_service" as const, fetchedAt: 1 };
  const july = { chart: at("July 14, 2024"), source: "upload" as const, fetchedAt: 2 };
  const charts = indexZoneCharts([july, january, { chart: at("July 14, 2024", "10000", "10099"), source: "usps_service", fetchedAt: 3 }]);

  it("picks the chart with the latest effective date on or before the ship date", () => {
    expect(charts.chartFor("90210", "2024-03-01")).toBe(january);
    expect(charts.chartFor("90210", "2024-07-13")).toBe(january);
    expect(charts.chartFor("90210", "2024-07-14")).toBe(july);
    expect(charts.chartFor("90299", "2025-12-31")).toBe(july);
  });

  it("gives a ship date before every chart the oldest one, and another origin nothing", () => {
    expect(charts.chartFor("90210", "2023-12-01")).toBe(january);
    expect(charts.chartFor("90310", "2024-08-01")).toBeNull();
    expect(charts.chartFor("10001", "2024-08-01")?.fetchedAt).toBe(3);
    expect(NO_ZONE_CHARTS.chartFor("90210", "2024-08-01")).toBeNull();
  });
});
