/**
 * When each store is next imported, and which due stores a cron tick takes first. Pure: every
 * function is given the time, and a store's whole memory is a `StoreHistory` value.
 *
 * The rule. Orders reach a store as a Poisson stream whose rate is the store's level (orders an
 * hour, a decaying average) times its rhythm (how busy this hour of the week usually is). Polled
 * every T, an order waits U ~ Uniform(0, T): T/2 on average, and E[U²] = T²/3. We minimise the
 * mean *squared* wait over all orders, which counts a 30-minute wait four times a 15-minute one
 * (merchants notice the long waits, and a percentile is what the bench measures): for a given
 * number of polls Σ 1/Tᵢ, Lagrange on Σ λᵢ·Tᵢ²/3 gives Tᵢ ∝ λᵢ^(−1/3). A store 1,000× busier is
 * polled 10× as often. (Minimising the plain mean gives λ^(−1/2): better medians, a worse tail;
 * see INTERVAL_AT_ONE_ORDER_AN_HOUR_MS.) The rhythm is used the same way over time: polls are
 * "spent" at a rate ∝ λ(t)^(1/3) from the last import until one whole poll has accrued, so an
 * interval that runs into a usually busy hour ends early, just after that hour starts. The
 * interval is spread by ±10% (INTERVAL_SPREAD) within [MIN_INTERVAL_MS, MAX_INTERVAL_MS]; then
 * webhooks, failures and the platform's rate limit can only move the next import later.
 *
 * Expected delay, for a store at λ orders an hour on a flat rhythm: T = 8 min × λ^(−1/3); its
 * orders wait T/2 on average and 0.95·T at the 95th percentile, plus under a minute for the tick.
 * 500 orders a day: T ≈ 2.9 min (1.5 mean, 2.8 p95); 20 a day: 8.5 min (4.3, 8.1); 2 a day: 18
 * min (9, 17); one every five days: 39 min. A store silent for days decays toward the 3-hour
 * ceiling; its first order after waking waits up to that long, then it speeds up at once.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HOURS_PER_WEEK = 168;
/** 1970-01-01 was a Thursday: hours since the epoch plus this are hours since a Monday 00:00 UTC. */
const EPOCH_HOUR_OF_WEEK = 72;

/**
 * The most often a store is polled. A tick runs every minute; 2 min keeps one busy store from
 * holding a worker every tick and stays far inside every platform's rate limit (an incremental
 * import is one or two calls), while a 2-minute wait is below what a merchant notices. Reached
 * only from ~50 orders an hour: a big store's rush hour.
 */
export const MIN_INTERVAL_MS = 2 * MINUTE;
/**
 * The least often a healthy store is polled. A dormant store that wakes has its first order
 * within 3 h, the same morning. It is cheap: 10,000 idle stores cost 80,000 polls a day, 8% of
 * polling them every 15 minutes, and in the bench 6 h instead saves under 1% of the polls.
 */
export const MAX_INTERVAL_MS = 3 * HOUR;
/**
 * The rule's exponent: an interval ∝ λ^(−1/3), from minimising the mean squared wait (above).
 */
export const RATE_EXPONENT = 1 / 3;
/**
 * The rule's scale: a store taking one order an hour is polled every 8 min. Tuned with
 * `npm run bench:schedule` (10,000 stores, a week), the exponent with it; polls as a share of
 * 5-minute polling / p95 wait over all orders / p95 for stores of 20+ orders a day, in minutes:
 *
 *   exponent ½, 6 min:  0.33 / 12.4 / 5.6   (p99 30)
 *   exponent ½, 7 min:  0.28 / 14.3 / 6.3   (p99 34)
 *   exponent ⅓, 8 min:  0.30 / 12.3 / 7.3   (p99 23)   ← chosen
 *   exponent ⅓, 9 min:  0.27 / 13.8 / 8.1   (p99 26)
 *   exponent ⅓, 10 min: 0.24 / 15.2 / 8.9   (misses 15-minute polling's p95 of 14.7)
 *   exponent ¼, 11 min: 0.25 / 14.8 / 10.0
 *
 * For the same polls, ⅓ beats ½ on the p95 and p99 and loses on the median. 8 min leaves
 * margin on all three targets (polls ≤ 0.35, p95 ≤ 14.7, busy p95 ≤ 10) rather than sitting on
 * one; three other workload seeds give 0.298–0.301 / 12.1–12.5 / 7.2–7.3. The constants are
 * about the trade (delay against polls), not the workload's shape: nothing here knows the
 * bench's rate distribution, timezones or burst sizes. (A flat rhythm instead costs 1% more
 * polls for a p95 of 12.5 and a median of 3.5 instead of 3.4: most stores' days are gentle
 * waves; the rhythm earns its keep on stores with a sharp rush hour.)
 */
