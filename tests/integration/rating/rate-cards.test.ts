import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { AppError } from "@/lib/errors";
import { parseRateCardCsv } from "@/lib/rating/rate-card-csv";
import { deleteRateCard, getRateCardOrThrow, listRateCards, loadRateCards, saveRateCard, setRateCardActive } from "@/lib/rating/rate-cards";
import { quoteRates } from "@/lib/rating/quote-rates";
import { readRatingVersion } from "@/lib/rating/rating-version";
import { sampleRateCards } from "@/lib/rating/sample-rate-card";
import type { RateCard } from "@/lib/rating/rate-card";
import type { Parcel } from "@/lib/rating/types";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";
import { readFileSync } from "node:fs";

useTestDatabase();

const EXAMPLE = /```csv\n([\s\S]*?)```/.exec(readFileSync("docs/rate-cards.md", "utf8"))![1];

function exampleCard(overrides: Partial<RateCard> = {}): RateCard {
  const parsed = parseRateCardCsv(EXAMPLE);
  if (!parsed.ok) throw new Error("the docs example does not parse");
  return { ...parsed.card, ...overrides };
}

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

const servicesOf = async (workspaceId: string) => (await quoteRates(workspaceId, parcel, { live: false })).quotes.map((quote) => quote.serviceCode);

describe("rate cards in libSQL", () => {
  it("gives a new workspace the sample cards, labelled sample prices", async () => {
    const { workspaceId } = await createMerchant();
    const cards = await listRateCards(workspaceId);
    expect(cards.map((card) => [card.carrierName, card.serviceName, card.samplePrices, card.active])).toEqual([
      ["Sample rates (not carrier prices)", "Sample Express", true, true],
      ["Sample rates (not carrier prices)", "Sample Ground", true, true],
    ]);
    const result = await quoteRates(workspaceId, parcel, { live: false });
    expect(result.quotes.map((quote) => [quote.serviceCode, quote.samplePrices])).toEqual([
      ["sample_ground", true],
      ["sample_express", true],
    ]);
  });

  it("reads a stored card back exactly as it was saved", async () => {
    const { workspaceId } = await createMerchant();
    const card = exampleCard();
    const id = await saveRateCard(workspaceId, card);
    const stored = await getRateCardOrThrow(workspaceId, id);
    expect({ ...stored, id: undefined, updatedAt: undefined }).toEqual({ ...card, id: undefined, updatedAt: undefined });
    const sample = sampleRateCards()[0];
    const sampleId = (await listRateCards(workspaceId)).find((summary) => summary.serviceCode === sample.serviceCode)!.id;
    expect({ ...(await getRateCardOrThrow(workspaceId, sampleId)), id: undefined, updatedAt: undefined }).toEqual({ ...sample, id: undefined, updatedAt: undefined });
  });

  it("saves, lists, deactivates, reactivates and deletes, each change reaching the cached quotes", async () => {
    const { workspaceId } = await createMerchant();
    expect(await servicesOf(workspaceId)).toEqual(["sample_ground", "sample_express"]);
    const versionBefore = await readRatingVersion(workspaceId);

    const id = await saveRateCard(workspaceId, exampleCard());
    expect(await readRatingVersion(workspaceId)).toBe(versionBefore + 1);
    expect((await listRateCards(workspaceId)).map((card) => card.serviceName)).toContain("Regional Ground");
    expect(await servicesOf(workspaceId)).toContain("regional_ground");
    const quote = (await quoteRates(workspaceId, parcel, { live: false })).quotes.find((candidate) => candidate.rateCardId === id)!;
    expect(quote).toMatchObject({ totalCents: 1691, samplePrices: false, zone: "3" });

    await setRateCardActive(workspaceId, id, false);
    expect((await listRateCards(workspaceId)).find((card) => card.id === id)!.active).toBe(false);
    expect(await servicesOf(workspaceId)).not.toContain("regional_ground");

    await setRateCardActive(workspaceId, id, true);
    expect(await servicesOf(workspaceId)).toContain("regional_ground");

    await deleteRateCard(workspaceId, id);
    expect((await listRateCards(workspaceId)).map((card) => card.id)).not.toContain(id);
    expect(await servicesOf(workspaceId)).not.toContain("regional_ground");
    for (const table of ["rate_zones", "rate_prices", "rate_surcharges"] as const) {
      expect(await db.read.selectFrom(table).select("card_id").where("card_id", "=", id).execute()).toEqual([]);
    }
  });

  it("serves loads from the cache until the rating version moves", async () => {
    const { workspaceId } = await createMerchant();
    const first = await loadRateCards(workspaceId);
    expect(await loadRateCards(workspaceId)).toBe(first);
    // Another process's change: only the version tells this one.
    await db.transaction(async (tx) => {
      await tx.db.updateTable("rate_cards").set({ active: 0 }).where("workspace_id", "=", workspaceId).where("service_code", "=", "sample_express").execute();
      await tx.db.updateTable("workspaces").set({ rating_version: 999 }).where("id", "=", workspaceId).execute();
    });
    const reloaded = await loadRateCards(workspaceId);
    expect(reloaded).not.toBe(first);
    expect(reloaded.map((card) => card.card.serviceCode)).toEqual(["sample_ground"]);
  });

  it("keeps workspaces apart: another workspace's card is not found", async () => {
    const owner = await createMerchant();
    const other = await createMerchant();
    const id = await saveRateCard(owner.workspaceId, exampleCard());
    for (const attempt of [() => setRateCardActive(other.workspaceId, id, false), () => deleteRateCard(other.workspaceId, id), () => getRateCardOrThrow(other.workspaceId, id)]) {
      await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await listRateCards(other.workspaceId)).map((card) => card.id)).not.toContain(id);
    expect(await servicesOf(other.workspaceId)).not.toContain("regional_ground");
    expect(await servicesOf(owner.workspaceId)).toContain("regional_ground");
  });

  it("refuses a card that does not hold together, naming the field", async () => {
    const { workspaceId } = await createMerchant();
    const card = exampleCard({ effectiveUntil: "2026-01-01" });
    const error = await saveRateCard(workspaceId, card).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual({ effectiveUntil: ["Must not be before the effective-from date"] });
  });

  it("gives a workspace made before rating its sample cards once, on first use", async () => {
    const { workspaceId } = await createMerchant();
    await db.transaction(async (tx) => {
      await tx.db.deleteFrom("rate_cards").where("workspace_id", "=", workspaceId).execute();
      await tx.db.updateTable("workspaces").set({ rate_cards_seeded: 0 }).where("id", "=", workspaceId).execute();
    });
    expect(await servicesOf(workspaceId)).toEqual(["sample_ground", "sample_express"]);
    expect(await listRateCards(workspaceId)).toHaveLength(2);

    for (const card of await listRateCards(workspaceId)) await deleteRateCard(workspaceId, card.id);
    expect(await listRateCards(workspaceId)).toEqual([]);
    expect(await servicesOf(workspaceId)).toEqual([]);
  });
});
