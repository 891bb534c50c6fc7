/**
 * bench:schedule's engine: a cron tick a minute takes at most `tickCapacity` due stores (the
 * policy orders them when more are due), polls each (an attempt may fail or be rate-limited),
 * and asks the policy when the store is next due. Every order's delay is the time from its
 * placement to the tick of the first successful import that read it.
 *
 * What an import reads is modelled as the product reads it (lib/imports/import-store.ts). Each
 * store has a cursor: the newest modified time read so far (as Shopify, WooCommerce and
 * BigCommerce move it; an order's modified time here is its placed-at time), or with
 * `cursorAtPullTime` the time of the last pull (as Amazon and custom stores move it, to the
 * pull's `until`: more orders are missed, since a quiet store's cursor no longer lags). An
 * incremental pull at t reads the orders visible at t modified from cursor − `cursorOverlapMs`
 * (from t − `noCursorLookbackMs` while the store has no cursor); a sweep, when the policy says
 * one is due, reads those modified in the last `sweepWindowMs` instead. Either moves the cursor
 * forward, never back. Most orders are visible when placed and are read by the first pull after;
 * one shown late (`Workload.visible`) whose modified time is by then behind cursor − overlap is
 * never read by an incremental pull again (the cursor only moves forward): it is *missed*, and
 * only a sweep whose window still reaches it imports it.
 */
import { seededRandom } from "@/lib/demo/generate-orders";
import type { Workload } from "./schedule-workload";

export const MINUTE_TICK_MS = 60_000;
const HOUR = 60 * MINUTE_TICK_MS;

export interface PollOutcome {
  ok: boolean;
  retryAfterMs?: number;
}

export interface Policy {
  name: string;
  /** The store was connected at `at` with a first import of `backfill`; returns when it is first due. */
  connect(store: number, at: number, backfill: Float64Array): number;
  /** Whether the import about to run at `now` is a sweep (decided when it is claimed, as the tick does). */
  sweepDue(store: number, now: number, lastSweepAt: number | null): boolean;
  /** Returns when the store is next due; `placedAt` holds the orders this import created. */
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
  /** An incremental pull reads from the cursor minus this (CURSOR_OVERLAP_MS). */
  cursorOverlapMs: number;
  /** A store without a cursor (no order read yet) is read back this far (FIRST_IMPORT_DAYS). */
  noCursorLookbackMs: number;
  /** A sweep reads the orders modified this far back (SWEEP_WINDOW_MS). */
  sweepWindowMs: number;
  /** A pull moves the cursor to its own time rather than to the newest modified time it read. */
  cursorAtPullTime: boolean;
  /** Orders a sweep's page holds: its cost in calls, beyond the one a poll makes. */
  sweepPageSize: number;
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
  /** Minutes from placement to import, for every order placed in the measured window (the run's end for those never imported). */
  delays: Float64Array;
  busyDelays(busy: Uint8Array): Float64Array;
  /** Successful sweeps during the measured window (each also one of `polls`). */
  sweeps: number;
  /** Orders inside those sweeps' windows, all read again: ceil(n / sweepPageSize) calls each. */
  sweepOrdersRead: number;
  sweepPages: number;
  /** The counts below are of orders placed during the measured window. */
  lateOrders: number;
  /** Their modified time was behind cursor − overlap when they became visible. */
  missedByIncremental: number;
  /** Missed, then imported by a sweep. */
  caughtBySweep: number;
  /** Missed, and a sweep after they became visible could not reach back to them. */
  neverCaught: number;
  /** Missed, and not swept since they became visible when the run ended. */
  pendingAtEnd: number;
  /** Not yet visible when the run ended (neither missed nor imported). */
  invisibleAtEnd: number;
  /** For each order caught by a sweep: hours from its placement, and from its becoming visible, to the sweep. */
  sweepCatchHours: Float64Array;
  sweepCatchAfterVisibleHours: Float64Array;
}

const CONNECT_SEED = 7;

