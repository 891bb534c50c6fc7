import { zoneOffsetMs } from "@/lib/dates";
import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { StoreImportSummary } from "@/lib/imports/import-store";
import type { LastSweep } from "./store-sweeps";

const DAY_MS = 86_400_000;

/** What the words need: the request's translator and formatter (its time zone), and the time the page shows. */
export interface SweepWordsContext {
  t: Translate;
  format: Formatter;
  now: number;
}

/** How long ago, in the merchant's language: "just now", "12 min ago", "3 h ago", "4 days ago". */
export function agoWords(at: number, { t, now }: Pick<SweepWordsContext, "t" | "now">): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return t("stores.sweeps.ago.now");
  if (minutes < 60) return t("stores.sweeps.ago.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("stores.sweeps.ago.hours", { hours });
  return t("stores.sweeps.ago.days", { days: Math.floor(hours / 24) });
}

/** "Nov 1–Nov 30" (the days the instants fall on, in the merchant's zone), one day alone, the years written when not this year's. */
export function dayRangeWords(firstDay: number, lastDay: number, { t, format, now }: SweepWordsContext): string {
  const yearOf = (ms: number) => new Date(ms + zoneOffsetMs(ms, format.timeZone)).getUTCFullYear();
  const thisYear = yearOf(now);
  const label = yearOf(firstDay) === thisYear && yearOf(lastDay) === thisYear ? format.day : format.date;
  const from = label(firstDay);
  const to = label(lastDay);
  return from === to ? from : t("stores.sweeps.range", { from, to });
}

/** A sweep run's window [from, until) as the days it covered: "Nov 29–Dec 6". */
export function sweepWindowWords(window: { from: number; until: number }, context: SweepWordsContext): string {
  return dayRangeWords(window.from, Math.max(window.from, window.until - 1), context);
}

/**
 * "Last sweep 3 h ago, over the last 7 days: 0 missed orders", or "…: found 2 orders the regular
 * imports had missed"; a range the merchant swept is named by its days.
 */
export function lastSweepWords(sweep: LastSweep, context: SweepWordsContext): string {
  const { t } = context;
  const ago = agoWords(sweep.at, context);
  const found = sweep.missed > 0 ? t("stores.sweeps.foundMissed", { count: sweep.missed }) : t("stores.sweeps.noneMissed");
  if (!sweep.window) return t("stores.sweeps.lastNoWindow", { ago, found });
  const window = sweep.daily
    ? t("stores.sweeps.lastDays", { days: Math.round((sweep.window.until - sweep.window.from) / DAY_MS) })
    : sweepWindowWords(sweep.window, context);
  return t("stores.sweeps.last", { ago, window, found });
}

/** "2 missed orders imported, 40 unchanged", with the updated and failed ones when there are any. */
export function sweepCountsWords(summary: Pick<StoreImportSummary, "created" | "updated" | "unchanged" | "failed">, t: Translate): string {
  const parts = [t("stores.sweeps.counts.missed", { count: summary.created })];
  if (summary.updated > 0) parts.push(t("stores.sweeps.counts.updated", { count: summary.updated }));
  parts.push(t("stores.sweeps.counts.unchanged", { count: summary.unchanged }));
  if (summary.failed > 0) parts.push(t("stores.sweeps.counts.failed", { count: summary.failed }));
  return parts.join(", ");
}