export const INTERVAL_AT_ONE_ORDER_AN_HOUR_MS = 8 * MINUTE;
/**
 * How fast the order rate forgets. 12 h: the estimate spans ~17 hours (1.44 × the half-life),
 * ~15 orders of a 20-a-day store, enough to steady its interval, yet a store that stops selling
 * loses three quarters of its rate a day, so it nears the ceiling within a week. The daily cycle
 * does not have to be averaged out here: the rhythm carries it (see `decayedHours`). In the
 * bench, 6 h makes the p99 30 min instead of 23; 24 h gives 21 for 3% more polls.
 */
export const RATE_HALF_LIFE_MS = 12 * HOUR;
/**
 * How fast the hour-of-week rhythm forgets: the last 14 days carry 75% of its weight, so two
 * of each weekday inform it, and a change of habits (a new timezone, a new campaign hour) wins
 * within a couple of weeks.
 */
export const RHYTHM_HALF_LIFE_MS = 7 * DAY;
/**
 * Pseudo-orders in every hour-of-week bucket: with few orders the rhythm stays flat instead of
 * reading noise as habit. A store needs well over a hundred orders in two weeks before its busy
 * hours stand out on their own.
 */
export const RHYTHM_PRIOR_ORDERS = 1;
/**
 * Each hour-of-week also borrows from the same hour on every other day (weight 1 : 1), since
 * most stores' days look alike and that profile has seven times the data.
 */
export const RHYTHM_DAILY_POOLING = 1;
/** The first retry comes within a minute: most failures are a dropped connection. */
export const BACKOFF_BASE_MS = MINUTE;
/**
 * Back-off doubles up to this. A revoked token costs two polls an hour, and a platform outage is
 * noticed to be over within half an hour of it ending.
 */
export const BACKOFF_CAP_MS = 30 * MINUTE;
/**
 * Each healthy interval is stretched or shrunk by up to ±10%, drawn from (store, minute of its
 * last import): stores imported in the same tick (after a pause, a deploy, a bulk connect) drift
 * apart instead of coming due together for ever, since the tick's minute rounds nearby intervals
 * to the same one. It costs nothing on average and adds under 1% to the mean squared wait.
 */
export const INTERVAL_SPREAD = 0.2;
/** Beyond this many failures the back-off stops drawing new jitter: it is long capped by then. */
const BACKOFF_DRAWS = 16;
/** With webhooks arriving, polling is a safety net that catches what a delivery dropped. */
export const WEBHOOK_SAFETY_NET_MS = 45 * MINUTE;
/** Webhooks are trusted while one arrived this recently (and no poll since found an order they missed). */
export const WEBHOOK_TRUSTED_FOR_MS = 2 * HOUR;
/** A store with no new order for this long is shown as quiet. */
export const QUIET_AFTER_MS = DAY;
/** Before its first import a store is believed to take an order a day; the belief fades like any data. */
const PRIOR_ORDERS = 1;
const PRIOR_HOURS = 24;
/** A first import's orders older than this say nothing the decays would keep. */
const LONGEST_WINDOW_MS = 14 * DAY;
/**
 * In the tick's priority, each this-long overdue counts like one order waiting, so a store that
 * takes no orders still rises to the top of an overloaded queue, in hours, not never.
 */
