import { describe, expect, it } from "vitest";
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  INTERVAL_SPREAD,
  MAX_INTERVAL_MS,
  MIN_INTERVAL_MS,
  WEBHOOK_SAFETY_NET_MS,
  backoffDelayMs,
  describeReason,
  expectedOrdersPerHour,
  isSweepDue,
  newStoreHistory,
  nextImportAt,
  orderDueStores,
  priorityOf,
  recordImport,
  recordWebhook,
  toDueStore,
  type DueStore,
  type ScheduleReason,
  type StoreHistory,
} from "@/lib/imports/schedule";
import { seededRandom } from "@/lib/demo/generate-orders";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Monday 5 January 2026, 00:00 UTC. */
const MONDAY = Date.UTC(2026, 0, 5);


/** A store with any plausible memory: a level from idle to ~3,000 orders a day, any rhythm, any recency, failing or rate-limited or not. */
function randomHistory(random: () => number, storeId: number): StoreHistory {
  const at = MONDAY + random() * 7 * DAY;
  const rhythm = Array.from({ length: 168 }, () => (random() < 0.3 ? 0 : random() * 20));
  if (random() < 0.3) rhythm[Math.floor(random() * 168)] += 200;
  return {
    ...newStoreHistory(storeId),
    lastAttemptAt: at,
    lastSuccessAt: random() < 0.3 ? at - random() * 2 * HOUR : at,
    lastNewOrderAt: random() < 0.2 ? null : at - random() * 5 * DAY,
    decayedOrders: random() < 0.1 ? 0 : Math.exp(random() * 10 - 5) * 17,
    decayedHours: 17,
    rhythmAt: at - random() * 2 * DAY,
    rhythm,
    lastWebhookAt: random() < 0.2 ? at - random() * 3 * HOUR : null,
    failures: random() < 0.2 ? 1 + Math.floor(random() * 10) : 0,
    notBefore: random() < 0.1 ? at + random() * 30 * MINUTE : null,
  };
}

function randomHistories(count: number, seed = 1): StoreHistory[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, storeId) => randomHistory(random, storeId + 1));
}

/** Orders every 1/perHour hours on a grid from the epoch, those in (from, to]: a steady store, the same however it is polled. */
function evenOrders(from: number, to: number, perHour: number): number[] {
  if (perHour <= 0) return [];
  const step = HOUR / perHour;
  const orders: number[] = [];
  // Off the hour, so no order sits on an hour's edge.
  const phase = 0.37 * step;
  for (let at = (Math.floor((from - phase) / step) + 1) * step + phase; at <= to; at += step) orders.push(at);
  return orders;
}

/** A store connected with a 13-day backfill at `perHour`, then polled every `everyMs` through its last day, up to `until`. */
function steadyStore(storeId: number, perHour: number, until: number, everyMs = 10 * MINUTE): StoreHistory {
  const connectedAt = until - DAY;
  let history = recordImport(newStoreHistory(storeId), { at: connectedAt, ok: true, since: until - 14 * DAY, placedAt: evenOrders(until - 14 * DAY, connectedAt, perHour) });
  for (let at = until - Math.floor(DAY / everyMs - 1) * everyMs; at <= until; at += everyMs) {
    history = recordImport(history, { at, ok: true, placedAt: evenOrders(history.lastSuccessAt!, at, perHour) });
  }
  return history;
}

const intervalOf = (history: StoreHistory, now = history.lastAttemptAt!) => nextImportAt(history, now).at - history.lastAttemptAt!;

