// Not marked server-only: creating a workspace seeds the sample cards, and scripts/start.ts creates the demo workspace outside Next.
import type { Insertable, Kysely, Selectable } from "kysely";
import { db } from "@/db/database";
import type { Database, RateCardTable, Role, RatePriceTable, RateSurchargeTable, RateZoneTable } from "@/db/schema";
import { AppError, notFound, parseWith } from "@/lib/errors";
import { message } from "@/lib/i18n/message";
import { prepareRateCard, type PreparedRateCard } from "./quote";
import { rateCardSchema, type RateCard, type RateCardInput, type StoredRateCard, type Surcharges } from "./rate-card";
import { bumpRatingVersion } from "./rating-version";
import { sampleRateCards } from "./sample-rate-card";

/**
 * A workspace's rate cards in libSQL: the card row (with its rules as JSON) and its zone chart,
 * price grid and surcharges as rows. Every change bumps the workspace's rating version, which
 * each process's cache of prepared cards compares on every load.
 */

export interface RateCardSummary {
  id: number;
  carrierCode: string;
  carrierName: string;
  serviceCode: string;
  serviceName: string;
  packageCode: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
  samplePrices: boolean;
  active: boolean;
  zoneSource: "card" | "usps";
  uspsService: string | null;
  updatedAt: number;
}

/** Owners and admins change the prices every quote uses; members see them. */
export function canManageRateCards(role: Role): boolean {
  return role === "owner" || role === "admin";
}

/** What rate_cards.rules holds. */
interface StoredRules {
  originCountry: string;
  priceZones: string[];
  weightRounding: RateCard["weightRounding"];
  maxWeightOz: number | null;
  dim: RateCard["dim"];
}

// SQLite caps a statement's variables; a card's grid can have thousands of cells.
const INSERT_CHUNK = 400;

async function insertChunked<T extends "rate_zones" | "rate_prices" | "rate_surcharges">(trx: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]) {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + INSERT_CHUNK) as never)
      .execute();
  }
}

