import { refreshZoneChartsOnTick } from "@/lib/rating/zone-chart-tick";
import { runImportTick } from "./import-tick";

/** A tick starts no import after this: the cron route's maxDuration is 60 s. */
export const TICK_BUDGET_MS = 45_000;
const DEFAULT_TICK_SECONDS = 60;

const ticker = globalThis as unknown as { shipdeckTicker?: NodeJS.Timeout };

/**
 * Self-hosted auto-import: the same tick as the cron route, run in this process every minute, so
 * `npm start` on the embedded file imports stores without Vercel. One ticker per process, and a
 * tick never overlaps the previous one here; the leases make several processes safe. Off on
 * Vercel (its cron calls the route) and when AUTO_IMPORT_TICKER=off (an external cron does).
 */
export function startImportTicker(env: Record<string, string | undefined> = process.env): boolean {
  if (ticker.shipdeckTicker || env.VERCEL || env.AUTO_IMPORT_TICKER === "off") return false;
  const seconds = Number(env.AUTO_IMPORT_TICK_SECONDS) || DEFAULT_TICK_SECONDS;
  let running = false;
  ticker.shipdeckTicker = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const budgetMs = Math.min(TICK_BUDGET_MS, seconds * 750);
      const tick = await runImportTick({ budgetMs });
      await refreshZoneChartsOnTick(budgetMs - tick.ms);
    } catch (error) {
      console.error("Auto-import tick failed:", error);
    } finally {
      running = false;
    }
  }, seconds * 1000);
  ticker.shipdeckTicker.unref();
  return true;
}

export function stopImportTicker() {
  clearInterval(ticker.shipdeckTicker);
  ticker.shipdeckTicker = undefined;
}