export const STALENESS_UNIT_MS = 30 * MINUTE;
/** The rhythm changed the interval by at least this factor before it is the reason shown. */
const RHYTHM_REASON_FACTOR = 1.3;

/**
 * What the scheduler remembers about a store: plain numbers and one array, so it survives JSON
 * and maps onto a few columns of `stores`: last_attempt_at, last_imported_at, last_new_order_at,
 * rate_orders and rate_hours (REAL), rhythm_at, rhythm (TEXT, a JSON array), import_failures,
 * not_before, last_webhook_at, webhooks_missed_at. Next to them, what `nextImportAt` and
 * `toDueStore` derive for the tick's claim: next_import_at (indexed) and orders_per_hour.
 */
export interface StoreHistory {
  /** Seeds the back-off jitter, so retries are spread across stores yet reproducible. */
  storeId: number;
  /** The last import started, whatever came of it; intervals run from here. */
  lastAttemptAt: number | null;
  /** The last import that succeeded: everything placed before it has been seen. */
  lastSuccessAt: number | null;
  /** The newest placed-at among the orders seen (by a poll or a webhook). */
  lastNewOrderAt: number | null;
  /** Σ over orders seen of 2^(−age/RATE_HALF_LIFE), ages taken at `lastSuccessAt`. */
  decayedOrders: number;
  /**
   * The hours observed, decayed the same way and each weighted by the rhythm's expectation for
   * it, so decayedOrders / decayedHours is the store's level with the daily cycle taken out: an
   * import after a busy afternoon does not read as the store getting busier.
   */
  decayedHours: number;
  /** The rhythm's counts are as of this time. */
  rhythmAt: number | null;
  /** 168 order counts by hour of the week in UTC, Monday 00:00 first, each halved as its hour comes round again. */
  rhythm: readonly number[];
  /** Failed imports in a row (rate limits are not failures). */
  failures: number;
  /** The platform asked us not to call before this (Retry-After, Amazon's restore rate). */
  notBefore: number | null;
  lastWebhookAt: number | null;
  /** A poll found orders while webhooks were trusted: they dropped some. */
  webhooksMissedAt: number | null;
}

/** What the Stores page shows about a store's next import; `describeReason` puts it in English. */
export type ScheduleReason =
  | { kind: "first_import" }
  | { kind: "active"; everyMinutes: number; ordersPerDay: number }
  | { kind: "rhythm"; everyMinutes: number; expected: "busier" | "quieter" }
  | { kind: "quiet"; everyMinutes: number; quietDays: number | null }
  | { kind: "webhooks"; everyMinutes: number }
  | { kind: "retrying"; failures: number; inMinutes: number }
  | { kind: "rate_limited"; until: number };

export interface ImportOutcome {
  /** When the import started: it saw every order placed before this. */
  at: number;
  ok: boolean;
  /** Placed-at times of the orders this import created (not those it updated). */
  placedAt?: ArrayLike<number>;
  /** How far back a first import looked; later imports look back to the previous success. */
  since?: number;
  /** The platform's Retry-After (or restore-rate wait). A failure that carries one is a rate limit, not a failure. */
  retryAfterMs?: number;
}

/** A due store as a tick's claim reads it: `next_import_at`, `last_imported_at`, `orders_per_hour`. */
export interface DueStore {
  storeId: number;
  workspaceId: string;
  dueAt: number;
  /** The last successful import; null before the first. */
  lastImportAt: number | null;
  /** The expected order rate when it was scheduled (`expectedOrdersPerHour`). */
  ordersPerHour: number;
}

export function newStoreHistory(storeId: number): StoreHistory {
  return {
    storeId,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastNewOrderAt: null,
    decayedOrders: PRIOR_ORDERS,
    decayedHours: PRIOR_HOURS,
    rhythmAt: null,
    rhythm: new Array<number>(HOURS_PER_WEEK).fill(0),
    failures: 0,
    notBefore: null,
    lastWebhookAt: null,
    webhooksMissedAt: null,
  };
}