describe("nextImportAt", () => {
  it("never polls a busier store less often, all else equal", () => {
    for (const history of randomHistories(500)) {
      const now = history.lastAttemptAt!;
      let previous = Infinity;
      for (const factor of [0, 0.01, 0.3, 1, 2, 5, 20, 100, 1000]) {
        const at = nextImportAt({ ...history, decayedOrders: (history.decayedOrders + 0.01) * factor }, now).at;
        expect(at).toBeLessThanOrEqual(previous);
        previous = at;
      }
    }
  });

  it("never polls a failing store sooner for one more failure", () => {
    for (const history of randomHistories(500, 2)) {
      const now = history.lastAttemptAt!;
      let previous = -Infinity;
      for (let failures = 0; failures <= 25; failures++) {
        const at = nextImportAt({ ...history, failures }, now).at;
        expect(at).toBeGreaterThanOrEqual(previous);
        previous = at;
      }
    }
  });

  it("keeps every interval within the bounds, whatever the rate, the rhythm, the failures or the webhooks", () => {
    const random = seededRandom(3);
    for (const history of randomHistories(2000, 3)) {
      // A platform's Retry-After is the one thing allowed past the bounds (tested below).
      const failing = { ...history, notBefore: null, failures: random() < 0.3 ? Math.floor(random() * 30) : 0 };
      const interval = intervalOf(failing);
      expect(interval).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
      expect(interval).toBeLessThanOrEqual(MAX_INTERVAL_MS);
    }
  });

  it("polls a store taking ~500 orders a day every few minutes and a store silent for a week at the ceiling", () => {
    const busy = steadyStore(1, 500 / 24, MONDAY + 14 * DAY, 3 * MINUTE);
    expect(intervalOf(busy)).toBeLessThan(5 * MINUTE);
    const { reason } = nextImportAt(busy, busy.lastAttemptAt!);
    expect(reason.kind).toBe("active");
    if (reason.kind === "active") expect(Math.abs(reason.ordersPerDay - 500)).toBeLessThanOrEqual(50);

    let silent = steadyStore(2, 1 / 24, MONDAY + 7 * DAY, 30 * MINUTE);
    for (let at = MONDAY + 7 * DAY + HOUR; at <= MONDAY + 16 * DAY; at += HOUR) silent = recordImport(silent, { at, ok: true, placedAt: [] });
    const plan = nextImportAt(silent, silent.lastAttemptAt!);
    // At the ceiling, less the spread that keeps idle stores from coming due together.
    expect(plan.at - silent.lastAttemptAt!).toBeGreaterThanOrEqual((MAX_INTERVAL_MS * (1 - INTERVAL_SPREAD / 2)) / (1 + INTERVAL_SPREAD / 2));
    expect(plan.at - silent.lastAttemptAt!).toBeLessThanOrEqual(MAX_INTERVAL_MS);
    expect(plan.reason).toMatchObject({ kind: "quiet", quietDays: 9 });
  });

  it("learns the store's rate from its imports, whatever their spacing", () => {
    for (const [perHour, every] of [[0.5, 30 * MINUTE], [2, 10 * MINUTE], [20, 2 * MINUTE]] as const) {
      const history = steadyStore(1, perHour, MONDAY + 21 * DAY, every);
      const learned = expectedOrdersPerHour(history, history.lastAttemptAt!) / perHour;
      expect(learned).toBeGreaterThan(0.9);
      expect(learned).toBeLessThan(1.1);
    }
  });

  it("never schedules before the platform's Retry-After, and a rate limit is not a failure", () => {
    for (const history of randomHistories(500, 4)) {
      const at = history.lastAttemptAt! + MINUTE;
      const retryAfterMs = Math.round(seededRandom(history.storeId)() * 12 * HOUR);
      const limited = recordImport(history, { at, ok: false, retryAfterMs });
      expect(limited.failures).toBe(history.failures);
      const plan = nextImportAt(limited, at);
      expect(plan.at).toBeGreaterThanOrEqual(at + retryAfterMs);
      if (retryAfterMs > MAX_INTERVAL_MS) expect(plan).toEqual({ at: at + retryAfterMs, reason: { kind: "rate_limited", until: at + retryAfterMs } });
    }
    // A busy store due every ~3 minutes whose platform said "come back in 10": it waits the 10, even after a good import.
    const busy = steadyStore(9, 30, MONDAY + 14 * DAY, 2 * MINUTE);
    const told = recordImport(busy, { at: MONDAY + 14 * DAY + 3 * MINUTE, ok: true, placedAt: [], retryAfterMs: 10 * MINUTE });
    expect(nextImportAt(told, told.lastAttemptAt!)).toEqual({ at: told.lastAttemptAt! + 10 * MINUTE, reason: { kind: "rate_limited", until: told.lastAttemptAt! + 10 * MINUTE } });
  });

  it("polls a store whose webhooks arrive only as a safety net, and stops trusting webhooks that missed an order", () => {
    const now = MONDAY + 14 * DAY;
    const busy = steadyStore(1, 20, now, 2 * MINUTE);
    expect(intervalOf(busy)).toBeLessThan(5 * MINUTE);

    const withWebhooks = recordWebhook(busy, { at: now - 5 * MINUTE, placedAt: [now - 5 * MINUTE] });
    expect(nextImportAt(withWebhooks, now)).toEqual({ at: now + WEBHOOK_SAFETY_NET_MS, reason: { kind: "webhooks", everyMinutes: 45 } });
    expect(describeReason(nextImportAt(withWebhooks, now).reason)).toBe("Webhooks are arriving: checked every 45 min as a safety net");

    const stale = nextImportAt(withWebhooks, now + 3 * HOUR);
    expect(stale.at - now).toBeLessThan(5 * MINUTE);

    const missed = recordImport(withWebhooks, { at: now + 45 * MINUTE, ok: true, placedAt: [now + 30 * MINUTE] });
    expect(intervalOf(missed)).toBeLessThan(5 * MINUTE);
    const trustedAgain = recordWebhook(missed, { at: now + 46 * MINUTE });
    expect(nextImportAt(trustedAgain, now + 46 * MINUTE).reason.kind).toBe("webhooks");
  });

  it("polls a store busy at 9 am more often just before 9 am than at 3 am", () => {
    // Two weeks of a store that sells 40 orders between 9 and 10 am UTC on weekdays and a few a day otherwise.
    const start = MONDAY - 14 * DAY;
    let history = recordImport(newStoreHistory(7), { at: start, ok: true, since: start - DAY, placedAt: [] });
    for (let at = start + 10 * MINUTE; at < MONDAY; at += 10 * MINUTE) {
      const hourOfDay = Math.floor((at - 10 * MINUTE) / HOUR) % 24;
      const weekday = Math.floor((at - MONDAY + 70 * DAY) / DAY) % 7 < 5;
      const perHour = weekday && hourOfDay === 9 ? 40 : 0.15;
      history = recordImport(history, { at, ok: true, placedAt: evenOrders(at - 10 * MINUTE, at, perHour) });
    }
    const polledAt = (at: number) => recordImport(history, { at, ok: true, placedAt: [] });
    const atThree = polledAt(MONDAY + 3 * HOUR);
    const beforeNine = polledAt(MONDAY + 8 * HOUR + 45 * MINUTE);
    expect(intervalOf(beforeNine)).toBeLessThan(intervalOf(atThree) / 2);
    // The interval started at 8:45 ends within minutes of 9:00, as the rush begins.
    expect(nextImportAt(beforeNine, MONDAY + 8 * HOUR + 45 * MINUTE).at).toBeLessThanOrEqual(MONDAY + 9 * HOUR + 5 * MINUTE);
    expect(nextImportAt(atThree, MONDAY + 3 * HOUR).reason).toMatchObject({ kind: "rhythm", expected: "quieter" });
    expect(expectedOrdersPerHour(history, MONDAY + 9 * HOUR + 30 * MINUTE)).toBeGreaterThan(10 * expectedOrdersPerHour(history, MONDAY + 3 * HOUR));
  });

  it("imports a store never imported at once, and its first import's backfill teaches it the rate", () => {
    expect(nextImportAt(newStoreHistory(1), MONDAY)).toEqual({ at: MONDAY, reason: { kind: "first_import" } });
    const backfilled = recordImport(newStoreHistory(1), { at: MONDAY, ok: true, since: MONDAY - 14 * DAY, placedAt: evenOrders(MONDAY - 14 * DAY, MONDAY, 2) });
    expect(expectedOrdersPerHour(backfilled, MONDAY)).toBeCloseTo(2, 0);
  });

  it("survives JSON: the history is plain data", () => {
    const history = steadyStore(3, 4, MONDAY + 14 * DAY);
    const stored = JSON.parse(JSON.stringify(history)) as StoreHistory;
    expect(nextImportAt(stored, MONDAY + 14 * DAY)).toEqual(nextImportAt(history, MONDAY + 14 * DAY));
  });
});

