import { sql } from "kysely";
import { db } from "@/db/database";

export interface Health {
  /** "ok": the database answers and auto-import ticked lately; "degraded": the database answers, the scheduler is late; "down": no database. */
  status: "ok" | "degraded" | "down";
  database: { ok: boolean; ms: number };
  scheduler: {
    /** Who ticks: Vercel Cron (vercel.json), the in-process ticker of `npm start`, or an outside cron (AUTO_IMPORT_TICKER=off). */
    driver: "vercel-cron" | "in-process" | "external";
    lastTickAt: string | null;
    secondsSinceLastTick: number | null;
    ok: boolean;
    /** Vercel Cron and outside crons need CRON_SECRET to be let in. */
    cronSecretConfigured: boolean;
  };
}

/** A tick is expected every minute (or AUTO_IMPORT_TICK_SECONDS): more than five missed is late. */
const LATE_AFTER_TICKS = 5;

/**
 * What an uptime monitor needs: whether the database answers (and how fast) and when the
 * auto-import scheduler last ticked. Nothing else: the route is public, so no hostnames or errors.
 */
export async function checkHealth(env: Record<string, string | undefined> = process.env, now = Date.now()): Promise<Health> {
  const driver = env.VERCEL ? "vercel-cron" : env.AUTO_IMPORT_TICKER === "off" ? "external" : "in-process";
  const cronSecretConfigured = Boolean(env.CRON_SECRET);
  const started = performance.now();
  let heartbeat: { last_tick_at: number } | undefined;
  try {
    await sql`SELECT 1`.execute(db.read);
    heartbeat = await db.read.selectFrom("scheduler_heartbeat").select("last_tick_at").where("id", "=", 1).executeTakeFirst();
  } catch {
    return { status: "down", database: { ok: false, ms: Math.round(performance.now() - started) }, scheduler: { driver, lastTickAt: null, secondsSinceLastTick: null, ok: false, cronSecretConfigured } };
  }
  const ms = Math.round(performance.now() - started);
  const tickSeconds = Number(env.AUTO_IMPORT_TICK_SECONDS) || 60;
  const secondsSinceLastTick = heartbeat ? Math.max(0, Math.round((now - heartbeat.last_tick_at) / 1000)) : null;
  const schedulerOk = secondsSinceLastTick !== null && secondsSinceLastTick <= LATE_AFTER_TICKS * tickSeconds && (driver === "in-process" || cronSecretConfigured);
  return {
    status: schedulerOk ? "ok" : "degraded",
    database: { ok: true, ms },
    scheduler: { driver, lastTickAt: heartbeat ? new Date(heartbeat.last_tick_at).toISOString() : null, secondsSinceLastTick, ok: schedulerOk, cronSecretConfigured },
  };
}