/** The history after an import: its orders feed the rate and the rhythm; a failure only counts. */
export function recordImport(history: StoreHistory, outcome: ImportOutcome): StoreHistory {
  const { at } = outcome;
  const notBefore = outcome.retryAfterMs ? at + outcome.retryAfterMs : null;
  if (!outcome.ok) {
    const rateLimited = outcome.retryAfterMs !== undefined && outcome.retryAfterMs > 0;
    return { ...history, lastAttemptAt: at, failures: rateLimited ? history.failures : history.failures + 1, notBefore };
  }
  const placedAt = outcome.placedAt ?? [];
  const windowStart = history.lastSuccessAt ?? Math.max(at - LONGEST_WINDOW_MS, Math.min(outcome.since ?? earliest(placedAt, at), at));
  const reference = history.lastSuccessAt ?? windowStart;
  const keep = decayOver(at - reference, RATE_HALF_LIFE_MS);
  let decayedOrders = history.decayedOrders * keep;
  for (let i = 0; i < placedAt.length; i++) decayedOrders += decayOver(at - Math.min(placedAt[i], at), RATE_HALF_LIFE_MS);
  const decayedHours = history.decayedHours * keep + exposedHours(readRhythm(history, at), windowStart, at);

  const rhythm = placedAt.length > 0 ? addToRhythm(history, placedAt, at) : null;
  // Written out rather than spread: this runs for every import of every store.
  return {
    storeId: history.storeId,
    lastAttemptAt: at,
    lastSuccessAt: at,
    lastNewOrderAt: newest(history.lastNewOrderAt, placedAt),
    decayedOrders,
    decayedHours,
    rhythmAt: rhythm ? at : history.rhythmAt,
    rhythm: rhythm ?? history.rhythm,
    failures: 0,
    notBefore,
    lastWebhookAt: history.lastWebhookAt,
    webhooksMissedAt: webhooksHealthy(history, at) && placedAt.length > 0 ? at : history.webhooksMissedAt,
  };
}

/** The history after a webhook delivery; `placedAt` holds the orders it created. */
export function recordWebhook(history: StoreHistory, delivery: { at: number; placedAt?: ArrayLike<number> }): StoreHistory {
  const placedAt = delivery.placedAt ?? [];
  let decayedOrders = history.decayedOrders;
  // Weighed at the last poll's time, like everything in decayedOrders; the next poll's window covers their hours.
  if (history.lastSuccessAt !== null) {
    for (let i = 0; i < placedAt.length; i++) decayedOrders += decayOver(history.lastSuccessAt - placedAt[i], RATE_HALF_LIFE_MS);
  }
  const rhythm = placedAt.length > 0 ? addToRhythm(history, placedAt, delivery.at) : null;
  return {
    ...history,
    rhythmAt: rhythm ? delivery.at : history.rhythmAt,
    rhythm: rhythm ?? history.rhythm,
    decayedOrders,
    lastNewOrderAt: newest(history.lastNewOrderAt, placedAt),
    lastWebhookAt: delivery.at,
  };
}

/** When the store is next due, and why. A time before `now` means overdue: `orderDueStores` decides who goes first. */
export function nextImportAt(history: StoreHistory, now: number): { at: number; reason: ScheduleReason } {
  if (history.lastAttemptAt === null) return { at: Math.max(now, history.notBefore ?? now), reason: { kind: "first_import" } };
  const from = history.lastAttemptAt;
  const plan = planInterval(history, from);
  let interval = plan.intervalMs;
  let reason = describePlan(history, plan, now);

  if (webhooksHealthy(history, now)) {
    interval = Math.max(interval, WEBHOOK_SAFETY_NET_MS);
    if (interval === WEBHOOK_SAFETY_NET_MS) reason = { kind: "webhooks", everyMinutes: toMinutes(interval) };
  }
  if (history.failures > 0) {
    interval = Math.max(interval, backoffDelayMs(history.storeId, history.failures));
    reason = { kind: "retrying", failures: history.failures, inMinutes: toMinutes(interval) };
  }
  const at = from + interval;
  if (history.notBefore !== null && history.notBefore > at) return { at: history.notBefore, reason: { kind: "rate_limited", until: history.notBefore } };
  return { at, reason };
}

