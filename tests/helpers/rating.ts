import { db } from "@/db/database";
import type { RateCardInput } from "@/lib/rating/rate-card";
import type { Parcel } from "@/lib/rating/types";
import { saveRateCard } from "@/lib/rating/rate-cards";

/** A carrier's card for tests: one zone ("5") everywhere, $8 up to 1 lb, $15 up to 5 lb, signature $3.50, 3 days. */
export function testRateCard(overrides: Partial<RateCardInput> = {}): RateCardInput {
  return {
    carrierCode: "usps",
    carrierName: "USPS",
    serviceCode: "usps_ground_advantage",
    serviceName: "USPS Ground Advantage",
    packageCode: "package",
    effectiveFrom: "2020-01-01",
    effectiveUntil: null,
    samplePrices: false,
    active: true,
    zoneSource: "card",
    uspsService: null,
    originCountry: "US",
    zones: { zip3: [{ originFrom: "000", originTo: "999", destFrom: "000", destTo: "999", zone: "5" }], zip5: [], countries: [] },
    prices: { weightBreaksOz: [16, 80], zones: ["5"], cents: [[800], [1500]] },
    weightRounding: "ceil_oz",
    maxWeightOz: null,
    dim: null,
    surcharges: { residentialCents: null, fuel: null, deliveryAreas: [], additionalHandling: null, oversize: null, confirmationCents: { signature: 350 } },
    deliveryDays: { "5": 3 },
    ...overrides,
  };
}

/** A card whose zones come from the workspace's USPS zone charts: with no chart stored, it cannot quote. */
export function uspsZonedRateCard(overrides: Partial<RateCardInput> = {}): RateCardInput {
  return testRateCard({
    serviceCode: "usps_priority_mail",
    serviceName: "USPS Priority Mail",
    zoneSource: "usps",
    uspsService: "priority",
    zones: { zip3: [], zip5: [], countries: [] },
    ...overrides,
  });
}

export async function addRateCard(workspaceId: string, card: RateCardInput) {
  return saveRateCard(workspaceId, card);
}

/** A ship-from location stored as is: no USPS zone chart is asked for. */
export async function addShipFromLocation(workspaceId: string, fields: { postalCode?: string; country?: string; name?: string; isDefault?: boolean } = {}) {
  const now = Date.now();
  const row = await db.write
    .insertInto("ship_from_locations")
    .values({
      workspace_id: workspaceId,
      name: fields.name ?? "Warehouse",
      company: null,
      street1: "1 Main St",
      street2: null,
      city: "Los Angeles",
      state: "CA",
      postal_code: fields.postalCode ?? "90210",
      country: fields.country ?? "US",
      phone: null,
      is_default: (fields.isDefault ?? true) ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A parcel as the rating code takes it: 40 oz, 10×8×6 in, Beverly Hills to New York; override what the test is about. */
export function testParcel(overrides: Partial<Parcel> = {}): Parcel {
  return {
    fromPostalCode: "90210",
    fromCountry: "US",
    toPostalCode: "10001",
    toCountry: "US",
    toCity: "New York",
    toState: "NY",
    residential: false,
    weightOz: 40,
    dimensions: { lengthIn: 10, widthIn: 8, heightIn: 6 },
    confirmation: "none",
    packageCode: "package",
    shipDate: "2026-12-07",
    carrierCode: null,
    serviceCode: null,
    ...overrides,
  };
}