export function simulatePolicy(simulation: Simulation, policy: Policy, random: () => number): SimulationResult {
  const { workload, tickCapacity } = simulation;
  const { placed, visible, firstOrder, outageFrom, outageTo } = workload;
  const stores = firstOrder.length - 1;
  const firstTick = Math.ceil(simulation.runFrom / MINUTE_TICK_MS);
  const ticks = Math.floor(simulation.runTo / MINUTE_TICK_MS) - firstTick + 1;
  const head = new Int32Array(ticks).fill(-1);
  const nextInBucket = new Int32Array(stores);
  const dueAt = new Float64Array(stores);
  /** Per store, the first order not yet looked at: every order before it was imported or is in `waiting`. */
  const seen = firstOrder.slice(0, stores);
  /** The newest modified time read, or the last pull's time (NaN: nothing read yet, the store has no cursor). */
  const cursor = new Float64Array(stores).fill(Number.NaN);
  /** The last successful sweep, or pull that read as far back as one (NaN: none). */
  const lastSweepAt = new Float64Array(stores).fill(Number.NaN);
  /** Per store, orders looked at but not imported: not yet visible then, or missed. Few: only late orders. */
  const waiting: (number[] | undefined)[] = new Array(stores);
  const delayOf = new Float64Array(placed.length).fill(Number.NaN);
  const missed = new Uint8Array(placed.length);
  const taken = new Uint8Array(stores);
  const isMeasured = (order: number) => placed[order] >= simulation.measuredFrom && placed[order] < simulation.measuredTo;
  const sweepCatchHours: number[] = [];
  const sweepCatchAfterVisibleHours: number[] = [];

  const enqueue = (store: number, due: number, earliestTick: number) => {
    dueAt[store] = due;
    const index = Math.max(earliestTick, Math.ceil(due / MINUTE_TICK_MS) - firstTick);
    if (index >= ticks) return;
    nextInBucket[store] = head[index];
    head[index] = store;
  };

  // The pull under way (one at a time). Kept out here so that `reads` and `imported` are made
  // once, not per pull: tsx names every closure it creates (esbuild's keepNames), which made
  // two closures a pull half the run's time.
  let pullAt = 0;
  let incrementalFrom = 0;
  let readFrom = 0;
  let newest = Number.NaN;
  /** Whether the pull reads `order`; a visible order an incremental pull would not read is missed, for good. */
  const reads = (order: number) => {
    if (visible[order] > pullAt) return false;
    if (placed[order] < incrementalFrom) missed[order] = 1;
    return placed[order] >= readFrom;
  };
  const imported = (order: number) => {
    delayOf[order] = (pullAt - placed[order]) / MINUTE_TICK_MS;
    if (!(newest >= placed[order])) newest = placed[order];
    if (missed[order] && isMeasured(order)) {
      sweepCatchHours.push((pullAt - placed[order]) / HOUR);
      sweepCatchAfterVisibleHours.push((pullAt - visible[order]) / HOUR);
    }
  };

  /**
   * One successful import of `store` at `now`: imports what it reads, moves the cursor, and
   * returns the placed-at times of the orders it created (a view of `placed` when they are the
   * contiguous run of new orders, as for nearly every import).
   */
  const pull = (store: number, now: number, sweep: boolean): Float64Array => {
    const before = cursor[store];
    pullAt = now;
    incrementalFrom = Number.isNaN(before) ? now - simulation.noCursorLookbackMs : before - simulation.cursorOverlapMs;
    readFrom = sweep ? now - simulation.sweepWindowMs : incrementalFrom;
    newest = before;
    // A pull that read a sweep's whole window back (a first import, a store without a cursor yet) is recorded as one, as import-store does.
    if (readFrom <= now - simulation.sweepWindowMs) lastSweepAt[store] = now;
    let created: number[] | null = null;

    // Orders looked at before, first: the cursor they are judged against is the one before this pull.
    const held = waiting[store];
    if (held !== undefined && held.length > 0) {
      let kept = 0;
      for (const order of held) {
        if (reads(order)) {
          imported(order);
          (created ??= []).push(placed[order]);
        } else held[kept++] = order;
      }
      held.length = kept;
    }

    // Orders placed since the last pull: modified after the cursor, so read unless not yet visible.
    const from = seen[store];
    const end = firstOrder[store + 1];
    let to = from;
    let contiguous = true;
    for (; to < end && placed[to] <= now; to++) {
      if (reads(to)) {
        imported(to);
        if (!contiguous) created!.push(placed[to]);
      } else {
        if (contiguous) {
          contiguous = false;
          created ??= [];
          for (let order = from; order < to; order++) created.push(placed[order]);
        }
        (waiting[store] ??= []).push(to);
      }
    }
    seen[store] = to;
    cursor[store] = simulation.cursorAtPullTime ? now : newest;
    if (created === null) return placed.subarray(from, to);
    if (contiguous) for (let order = from; order < to; order++) created.push(placed[order]);
    return Float64Array.from(created);
  };

  const connectRandom = seededRandom(CONNECT_SEED);
  for (let store = 0; store < stores; store++) {
    const connectedAt = simulation.runFrom + Math.floor(connectRandom() * 60) * MINUTE_TICK_MS;
    // The first import reads every order the platform shows by then (the workload's history is shorter than its reach).
    const backfill = pull(store, connectedAt, false);
    const connectTick = Math.ceil(connectedAt / MINUTE_TICK_MS) - firstTick;
    enqueue(store, policy.connect(store, connectedAt, backfill), connectTick + 1);
  }

  const result = { polls: 0, emptyPolls: 0, failedPolls: 0, rateLimitedPolls: 0, peakPollsPerTick: 0, ticksAtCapacity: 0, sweeps: 0, sweepOrdersRead: 0, sweepPages: 0 };
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
      const sweep = policy.sweepDue(store, now, Number.isNaN(lastSweepAt[store]) ? null : lastSweepAt[store]);
      const outage = now >= outageFrom[store] && now < outageTo[store];
      const draw = random();
      const outcome: PollOutcome =
        outage || draw < simulation.failureRate
          ? { ok: false }
          : draw < simulation.failureRate + simulation.rateLimitedRate
            ? { ok: false, retryAfterMs: Math.round((1 + 9 * random()) * MINUTE_TICK_MS) }
            : { ok: true };
      const createdAt = outcome.ok ? pull(store, now, sweep) : placed.subarray(0, 0);
      if (measured && outcome.ok && sweep) {
        const window = countPlaced(placed, firstOrder[store], firstOrder[store + 1], now - simulation.sweepWindowMs, now);
        result.sweeps++;
        result.sweepOrdersRead += window;
        result.sweepPages += Math.max(1, Math.ceil(window / simulation.sweepPageSize));
      }
      if (measured) {
        result.polls++;
        if (outcome.retryAfterMs) result.rateLimitedPolls++;
        else if (!outcome.ok) result.failedPolls++;
        else if (createdAt.length === 0) result.emptyPolls++;
      }
      enqueue(store, policy.afterPoll(store, now, outcome, createdAt), tick + 1);
    }
  }

  const delayAt = (order: number) => (Number.isNaN(delayOf[order]) ? (simulation.runTo - placed[order]) / MINUTE_TICK_MS : delayOf[order]);
  const late = { lateOrders: 0, missedByIncremental: 0, caughtBySweep: 0, neverCaught: 0, pendingAtEnd: 0, invisibleAtEnd: 0 };
  let unimported = 0;
  for (let store = 0; store < stores; store++) {
    for (let order = firstOrder[store]; order < firstOrder[store + 1]; order++) {
      if (!isMeasured(order)) continue;
      const importedAt = Number.isNaN(delayOf[order]) ? null : placed[order] + delayOf[order] * MINUTE_TICK_MS;
      if (importedAt === null) unimported++;
      if (visible[order] > placed[order]) late.lateOrders++;
      if (visible[order] > simulation.runTo) late.invisibleAtEnd++;
      if (!missed[order]) continue;
      late.missedByIncremental++;
      // A missed order is imported by a sweep or not at all; a sweep since it became visible that did not take it never will.
      if (importedAt !== null) late.caughtBySweep++;
      else if (lastSweepAt[store] >= visible[order]) late.neverCaught++;
      else late.pendingAtEnd++;
    }
  }
  const collect = (include: (store: number) => boolean) => {
    const delays: number[] = [];
    for (let store = 0; store < stores; store++) {
      if (!include(store)) continue;
      for (let order = firstOrder[store]; order < firstOrder[store + 1]; order++) if (isMeasured(order)) delays.push(delayAt(order));
    }
    return Float64Array.from(delays);
  };
  return {
    ...result,
    ...late,
    unimported,
    delays: collect(() => true),
    busyDelays: (busy) => collect((store) => busy[store] === 1),
    sweepCatchHours: Float64Array.from(sweepCatchHours),
    sweepCatchAfterVisibleHours: Float64Array.from(sweepCatchAfterVisibleHours),
  };
}

/** Orders of one store (ascending `placed` in [first, end)) placed in [from, to]: two binary searches. */
function countPlaced(placed: Float64Array, first: number, end: number, from: number, to: number): number {
  const lowerBound = (value: number, strict: boolean) => {
    let low = first;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (strict ? placed[middle] <= value : placed[middle] < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return lowerBound(to, true) - lowerBound(from, false);
}
