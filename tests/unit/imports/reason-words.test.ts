import { describe, expect, it } from "vitest";
import { createFormatter } from "@/lib/i18n/format";
import { createTranslator, type Locale } from "@/lib/i18n/translate";
import { everyWords, reasonWords, whenWords } from "@/lib/imports/reason-words";
import type { ScheduleReason } from "@/lib/imports/schedule";

/** Intl and the French catalog put no-break spaces in; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

// 13:20 in Paris on 30 November.
const NOW = Date.UTC(2026, 10, 30, 12, 20);
const context = (locale: Locale, zone = "Europe/Paris") => ({ t: createTranslator(locale), format: createFormatter(locale, zone), now: NOW });
const words = (reason: ScheduleReason, locale: Locale) => plain(reasonWords(reason, "Shopify", context(locale)));

describe("reasonWords: why a store's next import is when it is", () => {
  it("says it in English", () => {
    expect(words({ kind: "first_import" }, "en")).toBe("Not imported yet: the first import is due now");
    expect(words({ kind: "active", everyMinutes: 5, ordersPerDay: 312 }, "en")).toBe("About 312 orders a day: checked every 5 min");
    expect(words({ kind: "active", everyMinutes: 20, ordersPerDay: 0.5 }, "en")).toBe("About 0.5 orders a day: checked every 20 min");
    expect(words({ kind: "rhythm", everyMinutes: 3, expected: "busier" }, "en")).toBe("Usually busier at this hour: checked every 3 min");
    expect(words({ kind: "rhythm", everyMinutes: 90, expected: "quieter" }, "en")).toBe("Usually quiet at this hour: checked every 1 h 30 min");
    expect(words({ kind: "quiet", everyMinutes: 180, quietDays: 9 }, "en")).toBe("Quiet for 9 days: checked every 3 h");
    expect(words({ kind: "quiet", everyMinutes: 60, quietDays: 1 }, "en")).toBe("Quiet for 1 day: checked every hour");
    expect(words({ kind: "quiet", everyMinutes: 30, quietDays: null }, "en")).toBe("No orders yet: checked every 30 min");
    expect(words({ kind: "webhooks", everyMinutes: 45 }, "en")).toBe("Webhooks arriving: checked every 45 min as a safety net");
    expect(words({ kind: "retrying", failures: 1, inMinutes: 1 }, "en")).toBe("Retrying after an error");
    expect(words({ kind: "retrying", failures: 4, inMinutes: 8 }, "en")).toBe("Retrying after 4 errors in a row");
    // In the merchant's time zone: 14:05 UTC is 3:05 PM in Paris.
    expect(words({ kind: "rate_limited", until: Date.UTC(2026, 10, 30, 14, 5) }, "en")).toBe("Rate-limited by Shopify until 3:05 PM");
  });

  it("says it in French, with a non-breaking space before the colon", () => {
    const active = reasonWords({ kind: "active", everyMinutes: 5, ordersPerDay: 312 }, "Shopify", context("fr"));
    expect(active).toContain("\u00a0: vérifiée");
    expect(plain(active)).toBe("Environ 312 commandes par jour : vérifiée toutes les 5 min");
    expect(words({ kind: "active", everyMinutes: 20, ordersPerDay: 0.5 }, "fr")).toBe("Environ 0,5 commande par jour : vérifiée toutes les 20 min");
    expect(words({ kind: "quiet", everyMinutes: 180, quietDays: 9 }, "fr")).toBe("Calme depuis 9 jours : vérifiée toutes les 3 h");
    expect(words({ kind: "quiet", everyMinutes: 90, quietDays: 1 }, "fr")).toBe("Calme depuis 1 jour : vérifiée toutes les 1 h 30");
    expect(words({ kind: "webhooks", everyMinutes: 45 }, "fr")).toBe("Les webhooks arrivent : vérifiée toutes les 45 min par sécurité");
    expect(words({ kind: "retrying", failures: 3, inMinutes: 4 }, "fr")).toBe("Nouvel essai après 3 erreurs d’affilée");
    expect(words({ kind: "rate_limited", until: Date.UTC(2026, 10, 30, 14, 5) }, "fr")).toBe("Limitée par Shopify jusqu’à 15:05");
  });

  it("gives a date with the time when the platform's wait runs into another day", () => {
    expect(words({ kind: "rate_limited", until: Date.UTC(2026, 11, 1, 9, 0) }, "en")).toBe("Rate-limited by Shopify until Dec 1, 2026, 10:00 AM");
  });
});

describe("everyWords and whenWords", () => {
  it("words an interval in minutes, hours, or both", () => {
    const t = createTranslator("en");
    expect([2, 59, 60, 61, 180].map((minutes) => everyWords(minutes, t))).toEqual(["every 2 min", "every 59 min", "every hour", "every 1 h 01 min", "every 3 h"]);
  });

  it("words the next try from now, in the merchant's time zone", () => {
    const en = context("en", "America/New_York");
    expect(whenWords(NOW - 1000, en)).toBe("any moment now");
    expect(whenWords(NOW + 61_000, en)).toBe("in 2 min");
    expect(plain(whenWords(NOW + 2 * 3_600_000, en))).toBe("at 9:20 AM");
    expect(plain(whenWords(NOW + 2 * 3_600_000, context("fr")))).toBe("à 15:20");
  });
});
