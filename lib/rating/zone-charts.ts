// Not marked server-only: the self-hosted ticker (instrumentation.ts) refreshes zone charts, outside React Server Components.
import { db, type WriteTransaction } from "@/db/database";
import { AppError, parseJsonBody } from "@/lib/errors";
import { inEnglish, message } from "@/lib/i18n/message";
import { bumpRatingVersion, readRatingVersion } from "./rating-version";
import { indexZoneCharts, parseUspsZoneChartJson, type UspsZoneChart, type UspsZoneChartEntry, type UspsZoneChartSet } from "./usps-zone-chart";
import { fetchUspsZoneChartFromService } from "./usps-zone-service";

const DAY_MS = 86_400_000;
/** A chart is asked for again after this long, whatever else: USPS changes zones with little notice. */
export const ZONE_CHART_MAX_AGE_DAYS = 30;
/** After a failed ask, the cron tick waits this long before asking again (the save path and Retry don't). */
export const ZONE_CHART_RETRY_AFTER_MS = 6 * 3_600_000;
/** The largest upload read: a real chart is about 25 KB. */
const MAX_UPLOAD_CHARS = 2_000_000;

export type ZoneChartSource = UspsZoneChartEntry["source"];

export interface StoredZoneChart {
  originZip3: string;
  effectiveDate: string;
  source: ZoneChartSource;
  sourceUrl: string | null;
  fetchedAt: number;
}

/** An origin's chart state as the settings page shows it. */
export interface ZoneChartCheck {
  originZip3: string;
  checkedAt: number;
  /** Why the last ask failed; null when it worked. */
  error: string | null;
}

/** The US origin ZIP3 of a postal code ("90210-1234" → "902"), or null when it is not a US ZIP. */
export function originZip3Of(postalCode: string, country = "US"): string | null {
  if (country.toUpperCase() !== "US") return null;
  const match = /^(\d{5})(?:-?\d{4})?$/.exec(postalCode.trim());
  return match ? match[1].slice(0, 3) : null;
}

async function recordCheck(runner: Pick<WriteTransaction, "db">, workspaceId: string, originZip3: string, checkedAt: number, error: string | null) {
  await runner.db
    .insertInto("usps_zone_chart_checks")
    .values({ workspace_id: workspaceId, origin_zip3: originZip3, checked_at: checkedAt, error })
    .onConflict((conflict) => conflict.columns(["workspace_id", "origin_zip3"]).doUpdateSet({ checked_at: checkedAt, error }))
    .execute();
}

/**
 * Stores a chart as the workspace's for its origin and effective date, replacing the one stored for
 * that same date (older effective dates stay, so quotes for past ship dates still find theirs).
 */
export async function storeUspsZoneChart(
  workspaceId: string,
  chart: UspsZoneChart,
  options: { source: ZoneChartSource; sourceUrl: string | null; fetchedAt?: number },
): Promise<StoredZoneChart> {
  const fetchedAt = options.fetchedAt ?? Date.now();
  const row = {
    workspace_id: workspaceId,
    origin_zip3: chart.originZip3From,
    effective_date: chart.effectiveDate,
    source: options.source,
    source_url: options.sourceUrl,
    fetched_at: fetchedAt,
    chart: JSON.stringify(chart),
  };
  await db.transaction(async (tx) => {
    await tx.db
      .insertInto("usps_zone_charts")
      .values(row)
      .onConflict((conflict) =>
        conflict.columns(["workspace_id", "origin_zip3", "effective_date"]).doUpdateSet({ source: row.source, source_url: row.source_url, fetched_at: row.fetched_at, chart: row.chart }),
      )
      .execute();
    await recordCheck(tx, workspaceId, chart.originZip3From, fetchedAt, null);
    await bumpRatingVersion(tx, workspaceId);
  });
  return { originZip3: row.origin_zip3, effectiveDate: row.effective_date, source: options.source, sourceUrl: row.source_url, fetchedAt };
}

/**
 * Asks USPS's service for the origin's chart in force on `shippingDate` (YYYY-MM-DD) and stores it.
 * A failure is recorded (the settings page shows its reason) and thrown as an AppError.
 */
