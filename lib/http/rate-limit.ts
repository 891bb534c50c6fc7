import { db } from "@/db/database";

export const RATE_LIMIT_WINDOW_MS = 60_000;
const DEFAULT_API_RATE_LIMIT_PER_MINUTE = 120;
/** One new window in this many also sweeps every ended window, so keys never seen again don't pile up. */
const SWEEP_ONE_IN = 100;

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  /** Requests left in this window (X-Rate-Limit-Remaining). */
  remaining: number;
  /** Whole seconds until the window ends (X-Rate-Limit-Reset), 1–60. */
  resetSeconds: number;
}

/** Requests per minute per API key: `API_RATE_LIMIT_PER_MINUTE`, else 120. */
export function apiRateLimitPerMinute(): number {
  const configured = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_API_RATE_LIMIT_PER_MINUTE;
}

/**
 * Requests per minute per workspace, all its API keys together:
 * `API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE`, else four times the per-key limit.
 */
export function apiRateLimitPerWorkspacePerMinute(): number {
  const configured = Number(process.env.API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 4 * apiRateLimitPerMinute();
}

/** Whether `key` has already used up `limit` in the current window, without counting this look. */
export async function isRateLimited(key: string, limit: number, now = Date.now()): Promise<boolean> {
  const windowStart = now - (now % RATE_LIMIT_WINDOW_MS);
  const row = await db.read.selectFrom("rate_limit_windows").select("count").where("key", "=", key).where("window_start", "=", windowStart).executeTakeFirst();
  return (row?.count ?? 0) >= limit;
}

/**
 * Counts one request against `key` in the current fixed one-minute window. The count lives in
 * the database and moves with one atomic UPSERT, so app instances sharing the database share
 * the limit. Refused requests count too: a client hammering past the limit stays refused.
 */
export async function consumeRateLimit(key: string, limit: number, now = Date.now()): Promise<RateLimitResult> {
  const windowStart = now - (now % RATE_LIMIT_WINDOW_MS);
  const { count } = await db.write
    .insertInto("rate_limit_windows")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(["key", "window_start"]).doUpdateSet((eb) => ({ count: eb("rate_limit_windows.count", "+", 1) })))
    .returning("count")
    .executeTakeFirstOrThrow();
  if (count === 1) {
    // A new window for this key: its earlier ones are over.
    let cleanup = db.write.deleteFrom("rate_limit_windows").where("window_start", "<", windowStart);
    if (Math.random() * SWEEP_ONE_IN >= 1) cleanup = cleanup.where("key", "=", key);
    await cleanup.execute();
  }
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.ceil((windowStart + RATE_LIMIT_WINDOW_MS - now) / 1000),
  };
}
