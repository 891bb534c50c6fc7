import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ScheduleReason } from "./schedule";

/** What the words need: the request's translator and formatter (its time zone), the store's platform, and the time the page shows. */
export interface WordsContext {
  t: Translate;
  format: Formatter;
  now: number;
}

/** "every 5 min", "every 3 h", "every 1 h 30 min", in the merchant's language. */
export function everyWords(minutes: number, t: Translate): string {
  if (minutes < 60) return t("stores.schedule.every.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t("stores.schedule.every.hours", { hours }) : t("stores.schedule.every.hoursMinutes", { hours, minutes: String(rest).padStart(2, "0") });
}

/** When something happens next, from now: "any moment now", "in 4 min", "at 14:05" (a date too when not today). */
export function whenWords(at: number, { t, format, now }: WordsContext): string {
  const minutes = Math.ceil((at - now) / 60_000);
  if (minutes <= 0) return t("stores.when.now");
  if (minutes < 60) return t("stores.when.inMinutes", { minutes });
  return t("stores.when.at", { time: format.moment(at, now) });
}

/**
 * Why a store's next import is when it is, in words: "About 40 orders a day: checked every 5 min",
 * "Quiet for 9 days: checked every 3 h", "Rate-limited by Shopify until 14:05". The schedule's own
 * `describeReason` is the English for logs; this is what the merchant reads.
 */
export function reasonWords(reason: ScheduleReason, platform: string, context: WordsContext): string {
  const { t, format, now } = context;
  switch (reason.kind) {
    case "first_import":
      return t("stores.schedule.first_import");
    case "active":
      return t("stores.schedule.active", { orders: reason.ordersPerDay, every: everyWords(reason.everyMinutes, t) });
    case "rhythm":
      return t(reason.expected === "busier" ? "stores.schedule.busier" : "stores.schedule.quieter", { every: everyWords(reason.everyMinutes, t) });
    case "quiet":
      return reason.quietDays === null
        ? t("stores.schedule.noOrdersYet", { every: everyWords(reason.everyMinutes, t) })
        : t("stores.schedule.quiet", { days: reason.quietDays, every: everyWords(reason.everyMinutes, t) });
    case "webhooks":
      return t("stores.schedule.webhooks", { every: everyWords(reason.everyMinutes, t) });
    case "retrying":
      return t("stores.schedule.retrying", { failures: reason.failures });
    case "rate_limited":
      return t("stores.schedule.rate_limited", { platform, time: format.moment(reason.until, now) });
  }
}
