import { describe, expect, it } from "vitest";
import { prepareRateCard, quoteParcel, type PreparedRateCard } from "@/lib/rating/quote";
import { rateCardSchema, type RateCardInput } from "@/lib/rating/rate-card";
import type { Parcel, RateQuote } from "@/lib/rating/types";
import { indexZoneCharts, NO_ZONE_CHARTS, parseUspsZoneChartJson } from "@/lib/rating/usps-zone-chart";
import { testParcel } from "../../helpers/rating";

// Weight breaks: 4, 8, 12, 16 oz, then every pound to 20 lb. Prices (cents) by zone at L pounds
// (L = break / 16): zone 2 = 500 + 100 L, zone 5 = 700 + 150 L, zone 8 = 900 + 200 L,
// CA = 2000 + 300 L, EU = 3000 + 500 L, ROW = 4000 + 600 L. So 16 oz in zone 2 is 600, 2 lb 700.
const BREAKS = [4, 8, 12, ...Array.from({ length: 20 }, (_, index) => (index + 1) * 16)];
const ZONES = ["2", "5", "8", "CA", "EU", "ROW"];
const FORMULA: Record<string, [number, number]> = { "2": [500, 100], "5": [700, 150], "8": [900, 200], CA: [2000, 300], EU: [3000, 500], ROW: [4000, 600] };

function card(overrides: Partial<RateCardInput> = {}): RateCardInput {
  return {
    carrierCode: "testco",
    carrierName: "Test Carrier",
    serviceCode: "test_ground",
    serviceName: "Test Ground",
    effectiveFrom: "2026-01-01",
    effectiveUntil: null,
    samplePrices: false,
    active: true,
    zoneSource: "card",
    uspsService: null,
    originCountry: "US",
    zones: {
      zip3: [
        { originFrom: "900", originTo: "999", destFrom: "000", destTo: "499", zone: "8" },
        { originFrom: "900", originTo: "999", destFrom: "500", destTo: "899", zone: "5" },
        { originFrom: "900", originTo: "999", destFrom: "900", destTo: "999", zone: "2" },
      ],
      zip5: [{ originFrom: "900", originTo: "999", destFrom: "96799", destTo: "96799", zone: "8" }],
      countries: [
        { country: "CA", zone: "CA" },
        { country: "DE", zone: "EU" },
        { country: "FR", zone: "EU" },
        { country: "*", zone: "ROW" },
      ],
    },
    prices: {
      weightBreaksOz: BREAKS,
      zones: ZONES,
      cents: BREAKS.map((oz) => ZONES.map((zone) => Math.round(FORMULA[zone][0] + (FORMULA[zone][1] * oz) / 16))),
    },
    weightRounding: "ceil_oz_then_lb",
    maxWeightOz: null,
    dim: { divisor: 166, minVolumeCuIn: 1728, dimensionRounding: "nearest", weightRounding: "ceil_lb" },
    surcharges: {
      residentialCents: 450,
      fuel: { percent: 10, appliesTo: ["base", "residential", "delivery_area", "additional_handling", "oversize"] },
      deliveryAreas: [{ cents: 300, zip5Ranges: [["59200", "59299"]] }],
      additionalHandling: { cents: 1800, longestSideIn: 48, secondSideIn: 30, weightOz: 15 * 16 },
      oversize: { cents: 9500, lengthPlusGirthIn: 130 },
      confirmationCents: { signature: 325 },
    },
    deliveryDays: { "2": 2, "5": 4, "8": 5, CA: 6 },
    ...overrides,
  };
}

const prepared = (input: RateCardInput, id = 1): PreparedRateCard => prepareRateCard(rateCardSchema.parse(input), id);

function parcel(overrides: Partial<Parcel> = {}): Parcel {
  return testParcel({ toPostalCode: "90277", toCity: null, toState: null, weightOz: 15.4, dimensions: null, shipDate: "2026-03-02", ...overrides });
}

function onlyQuote(cards: PreparedRateCard[], input: Parcel): RateQuote {
  const result = quoteParcel(cards, NO_ZONE_CHARTS, input);
  expect(result.problems).toEqual([]);
  expect(result.quotes).toHaveLength(1);
  return result.quotes[0];
}

const ground = prepared(card());

