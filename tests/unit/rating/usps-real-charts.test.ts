import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lookupUspsZone, parseUspsZoneChartJson, type UspsService } from "@/lib/rating/usps-zone-chart";

/** The 36 charts USPS's service returned (../shared/reference/rating, beside the repository): read in place, never copied in. */
const FOLDER = fileURLToPath(new URL("../../../../shared/reference/rating/usps-zone-charts/", import.meta.url));
const present = existsSync(FOLDER);
const files = present ? readdirSync(FOLDER).filter((name) => name.endsWith(".json")).sort() : [];

interface RawRow {
  ZipCodes: string;
  Zone: string;
  MailService: string;
}
interface RawChart {
  originMin: string;
  effectiveDateRaw: string;
  zip3s: RawRow[];
  zip5s: RawRow[];
}

const raw = (name: string): RawChart => JSON.parse(readFileSync(FOLDER + name, "utf8"));
const boundsOf = new Map<string, number[]>();
const bounds = (zipCodes: string) => {
  let found = boundsOf.get(zipCodes);
  if (!found) boundsOf.set(zipCodes, (found = zipCodes.split("---").map(Number)));
  return found;
};
const digit = (zone: string) => zone.replace(/[*+]/g, "");

/** The answer read straight off the file: the first 5-digit row covering the ZIP for this mail, else the ZIP3 row. */
function expected(chart: RawChart, zip5: number, service: UspsService, weightOz: number) {
  for (const row of chart.zip5s) {
    const [from, to = from] = bounds(row.ZipCodes);
    const applies = row.MailService === "" || (row.MailService === "Priority Mail service" ? service === "priority" : service === "ground_advantage" && weightOz < 16);
    if (zip5 >= from && zip5 <= to && applies) return { zone: digit(row.Zone), exception: true, sameNdc: row.Zone.includes("*") };
  }
  const zip3 = Math.floor(zip5 / 100);
  for (const row of chart.zip3s) {
    const [from, to = from] = bounds(row.ZipCodes);
    if (zip3 >= from && zip3 <= to) return { zone: digit(row.Zone), exception: false, sameNdc: row.Zone.includes("*") };
  }
  return null;
}

const zip = (value: number) => String(value).padStart(5, "0");
const MAIL: [UspsService, number][] = [
  ["priority", 8],
  ["ground_advantage", 8],
  ["ground_advantage", 16],
];

const suite = present ? describe : describe.skip;
const name = present ? "USPS's real zone charts (../shared/reference/rating/usps-zone-charts)" : "USPS's real zone charts: skipped: ../shared/reference not present";

suite(name, () => {
  it("has the 36 charts SOURCES.md lists", () => {
    expect(files).toHaveLength(36);
  });

  it.each(files)("%s: every ZIP3 range's ends and every 5-digit exception's ends give the file's zone", (file) => {
    const source = raw(file);
    const chart = parseUspsZoneChartJson(source);
    expect(chart.originZip3From).toBe(file.slice(0, 3));
    expect(chart.effectiveDate).toBe("2024-04-01");
    const zips = new Set<number>();
    for (const row of source.zip3s) {
      const [from, to = from] = bounds(row.ZipCodes);
      for (const zip3 of [from, to]) for (const zip5 of [zip3 * 100, zip3 * 100 + 99]) zips.add(zip5);
      // Just outside the range: another row's or no zone, never this one's by accident.
      if (from > 0) zips.add(from * 100 - 1);
      if (to < 999) zips.add(to * 100 + 100);
    }
    for (const row of source.zip5s) {
      const [from, to = from] = bounds(row.ZipCodes);
      for (const zip5 of [from - 1, from, to, to + 1]) if (zip5 >= 0 && zip5 <= 99_999) zips.add(zip5);
    }
    const disagreements: string[] = [];
    let checked = 0;
    for (const zip5 of zips)
      for (const [service, weightOz] of MAIL) {
        const got = lookupUspsZone(chart, zip(zip5), service, weightOz);
        const want = expected(source, zip5, service, weightOz);
        if (JSON.stringify(got) !== JSON.stringify(want)) disagreements.push(`${zip(zip5)} ${service} ${weightOz} oz: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        checked++;
      }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(source.zip3s.length * 3);
  });

  it.each(files)("%s: every ZIP3 from 000 to 999 agrees with the file, listed or not", (file) => {
    const source = raw(file);
    const chart = parseUspsZoneChartJson(source);
    const disagreements: string[] = [];
    for (let zip3 = 0; zip3 <= 999; zip3++) {
      const zip5 = zip3 * 100 + 50;
      const got = lookupUspsZone(chart, zip(zip5), "priority", 8);
      const want = expected(source, zip5, "priority", 8);
      if (JSON.stringify(got) !== JSON.stringify(want)) disagreements.push(`${zip(zip5)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    expect(disagreements).toEqual([]);
  });

  // Read off the files by eye.
  it("902 (Los Angeles area) → APO/FPO 091xx: ZIP3 row 090---099 says 8+, its 5-digit exception 7 for Priority and Ground Advantage < 16 oz", () => {
    const chart = parseUspsZoneChartJson(raw("902.json"));
    expect(lookupUspsZone(chart, "09100", "priority", 40)).toEqual({ zone: "7", exception: true, sameNdc: false });
    expect(lookupUspsZone(chart, "09100", "ground_advantage", 15)).toEqual({ zone: "7", exception: true, sameNdc: false });
    expect(lookupUspsZone(chart, "09100", "ground_advantage", 16)).toEqual({ zone: "8", exception: false, sameNdc: false });
  });

  it("902 → Guam: 969 is zone 9+, with 96900---96938 zone 8 for every service; 90210 is 1* (same NDC)", () => {
    const chart = parseUspsZoneChartJson(raw("902.json"));
    expect(lookupUspsZone(chart, "96910", "ground_advantage", 32)).toEqual({ zone: "8", exception: true, sameNdc: false });
    expect(lookupUspsZone(chart, "96940", "priority", 8)).toEqual({ zone: "9", exception: false, sameNdc: false });
    expect(lookupUspsZone(chart, "90210", "priority", 8)).toEqual({ zone: "1", exception: false, sameNdc: true });
    expect(lookupUspsZone(chart, "21300", "priority", 8)).toBeNull(); // 213 is not listed (100---212, then 214---268)
  });

  it("070 (Newark) → APO 091xx: ZIP3 row 1*+, exception zone 5 for Priority; Ground Advantage at 2 lb stays zone 1 in the same NDC", () => {
    const chart = parseUspsZoneChartJson(raw("070.json"));
    expect(lookupUspsZone(chart, "09100", "priority", 8)).toEqual({ zone: "5", exception: true, sameNdc: false });
    expect(lookupUspsZone(chart, "09100", "ground_advantage", 32)).toEqual({ zone: "1", exception: false, sameNdc: true });
    expect(lookupUspsZone(chart, "00501", "priority", 8)).toEqual({ zone: "2", exception: false, sameNdc: true });
    expect(lookupUspsZone(chart, "00601", "priority", 8)).toEqual({ zone: "7", exception: false, sameNdc: false });
  });
});