/** Writes a checked card and its rows through `trx` (a transaction's handle, or the workspace's creation). */
export async function insertRateCard(trx: Kysely<Database>, workspaceId: string, card: RateCard, now = Date.now()): Promise<number> {
  const rules: StoredRules = { originCountry: card.originCountry, priceZones: card.prices.zones, weightRounding: card.weightRounding, maxWeightOz: card.maxWeightOz, dim: card.dim };
  const { id } = await trx
    .insertInto("rate_cards")
    .values({
      workspace_id: workspaceId,
      carrier_code: card.carrierCode,
      carrier_name: card.carrierName,
      service_code: card.serviceCode,
      service_name: card.serviceName,
      package_code: card.packageCode,
      effective_from: card.effectiveFrom,
      effective_until: card.effectiveUntil,
      sample_prices: card.samplePrices ? 1 : 0,
      active: card.active ? 1 : 0,
      zone_source: card.zoneSource,
      usps_service: card.uspsService,
      rules: JSON.stringify(rules),
      delivery_days: JSON.stringify(card.deliveryDays),
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const zone = (kind: string, originFrom: string, originTo: string, destFrom: string, destTo: string, name: string): Insertable<RateZoneTable> => ({
    card_id: id,
    workspace_id: workspaceId,
    kind,
    origin_from: originFrom,
    origin_to: originTo,
    dest_from: destFrom,
    dest_to: destTo,
    zone: name,
  });
  await insertChunked(trx, "rate_zones", [
    ...card.zones.zip3.map((row) => zone("zip3", row.originFrom, row.originTo, row.destFrom, row.destTo, row.zone)),
    ...card.zones.zip5.map((row) => zone("zip5", row.originFrom, row.originTo, row.destFrom, row.destTo, row.zone)),
    ...card.zones.countries.map((row) => zone("country", "", "", row.country, row.country, row.zone)),
  ]);
  const prices: Insertable<RatePriceTable>[] = [];
  card.prices.weightBreaksOz.forEach((weight, b) =>
    card.prices.zones.forEach((name, z) => prices.push({ card_id: id, workspace_id: workspaceId, max_weight_oz: weight, zone: name, cents: card.prices.cents[b][z] })),
  );
  await insertChunked(trx, "rate_prices", prices);
  await insertChunked(trx, "rate_surcharges", surchargeRows(id, workspaceId, card.surcharges));
  return id;
}

function surchargeRows(cardId: number, workspaceId: string, surcharges: Surcharges): Insertable<RateSurchargeTable>[] {
  const row = (kind: string, cents: number, params: unknown = null, percent = 0): Insertable<RateSurchargeTable> => ({
    card_id: cardId,
    workspace_id: workspaceId,
    kind,
    cents,
    percent,
    params: params === null ? null : JSON.stringify(params),
  });
  const rows: Insertable<RateSurchargeTable>[] = [];
  if (surcharges.residentialCents !== null) rows.push(row("residential", surcharges.residentialCents));
  if (surcharges.fuel) rows.push(row("fuel", 0, { appliesTo: surcharges.fuel.appliesTo }, surcharges.fuel.percent));
  for (const area of surcharges.deliveryAreas) rows.push(row("delivery_area", area.cents, { zip5Ranges: area.zip5Ranges }));
  if (surcharges.additionalHandling) {
    const { cents, ...thresholds } = surcharges.additionalHandling;
    rows.push(row("additional_handling", cents, thresholds));
  }
  if (surcharges.oversize) rows.push(row("oversize", surcharges.oversize.cents, { lengthPlusGirthIn: surcharges.oversize.lengthPlusGirthIn }));
  for (const [confirmation, cents] of Object.entries(surcharges.confirmationCents)) rows.push(row("confirmation", cents, { confirmation }));
  return rows;
}

/** Rows back to a card, checked with the same schema as an upload: a bad row fails loudly here. */
function cardOfRows(
  card: Selectable<RateCardTable>,
  zones: Selectable<RateZoneTable>[],
  prices: Selectable<RatePriceTable>[],
  surchargeRows: Selectable<RateSurchargeTable>[],
): StoredRateCard {
  const rules = JSON.parse(card.rules) as StoredRules;
  const breaks = [...new Set(prices.map((price) => price.max_weight_oz))].sort((a, b) => a - b);
  const breakIndex = new Map(breaks.map((weight, index) => [weight, index]));
  const zoneIndex = new Map(rules.priceZones.map((zone, index) => [zone, index]));
  const cents = breaks.map(() => rules.priceZones.map(() => -1));
  for (const price of prices) cents[breakIndex.get(price.max_weight_oz)!][zoneIndex.get(price.zone) ?? 0] = price.cents;

  const surcharges: Surcharges = { residentialCents: null, fuel: null, deliveryAreas: [], additionalHandling: null, oversize: null, confirmationCents: {} };
  for (const row of surchargeRows) {
    const params = row.params ? JSON.parse(row.params) : {};
    if (row.kind === "residential") surcharges.residentialCents = row.cents;
    else if (row.kind === "fuel") surcharges.fuel = { percent: row.percent, appliesTo: params.appliesTo };
    else if (row.kind === "delivery_area") surcharges.deliveryAreas.push({ cents: row.cents, zip5Ranges: params.zip5Ranges });
    else if (row.kind === "additional_handling") surcharges.additionalHandling = { cents: row.cents, ...params };
    else if (row.kind === "oversize") surcharges.oversize = { cents: row.cents, lengthPlusGirthIn: params.lengthPlusGirthIn };
    else if (row.kind === "confirmation") surcharges.confirmationCents[params.confirmation as keyof Surcharges["confirmationCents"]] = row.cents;
  }

  const input: RateCardInput = {
    carrierCode: card.carrier_code,
    carrierName: card.carrier_name,
    serviceCode: card.service_code,
    serviceName: card.service_name,
    packageCode: card.package_code,
    effectiveFrom: card.effective_from,
    effectiveUntil: card.effective_until,
    samplePrices: card.sample_prices === 1,
    active: card.active === 1,
    zoneSource: card.zone_source as RateCard["zoneSource"],
    uspsService: card.usps_service as RateCard["uspsService"],
    originCountry: rules.originCountry,
    zones: {
      zip3: zones.filter((row) => row.kind === "zip3").map((row) => ({ originFrom: row.origin_from, originTo: row.origin_to, destFrom: row.dest_from, destTo: row.dest_to, zone: row.zone })),
      zip5: zones.filter((row) => row.kind === "zip5").map((row) => ({ originFrom: row.origin_from, originTo: row.origin_to, destFrom: row.dest_from, destTo: row.dest_to, zone: row.zone })),
      countries: zones.filter((row) => row.kind === "country").map((row) => ({ country: row.dest_from, zone: row.zone })),
    },
    prices: { weightBreaksOz: breaks, zones: rules.priceZones, cents },
    weightRounding: rules.weightRounding,
    maxWeightOz: rules.maxWeightOz,
    dim: rules.dim,
    surcharges,
    deliveryDays: JSON.parse(card.delivery_days),
  };
  return { ...parseWith(rateCardSchema, input, `rate card ${card.id}`), id: card.id, updatedAt: card.updated_at };
}

function summaryOf(row: Selectable<RateCardTable>): RateCardSummary {
  return {
    id: row.id,
    carrierCode: row.carrier_code,
    carrierName: row.carrier_name,
    serviceCode: row.service_code,
    serviceName: row.service_name,
    packageCode: row.package_code,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
    samplePrices: row.sample_prices === 1,
    active: row.active === 1,
    zoneSource: row.zone_source as RateCardSummary["zoneSource"],
    uspsService: row.usps_service,
    updatedAt: row.updated_at,
  };
}

/** The built-in sample cards for a new workspace, written with its creation. */
export async function seedSampleRateCards(trx: Kysely<Database>, workspaceId: string, now = Date.now()): Promise<void> {
  for (const card of sampleRateCards()) await insertRateCard(trx, workspaceId, card, now);
  await trx.updateTable("workspaces").set({ rate_cards_seeded: 1 }).where("id", "=", workspaceId).execute();
}

/**
 * Workspaces created before rating existed get the sample cards on first use. The conditional
 * update claims the seeding, so two processes never seed twice.
 */
async function seedIfNeverSeeded(workspaceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const claimed = await tx.db.updateTable("workspaces").set({ rate_cards_seeded: 1 }).where("id", "=", workspaceId).where("rate_cards_seeded", "=", 0).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return;
    for (const card of sampleRateCards()) await insertRateCard(tx.db, workspaceId, card);
    await bumpRatingVersion(tx, workspaceId);
  });
}