describe("quoteParcel: weights and zones", () => {
  it("rates 15.4 oz in zone 2 at the 1 lb break, with 10% fuel on top", () => {
    const quote = onlyQuote([ground], parcel());
    expect(quote).toMatchObject({ zone: "2", zoneSource: "Rate card zone chart", billableWeightOz: 16, dimWeightOz: null, dimWeightUsed: false, deliveryDays: 2 });
    expect(quote.breakdown).toMatchObject({ baseCents: 600, fuelCents: 60 });
    expect(quote.totalCents).toBe(660);
  });

  it("keeps exactly 1 lb at the 1 lb break and takes 1.01 lb to 2 lb", () => {
    expect(onlyQuote([ground], parcel({ weightOz: 16 })).breakdown.baseCents).toBe(600);
    const over = onlyQuote([ground], parcel({ weightOz: 16.16 }));
    expect(over.billableWeightOz).toBe(32);
    expect(over.breakdown.baseCents).toBe(700);
  });

  it("rounds up to the next whole ounce under 1 lb", () => {
    const quote = onlyQuote([ground], parcel({ weightOz: 4.1 }));
    expect(quote.billableWeightOz).toBe(5);
    expect(quote.breakdown.baseCents).toBe(550); // the 8 oz break: 500 + 100 × 0.5
  });

  it("uses a 5-digit exception before the destination's ZIP3 row", () => {
    expect(onlyQuote([ground], parcel({ toPostalCode: "96701" })).zone).toBe("2");
    const exception = onlyQuote([ground], parcel({ toPostalCode: "96799" }));
    expect(exception).toMatchObject({ zone: "8", zoneSource: "Rate card zone chart (5-digit exception)", deliveryDays: 5 });
    expect(exception.breakdown.baseCents).toBe(1100);
  });

  it("zones countries by their group, and the rest of the world by *", () => {
    expect(onlyQuote([ground], parcel({ toCountry: "CA", toPostalCode: "K1A 0B1" })).zone).toBe("CA");
    const germany = onlyQuote([ground], parcel({ toCountry: "DE", toPostalCode: "10115" }));
    expect(germany).toMatchObject({ zone: "EU", deliveryDays: null, zoneSource: "Rate card zone chart (countries)" });
    expect(germany.breakdown.baseCents).toBe(3500);
    expect(onlyQuote([ground], parcel({ toCountry: "JP", toPostalCode: "100-0001" })).zone).toBe("ROW");
    const noRest = prepared(card({ zones: { ...card().zones, countries: [{ country: "CA", zone: "CA" }] } }));
    expect(quoteParcel([noRest], NO_ZONE_CHARTS, parcel({ toCountry: "JP", toPostalCode: "100-0001" }))).toEqual({ quotes: [], problems: [] });
  });

  it("leaves out a card whose zone chart does not cover the origin", () => {
    expect(quoteParcel([ground], NO_ZONE_CHARTS, parcel({ fromPostalCode: "10001" }))).toEqual({ quotes: [], problems: [] });
  });
});

describe("quoteParcel: dimensional weight", () => {
  it("does not apply DIM at 12 × 12 × 12.4 in: rounded to 12 × 12 × 12 = 1728 cu in, not above the threshold", () => {
    const quote = onlyQuote([ground], parcel({ weightOz: 80, dimensions: { lengthIn: 12, widthIn: 12, heightIn: 12.4 } }));
    expect(quote).toMatchObject({ billableWeightOz: 80, dimWeightOz: null, dimWeightUsed: false });
    expect(quote.breakdown.baseCents).toBe(1000);
  });

  it("applies DIM at 12 × 12 × 12.6 in: 12 × 12 × 13 = 1872 cu in / 166 = 11.28 → 12 lb", () => {
    const quote = onlyQuote([ground], parcel({ weightOz: 80, dimensions: { lengthIn: 12, widthIn: 12, heightIn: 12.6 } }));
    expect(quote).toMatchObject({ billableWeightOz: 192, dimWeightOz: 192, dimWeightUsed: true });
    expect(quote.breakdown.baseCents).toBe(1700);
  });

  it("keeps the actual weight when it is more than the DIM weight, and still reports the DIM weight", () => {
    const quote = onlyQuote([ground], parcel({ weightOz: 240, dimensions: { lengthIn: 13, widthIn: 13, heightIn: 11 } }));
    expect(quote).toMatchObject({ billableWeightOz: 240, dimWeightOz: 192, dimWeightUsed: false });
  });
});

