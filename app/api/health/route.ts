import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** For uptime monitors: 200 while the database answers (status "ok" or "degraded"), 503 when it does not. */
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.status === "down" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}
