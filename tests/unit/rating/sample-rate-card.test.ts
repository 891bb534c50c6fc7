import { describe, expect, it } from "vitest";
import { prepareRateCard, quoteParcel } from "@/lib/rating/quote";
import { SAMPLE_CARRIER_NAME, SAMPLE_RATE_CARD_CSVS, sampleRateCards } from "@/lib/rating/sample-rate-card";
import type { Parcel } from "@/lib/rating/types";
import { NO_ZONE_CHARTS } from "@/lib/rating/usps-zone-chart";
import { testParcel } from "../../helpers/rating";

const cards = sampleRateCards().map((card, index) => prepareRateCard(card, index + 1));

function parcel(overrides: Partial<Parcel> = {}): Parcel {
  return testParcel({ fromPostalCode: "94107", toPostalCode: "90277", toCity: null, toState: null, weightOz: 15.4, dimensions: null, ...overrides });
}

describe("the built-in sample rate cards", () => {
  it("are two services, labelled sample prices under a name that is no carrier's", () => {
    expect(Object.keys(SAMPLE_RATE_CARD_CSVS)).toEqual(["sample_ground", "sample_express"]);
    for (const { card } of cards) {
      expect(card).toMatchObject({ carrierCode: "sample", carrierName: SAMPLE_CARRIER_NAME, samplePrices: true, active: true, zoneSource: "card" });
      expect(card.carrierName).not.toMatch(/usps|ups|fedex|dhl/i);
    }
    const quotes = quoteParcel(cards, NO_ZONE_CHARTS, parcel()).quotes;
    expect(quotes.every((quote) => quote.samplePrices)).toBe(true);
  });

  it("zone every US origin to every US destination ZIP3, offline", () => {
    const unserved: string[] = [];
    for (let origin = 0; origin < 1000; origin += 53) {
      for (let dest = 0; dest < 1000; dest += 1) {
        const lane = parcel({ fromPostalCode: `${String(origin).padStart(3, "0")}01`, toPostalCode: `${String(dest).padStart(3, "0")}01` });
        if (quoteParcel(cards, NO_ZONE_CHARTS, lane).quotes.length !== 2) unserved.push(`${lane.fromPostalCode}→${lane.toPostalCode}`);
      }
    }
    expect(unserved).toEqual([]);
  });

  it("price a 15.4 oz parcel of the order of a 2024 ground and express price", () => {
    const [ground, express] = quoteParcel(cards, NO_ZONE_CHARTS, parcel()).quotes;
    expect(ground.serviceCode).toBe("sample_ground");
    expect(ground.breakdown.baseCents).toBeGreaterThan(400);
    expect(ground.breakdown.baseCents).toBeLessThan(1200);
    expect(express.serviceCode).toBe("sample_express");
    expect(express.breakdown.baseCents).toBeGreaterThan(ground.breakdown.baseCents);
    expect(express.deliveryDays!).toBeLessThan(ground.deliveryDays!);
  });

  it("serve Canada, Mexico, Europe and the rest of the world", () => {
    const zonesFor = (toCountry: string) => quoteParcel(cards, NO_ZONE_CHARTS, parcel({ toCountry, toPostalCode: "12345" })).quotes.map((quote) => `${quote.serviceCode}:${quote.zone}`);
    expect(zonesFor("CA")).toEqual(["sample_ground:CA", "sample_express:CA"]);
    expect(zonesFor("MX")).toEqual(["sample_ground:MX", "sample_express:MX"]);
    expect(zonesFor("DE")).toEqual(["sample_express:Europe"]);
    expect(zonesFor("JP")).toEqual(["sample_express:ROW"]);
  });

  it("can show every part of a breakdown", () => {
    const busy = parcel({ toPostalCode: "99501", residential: true, confirmation: "adult_signature", weightOz: 20 * 16, dimensions: { lengthIn: 50, widthIn: 14, heightIn: 12 } });
    const ground = quoteParcel(cards, NO_ZONE_CHARTS, busy).quotes.find((quote) => quote.serviceCode === "sample_ground")!;
    expect(ground.dimWeightUsed).toBe(true);
    for (const part of ["baseCents", "fuelCents", "residentialCents", "deliveryAreaCents", "additionalHandlingCents", "confirmationCents"] as const) expect(ground.breakdown[part]).toBeGreaterThan(0);
    const oversize = quoteParcel(cards, NO_ZONE_CHARTS, parcel({ weightOz: 30 * 16, dimensions: { lengthIn: 100, widthIn: 8, heightIn: 8 } })).quotes[0];
    expect(oversize.breakdown.oversizeCents).toBeGreaterThan(0);
  });

  it("refuse a parcel over 70 lb with a problem, not a price", () => {
    const result = quoteParcel(cards, NO_ZONE_CHARTS, parcel({ weightOz: 71 * 16 }));
    expect(result.quotes).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      "Sample Ground takes parcels up to 70 lb; this one weighs 71 lb.",
      "Sample Express takes parcels up to 70 lb; this one weighs 71 lb.",
    ]);
  });
});