describe("backoffDelayMs", () => {
  it("draws the same jitter for the same store and failure count, within half to all of the doubling ceiling", () => {
    for (let storeId = 1; storeId <= 1000; storeId++) {
      for (let failures = 1; failures <= 12; failures++) {
        const delay = backoffDelayMs(storeId, failures);
        const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
        expect(delay).toBe(backoffDelayMs(storeId, failures));
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(delay).toBeGreaterThanOrEqual(backoffDelayMs(storeId, failures - 1));
      }
    }
  });

  it("spreads stores that failed together", () => {
    const delays = Array.from({ length: 1000 }, (_, storeId) => backoffDelayMs(storeId + 1, 4));
    expect(new Set(delays).size).toBeGreaterThan(990);
    const ceiling = BACKOFF_BASE_MS * 8;
    // Every eighth of the jitter range holds some of them.
    for (let bin = 0; bin < 8; bin++) {
      const low = ceiling / 2 + (bin * ceiling) / 16;
      expect(delays.some((delay) => delay >= low && delay < low + ceiling / 16)).toBe(true);
    }
  });

  it("shows a failing store as retrying", () => {
    const history = { ...steadyStore(5, 2, MONDAY + 14 * DAY), failures: 3 };
    const { reason } = nextImportAt(history, history.lastAttemptAt!);
    expect(reason).toMatchObject({ kind: "retrying", failures: 3 });
    expect(describeReason(reason)).toMatch(/^Failed 3 times in a row: next try in \d+ min$/);
  });
});

