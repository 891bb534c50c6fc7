import "server-only";
import type { Selectable } from "kysely";
import { db } from "@/db/database";
import type { ShipFromLocationTable } from "@/db/schema";
import { notFound, parseWith } from "@/lib/errors";
import { message } from "@/lib/i18n/message";
import { shipFromLocationSchema, type ShipFromLocationInput } from "./ship-from-location-schema";
import { listUspsZoneCharts, listZoneChartChecks, originZip3Of, refreshDueZoneCharts, type StoredZoneChart } from "./zone-charts";

export { shipFromLocationSchema, type ShipFromLocationInput } from "./ship-from-location-schema";

export interface ShipFromLocation {
  id: number;
  name: string;
  company: string | null;
  street1: string;
  street2: string | null;
  city: string;
  state: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
  isDefault: boolean;
  /** The USPS origin ZIP3 of a US location, else null. */
  originZip3: string | null;
}

/** An origin's USPS zone chart as the merchant sees it: the chart in effect today, or why there is none. */
export interface OriginZoneChartStatus {
  originZip3: string;
  chart: StoredZoneChart | null;
  /** Why the last ask of the USPS service failed, when there is no chart in effect. */
  error: string | null;
}

export function todayUtc(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

function toLocation(row: Selectable<ShipFromLocationTable>): ShipFromLocation {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    street1: row.street1,
    street2: row.street2,
    city: row.city,
    state: row.state,
    postalCode: row.postal_code,
    country: row.country,
    phone: row.phone,
    isDefault: row.is_default === 1,
    originZip3: originZip3Of(row.postal_code, row.country),
  };
}

/** The default first, then by name. */
export async function listShipFromLocations(workspaceId: string): Promise<ShipFromLocation[]> {
  const rows = await db.read.selectFrom("ship_from_locations").selectAll().where("workspace_id", "=", workspaceId).orderBy("is_default", "desc").orderBy("name").orderBy("id").execute();
  return rows.map(toLocation);
}

/** Another workspace's location is not found, like one that never existed. */
export async function getShipFromLocation(workspaceId: string, locationId: number): Promise<ShipFromLocation> {
  const row = await db.read.selectFrom("ship_from_locations").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", locationId).executeTakeFirst();
  if (!row) throw notFound(message("ratingErrors.locationNotFound"));
  return toLocation(row);
}

export async function getDefaultShipFromLocation(workspaceId: string): Promise<ShipFromLocation | null> {
  const row = await db.read.selectFrom("ship_from_locations").selectAll().where("workspace_id", "=", workspaceId).where("is_default", "=", 1).executeTakeFirst();
  return row ? toLocation(row) : null;
}

/** The zone-chart state of each origin: the chart in effect on `today`, else the last failure's reason. */
export async function listOriginZoneChartStatus(workspaceId: string, origins: string[], today: string): Promise<Map<string, OriginZoneChartStatus>> {
  const [charts, checks] = await Promise.all([listUspsZoneCharts(workspaceId), listZoneChartChecks(workspaceId)]);
  const statuses = new Map<string, OriginZoneChartStatus>();
  for (const originZip3 of origins) {
    // listUspsZoneCharts gives each origin's newest effective date first.
    const chart = charts.find((stored) => stored.originZip3 === originZip3 && stored.effectiveDate <= today) ?? null;
    const check = checks.find((candidate) => candidate.originZip3 === originZip3);
    statuses.set(originZip3, { originZip3, chart, error: chart ? null : (check?.error ?? null) });
  }
  return statuses;
}

export interface SavedShipFromLocation {
  location: ShipFromLocation;
  /** The origin's USPS chart after the save asked for it; null for a location outside the US. */
  zoneChart: OriginZoneChartStatus | null;
}

/**
 * Creates (`locationId` null) or updates a location. The first one is the default; making one the
 * default unsets the others in the same transaction; the default stays so until another takes it.
 * Then a US origin without a chart in effect (or one due again) gets USPS's chart; that ask
 * failing never fails the save: `zoneChart.error` says why, and the page offers Retry and upload.
 */
