import { z } from "zod";
import { db } from "@/db/database";
import { startOfDay, startOfNextDay, zoneOffsetMs } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { en } from "@/lib/i18n/messages/en";
import { MAX_SWEEP_DAYS, sweepStoreRange } from "@/lib/imports/import-all-stores";
import type { StoreImportSummary } from "@/lib/imports/import-store";

const DAY_MS = 86_400_000;

/** The store's last sweep as its page says it: when, what it read again, and how many orders it found missing. */
export interface LastSweep {
  at: number;
  /** Orders the sweep created: ones the regular imports had missed. */
  missed: number;
  /** What it read again, [from, until) in epoch ms; null when its run is no longer in the history. */
  window: { from: number; until: number } | null;
  /** The scheduled daily sweep of the last week (true), or a range the merchant asked for. */
  daily: boolean;
}

/**
 * The store's last sweep, from the store's `last_sweep_at`/`last_sweep_missed` and the run that
 * started then (one entry of the index import_runs_store). Null when it was never swept.
 */
export async function lastSweepOf(workspaceId: string, storeId: number, store: { last_sweep_at: number | null; last_sweep_missed: number | null }): Promise<LastSweep | null> {
  if (store.last_sweep_at === null) return null;
  const run = await db.read
    .selectFrom("import_runs")
    .select(["trigger", "sweep_from", "sweep_until"])
    .where("workspace_id", "=", workspaceId)
    .where("store_id", "=", storeId)
    .where("started_at", "=", store.last_sweep_at)
    .where("sweep_from", "is not", null)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return {
    at: store.last_sweep_at,
    missed: store.last_sweep_missed ?? 0,
    window: run && run.sweep_from !== null && run.sweep_until !== null ? { from: run.sweep_from, until: run.sweep_until } : null,
    daily: run ? run.trigger === "schedule" : false,
  };
}

/** `YYYY-MM-DD` of the local day `ms` falls on in `timeZone`: a date input's value. */
export function dayOf(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

/** A real calendar day as a date input sends it (2026-02-30 is not one). */
const day = z
  .string()
  .trim()
  .refine((value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return date.toISOString().slice(0, 10) === value;
  }, "Choose a day");

const storeId = z.number().int().positive();

/**
 * The "Sweep a date range" form: a first and a last day in the merchant's time zone, the last
 * one included, as the instants a sweep reads ([start of `from`, start of the day after `to`)).
 * A first day after today is refused here; the range's own rules (it ends after it starts, at
 * most MAX_SWEEP_DAYS days) are `sweepStoreRange`'s, named on the form's fields by `sweepStoreDays`.
 */
export function sweepDaysSchema(timeZone: string, now: () => number = Date.now) {
  return z
    .object({ storeId, from: day, to: day })
    .superRefine((days, ctx) => {
      if (days.from > dayOf(now(), timeZone)) ctx.addIssue({ code: "custom", path: ["from"], message: en.storeErrors.firstDayAfterToday });
    })
    .transform(({ storeId, from, to }) => {
      const start = startOfDay(from, timeZone);
      const until = startOfNextDay(to, timeZone);
      const calendarDays = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
      // MAX_SWEEP_DAYS calendar days that span the autumn clock change are an hour longer than that many
      // days of 24 h: the sweep starts that hour later rather than refuse the merchant's range.
      const excess = until - start - MAX_SWEEP_DAYS * DAY_MS;
      const sweepFrom = calendarDays <= MAX_SWEEP_DAYS && excess > 0 ? start + excess : start;
      return { storeId, from: sweepFrom, until, firstDay: start, lastDay: startOfDay(to, timeZone) };
    });
}

export type SweepDays = z.output<ReturnType<typeof sweepDaysSchema>>;

/** A merchant's sweep as the form reports it: the import's summary and the days it covered. */
export interface SweepDaysResult {
  summary: StoreImportSummary;
  /** Starts of the first and the last day asked for, for "Read Nov 1–Nov 30 again". */
  firstDay: number;
  lastDay: number;
}

/**
 * Sweeps the days the form asked for (`sweepStoreRange`: at most MAX_SWEEP_DAYS days, the store's
 * lease, "busy" when another import holds it). Its range errors name `from` and `until`; the
 * form's fields are From and To, so an `until` error is the `to` field's.
 */
export async function sweepStoreDays(workspaceId: string, days: SweepDays): Promise<SweepDaysResult> {
  try {
    const summary = await sweepStoreRange(workspaceId, days.storeId, { from: days.from, until: days.until });
    return { summary, firstDay: days.firstDay, lastDay: days.lastDay };
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_input" && error.fieldErrors) {
      const { until, ...rest } = error.fieldErrors;
      throw new AppError(error.code, error.message, until ? { ...rest, to: until } : rest);
    }
    throw error;
  }
}
