import "server-only";
import { configuredLiveCarriers, quoteLiveCarriers } from "./carriers";
import { compareQuotes, quoteParcel } from "./quote";
import { loadRateCards } from "./rate-cards";
import type { Parcel, RateResult } from "./types";
import { loadUspsZoneCharts } from "./zone-charts";

/**
 * Every price the workspace can get for the parcel: its rate cards (cached, quoted in-process with
 * its USPS zone charts) and, unless `live` is false, the live carriers whose credentials are set,
 * asked at the same time. A carrier that fails is a problem beside the other quotes.
 */
export async function quoteRates(workspaceId: string, parcel: Parcel, options: { live?: boolean; timeoutMs?: number } = {}): Promise<RateResult> {
  const carriers = options.live === false ? [] : configuredLiveCarriers();
  const live: Promise<RateResult> = carriers.length ? quoteLiveCarriers(carriers, parcel, { timeoutMs: options.timeoutMs }) : Promise.resolve({ quotes: [], problems: [] });
  const [cards, zoneCharts] = await Promise.all([loadRateCards(workspaceId), loadUspsZoneCharts(workspaceId)]);
  const fromCards = quoteParcel(cards, zoneCharts, parcel);
  const fromCarriers = await live;
  if (!fromCarriers.quotes.length && !fromCarriers.problems.length) return fromCards;
  return {
    quotes: [...fromCards.quotes, ...fromCarriers.quotes].sort(compareQuotes),
    problems: [...fromCards.problems, ...fromCarriers.problems],
  };
}
