/**
 * bench:schedule's engine: a cron tick a minute takes at most `tickCapacity` due stores (the
 * policy orders them when more are due), polls each (an attempt may fail or be rate-limited),
 * and asks the policy when the store is next due. Every order's delay is the time from its
 * placement to the tick of the first successful import after it.
 */
import { seededRandom } from "@/lib/demo/generate-orders";
import type { Workload } from "./schedule-workload";

export const MINUTE_TICK_MS = 60_000;

export interface PollOutcome {
  ok: boolean;
  retryAfterMs?: number;
}

export interface Policy {
  name: string;
  /** The store was connected at `at` with a first import of `backfill`; returns when it is first due. */
  connect(store: number, at: number, backfill: Float64Array): number;
  /** Returns when the store is next due; `placedAt` holds the orders this import found. */
  afterPoll(store: number, at: number, outcome: PollOutcome, placedAt: Float64Array): number;
  /** The stores to take, at most `limit`, when more are due than a tick can take. */
  order(stores: number[], now: number, dueAt: Float64Array, limit: number): number[];
}

export interface Simulation {
  workload: Workload;
  measuredFrom: number;
  measuredTo: number;
  /** Stores are connected during the hour after runFrom; the run ends at runTo. */
  runFrom: number;
  runTo: number;
  tickCapacity: number;
  failureRate: number;
  rateLimitedRate: number;
}

export interface SimulationResult {
  polls: number;
  emptyPolls: number;
  failedPolls: number;
  rateLimitedPolls: number;
  peakPollsPerTick: number;
  ticksAtCapacity: number;
  /** Orders placed during the measured window still not imported when the run ended (counted at the run's end). */
  unimported: number;
  /** Minutes from placement to import, for every order placed in the measured window. */
  delays: Float64Array;
  busyDelays(busy: Uint8Array): Float64Array;
}

const CONNECT_SEED = 7;

export function simulatePolicy(simulation: Simulation, policy: Policy, random: () => number): SimulationResult {
  const { workload, tickCapacity } = simulation;
  const { placed, firstOrder, outageFrom, outageTo } = workload;
  const stores = firstOrder.length - 1;
  const firstTick = Math.ceil(simulation.runFrom / MINUTE_TICK_MS);
  const ticks = Math.floor(simulation.runTo / MINUTE_TICK_MS) - firstTick + 1;
  const head = new Int32Array(ticks).fill(-1);
  const nextInBucket = new Int32Array(stores);
  const dueAt = new Float64Array(stores);
  const seen = new Int32Array(stores);
  const delayOf = new Float64Array(placed.length).fill(Number.NaN);
  const taken = new Uint8Array(stores);

  const enqueue = (store: number, due: number, earliestTick: number) => {
    dueAt[store] = due;
    const index = Math.max(earliestTick, Math.ceil(due / MINUTE_TICK_MS) - firstTick);
    if (index >= ticks) return;
    nextInBucket[store] = head[index];
    head[index] = store;
  };

  const connectRandom = seededRandom(CONNECT_SEED);
  for (let store = 0; store < stores; store++) {
    const connectedAt = simulation.runFrom + Math.floor(connectRandom() * 60) * MINUTE_TICK_MS;
    let order = firstOrder[store];
    while (order < firstOrder[store + 1] && placed[order] <= connectedAt) order++;
    seen[store] = order;
    const connectTick = Math.ceil(connectedAt / MINUTE_TICK_MS) - firstTick;
    enqueue(store, policy.connect(store, connectedAt, placed.subarray(firstOrder[store], order)), connectTick + 1);
  }

  const result = { polls: 0, emptyPolls: 0, failedPolls: 0, rateLimitedPolls: 0, peakPollsPerTick: 0, ticksAtCapacity: 0 };
  for (let tick = 0; tick < ticks; tick++) {
    const now = (firstTick + tick) * MINUTE_TICK_MS;
    const measured = now >= simulation.measuredFrom && now < simulation.measuredTo;
    let due: number[] = [];
    for (let store = head[tick]; store !== -1; store = nextInBucket[store]) due.push(store);
    if (due.length > tickCapacity) {
      const chosen = policy.order(due, now, dueAt, tickCapacity);
      for (const store of chosen) taken[store] = 1;
      for (const store of due) if (!taken[store]) enqueue(store, dueAt[store], tick + 1);
      for (const store of chosen) taken[store] = 0;
      due = chosen;
      if (measured) result.ticksAtCapacity++;
    }
    if (measured) result.peakPollsPerTick = Math.max(result.peakPollsPerTick, due.length);

    for (const store of due) {
      const outage = now >= outageFrom[store] && now < outageTo[store];
      const draw = random();
      const outcome: PollOutcome =
        outage || draw < simulation.failureRate
          ? { ok: false }
          : draw < simulation.failureRate + simulation.rateLimitedRate
            ? { ok: false, retryAfterMs: Math.round((1 + 9 * random()) * MINUTE_TICK_MS) }
            : { ok: true };
      const from = seen[store];
      let to = from;
      if (outcome.ok) {
        const end = firstOrder[store + 1];
        while (to < end && placed[to] <= now) {
          delayOf[to] = (now - placed[to]) / MINUTE_TICK_MS;
          to++;
        }
        seen[store] = to;
      }
      if (measured) {
        result.polls++;
        if (outcome.retryAfterMs) result.rateLimitedPolls++;
        else if (!outcome.ok) result.failedPolls++;
        else if (to === from) result.emptyPolls++;
      }
      enqueue(store, policy.afterPoll(store, now, outcome, placed.subarray(from, to)), tick + 1);
    }
  }

  const isMeasured = (order: number) => placed[order] >= simulation.measuredFrom && placed[order] < simulation.measuredTo;
  const delayAt = (order: number) => (Number.isNaN(delayOf[order]) ? (simulation.runTo - placed[order]) / MINUTE_TICK_MS : delayOf[order]);
  let unimported = 0;
  for (let order = 0; order < placed.length; order++) if (isMeasured(order) && Number.isNaN(delayOf[order])) unimported++;
  const collect = (include: (store: number) => boolean) => {
    const delays: number[] = [];
    for (let store = 0; store < stores; store++) {
      if (!include(store)) continue;
      for (let order = firstOrder[store]; order < firstOrder[store + 1]; order++) if (isMeasured(order)) delays.push(delayAt(order));
    }
    return Float64Array.from(delays);
  };
  return { ...result, unimported, delays: collect(() => true), busyDelays: (busy) => collect((store) => busy[store] === 1) };
}
