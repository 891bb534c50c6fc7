/**
 * The stores bench:schedule simulates: 10,000 stores whose orders follow a heavy-tailed rate, a
 * daily cycle in their own timezone, a weekly one, flash bursts, dormant spells, and outages;
 * and, for a small share of orders, a delay before the platform's API shows them (`visible`).
 * Everything is drawn from seeded generators, so a run is reproducible.
 */
import { seededRandom } from "@/lib/demo/generate-orders";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface WorkloadOptions {
  stores: number;
  /** Monday 00:00 UTC: the measured week starts here. */
  start: number;
  measuredDays: number;
  /** Orders before `start` a first import backfills. */
  historyDays: number;
  /** Orders keep coming after the week, unmeasured, while the last ones are imported. */
  tailHours: number;
  seed: number;
  /** Orders the platform's API shows late (`drawVisibleAt`), from their own generator. */
  late: LateVisibility;
}

export interface LateVisibility {
  /** The share of orders shown late. */
  share: number;
  /** Their delays are Lomax (Pareto II) with shape 1 and this scale: the median delay. */
  scaleMs: number;
  /** No order is shown later than this after its modified time. */
  capMs: number;
  seed: number;
}

export interface Workload {
  /**
   * Placed-at times, store by store, each store's ascending: store i owns [firstOrder[i], firstOrder[i + 1]).
   * An order's modified time (updated_at, what a cursor is compared with) is its placed-at time.
   */
  placed: Float64Array;
  /** When the platform's API first shows each order: its placed-at time for all but a few (`drawVisibleAt`). */
  visible: Float64Array;
  firstOrder: Int32Array;
  workspaceOf: string[];
  /** An outage (every import fails) per store: [outageFrom, outageTo), empty for most. */
  outageFrom: Float64Array;
  outageTo: Float64Array;
}


export function generateWorkload(options: WorkloadOptions): Workload {
  const random = seededRandom(options.seed);
  const from = options.start - options.historyDays * DAY;
  const to = options.start + options.measuredDays * DAY + options.tailHours * HOUR;
  const measuredTo = options.start + options.measuredDays * DAY;
  const placed: number[] = [];
  const firstOrder = new Int32Array(options.stores + 1);
  const workspaceOf = assignWorkspaces(options.stores, random);
  const outageFrom = new Float64Array(options.stores);
  const outageTo = new Float64Array(options.stores);

  for (let store = 0; store < options.stores; store++) {
    firstOrder[store] = placed.length;
    const profile = drawStoreProfile(random, from, to, options.start, measuredTo);
    for (let hourStart = from; hourStart < to; hourStart += HOUR) {
      const mean = profile.ordersPerHourAt(hourStart);
      if (mean <= 0) continue;
      const count = drawPoisson(random, mean);
      const within: number[] = [];
      for (let k = 0; k < count; k++) within.push(hourStart + random() * HOUR);
      within.sort((a, b) => a - b);
      for (const time of within) placed.push(time);
    }
    // 0.5% of stores have an outage in the measured week (revoked token, platform down): 1–12 h.
    if (random() < 0.005) {
      outageFrom[store] = options.start + random() * (measuredTo - options.start);
      outageTo[store] = outageFrom[store] + (1 + 11 * random()) * HOUR;
    }
  }
  firstOrder[options.stores] = placed.length;
  const placedAt = Float64Array.from(placed);
  return { placed: placedAt, visible: drawVisibleAt(placedAt, options.late), firstOrder, workspaceOf, outageFrom, outageTo };
}

/**
 * When each order becomes visible to the platform's API. Most orders are there as soon as they
 * are placed; `late.share` of them show up after a delay while keeping their original modified
 * time: a transaction committed late, a platform or app that writes updated_at back-dated (an
 * ERP sync, a bulk edit), a clock behind ours. An incremental pull reads from its cursor minus a
 * 10-minute overlap, so one of these is missed once its modified time has fallen behind that.
 *
 * The delay is Lomax (Pareto II) with shape 1: P(delay > x) = s / (s + x), s = `scaleMs`. Those
 * causes span seconds (a slow commit) to hours or days (a nightly batch, a manual back-dated
 * edit), and a power-law tail is what a mix of waits at such different scales looks like. With
 * s = 2 min: median 2 min, 83% under 10 min (inside the overlap: harmless), 3% over an hour,
 * 0.5% over 6 h, 0.03% over 4 days. A lognormal with the same median and the same share under
 * 10 min would make a 6-hour delay 6× rarer and a day's 35× rarer: it would hide exactly what
 * sweeps are for. Capped at `capMs` (and finite): no order is shown a month late.
 *
 * Drawn from a generator of its own, after the orders, so the orders and every other draw are
 * those of a run without late orders.
 */