export async function fetchUspsZoneChart(workspaceId: string, originZip3: string, shippingDate: string): Promise<StoredZoneChart> {
  if (!/^\d{3}$/.test(originZip3)) throw new AppError("invalid_input", message("zoneChartErrors.originNotDigits", { origin: originZip3 }));
  let fetched: Awaited<ReturnType<typeof fetchUspsZoneChartFromService>>;
  try {
    fetched = await fetchUspsZoneChartFromService(originZip3, shippingDate);
  } catch (error) {
    const said = error instanceof AppError ? error.message : inEnglish(message("ratingErrors.serviceUnreachable"));
    await db.transaction((tx) => recordCheck(tx, workspaceId, originZip3, Date.now(), said));
    if (error instanceof AppError) throw error;
    throw new AppError("invalid_input", message("ratingErrors.serviceUnreachable"));
  }
  return storeUspsZoneChart(workspaceId, fetched.chart, { source: "usps_service", sourceUrl: fetched.sourceUrl });
}

/**
 * The merchant's own copy of the service's JSON (saved from the USPS page by someone with internet
 * access). USPS's raw answer does not name its origin: `originZip3` says it then.
 */
export async function uploadUspsZoneChart(workspaceId: string, jsonText: string, options: { originZip3?: string } = {}): Promise<StoredZoneChart> {
  if (jsonText.length > MAX_UPLOAD_CHARS) throw new AppError("invalid_input", message("zoneChartErrors.fileTooLarge"), { file: [inEnglish(message("zoneChartErrors.tooLarge"))] });
  if (!jsonText.trim()) throw new AppError("invalid_input", message("zoneChartErrors.chooseFile"), { file: [inEnglish(message("zoneChartErrors.chooseFile"))] });
  const originZip3 = options.originZip3?.trim() || undefined;
  if (originZip3 && !/^\d{3}$/.test(originZip3)) throw new AppError("invalid_input", message("zoneChartErrors.originNotDigits", { origin: originZip3 }), { originZip3: [inEnglish(message("zoneChartErrors.originHint"))] });
  let chart: UspsZoneChart;
  try {
    chart = parseUspsZoneChartJson(parseJsonBody(jsonText), { originZip3 });
  } catch (error) {
    if (error instanceof AppError) throw new AppError("invalid_input", error.key ? message(error.key, error.params) : error.message, { file: [error.message] });
    throw error;
  }
  return storeUspsZoneChart(workspaceId, chart, { source: "upload", sourceUrl: null });
}

