import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareRateCard, quoteParcel } from "@/lib/rating/quote";
import { formatRateCardCsvError, parseRateCardCsv } from "@/lib/rating/rate-card-csv";
import type { Parcel } from "@/lib/rating/types";
import { NO_ZONE_CHARTS } from "@/lib/rating/usps-zone-chart";

/** The worked example of docs/rate-cards.md, so the documentation cannot drift from the parser. */
const EXAMPLE = /```csv\n([\s\S]*?)```/.exec(readFileSync("docs/rate-cards.md", "utf8"))![1];

/** The example with one line replaced (by its text) — the row numbers stay the file's. */
function withLine(find: string, replace: string): string {
  expect(EXAMPLE).toContain(find);
  return EXAMPLE.replace(find, replace);
}

const rowOf = (text: string, line: string) => text.split("\n").findIndex((candidate) => candidate.startsWith(line)) + 1;

function errorsOf(text: string): string[] {
  const result = parseRateCardCsv(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatRateCardCsvError);
}

describe("parseRateCardCsv: the documented example", () => {
  const result = parseRateCardCsv(EXAMPLE);

  it("reads every section, prices in cents and weights in ounces", () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const card = result.card;
    expect(card).toMatchObject({
      carrierCode: "regional_co",
      carrierName: "Regional Parcel Co.",
      serviceCode: "regional_ground",
      effectiveFrom: "2026-07-01",
      effectiveUntil: "2026-12-31",
      samplePrices: false,
      zoneSource: "card",
      maxWeightOz: 800,
      weightRounding: "ceil_oz_then_lb",
      dim: { divisor: 166, minVolumeCuIn: 1728, dimensionRounding: "nearest", weightRounding: "ceil_lb" },
      deliveryDays: { "1": 1, "2": 2, "3": 3, CA: 5 },
    });
    expect(card.prices.weightBreaksOz).toEqual([8, 16, 32, 80, 160, 800]);
    expect(card.prices.zones).toEqual(["1", "2", "3", "CA"]);
    expect(card.prices.cents[2]).toEqual([680, 745, 830, 2400]);
    expect(card.zones.zip3[1]).toEqual({ originFrom: "900", originTo: "935", destFrom: "936", destTo: "961", zone: "2" });
    expect(card.zones.zip5).toEqual([{ originFrom: "900", originTo: "935", destFrom: "93546", destTo: "93546", zone: "3" }]);
    expect(card.zones.countries).toEqual([{ country: "CA", zone: "CA" }]);
    expect(card.surcharges).toEqual({
      residentialCents: 425,
      fuel: { percent: 10, appliesTo: ["base", "residential"] },
      deliveryAreas: [{ cents: 310, zip5Ranges: [["93546", "93546"], ["96100", "96199"]] }],
      additionalHandling: { cents: 1650, longestSideIn: 48, secondSideIn: 30, weightOz: 640 },
      oversize: { cents: 8000, lengthPlusGirthIn: 130 },
      confirmationCents: { signature: 325 },
    });
  });

  it("quotes the worked example of the docs: $16.91", () => {
    if (!result.ok) throw new Error("example did not parse");
    const parcel: Parcel = {
      fromPostalCode: "90210",
      fromCountry: "US",
      toPostalCode: "93546",
      toCountry: "US",
      toCity: null,
      toState: null,
      residential: true,
      weightOz: 20,
      dimensions: { lengthIn: 10, widthIn: 8, heightIn: 6 },
      confirmation: "none",
      packageCode: "package",
      shipDate: "2026-08-03",
      carrierCode: null,
      serviceCode: null,
    };
    const quote = quoteParcel([prepareRateCard(result.card)], NO_ZONE_CHARTS, parcel).quotes[0];
    expect(quote).toMatchObject({ zone: "3", billableWeightOz: 32, dimWeightUsed: false, deliveryDays: 3, totalCents: 1691 });
    expect(quote.breakdown).toMatchObject({ baseCents: 830, residentialCents: 425, deliveryAreaCents: 310, fuelCents: 126 });
  });

  it("accepts semicolons, a byte-order mark, CRLF and ZIPs whose zeros a spreadsheet dropped", () => {
    const text = "\ufeff" + EXAMPLE.replace(/,/g, ";").replace("900-935;900-935;1", "900-935;5-89;1").replace(/\n/g, "\r\n");
    const parsed = parseRateCardCsv(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.card.zones.zip3[0]).toMatchObject({ destFrom: "005", destTo: "089" });
  });
});