describe("orderDueStores", () => {
  /** One workspace with 5,000 due stores, busier than anyone, and ten with five each. */
  function crowdedTick(now: number): DueStore[] {
    const big = Array.from({ length: 5000 }, (_, k) => ({ storeId: k + 1, workspaceId: "agency", dueAt: now - 10 * MINUTE, lastImportAt: now - 20 * MINUTE, ordersPerHour: 30 }));
    const small = Array.from({ length: 50 }, (_, k) => ({ storeId: 10_000 + k, workspaceId: `shop-${k % 10}`, dueAt: now - MINUTE, lastImportAt: now - HOUR, ordersPerHour: 0.1 }));
    return [...big, ...small];
  }

  it("gives every workspace stores in the first tick, however many one of them has due", () => {
    const taken = orderDueStores(crowdedTick(MONDAY), MONDAY, 100);
    expect(taken).toHaveLength(100);
    expect(new Set(taken.map((store) => store.workspaceId)).size).toBe(11);
    // Round-robin: the first eleven are one from each workspace.
    expect(new Set(taken.slice(0, 11).map((store) => store.workspaceId)).size).toBe(11);
  });

  it("takes the most overdue relative to their expected orders first, and only due stores", () => {
    const now = MONDAY;
    const store = (storeId: number, ordersPerHour: number, overdue: number): DueStore => ({ storeId, workspaceId: "w", dueAt: now - overdue, lastImportAt: now - overdue - 10 * MINUTE, ordersPerHour });
    // 60 orders an hour, 11 min since its import: ~11 orders waiting. No orders but 5 h overdue: 10. A quiet store just due: ~0.
    const taken = orderDueStores([store(1, 0.1, MINUTE), store(2, 60, MINUTE), store(3, 0, 5 * HOUR), { ...store(4, 100, 0), dueAt: now + MINUTE }], now, 10);
    expect(taken.map((due) => due.storeId)).toEqual([2, 3, 1]);
    expect(priorityOf({ ...store(5, 1, 0), lastImportAt: null }, now)).toBe(Infinity);
  });

  it("starves no store over 100 ticks while more are due than the ticks can take", () => {
    const random = seededRandom(11);
    const stores = new Map<number, SimulatedStore>();
    for (const due of crowdedTick(MONDAY)) {
      // The agency's stores range from idle to ~500 orders a day; the small shops take a few a day.
      // Last imported 3 h ago: even the idle ones are due.
      const perHour = due.workspaceId === "agency" ? (random() < 0.2 ? 0 : Math.exp(random() * 6 - 3)) : 0.1;
      stores.set(due.storeId, { workspaceId: due.workspaceId, history: steadyStore(due.storeId, perHour, MONDAY - 3 * HOUR, 30 * MINUTE), perHour });
    }
    // All 5,050 are due at the first tick (the idle ones too), and ~600 a tick keep coming due; the ticks take 300.
    const { perTick, firstImport, longestWaitMs } = runTicks(stores, MONDAY, 100, 300);
    expect(perTick.every((taken) => taken === 300)).toBe(true);
    expect(firstImport.size).toBe(stores.size);
    // Busy stores come due again every few minutes and have orders waiting, yet none waits over 40 minutes.
    expect(longestWaitMs).toBeLessThanOrEqual(40 * MINUTE);
  });
});