/**
 * The wait after `failures` failures in a row: doubling from BACKOFF_BASE_MS to BACKOFF_CAP_MS,
 * each step drawn in [½, 1] of its ceiling from a hash of (store, failure count), so stores that
 * failed together retry apart and a test sees the same draw every time. The running maximum over
 * the draws keeps one more failure from ever meaning an earlier retry.
 */
export function backoffDelayMs(storeId: number, failures: number): number {
  let delay = 0;
  for (let step = 1; step <= Math.min(failures, BACKOFF_DRAWS); step++) {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (step - 1));
    delay = Math.max(delay, ceiling * (0.5 + 0.5 * hashToUnit(storeId, step)));
  }
  return delay;
}

/**
 * How often a store is swept: its last week read again, through the same write path, to catch
 * what incremental pulls missed (a platform that back-dates updated_at, late commits, clock
 * skew beyond the cursor's overlap). Once a day is cheap next to a day of polls.
 */
export const SWEEP_EVERY_MS = DAY;
/** How far back a scheduled sweep reads. */
export const SWEEP_WINDOW_MS = 7 * DAY;
/** A sweep waits for a quiet hour of the store, but not beyond this. */
const SWEEP_LATEST_MS = 1.5 * DAY;

/**
 * Whether the store's import now should be a sweep: a day since the last one, at an hour the
 * store is usually no busier than on average, or at the latest a day and a half since. A first
 * import reads a month, so it is recorded as a sweep (import-store.ts); a store never swept (one
 * imported before sweeps existed) is swept at once. A store failing or rate-limited is not swept.
 */
export function isSweepDue(history: StoreHistory, lastSweepAt: number | null, now: number): boolean {
  if (history.lastSuccessAt === null || history.failures > 0 || (history.notBefore !== null && history.notBefore > now)) return false;
  // Never swept: not "a day since the last import", which never comes, since a healthy store is imported every 3 h at least.
  const age = lastSweepAt === null ? Infinity : now - lastSweepAt;
  if (age >= SWEEP_LATEST_MS) return true;
  return age >= SWEEP_EVERY_MS && expectedOrdersPerHour(history, now) <= levelOf(history);
}

/** The store's expected orders an hour at `at`: its level times that hour's rhythm. */
export function expectedOrdersPerHour(history: StoreHistory, at: number): number {
  return levelOf(history) * shapeAt(readRhythm(history, at), hourOfWeek(at));
}

/** What a tick's claim needs of a store, as `next_import_at`, `last_imported_at` and `orders_per_hour` hold it. */
export function toDueStore(workspaceId: string, history: StoreHistory, dueAt: number): DueStore {
  return { storeId: history.storeId, workspaceId, dueAt, lastImportAt: history.lastSuccessAt, ordersPerHour: expectedOrdersPerHour(history, dueAt) };
}

/**
 * How urgently a due store wants its import: the orders expected to be waiting in it (rate ×
 * time since its last import: what a late poll actually costs), plus one per STALENESS_UNIT_MS
 * overdue, so a store without orders still rises. A store never imported goes first: its
 * merchant is looking at an empty page. Not yet due is −∞; the minimum interval keeps a store
 * just imported out of the running, so no store always wins.
 */
export function priorityOf(store: DueStore, now: number): number {
  if (store.dueAt > now) return -Infinity;
  if (store.lastImportAt === null) return Infinity;
  const waitingOrders = (store.ordersPerHour * (now - store.lastImportAt)) / HOUR;
  return waitingOrders + (now - store.dueAt) / STALENESS_UNIT_MS;
}

/**
 * The due stores a tick takes, at most `limit`, in order: round-robin over workspaces, each
 * round taking every workspace's next most urgent store, rounds ordered by priority. A workspace
 * with thousands of due stores gets one per round like one with five, so it cannot starve them;
 * it still gets the rest of the tick. In SQL it is `row_number() over (partition by
 * workspace_id order by priority desc)`, then that rank, then the priority.
 *
 * After a pause (a self-hosted server down for a day) every store is due at once: the tick still
 * takes only `limit`, the busiest first (the most orders waiting), and those not taken keep
 * gaining priority, so everyone is caught up within about N / (limit − the steady load) ticks.
 */
