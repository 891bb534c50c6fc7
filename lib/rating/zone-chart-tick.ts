// Not marked server-only: the self-hosted ticker (instrumentation.ts) refreshes zone charts, outside React Server Components.
import { refreshDueZoneChartsEverywhere } from "./zone-charts";

/** Most ticks ask nothing of USPS: the rule makes an origin due about monthly, so looking hourly is plenty. */
const LOOK_EVERY_MS = 3_600_000;
const state = globalThis as unknown as { shipdeckZoneChartsLookedAt?: number };

/**
 * The auto-import tick's second job: keep every workspace's USPS zone charts current (a new
 * effective date is stored when it is due), within what is left of the tick's time. Answers how
 * many origins USPS was asked about.
 */
export async function refreshZoneChartsOnTick(budgetMs: number, now = Date.now()): Promise<number> {
  if (budgetMs < 2_000) return 0;
  const lookedAt = state.shipdeckZoneChartsLookedAt;
  if (lookedAt !== undefined && now - lookedAt < LOOK_EVERY_MS) return 0;
  state.shipdeckZoneChartsLookedAt = now;
  const today = new Date(now).toISOString().slice(0, 10);
  const refreshed = await refreshDueZoneChartsEverywhere(today, now, now + budgetMs);
  return refreshed.reduce((asked, workspace) => asked + workspace.results.length, 0);
}

/** Tests: the next tick looks again. */
export function forgetZoneChartLook() {
  state.shipdeckZoneChartsLookedAt = undefined;
}