describe("catching up after a pause", () => {
  it("spreads 10,000 stores a day overdue over the ticks: never more than a tick's capacity, everyone caught up within 30 minutes, the busiest first", () => {
    const random = seededRandom(21);
    const pausedAt = MONDAY + 14 * DAY;
    const now = pausedAt + DAY;
    const stores = new Map<number, SimulatedStore>();
    for (let storeId = 1; storeId <= 10_000; storeId++) {
      const perHour = random() < 0.08 ? 0 : Math.min(500, 3 * Math.exp(1.6 * normal(random))) / 24;
      const history = steadyStore(storeId, perHour, pausedAt - Math.floor(random() * 30) * MINUTE, 30 * MINUTE);
      stores.set(storeId, { workspaceId: `w${storeId % 700}`, history, perHour });
    }
    const capacity = 1000;
    const { perTick, firstImport: firstImportAfter } = runTicks(stores, now, 240, capacity);
    expect(Math.max(...perTick)).toBeLessThanOrEqual(capacity);
    const caughtUpBy = Math.max(...firstImportAfter.values()) - now;
    // 10,000 / 1,000 = 10 ticks of backlog, plus the ticks the busy stores take again meanwhile.
    expect(caughtUpBy).toBeLessThanOrEqual(30 * MINUTE);
    const busiest = [...stores.entries()].sort((a, b) => b[1].perHour - a[1].perHour).slice(0, 500);
    for (const [storeId] of busiest) expect(firstImportAfter.get(storeId)! - now).toBeLessThanOrEqual(2 * MINUTE);
    // No second herd once caught up: the stores imported together drift apart (INTERVAL_SPREAD),
    // so no later tick comes near the capacity; the steady load is ~640 a tick.
    expect(Math.max(...perTick.slice(15))).toBeLessThan(0.8 * capacity);
  });
});

describe("describeReason", () => {
  it("says each reason in plain English", () => {
    const reasons: Array<[ScheduleReason, string]> = [
      [{ kind: "first_import" }, "Not imported yet: due now"],
      [{ kind: "active", everyMinutes: 5, ordersPerDay: 40 }, "About 40 orders a day: checked every 5 min"],
      [{ kind: "rhythm", everyMinutes: 4, expected: "busier" }, "Usually busier around this hour: checked every 4 min"],
      [{ kind: "rhythm", everyMinutes: 60, expected: "quieter" }, "Usually quiet around this hour: checked every 60 min"],
      [{ kind: "quiet", everyMinutes: 180, quietDays: 9 }, "No new orders for 9 days: checked every 180 min"],
      [{ kind: "quiet", everyMinutes: 180, quietDays: null }, "No orders yet: checked every 180 min"],
      [{ kind: "webhooks", everyMinutes: 45 }, "Webhooks are arriving: checked every 45 min as a safety net"],
      [{ kind: "retrying", failures: 1, inMinutes: 2 }, "Failed 1 time in a row: next try in 2 min"],
      [{ kind: "rate_limited", until: MONDAY + 9 * HOUR }, "Rate-limited by the platform: next try at 2026-01-05 09:00 UTC"],
    ];
    for (const [reason, text] of reasons) expect(describeReason(reason)).toBe(text);
  });
});

