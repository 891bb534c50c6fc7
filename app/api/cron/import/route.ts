import { NextResponse, type NextRequest } from "next/server";
import { refuseCronCaller } from "@/lib/http/cron-auth";
import { runImportTick } from "@/lib/imports/import-tick";
import { TICK_BUDGET_MS } from "@/lib/imports/import-ticker";
import { refreshZoneChartsOnTick } from "@/lib/rating/zone-chart-tick";

/** Vercel Cron calls this every minute (vercel.json); a tick stops starting imports before this ends. */
export const maxDuration = 60;
export const dynamic = "force-dynamic";

/**
 * One tick of auto-import, then the USPS zone charts that are due, in what is left of the tick:
 * `{ claimed, imported, failed, leftForLater, ms, zoneChartsAsked }`.
 */
export async function GET(request: NextRequest) {
  const refused = refuseCronCaller(request.headers.get("authorization"));
  if (refused) return refused;
  const tick = await runImportTick({ budgetMs: TICK_BUDGET_MS });
  const zoneChartsAsked = await refreshZoneChartsOnTick(TICK_BUDGET_MS - tick.ms);
  return NextResponse.json({ ...tick, zoneChartsAsked }, { headers: { "Cache-Control": "no-store" } });
}
