import { parseRateCardCsv, formatRateCardCsvError } from "./rate-card-csv";
import type { RateCard } from "./rate-card";

/**
 * The built-in sample cards every workspace starts with, so the calculator answers on first run
 * without internet. They are CSV in the documented format (docs/rate-cards.md), read by the same
 * parser as a merchant's upload. The prices are MADE UP, of the order of magnitude of 2024 US parcel
 * prices: labelled `Sample prices: yes` and carried under a carrier name that says so — never a
 * carrier's own name.
 */

export const SAMPLE_CARRIER_CODE = "sample";
export const SAMPLE_CARRIER_NAME = "Sample rates (not carrier prices)";

const DOMESTIC_ZONES = ["2", "3", "4", "5", "6", "7", "8"];

/**
 * A made-up zone chart for every US ZIP3: the first digit of a ZIP runs roughly east (0) to west
 * (9), so the farther apart the origin's and destination's first digits, the higher the zone.
 */
function zoneFor(originDigit: number, destDigit: number): string {
  return ["2", "3", "4", "5", "6", "6", "7", "7", "8", "8"][Math.abs(originDigit - destDigit)];
}

function zonesSection(): string {
  const rows = ["[zones]", "Origin ZIP3,Destination ZIP3,Zone"];
  for (let origin = 0; origin <= 9; origin++) {
    for (let dest = 0; dest <= 9; dest++) rows.push(`${origin}00-${origin}99,${dest}00-${dest}99,${zoneFor(origin, dest)}`);
  }
  // Puerto Rico, Hawaii and Alaska are far from every first-digit neighbour.
  return [...rows, "", "[zip5 exceptions]", "Origin ZIP3,Destination ZIP5,Zone", "000-999,00600-00999,8", "000-999,96700-96899,8", "000-999,99500-99999,8"].join("\n");
}

const WEIGHTS_LB = [0.25, 0.5, 0.75, 1, ...Array.from({ length: 69 }, (_, index) => index + 2)];

interface SampleService {
  code: string;
  name: string;
  /** Domestic price at a weight (lb) for zone index k (zone 2 = 0). */
  domestic: (lb: number, k: number) => number;
  international: Record<string, (lb: number) => number>;
  countries: string[];
  days: Record<string, number>;
  dimDivisor: number;
  residential: string;
  fuel: string;
  handling: string;
}

const dollars = (cents: number) => (Math.round(cents) / 100).toFixed(2);

function priceSection(service: SampleService): string {
  const zones = [...DOMESTIC_ZONES, ...Object.keys(service.international)];
  const rows = ["[prices]", ["Weight (lb)", ...zones.map((zone) => `Zone ${zone}`)].join(",")];
  for (const lb of WEIGHTS_LB) {
    const domestic = DOMESTIC_ZONES.map((_, k) => dollars(service.domestic(lb, k)));
    const international = Object.values(service.international).map((price) => dollars(price(lb)));
    rows.push([lb, ...domestic, ...international].join(","));
  }
  return rows.join("\n");
}

function sampleCsv(service: SampleService): string {
  return `[card]
Carrier code,${SAMPLE_CARRIER_CODE}
Carrier name,${SAMPLE_CARRIER_NAME}
Service code,${service.code}
Service name,${service.name}
Package code,package
Effective from,2024-01-01
Effective until,
Sample prices,yes
Zone source,card
Origin country,US
Weight rounding,ceil_oz_then_lb
Max weight (lb),70
DIM divisor,${service.dimDivisor}
DIM applies above (cu in),1728
DIM side rounding,nearest
DIM weight rounding,ceil_lb

${priceSection(service)}

${zonesSection()}

[countries]
Countries,Zone
${service.countries.join("\n")}

[surcharges]
Surcharge,Amount,Confirmation,ZIP codes,Longest side over (in),Second side over (in),Weight over (lb),Length + girth over (in),Fuel applies to
residential,${service.residential},,,,,,,
fuel,${service.fuel},,,,,,,base residential delivery_area additional_handling oversize
delivery_area,3.95,,"04900-04999 59200-59299 82900-83199",,,,,
delivery_area,12.50,,"967-968 995-999 006-009",,,,,
additional_handling,${service.handling},,,48,30,50,,
oversize,95.00,,,,,,130,
confirmation,3.00,signature,,,,,,
confirmation,5.00,direct_signature,,,,,,
confirmation,7.50,adult_signature,,,,,,

[delivery days]
Zone,Days
${Object.entries(service.days)
  .map(([zone, days]) => `${zone},${days}`)
  .join("\n")}
`;
}

const GROUND: SampleService = {
  code: "sample_ground",
  name: "Sample Ground",
  domestic: (lb, k) => 450 + 40 * k + lb * (60 + 35 * k),
  international: { CA: (lb) => 1500 + 400 * lb, MX: (lb) => 1700 + 450 * lb },
  countries: ["CA,CA", "MX,MX"],
  days: { "2": 2, "3": 3, "4": 3, "5": 4, "6": 4, "7": 5, "8": 5, CA: 6, MX: 8 },
  dimDivisor: 166,
  residential: "3.50",
  fuel: "12.5%",
  handling: "18.00",
};

const EXPRESS: SampleService = {
  code: "sample_express",
  name: "Sample Express",
  domestic: (lb, k) => 750 + 50 * k + lb * (80 + 45 * k),
  international: { CA: (lb) => 2800 + 600 * lb, MX: (lb) => 3000 + 700 * lb, Europe: (lb) => 4200 + 900 * lb, ROW: (lb) => 4800 + 1100 * lb },
  countries: ["CA,CA", "MX,MX", '"AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB CH NO",Europe', "*,ROW"],
  days: { "2": 1, "3": 2, "4": 2, "5": 2, "6": 3, "7": 3, "8": 3, CA: 3, MX: 4, Europe: 5, ROW: 7 },
  dimDivisor: 139,
  residential: "4.00",
  fuel: "14%",
  handling: "20.00",
};

/** The sample cards as CSV files, as a merchant could download and edit them. */
export const SAMPLE_RATE_CARD_CSVS: Record<string, string> = { [GROUND.code]: sampleCsv(GROUND), [EXPRESS.code]: sampleCsv(EXPRESS) };

let parsed: RateCard[] | undefined;

/** The sample cards, parsed (once per process). A parse error here is a bug in this file. */
export function sampleRateCards(): RateCard[] {
  parsed ??= Object.values(SAMPLE_RATE_CARD_CSVS).map((csv) => {
    const result = parseRateCardCsv(csv);
    if (!result.ok) throw new Error(`The sample rate card does not parse: ${result.errors.map(formatRateCardCsvError).join("; ")}`);
    return result.card;
  });
  return parsed;
}
