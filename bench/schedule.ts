/**
 * npm run bench:schedule — the adaptive schedule (lib/imports/schedule.ts) against polling every
 * store every 5 and every 15 minutes, in one discrete-event simulation of 10,000 stores over 7
 * days (bench/schedule-workload.ts: 0–500 orders a day, heavy-tailed, daily and weekly cycles,
 * bursts, dormant stores waking, outages).
 *
 * A cron tick runs every minute and can take TICK_CAPACITY imports: an incremental import that
 * finds little is one or two platform calls and an import_runs row, ~1–1.5 s, and a tick keeps
 * ~50 in flight, so ≈2,500 a minute. Polling every 5 minutes needs 2,000, so every policy runs
 * under the same cap. Each import attempt fails with probability 2% and is rate-limited (Retry-
 * After 1–10 min) with 1%, and 0.5% of stores have a 1–12 h outage when every attempt fails; an
 * import sees every order placed before its tick (its duration is ignored). No store has webhooks
 * here: they would shorten the adaptive schedule's delays for reasons that are not the schedule. Each store was connected before the week with a 14-day backfill, as a first import
 * does, so the adaptive schedule starts with the rate and rhythm a real store would have. The
 * delays are those of the orders placed during the week; polls are counted during the week.
 *
 * Events only ever fall on minute ticks, so the event queue is a bucket per tick (a calendar
 * queue: O(1) per event, where a binary heap would be O(log n)).
 */
import { MINUTE_TICK_MS, simulatePolicy, type PollOutcome, type Policy, type SimulationResult } from "./schedule-simulation";
import { seededRandom } from "@/lib/demo/generate-orders";
import { generateWorkload, type Workload } from "./schedule-workload";
import { newStoreHistory, nextImportAt, orderDueStores, recordImport, toDueStore, type StoreHistory } from "@/lib/imports/schedule";
import { reportResults, round } from "./support";

const STORES = Number(process.env.BENCH_STORES ?? 10_000);
const DAYS = 7;
const HISTORY_DAYS = 14;
const TAIL_HOURS = 12;
const TICK_CAPACITY = 2_500;
const SEED = 20_260_105;
const HOUR = 60 * MINUTE_TICK_MS;
const DAY = 24 * HOUR;
/** A Monday, 00:00 UTC. */
const WEEK_START = Date.UTC(2026, 0, 5);
const BUSY_ORDERS_PER_DAY = 20;

const startedAt = performance.now();
const workload = generateWorkload({ stores: STORES, start: WEEK_START, measuredDays: DAYS, historyDays: HISTORY_DAYS, tailHours: TAIL_HOURS, seed: SEED });
const generatedAt = performance.now();

const simulation = {
  workload,
  measuredFrom: WEEK_START,
  measuredTo: WEEK_START + DAYS * DAY,
  runFrom: WEEK_START - HOUR,
  runTo: WEEK_START + DAYS * DAY + TAIL_HOURS * HOUR,
  tickCapacity: TICK_CAPACITY,
  failureRate: 0.02,
  rateLimitedRate: 0.01,
};
const adaptive = simulatePolicy(simulation, adaptivePolicy(workload), seededRandom(SEED + 1));
const fixed5 = simulatePolicy(simulation, fixedPolicy(5, seededRandom(SEED + 2)), seededRandom(SEED + 1));
const fixed15 = simulatePolicy(simulation, fixedPolicy(15, seededRandom(SEED + 3)), seededRandom(SEED + 1));

const busy = busyStores(workload);
const figures = {
  adaptive: summarize(adaptive, busy),
  fixed5: summarize(fixed5, busy),
  fixed15: summarize(fixed15, busy),
};
const pollsRatio = round(adaptive.polls / fixed5.polls, 3);
const targets = {
  polls_ratio_vs_fixed5: "<= 0.35",
  p95_delay_min: "<= fixed15_p95_delay_min",
  busy_p95_delay_min: "<= 10",
};
const met = pollsRatio <= 0.35 && figures.adaptive.p95_delay_min <= figures.fixed15.p95_delay_min && figures.adaptive.busy_p95_delay_min <= 10;