export async function saveShipFromLocation(
  workspaceId: string,
  locationId: number | null,
  /** The fields, as typed or as a form posted them (strings by name): parsed here. */
  input: ShipFromLocationInput | Record<string, string>,
  options: { today?: string; now?: number } = {},
): Promise<SavedShipFromLocation> {
  const fields = parseWith(shipFromLocationSchema, input, "location");
  const now = options.now ?? Date.now();
  const id = await db.transaction(async (tx) => {
    const existing = await tx.db
      .selectFrom("ship_from_locations")
      .select(["id", "is_default"])
      .where("workspace_id", "=", workspaceId)
      .execute();
    const current = locationId === null ? null : existing.find((row) => row.id === locationId);
    if (locationId !== null && !current) throw notFound(message("ratingErrors.locationNotFound"));
    const isDefault = fields.isDefault || existing.length === 0 || current?.is_default === 1;
    // The unique index allows one default per workspace: unset the others first.
    if (isDefault) await tx.db.updateTable("ship_from_locations").set({ is_default: 0 }).where("workspace_id", "=", workspaceId).where("is_default", "=", 1).$if(locationId !== null, (query) => query.where("id", "!=", locationId!)).execute();
    const values = {
      name: fields.name,
      company: fields.company,
      street1: fields.street1,
      street2: fields.street2,
      city: fields.city,
      state: fields.state,
      postal_code: fields.postalCode,
      country: fields.country,
      phone: fields.phone,
      is_default: isDefault ? 1 : 0,
      updated_at: now,
    };
    if (locationId !== null) {
      await tx.db.updateTable("ship_from_locations").set(values).where("workspace_id", "=", workspaceId).where("id", "=", locationId).execute();
      return locationId;
    }
    const created = await tx.db.insertInto("ship_from_locations").values({ ...values, workspace_id: workspaceId, created_at: now }).returning("id").executeTakeFirstOrThrow();
    return created.id;
  });
  const location = await getShipFromLocation(workspaceId, id);
  if (!location.originZip3) return { location, zoneChart: null };
  const today = options.today ?? todayUtc(now);
  await refreshDueZoneCharts(workspaceId, today, { origins: [location.originZip3], retryFailed: true });
  const statuses = await listOriginZoneChartStatus(workspaceId, [location.originZip3], today);
  return { location, zoneChart: statuses.get(location.originZip3) ?? null };
}

/** Makes a location the default (and no other). */
export async function makeDefaultShipFromLocation(workspaceId: string, locationId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await tx.db.selectFrom("ship_from_locations").select("id").where("workspace_id", "=", workspaceId).where("id", "=", locationId).executeTakeFirst();
    if (!row) throw notFound(message("ratingErrors.locationNotFound"));
    await tx.db.updateTable("ship_from_locations").set({ is_default: 0 }).where("workspace_id", "=", workspaceId).where("is_default", "=", 1).execute();
    await tx.db.updateTable("ship_from_locations").set({ is_default: 1, updated_at: Date.now() }).where("id", "=", locationId).execute();
  });
}

/** Deletes a location; when it was the default, the oldest remaining one becomes the default. Stored zone charts stay. */
export async function deleteShipFromLocation(workspaceId: string, locationId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await tx.db.selectFrom("ship_from_locations").select(["id", "is_default"]).where("workspace_id", "=", workspaceId).where("id", "=", locationId).executeTakeFirst();
    if (!row) throw notFound(message("ratingErrors.locationNotFound"));
    await tx.db.deleteFrom("ship_from_locations").where("id", "=", locationId).execute();
    if (row.is_default !== 1) return;
    const next = await tx.db.selectFrom("ship_from_locations").select("id").where("workspace_id", "=", workspaceId).orderBy("created_at").orderBy("id").executeTakeFirst();
    if (next) await tx.db.updateTable("ship_from_locations").set({ is_default: 1 }).where("id", "=", next.id).execute();
  });
}