/** Gives the workspace its sample cards if it never had them; one read when it has. */
export async function ensureSampleRateCards(workspaceId: string): Promise<void> {
  const row = await db.read.selectFrom("workspaces").select("rate_cards_seeded").where("id", "=", workspaceId).executeTakeFirst();
  if (row && row.rate_cards_seeded === 0) await seedIfNeverSeeded(workspaceId);
}

/** Checks and stores a card (a CSV upload's, or built in code) in one transaction; its id. */
export async function saveRateCard(workspaceId: string, input: RateCardInput): Promise<number> {
  const card = parseWith(rateCardSchema, input, "rate card");
  return db.transaction(async (tx) => {
    const id = await insertRateCard(tx.db, workspaceId, card);
    await bumpRatingVersion(tx, workspaceId);
    return id;
  });
}

/** Every card of the workspace, sample ones included, by carrier, service and effective date. */
export async function listRateCards(workspaceId: string): Promise<RateCardSummary[]> {
  await ensureSampleRateCards(workspaceId);
  const rows = await db.read
    .selectFrom("rate_cards")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("carrier_name")
    .orderBy("service_name")
    .orderBy("effective_from")
    .orderBy("id")
    .execute();
  return rows.map(summaryOf);
}

/** One card whole (zones, prices, surcharges); not found for another workspace's id. */
export async function getRateCardOrThrow(workspaceId: string, id: number): Promise<StoredRateCard> {
  const cards = await readCards(workspaceId, { id });
  if (!cards.length) throw notFound(message("rateCards.errors.notFound"));
  return cards[0];
}