export function orderDueStores(due: readonly DueStore[], now: number, limit: number): DueStore[] {
  const ranked = due
    .filter((store) => store.dueAt <= now)
    .map((store) => ({ store, priority: priorityOf(store, now), round: 0 }))
    .sort((a, b) => b.priority - a.priority || a.store.storeId - b.store.storeId);
  const taken = new Map<string, number>();
  for (const entry of ranked) {
    entry.round = taken.get(entry.store.workspaceId) ?? 0;
    taken.set(entry.store.workspaceId, entry.round + 1);
  }
  // Array.prototype.sort is stable: within a round, the priority order above holds.
  return ranked
    .sort((a, b) => a.round - b.round)
    .slice(0, Math.max(0, limit))
    .map((entry) => entry.store);
}

export function describeReason(reason: ScheduleReason): string {
  switch (reason.kind) {
    case "first_import":
      return "Not imported yet: due now";
    case "active":
      return `About ${reason.ordersPerDay} orders a day: checked every ${reason.everyMinutes} min`;
    case "rhythm":
      return reason.expected === "busier"
        ? `Usually busier around this hour: checked every ${reason.everyMinutes} min`
        : `Usually quiet around this hour: checked every ${reason.everyMinutes} min`;
    case "quiet":
      return reason.quietDays === null
        ? `No orders yet: checked every ${reason.everyMinutes} min`
        : `No new orders for ${reason.quietDays} ${reason.quietDays === 1 ? "day" : "days"}: checked every ${reason.everyMinutes} min`;
    case "webhooks":
      return `Webhooks are arriving: checked every ${reason.everyMinutes} min as a safety net`;
    case "retrying":
      return `Failed ${reason.failures} ${reason.failures === 1 ? "time" : "times"} in a row: next try in ${reason.inMinutes} min`;
    case "rate_limited":
      return `Rate-limited by the platform: next try at ${new Date(reason.until).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  }
}

interface IntervalPlan {
  intervalMs: number;
  /** The interval the level alone would give, rhythm aside. */
  flatMs: number;
  level: number;
}

/**
 * The rule (interval ∝ λ^(−1/3)) run forward through the rhythm from `from`, spread by
 * INTERVAL_SPREAD and clamped to the bounds.
 */
function planInterval(history: StoreHistory, from: number): IntervalPlan {
  const level = levelOf(history);
  const spread = 1 + INTERVAL_SPREAD * (hashToUnit(history.storeId, Math.floor(from / MINUTE)) - 0.5);
  // Bounds narrowed by the spread, then spread: a store at the ceiling still drifts.
  const spreadWithinBounds = (ms: number) =>
    clampInterval(spread * Math.min(MAX_INTERVAL_MS / (1 + INTERVAL_SPREAD / 2), Math.max(MIN_INTERVAL_MS / (1 - INTERVAL_SPREAD / 2), ms)));
  return {
    intervalMs: spreadWithinBounds(intervalThroughRhythm(history, level, from)),
    flatMs: spreadWithinBounds(INTERVAL_AT_ONE_ORDER_AN_HOUR_MS / level ** RATE_EXPONENT),
    level,
  };
}

/** When one poll's worth of λ(t)^(1/3) has accrued since `from` (MAX_INTERVAL_MS if it does not by then). */
function intervalThroughRhythm(history: StoreHistory, level: number, from: number): number {
  if (level <= 0) return MAX_INTERVAL_MS;
  const rhythm = readRhythm(history, from);
  const end = from + MAX_INTERVAL_MS;
  let polls = 0;
  for (let t = from; t < end; ) {
    const segmentEnd = Math.min(end, (Math.floor(t / HOUR) + 1) * HOUR);
    const pollsPerMs = (level * shapeAt(rhythm, hourOfWeek(t))) ** RATE_EXPONENT / INTERVAL_AT_ONE_ORDER_AN_HOUR_MS;
    const segmentPolls = pollsPerMs * (segmentEnd - t);
    if (polls + segmentPolls >= 1) return t + (1 - polls) / pollsPerMs - from;
    polls += segmentPolls;
    t = segmentEnd;
  }
  return MAX_INTERVAL_MS;
}

function describePlan(history: StoreHistory, plan: IntervalPlan, now: number): ScheduleReason {
  const everyMinutes = toMinutes(plan.intervalMs);
  const sinceLastOrder = history.lastNewOrderAt === null ? null : now - history.lastNewOrderAt;
  if (sinceLastOrder === null || sinceLastOrder >= QUIET_AFTER_MS) {
    return { kind: "quiet", everyMinutes, quietDays: sinceLastOrder === null ? null : Math.floor(sinceLastOrder / DAY) };
  }
  // Both went through the same bounds and spread: only the rhythm tells them apart.
  if (plan.intervalMs * RHYTHM_REASON_FACTOR <= plan.flatMs) return { kind: "rhythm", everyMinutes, expected: "busier" };
  if (plan.intervalMs >= plan.flatMs * RHYTHM_REASON_FACTOR) return { kind: "rhythm", everyMinutes, expected: "quieter" };
  const ordersPerDay = plan.level * 24;
  return { kind: "active", everyMinutes, ordersPerDay: ordersPerDay >= 10 ? Math.round(ordersPerDay) : Math.round(ordersPerDay * 10) / 10 };
}

/** Orders an hour with the daily cycle taken out (the rhythm puts it back). */
function levelOf(history: StoreHistory): number {
  return history.decayedHours > 0 ? history.decayedOrders / history.decayedHours : 0;
}

function webhooksHealthy(history: StoreHistory, now: number): boolean {
  if (history.lastWebhookAt === null || now - history.lastWebhookAt > WEBHOOK_TRUSTED_FOR_MS) return false;
  return history.webhooksMissedAt === null || history.lastWebhookAt > history.webhooksMissedAt;
}

/** The rhythm read at one time: what `shapeAt` needs. */
interface RhythmView {
  counts: readonly number[];
  /** Each hour of the day summed over the week's seven days. */
  daily: Float64Array;
  /** How far the counts have faded since `rhythmAt`: a rhythm not fed for weeks gives way to the flat prior. */
  scale: number;
  denominator: number;
}

/**
 * Each hour of the day summed over the week, by counts array. A history's counts are never
 * changed in place (an import with orders makes a new array) and most imports add none, so
 * the sums are worth keeping: reading 168 numbers of each of 10,000 stores on every import is
 * most of the scheduler's time otherwise.
 */
const dailySums = new WeakMap<readonly number[], Float64Array>();

function sumByHourOfDay(counts: readonly number[]): Float64Array {
  let daily = dailySums.get(counts);
  if (!daily) {
    daily = new Float64Array(24);
    for (let day = 0; day < 7; day++) {
      for (let hour = 0; hour < 24; hour++) daily[hour] += counts[day * 24 + hour];
    }
    dailySums.set(counts, daily);
  }
  return daily;
}

function readRhythm(history: StoreHistory, at: number): RhythmView {
  const counts = history.rhythm;
  const scale = history.rhythmAt === null ? 0 : decayOver(at - history.rhythmAt, RHYTHM_HALF_LIFE_MS);
  const daily = sumByHourOfDay(counts);
  let total = 0;
  for (let hour = 0; hour < 24; hour++) total += daily[hour];
  const mean = (total * scale) / HOURS_PER_WEEK;
  return { counts, daily, scale, denominator: (1 + RHYTHM_DAILY_POOLING) * mean + RHYTHM_PRIOR_ORDERS };
}

/**
 * The rhythm as a multiplier for one hour of the week (averaging 1 over the week): the bucket
 * smoothed with its neighbours (a 9 am rush starts at 8:50), blended with the same hour's
 * average over the week's days, and shrunk toward flat by RHYTHM_PRIOR_ORDERS.
 */
function shapeAt(view: RhythmView, hour: number): number {
  const { counts, daily } = view;
  const before = (hour + HOURS_PER_WEEK - 1) % HOURS_PER_WEEK;
  const after = (hour + 1) % HOURS_PER_WEEK;
  const ownHour = 0.25 * counts[before] + 0.5 * counts[hour] + 0.25 * counts[after];
  const sameHourDaily = (0.25 * daily[before % 24] + 0.5 * daily[hour % 24] + 0.25 * daily[after % 24]) / 7;
  return (view.scale * (ownHour + RHYTHM_DAILY_POOLING * sameHourDaily) + RHYTHM_PRIOR_ORDERS) / view.denominator;
}

/**
 * The rhythm's counts decayed to `at`, with the orders added. Each bucket decays when its own
 * hour of the week comes round again (at the half hour), not with time: decayed with time, the
 * hour just gone by would always look busier than the one a week ago, merely for being fresh.
 * Decaying at the half hour keeps the hour under way as heavy as the others on average.
 */
function addToRhythm(history: StoreHistory, placedAt: ArrayLike<number>, at: number): number[] {
  const { rhythmAt } = history;
  const rhythm = history.rhythm.map((count, hour) => (rhythmAt === null ? 0 : count * keepAfterRounds(roundsBetween(hour, rhythmAt, at))));
  for (let i = 0; i < placedAt.length; i++) {
    const placed = Math.min(placedAt[i], at);
    const hour = hourOfWeek(placed);
    rhythm[hour] += keepAfterRounds(roundsBetween(hour, placed, at));
  }
  return rhythm;
}

/** How many times the half hour of hour-of-week `hour` passed after `from`, up to `to`. */
function roundsBetween(hour: number, from: number, to: number): number {
  const firstHalfHour = hour - EPOCH_HOUR_OF_WEEK + 0.5;
  return Math.floor((to / HOUR - firstHalfHour) / HOURS_PER_WEEK) - Math.floor((from / HOUR - firstHalfHour) / HOURS_PER_WEEK);
}

/** What a bucket keeps each time its hour comes round: ½, with a 7-day half-life. */
const KEEP_PER_ROUND = decayOver(7 * DAY, RHYTHM_HALF_LIFE_MS);

function keepAfterRounds(rounds: number): number {
  return rounds === 0 ? 1 : rounds === 1 ? KEEP_PER_ROUND : KEEP_PER_ROUND ** rounds;
}

/** ∫ rhythm(s) · 2^(−(at−s)/half-life) ds over [from, at], in hours: the window's weight as exposure. */
function exposedHours(rhythm: RhythmView, from: number, at: number): number {
  const halfLifeHours = RATE_HALF_LIFE_MS / HOUR;
  let hours = 0;
  for (let t = from; t < at; ) {
    const segmentEnd = Math.min(at, (Math.floor(t / HOUR) + 1) * HOUR);
    const weight = (halfLifeHours / Math.LN2) * (decayOver(at - segmentEnd, RATE_HALF_LIFE_MS) - decayOver(at - t, RATE_HALF_LIFE_MS));
    hours += shapeAt(rhythm, hourOfWeek(t)) * weight;
    t = segmentEnd;
  }
  return hours;
}

function hourOfWeek(at: number): number {
  return (((Math.floor(at / HOUR) + EPOCH_HOUR_OF_WEEK) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}

function decayOver(elapsedMs: number, halfLifeMs: number): number {
  return 2 ** (-elapsedMs / halfLifeMs);
}

function clampInterval(ms: number): number {
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, ms));
}

function toMinutes(ms: number): number {
  return Math.round(ms / MINUTE);
}

function earliest(times: ArrayLike<number>, fallback: number): number {
  let first = fallback;
  for (let i = 0; i < times.length; i++) first = Math.min(first, times[i]);
  return first;
}

function newest(previous: number | null, times: ArrayLike<number>): number | null {
  let last = previous;
  for (let i = 0; i < times.length; i++) last = last === null ? times[i] : Math.max(last, times[i]);
  return last;
}

/** A uniform draw in [0, 1) fixed by two integers (a 32-bit avalanche hash). */
function hashToUnit(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