describe("quoteParcel: surcharges", () => {
  it("adds the residential surcharge, and fuel on base + residential", () => {
    const quote = onlyQuote([ground], parcel({ residential: true }));
    expect(quote.breakdown).toMatchObject({ baseCents: 600, residentialCents: 450, fuelCents: 105 });
    expect(quote.totalCents).toBe(1155);
  });

  it("adds the delivery-area surcharge for a listed ZIP", () => {
    const quote = onlyQuote([ground], parcel({ toPostalCode: "59201" }));
    expect(quote.breakdown).toMatchObject({ baseCents: 850, deliveryAreaCents: 300, fuelCents: 115 });
    expect(quote.totalCents).toBe(1265);
    expect(onlyQuote([ground], parcel({ toPostalCode: "59301" })).breakdown.deliveryAreaCents).toBe(0);
  });

  it("finds a ZIP in nested delivery-area ranges, and charges the highest matching area", () => {
    const areas = prepared(
      card({
        surcharges: {
          ...card().surcharges,
          deliveryAreas: [
            { cents: 300, zip5Ranges: [["59000", "59999"], ["59200", "59210"], ["60000", "60001"]] },
            { cents: 900, zip5Ranges: [["59205", "59205"]] },
          ],
        },
      }),
    );
    expect(onlyQuote([areas], parcel({ toPostalCode: "59500" })).breakdown.deliveryAreaCents).toBe(300);
    expect(onlyQuote([areas], parcel({ toPostalCode: "59205" })).breakdown.deliveryAreaCents).toBe(900);
    expect(onlyQuote([areas], parcel({ toPostalCode: "60002" })).breakdown.deliveryAreaCents).toBe(0);
  });

  it("adds additional handling for a second side over 30 in", () => {
    const quote = onlyQuote([ground], parcel({ weightOz: 32, dimensions: { lengthIn: 31, widthIn: 31, heightIn: 2 } }));
    // 31 × 31 × 2 = 1922 cu in / 166 = 11.58 → 12 lb: base 1700.
    expect(quote.breakdown).toMatchObject({ baseCents: 1700, additionalHandlingCents: 1800, oversizeCents: 0, fuelCents: 350 });
    expect(quote.totalCents).toBe(3850);
  });

  it("adds additional handling for the weight over 15 lb", () => {
    const quote = onlyQuote([ground], parcel({ weightOz: 16 * 16 }));
    expect(quote.breakdown).toMatchObject({ baseCents: 2100, additionalHandlingCents: 1800, fuelCents: 390 });
    expect(quote.totalCents).toBe(4290);
  });

  it("charges oversize instead of additional handling above 130 in length + girth", () => {
    const noDim = prepared(card({ dim: null }));
    const quote = onlyQuote([noDim], parcel({ weightOz: 32, dimensions: { lengthIn: 60, widthIn: 20, heightIn: 20 } }));
    expect(quote.breakdown).toMatchObject({ baseCents: 700, oversizeCents: 9500, additionalHandlingCents: 0, fuelCents: 1020 });
    expect(quote.totalCents).toBe(11220);
  });

  it("adds a confirmation fee outside fuel, and nothing for a confirmation the card does not list", () => {
    const signed = onlyQuote([ground], parcel({ confirmation: "signature" }));
    expect(signed.breakdown).toMatchObject({ baseCents: 600, fuelCents: 60, confirmationCents: 325 });
    expect(signed.totalCents).toBe(985);
    expect(onlyQuote([ground], parcel({ confirmation: "adult_signature" })).breakdown.confirmationCents).toBe(0);
  });

  it("rounds fuel half up, once: 12.5% of 700 is 87.5 → 88", () => {
    const fuelOnBase = prepared(card({ surcharges: { ...card().surcharges, fuel: { percent: 12.5, appliesTo: ["base"] } } }));
    const quote = onlyQuote([fuelOnBase], parcel({ weightOz: 32, residential: true }));
    expect(quote.breakdown).toMatchObject({ baseCents: 700, residentialCents: 450, fuelCents: 88 });
    expect(quote.totalCents).toBe(1238);
  });

  it("makes the total the sum of the breakdown", () => {
    const quote = onlyQuote([ground], parcel({ toPostalCode: "59201", residential: true, confirmation: "signature", weightOz: 16 * 16 }));
    const sum = Object.values(quote.breakdown).reduce((total, cents) => total + cents, 0);
    expect(quote.totalCents).toBe(sum);
    expect(Object.values(quote.breakdown).every(Number.isInteger)).toBe(true);
  });
});

