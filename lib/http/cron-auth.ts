import { timingSafeEqual } from "node:crypto";
import { errorResponse } from "./api-route";

/**
 * The scheduler's caller, checked: `Authorization: Bearer $CRON_SECRET`, compared in constant
 * time (Vercel Cron sends exactly this). Without a secret configured, production refuses to run
 * the route at all; development and tests let it run. Answers the refusal, or null to go on.
 */
export function refuseCronCaller(authorization: string | null, env: { CRON_SECRET?: string; NODE_ENV?: string } = process.env): Response | null {
  const secret = env.CRON_SECRET;
  if (!secret) {
    if (env.NODE_ENV === "production") return errorResponse("forbidden", "CRON_SECRET is not set: the scheduler's route does not run without it.", undefined, { "Cache-Control": "no-store" });
    return null;
  }
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(authorization ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return errorResponse("unauthorized", "This route is for the scheduler: send Authorization: Bearer $CRON_SECRET.", undefined, { "Cache-Control": "no-store" });
  }
  return null;
}