/** The workspace's stored charts (without their bodies), newest effective date first per origin. */
export async function listUspsZoneCharts(workspaceId: string): Promise<StoredZoneChart[]> {
  const rows = await db.read
    .selectFrom("usps_zone_charts")
    .select(["origin_zip3", "effective_date", "source", "source_url", "fetched_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("origin_zip3")
    .orderBy("effective_date", "desc")
    .execute();
  return rows.map((row) => ({ originZip3: row.origin_zip3, effectiveDate: row.effective_date, source: row.source as ZoneChartSource, sourceUrl: row.source_url, fetchedAt: row.fetched_at }));
}

export async function listZoneChartChecks(workspaceId: string): Promise<ZoneChartCheck[]> {
  const rows = await db.read.selectFrom("usps_zone_chart_checks").select(["origin_zip3", "checked_at", "error"]).where("workspace_id", "=", workspaceId).execute();
  return rows.map((row) => ({ originZip3: row.origin_zip3, checkedAt: row.checked_at, error: row.error }));
}

/** The most recent start of a USPS price period (Jan 1 or Jul 1) on or before `today`, in ms: new zone charts come with price changes. */
function lastPriceChangeStart(today: string): number {
  const [year, month] = today.split("-").map(Number);
  return Date.UTC(year, month >= 7 ? 6 : 0, 1);
}

/**
 * The refresh rule: an origin is due when it has no chart in effect today, or when its last ask is
 * older than ZONE_CHART_MAX_AGE_DAYS or was made before the latest Jan 1 / Jul 1 (USPS's price
 * changes, which bring new charts). A failed last ask waits ZONE_CHART_RETRY_AFTER_MS unless
 * `retryFailed`. Exported for tests and the settings page.
 */
export function isZoneChartDue(
  state: { hasChartInEffect: boolean; lastCheck: ZoneChartCheck | null },
  today: string,
  now: number,
  retryFailed = false,
): boolean {
  const { lastCheck } = state;
  if (lastCheck?.error && !retryFailed && now - lastCheck.checkedAt < ZONE_CHART_RETRY_AFTER_MS) return false;
  if (!state.hasChartInEffect || !lastCheck) return true;
  return lastCheck.checkedAt < now - ZONE_CHART_MAX_AGE_DAYS * DAY_MS || lastCheck.checkedAt < lastPriceChangeStart(today);
}

export interface ZoneChartRefresh {
  originZip3: string;
  /** The chart stored (the same effective date again, or a new one), or null when the ask failed. */
  stored: StoredZoneChart | null;
  error: string | null;
}

/**
 * Asks USPS again for every due origin of the workspace (its US ship-from locations' and those it
 * has charts for), for today's chart; a new effective date is stored as a new row beside the old.
 * The cron tick calls it per workspace; the location save path calls it for the saved origin.
 */
export async function refreshDueZoneCharts(
  workspaceId: string,
  today: string,
  options: { origins?: string[]; retryFailed?: boolean; now?: number; deadline?: number } = {},
): Promise<ZoneChartRefresh[]> {
  const now = options.now ?? Date.now();
  const [locations, charts, checks] = await Promise.all([
    db.read.selectFrom("ship_from_locations").select(["postal_code", "country"]).where("workspace_id", "=", workspaceId).execute(),
    db.read.selectFrom("usps_zone_charts").select(["origin_zip3", "effective_date"]).where("workspace_id", "=", workspaceId).execute(),
    listZoneChartChecks(workspaceId),
  ]);
  const origins = new Set(options.origins ?? [...locations.map((row) => originZip3Of(row.postal_code, row.country)), ...charts.map((row) => row.origin_zip3)].filter((zip3): zip3 is string => zip3 !== null));
  const results: ZoneChartRefresh[] = [];
  for (const originZip3 of [...origins].sort()) {
    if (options.deadline !== undefined && Date.now() >= options.deadline) break;
    const hasChartInEffect = charts.some((row) => row.origin_zip3 === originZip3 && row.effective_date <= today);
    const lastCheck = checks.find((check) => check.originZip3 === originZip3) ?? null;
    if (!isZoneChartDue({ hasChartInEffect, lastCheck }, today, now, options.retryFailed)) continue;
    try {
      results.push({ originZip3, stored: await fetchUspsZoneChart(workspaceId, originZip3, today), error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ originZip3, stored: null, error: error.message });
    }
  }
  return results;
}

/**
 * The cron tick's entry: refreshDueZoneCharts for every workspace with a ship-from location or a
 * stored chart. Most ticks ask USPS nothing (the rule makes an origin due about monthly).
 */
export async function refreshDueZoneChartsEverywhere(today: string, now = Date.now(), deadline?: number): Promise<{ workspaceId: string; results: ZoneChartRefresh[] }[]> {
  const rows = await db.read
    .selectFrom("ship_from_locations")
    .select("workspace_id")
    .union(db.read.selectFrom("usps_zone_charts").select("workspace_id"))
    .execute();
  const refreshed: { workspaceId: string; results: ZoneChartRefresh[] }[] = [];
  for (const { workspace_id: workspaceId } of rows) {
    // An origin left for lack of time is still due at the next tick.
    if (deadline !== undefined && Date.now() >= deadline) break;
    const results = await refreshDueZoneCharts(workspaceId, today, { now, deadline });
    if (results.length) refreshed.push({ workspaceId, results });
  }
  return refreshed;
}

const globalForCharts = globalThis as unknown as { shipdeckZoneCharts?: Map<string, { version: number; set: UspsZoneChartSet }> };

/** The workspace's charts, indexed for lookups; rebuilt only when the workspace's rating version moved. */
export async function loadUspsZoneCharts(workspaceId: string): Promise<UspsZoneChartSet> {
  const cache = (globalForCharts.shipdeckZoneCharts ??= new Map());
  const version = await readRatingVersion(workspaceId);
  const cached = cache.get(workspaceId);
  if (cached && cached.version === version) return cached.set;
  const rows = await db.read.selectFrom("usps_zone_charts").select(["chart", "source", "fetched_at"]).where("workspace_id", "=", workspaceId).execute();
  const set = indexZoneCharts(rows.map((row) => ({ chart: JSON.parse(row.chart) as UspsZoneChart, source: row.source as ZoneChartSource, fetchedAt: row.fetched_at })));
  cache.set(workspaceId, { version, set });
  return set;
}