export async function setRateCardActive(workspaceId: string, id: number, active: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const result = await tx.db
      .updateTable("rate_cards")
      .set({ active: active ? 1 : 0, updated_at: Date.now() })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound(message("rateCards.errors.notFound"));
    await bumpRatingVersion(tx, workspaceId);
  });
}

export async function deleteRateCard(workspaceId: string, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    // The child rows carry the workspace too, so deleting them never needs the foreign keys' cascade.
    const card = await tx.db.selectFrom("rate_cards").select("id").where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
    if (!card) throw notFound(message("rateCards.errors.notFound"));
    for (const table of ["rate_zones", "rate_prices", "rate_surcharges"] as const) {
      await tx.db.deleteFrom(table).where("workspace_id", "=", workspaceId).where("card_id", "=", id).execute();
    }
    await tx.db.deleteFrom("rate_cards").where("workspace_id", "=", workspaceId).where("id", "=", id).execute();
    await bumpRatingVersion(tx, workspaceId);
  });
}

async function readCards(workspaceId: string, filter: { id?: number; activeOnly?: boolean }): Promise<StoredRateCard[]> {
  let cardQuery = db.read.selectFrom("rate_cards").selectAll().where("workspace_id", "=", workspaceId);
  if (filter.id !== undefined) cardQuery = cardQuery.where("id", "=", filter.id);
  if (filter.activeOnly) cardQuery = cardQuery.where("active", "=", 1);
  const cards = await cardQuery.orderBy("id").execute();
  if (!cards.length) return [];
  const ids = cards.map((card) => card.id);
  const [zones, prices, surcharges] = await Promise.all([
    db.read.selectFrom("rate_zones").selectAll().where("workspace_id", "=", workspaceId).where("card_id", "in", ids).execute(),
    db.read.selectFrom("rate_prices").selectAll().where("workspace_id", "=", workspaceId).where("card_id", "in", ids).execute(),
    db.read.selectFrom("rate_surcharges").selectAll().where("workspace_id", "=", workspaceId).where("card_id", "in", ids).execute(),
  ]);
  const byCard = <T extends { card_id: number }>(rows: T[]) => {
    const grouped = new Map<number, T[]>();
    for (const row of rows) (grouped.get(row.card_id) ?? grouped.set(row.card_id, []).get(row.card_id)!).push(row);
    return grouped;
  };
  const zonesOf = byCard(zones);
  const pricesOf = byCard(prices);
  const surchargesOf = byCard(surcharges);
  return cards.map((card) => cardOfRows(card, zonesOf.get(card.id) ?? [], pricesOf.get(card.id) ?? [], surchargesOf.get(card.id) ?? []));
}

interface CacheEntry {
  version: number;
  cards: Promise<PreparedRateCard[]>;
}

const globalForCache = globalThis as unknown as { shipdeckRateCardCache?: Map<string, CacheEntry> };
const cache = (globalForCache.shipdeckRateCardCache ??= new Map());

/**
 * The workspace's active cards, prepared for quoting, from this process's cache: one read of the
 * workspace's rating version per call, and a reload only when another change (in any process)
 * bumped it since.
 */
export async function loadRateCards(workspaceId: string): Promise<PreparedRateCard[]> {
  const row = await db.read.selectFrom("workspaces").select(["rating_version", "rate_cards_seeded"]).where("id", "=", workspaceId).executeTakeFirst();
  if (!row) throw new AppError("not_found", message("ratingErrors.workspaceGone"));
  if (row.rate_cards_seeded === 0) {
    await seedIfNeverSeeded(workspaceId);
    return loadRateCards(workspaceId);
  }
  const cached = cache.get(workspaceId);
  if (cached && cached.version === row.rating_version) return cached.cards;
  // Read at or after this version: a change landing meanwhile bumps the version again, and the next call reloads.
  const cards = readCards(workspaceId, { activeOnly: true }).then((stored) => stored.map((card) => prepareRateCard(card, card.id)));
  const entry = { version: row.rating_version, cards };
  cache.set(workspaceId, entry);
  cards.catch(() => {
    if (cache.get(workspaceId) === entry) cache.delete(workspaceId);
  });
  return cards;
}