describe("quoteParcel: which cards answer", () => {
  it("switches cards on their effective dates", () => {
    const before = prepared(card({ effectiveUntil: "2026-06-30" }), 1);
    const after = prepared(card({ effectiveFrom: "2026-07-01", surcharges: { ...card().surcharges, fuel: null } }), 2);
    expect(onlyQuote([before, after], parcel({ shipDate: "2026-06-30" }))).toMatchObject({ rateCardId: 1, totalCents: 660 });
    expect(onlyQuote([before, after], parcel({ shipDate: "2026-07-01" }))).toMatchObject({ rateCardId: 2, totalCents: 600 });
    expect(quoteParcel([before, after], NO_ZONE_CHARTS, parcel({ shipDate: "2025-12-31" })).quotes).toEqual([]);
  });

  it("leaves out inactive cards", () => {
    expect(quoteParcel([prepared(card({ active: false }))], NO_ZONE_CHARTS, parcel()).quotes).toEqual([]);
  });

  it("says a card cannot take a parcel over its heaviest weight, beside the other quotes", () => {
    const light = prepared(card({ serviceCode: "light", serviceName: "Light", maxWeightOz: 160 }), 2);
    const result = quoteParcel([ground, light], NO_ZONE_CHARTS, parcel({ weightOz: 11 * 16 }));
    expect(result.quotes.map((quote) => quote.serviceCode)).toEqual(["test_ground"]);
    expect(result.problems).toMatchObject([{ carrierCode: "testco", carrierName: "Test Carrier", serviceCode: "light", message: "Light takes parcels up to 10 lb; this one weighs 11 lb." }]);
    expect(quoteParcel([ground], NO_ZONE_CHARTS, parcel({ weightOz: 21 * 16 })).problems[0].message).toBe("Test Ground takes parcels up to 20 lb; this one weighs 21 lb.");
  });

  it("says so when the dimensional weight is over the heaviest weight", () => {
    const result = quoteParcel([ground], NO_ZONE_CHARTS, parcel({ weightOz: 32, dimensions: { lengthIn: 24, widthIn: 24, heightIn: 24 } }));
    expect(result.quotes).toEqual([]);
    expect(result.problems[0].message).toBe("Test Ground takes parcels up to 20 lb; this one rates at 84 lb (dimensional weight).");
  });

  it("honours the carrier and service filters, ShipStation's carrier codes included", () => {
    const usps = prepared(card({ carrierCode: "usps", carrierName: "USPS (my rates)", serviceCode: "usps_ground_advantage" }), 2);
    const both = [ground, usps];
    expect(quoteParcel(both, NO_ZONE_CHARTS, parcel({ carrierCode: "stamps_com" })).quotes.map((quote) => quote.rateCardId)).toEqual([2]);
    expect(quoteParcel(both, NO_ZONE_CHARTS, parcel({ carrierCode: "TESTCO" })).quotes.map((quote) => quote.rateCardId)).toEqual([1]);
    expect(quoteParcel(both, NO_ZONE_CHARTS, parcel({ serviceCode: "usps_ground_advantage" })).quotes.map((quote) => quote.rateCardId)).toEqual([2]);
    expect(quoteParcel(both, NO_ZONE_CHARTS, parcel({ packageCode: "flat_rate_envelope" })).quotes).toEqual([]);
  });

  it("sorts by total, then by delivery days", () => {
    const fast = prepared(card({ serviceCode: "fast", serviceName: "Fast", deliveryDays: { "2": 1 } }), 2);
    const dear = prepared(card({ serviceCode: "dear", serviceName: "Dear", surcharges: { ...card().surcharges, fuel: { percent: 20, appliesTo: ["base"] } } }), 3);
    const result = quoteParcel([dear, ground, fast], NO_ZONE_CHARTS, parcel());
    expect(result.quotes.map((quote) => [quote.serviceCode, quote.totalCents, quote.deliveryDays])).toEqual([
      ["fast", 660, 1],
      ["test_ground", 660, 2],
      ["dear", 720, 2],
    ]);
  });
});

describe("quoteParcel: cards zoned by the workspace's USPS zone charts", () => {
  const chart = parseUspsZoneChartJson({
    originMin: "90200",
    originMax: "90299",
    effectiveDateRaw: "April 1, 2024",
    zip3s: [
      { ZipCodes: "005---899", Zone: "8", MailService: "" },
      { ZipCodes: "900---999", Zone: "2*", MailService: "" },
    ],
    zip5s: [{ ZipCodes: "96799---96799", Zone: "5", MailService: "Priority Mail service" }],
  });
  const charts = indexZoneCharts([{ chart, source: "upload", fetchedAt: 1 }]);
  const priority = prepared(card({ zoneSource: "usps", uspsService: "priority", zones: { zip3: [], zip5: [], countries: [] } }));

  it("takes the zone from the origin's chart and says which chart", () => {
    const quote = quoteParcel([priority], charts, parcel({ fromPostalCode: "90210", toPostalCode: "10001" })).quotes[0];
    expect(quote).toMatchObject({ zone: "8", zoneSource: "USPS zone chart for 902xx, effective 2024-04-01 (uploaded)" });
    expect(quoteParcel([priority], charts, parcel({ toPostalCode: "96799" })).quotes[0].zone).toBe("5");
  });

  it("says there is no chart for an origin yet, never guessing a zone", () => {
    expect(quoteParcel([priority], charts, parcel({ fromPostalCode: "10001" }))).toMatchObject({
      quotes: [],
      problems: [{ carrierCode: "testco", carrierName: "Test Carrier", serviceCode: "test_ground", message: "No USPS zone chart for origin 100 yet" }],
    });
  });

  it("does not quote international parcels", () => {
    expect(quoteParcel([priority], charts, parcel({ toCountry: "CA", toPostalCode: "K1A 0B1" }))).toEqual({ quotes: [], problems: [] });
  });
});