function drawVisibleAt(placed: Float64Array, late: LateVisibility): Float64Array {
  const random = seededRandom(late.seed);
  const visible = Float64Array.from(placed);
  for (let order = 0; order < placed.length; order++) {
    if (random() >= late.share) continue;
    const u = random();
    visible[order] += Math.min(late.capMs, late.scaleMs * (u / (1 - u)));
  }
  return visible;
}

interface StoreProfile {
  ordersPerHourAt(time: number): number;
}

/**
 * One store: 8% take no orders; the rest a lognormal daily rate (median 3, σ 1.6: a tenth of
 * stores take 20+ a day and carry most orders) capped at 500. Americas, Europe or Asia-Pacific;
 * a daily wave peaking in the afternoon or evening, or (5%) one sharp 9 am rush (a daily deal);
 * weekends busier (shops) or much quieter (B2B); Poisson flash bursts of 4–12× for 1–4 h; and
 * dormant spells: 6% sleep 1–6 days, 2% stop for good, 2% only wake up during the week.
 */
function drawStoreProfile(random: () => number, from: number, to: number, start: number, measuredTo: number): StoreProfile {
  const ordersPerDay = random() < 0.08 ? 0 : Math.min(500, 3 * Math.exp(1.6 * drawNormal(random)));
  const region = random();
  const utcOffsetHours = region < 0.55 ? -5 - Math.floor(random() * 4) : region < 0.9 ? Math.floor(random() * 3) : 8 + Math.floor(random() * 3);

  const daily = new Float64Array(24);
  if (random() < 0.05) {
    for (let hour = 0; hour < 24; hour++) daily[hour] = hour === 9 ? 8 : hour >= 7 && hour <= 22 ? 0.6 : 0.1;
  } else {
    const amplitude = 0.5 + 0.45 * random();
    const peak = 11 + 10 * random();
    for (let hour = 0; hour < 24; hour++) daily[hour] = Math.max(0.05, 1 + amplitude * Math.cos((2 * Math.PI * (hour + 0.5 - peak)) / 24));
  }
  normalizeMean(daily);
  const weekly = new Float64Array(7);
  const weekendFactor = random() < 0.7 ? 1.15 : 0.35;
  for (let day = 0; day < 7; day++) weekly[day] = day >= 5 ? weekendFactor : 1;
  normalizeMean(weekly);

  const bursts: Array<[number, number, number]> = [];
  const burstCount = drawPoisson(random, 0.6);
  for (let k = 0; k < burstCount; k++) {
    const burstStart = from + random() * (to - from);
    bursts.push([burstStart, burstStart + (1 + 3 * random()) * HOUR, 4 + 8 * random()]);
  }
  let sleepFrom = Infinity;
  let sleepTo = Infinity;
  const sleeper = random();
  if (sleeper < 0.06) {
    sleepFrom = from + random() * (to - from);
    sleepTo = sleepFrom + (1 + 5 * random()) * DAY;
  } else if (sleeper < 0.08) {
    sleepFrom = start + random() * (measuredTo - start);
    sleepTo = Infinity;
  } else if (sleeper < 0.1) {
    sleepFrom = -Infinity;
    sleepTo = start + random() * (measuredTo - start);
  }

  return {
    ordersPerHourAt(time) {
      if (ordersPerDay === 0 || (time >= sleepFrom && time < sleepTo)) return 0;
      const localHours = Math.floor(time / HOUR) + utcOffsetHours;
      // The epoch was a Thursday: +3 makes Monday day 0.
      const localDay = (Math.floor(localHours / 24) + 3) % 7;
      let rate = (ordersPerDay / 24) * daily[((localHours % 24) + 24) % 24] * weekly[localDay];
      for (const [burstFrom, burstTo, factor] of bursts) if (time >= burstFrom && time < burstTo) rate *= factor;
      return rate;
    },
  };
}

/** Workspaces of very different sizes: one agency with 1,500 stores, a few dozen with tens, and many with one to five. */
function assignWorkspaces(stores: number, random: () => number): string[] {
  const workspaceOf: string[] = [];
  let next = 0;
  while (workspaceOf.length < stores) {
    const size = next === 0 ? 1500 : random() < 0.05 ? 10 + Math.floor(random() * 90) : 1 + Math.floor(random() * 5);
    for (let k = 0; k < size && workspaceOf.length < stores; k++) workspaceOf.push(`ws_${next}`);
    next++;
  }
  // Shuffled, so the agency's stores are not all the lowest ids.
  for (let i = workspaceOf.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [workspaceOf[i], workspaceOf[j]] = [workspaceOf[j], workspaceOf[i]];
  }
  return workspaceOf;
}

function normalizeMean(values: Float64Array) {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  for (let i = 0; i < values.length; i++) values[i] /= mean;
}

function drawNormal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function drawPoisson(random: () => number, mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * drawNormal(random)));
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count++;
  return count;
}