reportResults("schedule", {
  command: "npm run bench:schedule",
  stores: STORES,
  days: DAYS,
  tick_capacity: TICK_CAPACITY,
  failure_rate: simulation.failureRate,
  rate_limited_rate: simulation.rateLimitedRate,
  seed: SEED,
  orders: adaptive.delays.length,
  busy_stores: busy.count,
  busy_orders: adaptive.busyDelays(busy.flags).length,
  polls_ratio_vs_fixed5: pollsRatio,
  polls_ratio_vs_fixed15: round(adaptive.polls / fixed15.polls, 3),
  p95_delay_min: figures.adaptive.p95_delay_min,
  fixed15_p95_delay_min: figures.fixed15.p95_delay_min,
  fixed5_p95_delay_min: figures.fixed5.p95_delay_min,
  busy_p95_delay_min: figures.adaptive.busy_p95_delay_min,
  policies: figures,
  targets,
  met,
  generate_s: round((generatedAt - startedAt) / 1000, 1),
  elapsed_s: round((performance.now() - startedAt) / 1000, 1),
});

/** The schedule under test: a history per store, recorded after every import, asked for the next. */
function adaptivePolicy(workload: Workload): Policy {
  const histories: StoreHistory[] = [];
  return {
    name: "adaptive",
    connect(store, at, backfill) {
      histories[store] = recordImport(newStoreHistory(store), { at, ok: true, since: at - HISTORY_DAYS * DAY, placedAt: backfill });
      return nextImportAt(histories[store], at).at;
    },
    afterPoll(store, at, outcome: PollOutcome, placedAt) {
      histories[store] = recordImport(histories[store], { at, ok: outcome.ok, placedAt, retryAfterMs: outcome.retryAfterMs });
      return nextImportAt(histories[store], at).at;
    },
    order(stores, now, dueAt, limit) {
      const due = stores.map((store) => toDueStore(workload.workspaceOf[store], histories[store], dueAt[store]));
      return orderDueStores(due, now, limit).map((store) => store.storeId);
    },
  };
}

/** Every store every `minutes`, at a random phase; a Retry-After skips the slots it covers. */
function fixedPolicy(minutes: number, random: () => number): Policy {
  const period = minutes * MINUTE_TICK_MS;
  return {
    name: `fixed${minutes}`,
    connect: (_store, at) => at + Math.floor(random() * minutes) * MINUTE_TICK_MS,
    afterPoll(_store, at, outcome) {
      let next = at + period;
      while (outcome.retryAfterMs && next < at + outcome.retryAfterMs) next += period;
      return next;
    },
    order: (stores, _now, dueAt, limit) => [...stores].sort((a, b) => dueAt[a] - dueAt[b] || a - b).slice(0, limit),
  };
}

function busyStores(workload: Workload) {
  const flags = new Uint8Array(workload.firstOrder.length - 1);
  let count = 0;
  for (let store = 0; store < flags.length; store++) {
    let measured = 0;
    for (let order = workload.firstOrder[store]; order < workload.firstOrder[store + 1]; order++) {
      const time = workload.placed[order];
      if (time >= simulation.measuredFrom && time < simulation.measuredTo) measured++;
    }
    if (measured >= BUSY_ORDERS_PER_DAY * DAYS) {
      flags[store] = 1;
      count++;
    }
  }
  return { flags, count };
}

function summarize(result: SimulationResult, busy: { flags: Uint8Array }) {
  const all = result.delays;
  const busyDelays = result.busyDelays(busy.flags);
  return {
    polls: result.polls,
    empty_polls: result.emptyPolls,
    failed_polls: result.failedPolls,
    rate_limited_polls: result.rateLimitedPolls,
    peak_polls_per_tick: result.peakPollsPerTick,
    ticks_at_capacity: result.ticksAtCapacity,
    unimported_orders: result.unimported,
    p50_delay_min: percentileOf(all, 50),
    p95_delay_min: percentileOf(all, 95),
    p99_delay_min: percentileOf(all, 99),
    mean_delay_min: round(all.reduce((sum, delay) => sum + delay, 0) / all.length, 2),
    busy_p50_delay_min: percentileOf(busyDelays, 50),
    busy_p95_delay_min: percentileOf(busyDelays, 95),
    busy_p99_delay_min: percentileOf(busyDelays, 99),
  };
}

/** Nearest rank over a sorted copy, as bench/support's `percentile`, for typed arrays of this size. */
function percentileOf(samples: Float64Array, p: number): number {
  const sorted = samples.slice().sort();
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, index)], 2);
}
