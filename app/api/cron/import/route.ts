import { NextResponse, type NextRequest } from "next/server";
import { refuseCronCaller } from "@/lib/http/cron-auth";
import { runImportTick } from "@/lib/imports/import-tick";
import { TICK_BUDGET_MS } from "@/lib/imports/import-ticker";

/** Vercel Cron calls this every minute (vercel.json); a tick stops starting imports before this ends. */
export const maxDuration = 60;
export const dynamic = "force-dynamic";

/** One tick of auto-import: `{ claimed, imported, failed, leftForLater, ms }`. */
export async function GET(request: NextRequest) {
  const refused = refuseCronCaller(request.headers.get("authorization"));
  if (refused) return refused;
  return NextResponse.json(await runImportTick({ budgetMs: TICK_BUDGET_MS }), { headers: { "Cache-Control": "no-store" } });
}