describe("parseRateCardCsv: errors name the row and the column", () => {
  it("a price that is not an amount, and a missing price", () => {
    const text = withLine("2,6.80,7.45,8.30,24.00", "2,6.80,seven,,24.00");
    const row = rowOf(text, "2,6.80");
    expect(errorsOf(text)).toEqual([
      `Row ${row}, column "Zone 2": enter a price such as 8.25`,
      `Row ${row}, column "Zone 3": enter a price such as 8.25 (every zone needs a price at every weight)`,
    ]);
  });

  it("a duplicate weight break", () => {
    const text = withLine("5,9.20,10.40,11.90,30.00", "2,9.20,10.40,11.90,30.00");
    expect(errorsOf(text)).toEqual([`Row ${rowOf(text, "2,9.20")}, column "Weight (lb)": 2 lb is already listed on row ${rowOf(text, "2,6.80")}`]);
  });

  it("weight breaks that do not go up", () => {
    const text = withLine("5,9.20,10.40,11.90,30.00", "1.5,9.20,10.40,11.90,30.00");
    expect(errorsOf(text)).toEqual([`Row ${rowOf(text, "1.5,")}, column "Weight (lb)": weights must go up: 1.5 comes after a heavier one`]);
  });

  it("a zone with no price column", () => {
    const text = withLine("900-935,970-994,3", "900-935,970-994,4");
    expect(errorsOf(text)).toEqual([`Row ${rowOf(text, "900-935,970-994")}, column "Zone": zone 4 has no column in [prices]`]);
  });

  it("a bad date, and an end before the start", () => {
    expect(errorsOf(withLine("Effective from,2026-07-01", "Effective from,07/01/2026"))).toEqual([
      `Row ${rowOf(EXAMPLE, "Effective from")}, column "Effective from": enter a date such as 2026-07-01 (YYYY-MM-DD)`,
    ]);
    expect(errorsOf(withLine("Effective until,2026-12-31", "Effective until,2026-02-30"))).toEqual([
      `Row ${rowOf(EXAMPLE, "Effective until")}, column "Effective until": enter a date such as 2026-07-01 (YYYY-MM-DD)`,
    ]);
    expect(errorsOf(withLine("Effective until,2026-12-31", "Effective until,2026-06-30"))).toEqual([
      `Row ${rowOf(EXAMPLE, "Effective until")}, column "Effective until": must not be before the effective-from date 2026-07-01`,
    ]);
  });

  it("overlapping destinations for one origin, and a bad ZIP range", () => {
    const text = withLine("900-935,970-994,3", "900-935,950-994,3");
    expect(errorsOf(text)).toEqual([`Row ${rowOf(text, "900-935,950-994")}, column "Destination ZIP3": overlaps row ${rowOf(text, "900-935,936-961")} for the same origin`]);
    const bad = withLine("900-935,93546,3", "900-935,9354X,3");
    expect(errorsOf(bad)).toEqual([`Row ${rowOf(bad, "900-935,9354X")}, column "Destination ZIP5": enter a ZIP code or a range such as 96799 or 96700-96899`]);
  });

  it("a bad surcharge, fuel and delivery-area list", () => {
    const text = withLine("fuel,10%,,,,,,,base residential", "fuel,ten,,,,,,,base").replace("delivery_area,3.10,,93546 96100-96199", "delivery_area,3.10,,93546 961XX");
    expect(errorsOf(text)).toEqual([
      `Row ${rowOf(text, "fuel,")}, column "Amount": enter the fuel surcharge as a percentage such as 12.5%`,
      `Row ${rowOf(text, "delivery_area,")}, column "ZIP codes": 961XX is not a ZIP code, a ZIP3 or a range such as 96700-96899`,
    ]);
    expect(errorsOf(withLine("oversize,80.00,,,,,,130,", "oversized,80.00,,,,,,130,"))).toEqual([
      `Row ${rowOf(EXAMPLE, "oversize,")}, column "Surcharge": use one of residential, fuel, delivery_area, additional_handling, oversize, confirmation`,
    ]);
  });

  it("a missing required setting, an unknown setting and a missing section", () => {
    expect(errorsOf(withLine("Service name,Regional Ground\n", ""))).toEqual([`Row 1, column "Service name": required`]);
    expect(errorsOf(withLine("Sample prices,no", "Colour,blue"))).toEqual([expect.stringMatching(new RegExp(`^Row ${rowOf(EXAMPLE, "Sample prices")}, column "Colour": unknown setting`))]);
    const noPrices = EXAMPLE.slice(0, EXAMPLE.indexOf("[prices]")) + EXAMPLE.slice(EXAMPLE.indexOf("[zones]"));
    expect(errorsOf(noPrices)).toContain("the file has no [prices] section");
  });

  it("a duplicated zone column and a bad weight header", () => {
    const text = withLine("Weight (lb),Zone 1,Zone 2,Zone 3,Zone CA", "Weight (kg),Zone 1,Zone 2,Zone 2,Zone CA");
    const row = rowOf(text, "Weight (kg)");
    expect(errorsOf(text)).toEqual(
      expect.arrayContaining([`Row ${row}, column "Weight (kg)": name the first column "Weight (lb)" or "Weight (oz)"`, `Row ${row}, column "Zone 2": zone 2 has two columns`]),
    );
  });
});