interface SimulatedStore {
  workspaceId: string;
  history: StoreHistory;
  perHour: number;
}

/**
 * Cron ticks a minute apart from `from`: each takes at most `capacity` due stores in
 * `orderDueStores`' order, imports them (their orders so far, on their grid) and reschedules
 * them. Reports how many each tick took, each store's first import, and the longest any store
 * waited past its due time or the first tick, whichever is later (those still waiting at the end included).
 */
function runTicks(stores: Map<number, SimulatedStore>, from: number, ticks: number, capacity: number) {
  const perTick: number[] = [];
  const firstImport = new Map<number, number>();
  const dueAt = new Map<number, number>();
  let longestWaitMs = 0;
  for (const [storeId, store] of stores) dueAt.set(storeId, nextImportAt(store.history, from).at);
  for (let tick = 0; tick < ticks; tick++) {
    const now = from + tick * MINUTE;
    const due = [...stores.entries()].filter(([storeId]) => dueAt.get(storeId)! <= now).map(([storeId, store]) => toDueStore(store.workspaceId, store.history, dueAt.get(storeId)!));
    const taken = orderDueStores(due, now, capacity);
    perTick.push(taken.length);
    for (const { storeId } of taken) {
      const store = stores.get(storeId)!;
      longestWaitMs = Math.max(longestWaitMs, now - Math.max(from, dueAt.get(storeId)!));
      store.history = recordImport(store.history, { at: now, ok: true, placedAt: evenOrders(store.history.lastSuccessAt!, now, store.perHour) });
      dueAt.set(storeId, nextImportAt(store.history, now).at);
      if (!firstImport.has(storeId)) firstImport.set(storeId, now);
    }
  }
  const end = from + (ticks - 1) * MINUTE;
  for (const due of dueAt.values()) longestWaitMs = Math.max(longestWaitMs, end - Math.max(from, due));
  return { perTick, firstImport, longestWaitMs };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe("isSweepDue", () => {
  const HOUR = 3_600_000;
  const t0 = Date.UTC(2026, 0, 5, 12);
  const imported = recordImport(newStoreHistory(7), { at: t0, ok: true, placedAt: [t0 - HOUR], since: t0 - 30 * 24 * HOUR });

  it("waits a day after the last sweep, and a day and a half at the most", () => {
    expect(isSweepDue(newStoreHistory(7), null, t0)).toBe(false);
    expect(isSweepDue(imported, t0, t0 + 23 * HOUR)).toBe(false);
    expect(isSweepDue(imported, t0, t0 + 36 * HOUR)).toBe(true);
    expect(isSweepDue(imported, t0 + 30 * HOUR, t0 + 36 * HOUR)).toBe(false);
  });

  it("sweeps a store never swept at once, though its last import is always recent", () => {
    let history = imported;
    for (let at = t0 + 3 * HOUR; at <= t0 + 3 * 24 * HOUR; at += 3 * HOUR) history = recordImport(history, { at, ok: true });
    const now = t0 + 3 * 24 * HOUR + HOUR;
    expect(isSweepDue(history, null, now)).toBe(true);
    expect(isSweepDue(history, now - 2 * HOUR, now)).toBe(false);
  });

  it("does not sweep a store that is failing or rate-limited", () => {
    const failing = recordImport(imported, { at: t0 + HOUR, ok: false });
    const limited = recordImport(imported, { at: t0 + HOUR, ok: false, retryAfterMs: 48 * HOUR });
    expect(isSweepDue(failing, t0, t0 + 40 * HOUR)).toBe(false);
    expect(isSweepDue(limited, t0, t0 + 40 * HOUR)).toBe(false);
  });
});
