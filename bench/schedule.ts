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
 * After 1–10 min) with 1%, and 0.5% of stores have a 1–12 h outage when every attempt fails. No
 * store has webhooks here: they would shorten the adaptive schedule's delays for reasons that are
 * not the schedule. Each store was connected before the week with a 14-day backfill, as a first
 * import does, so the adaptive schedule starts with the rate and rhythm a real store would have.
 * The delays are those of the orders placed during the week; polls are counted during the week.
 *
 * Missed orders. An import sees every order the platform shows by its tick (its duration is
 * ignored), but 1% of orders are shown late, keeping their original modified time (LATE: see
 * `drawVisibleAt`). An incremental pull reads from the store's cursor minus CURSOR_OVERLAP_MS, so
 * one shown after its modified time fell behind that is missed; sweeps (the real `isSweepDue`,
 * reading SWEEP_WINDOW_MS back, as the tick does) catch it a day or so later
 * (bench/schedule-simulation.ts). A sweep is one of the polls, as in the product: the tick makes
 * that store's import a sweep; a store's first import, which reads a month, counts as its first
 * sweep. The fixed policies have no history to find a store's quiet hour in: they sweep a store
 * on its first poll a day (SWEEP_EVERY_MS) after its last sweep. Each order's delay runs to its
 * first import, incremental or sweep, so the caught ones count in the percentiles with their
 * hours; those never imported count with the time to the run's end.
 *
 * Events only ever fall on minute ticks, so the event queue is a bucket per tick (a calendar
 * queue: O(1) per event, where a binary heap would be O(log n)).
 */
import { MINUTE_TICK_MS, simulatePolicy, type PollOutcome, type Policy, type SimulationResult } from "./schedule-simulation";
import { seededRandom } from "@/lib/demo/generate-orders";
import { generateWorkload, type Workload } from "./schedule-workload";
import { CURSOR_OVERLAP_MS, FIRST_IMPORT_DAYS } from "@/lib/imports/import-store";
import {
  isSweepDue,
  newStoreHistory,
  nextImportAt,
  orderDueStores,
  recordImport,
  SWEEP_EVERY_MS,
  SWEEP_WINDOW_MS,
  toDueStore,
  type StoreHistory,
} from "@/lib/imports/schedule";
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
/** 1% of orders are shown late: a median of 2 min, 3% of them over an hour (`drawVisibleAt`). */
const LATE = { share: 0.01, scaleMs: 2 * MINUTE_TICK_MS, capMs: 30 * DAY, seed: SEED + 4 };
/**
 * How a pull moves the store's cursor: to the newest modified time it read (Shopify, WooCommerce,
 * BigCommerce), or with BENCH_CURSOR=pull-time to the pull's own time (Amazon, custom stores).
 */
const CURSOR_AT_PULL_TIME = process.env.BENCH_CURSOR === "pull-time";
/** A sweep's page: Shopify's and BigCommerce's largest (WooCommerce's is 100). */
const SWEEP_PAGE_SIZE = 250;

const startedAt = performance.now();
const workload = generateWorkload({ stores: STORES, start: WEEK_START, measuredDays: DAYS, historyDays: HISTORY_DAYS, tailHours: TAIL_HOURS, seed: SEED, late: LATE });
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
  cursorOverlapMs: CURSOR_OVERLAP_MS,
  noCursorLookbackMs: FIRST_IMPORT_DAYS * DAY,
  sweepWindowMs: SWEEP_WINDOW_MS,
  sweepPageSize: SWEEP_PAGE_SIZE,
  cursorAtPullTime: CURSOR_AT_PULL_TIME,
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
const missedOrders = figures.adaptive.missed_orders;

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
  late_visibility: {
    share: LATE.share,
    delay: `Lomax (Pareto II), shape 1, scale ${LATE.scaleMs / MINUTE_TICK_MS} min (the median), capped at ${LATE.capMs / DAY} days`,
    cursor: CURSOR_AT_PULL_TIME ? "the pull's time (Amazon, custom stores)" : "the newest modified time read (Shopify, WooCommerce, BigCommerce)",
    cursor_overlap_min: CURSOR_OVERLAP_MS / MINUTE_TICK_MS,
    sweep_window_days: SWEEP_WINDOW_MS / DAY,
    seed: LATE.seed,
  },
  late_orders: missedOrders.late_orders,
  missed_by_incremental: missedOrders.missed_by_incremental,
  caught_by_sweep: missedOrders.caught_by_sweep,
  never_caught: missedOrders.never_caught,
  pending_at_end: missedOrders.pending_at_end,
  sweeps: missedOrders.sweeps,
  sweep_catch_p50_hours: missedOrders.sweep_catch_p50_hours,
  sweep_catch_p95_hours: missedOrders.sweep_catch_p95_hours,
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
    sweepDue: (store, now, lastSweepAt) => isSweepDue(histories[store], lastSweepAt, now),
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

/**
 * Every store every `minutes`, at a random phase; a Retry-After skips the slots it covers. A
 * store is swept on its first poll a day after its last sweep (its first import counts as one).
 */
function fixedPolicy(minutes: number, random: () => number): Policy {
  const period = minutes * MINUTE_TICK_MS;
  return {
    name: `fixed${minutes}`,
    connect: (_store, at) => at + Math.floor(random() * minutes) * MINUTE_TICK_MS,
    sweepDue: (_store, now, lastSweepAt) => lastSweepAt === null || now - lastSweepAt >= SWEEP_EVERY_MS,
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
    missed_orders: {
      late_orders: result.lateOrders,
      missed_by_incremental: result.missedByIncremental,
      caught_by_sweep: result.caughtBySweep,
      never_caught: result.neverCaught,
      pending_at_end: result.pendingAtEnd,
      not_visible_at_end: result.invisibleAtEnd,
      sweeps: result.sweeps,
      sweep_orders_read: result.sweepOrdersRead,
      sweep_pages: result.sweepPages,
      sweep_catch_p50_hours: percentileOf(result.sweepCatchHours, 50),
      sweep_catch_p95_hours: percentileOf(result.sweepCatchHours, 95),
      sweep_catch_max_hours: percentileOf(result.sweepCatchHours, 100),
      sweep_catch_after_visible_p50_hours: percentileOf(result.sweepCatchAfterVisibleHours, 50),
      sweep_catch_after_visible_p95_hours: percentileOf(result.sweepCatchAfterVisibleHours, 95),
    },
  };
}

/** Nearest rank over a sorted copy, as bench/support's `percentile`, for typed arrays of this size. */
function percentileOf(samples: Float64Array, p: number): number {
  const sorted = samples.slice().sort();
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, index)], 2);
}
