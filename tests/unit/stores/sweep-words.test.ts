import { describe, expect, it } from "vitest";
import { createFormatter } from "@/lib/i18n/format";
import { createTranslator, type Locale } from "@/lib/i18n/translate";
import { MAX_SWEEP_DAYS } from "@/lib/imports/import-all-stores";
import { agoWords, dayRangeWords, lastSweepWords, sweepCountsWords, sweepWindowWords } from "@/lib/stores/sweep-words";

/** Intl and the French catalog put no-break spaces in; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 13:20 in Paris on 30 November 2026.
const NOW = Date.UTC(2026, 10, 30, 12, 20);
const context = (locale: Locale, zone = "Europe/Paris") => ({ t: createTranslator(locale), format: createFormatter(locale, zone), now: NOW });
/** Midnight starting a day in Paris (UTC+1 in winter). */
const parisDay = (month: number, day: number, year = 2026) => Date.UTC(year, month - 1, day) - HOUR;

describe("lastSweepWords: the store's last sweep, in words", () => {
  const daily = { at: NOW - 3 * HOUR, missed: 0, window: { from: NOW - 3 * HOUR - 7 * DAY, until: NOW - 3 * HOUR }, daily: true };

  it("says when, over what and what it found, in English", () => {
    const en = context("en");
    expect(lastSweepWords(daily, en)).toBe("Last sweep 3 h ago, over the last 7 days: 0 missed orders");
    expect(lastSweepWords({ ...daily, missed: 2 }, en)).toBe("Last sweep 3 h ago, over the last 7 days: found 2 orders the regular imports had missed");
    expect(lastSweepWords({ ...daily, missed: 1, at: NOW - 20_000 }, en)).toBe("Last sweep just now, over the last 7 days: found 1 order the regular imports had missed");
    // A range the merchant swept is named by its days, the last one included.
    const range = { at: NOW - 12 * 60_000, missed: 0, window: { from: parisDay(11, 1), until: parisDay(12, 1) }, daily: false };
    expect(lastSweepWords(range, en)).toBe("Last sweep 12 min ago, over Nov 1–Nov 30: 0 missed orders");
    expect(lastSweepWords({ ...range, window: null, at: NOW - 3 * DAY }, en)).toBe("Last sweep 3 days ago: 0 missed orders");
  });

  it("says it in French, with a non-breaking space before the colon", () => {
    const fr = context("fr");
    const words = lastSweepWords({ ...daily, missed: 2 }, fr);
    expect(words).toContain("\u00a0: 2 commandes");
    expect(plain(words)).toBe("Dernier balayage il y a 3 h, sur les 7 derniers jours : 2 commandes trouvées que les imports réguliers avaient manquées");
    expect(plain(lastSweepWords(daily, fr))).toBe("Dernier balayage il y a 3 h, sur les 7 derniers jours : 0 commande manquée");
  });
});

describe("the days of a sweep", () => {
  it("names a range by its days in the merchant's zone, one day alone, and the years when not this year's", () => {
    const en = context("en");
    expect(dayRangeWords(parisDay(11, 1), parisDay(11, 30), en)).toBe("Nov 1–Nov 30");
    expect(dayRangeWords(parisDay(11, 5), parisDay(11, 5), en)).toBe("Nov 5");
    expect(dayRangeWords(parisDay(12, 20, 2025), parisDay(1, 3), en)).toBe("Dec 20, 2025–Jan 3, 2026");
    expect(plain(dayRangeWords(parisDay(11, 1), parisDay(11, 30), context("fr")))).toBe("1 nov.–30 nov.");
    // A run's window [from, until) ends at midnight: its last day is the one before.
    expect(sweepWindowWords({ from: parisDay(11, 23), until: parisDay(11, 30) }, en)).toBe("Nov 23–Nov 29");
    // The same instants are other days in New York.
    expect(sweepWindowWords({ from: parisDay(11, 23), until: parisDay(11, 30) }, context("en", "America/New_York"))).toBe("Nov 22–Nov 29");
  });

  it("counts what a sweep did: the missed orders it imported, and the updated and failed ones only when there are any", () => {
    const en = createTranslator("en");
    expect(sweepCountsWords({ created: 2, updated: 0, unchanged: 40, failed: 0 }, en)).toBe("2 missed orders imported, 40 unchanged");
    expect(sweepCountsWords({ created: 1, updated: 3, unchanged: 0, failed: 1 }, en)).toBe("1 missed order imported, 3 updated, 0 unchanged, 1 failed");
    expect(sweepCountsWords({ created: 0, updated: 1, unchanged: 1, failed: 0 }, createTranslator("fr"))).toBe("0 commande manquée importée, 1 modifiée, 1 inchangée");
  });

  it("says how long ago", () => {
    const t = createTranslator("en");
    expect(agoWords(NOW - 59_000, { t, now: NOW })).toBe("just now");
    expect(agoWords(NOW - 59 * 60_000, { t, now: NOW })).toBe("59 min ago");
    expect(agoWords(NOW - 47 * HOUR, { t, now: NOW })).toBe("47 h ago");
    expect(agoWords(NOW - 50 * HOUR, { t, now: NOW })).toBe("2 days ago");
    expect(agoWords(NOW - 25 * HOUR, { t: createTranslator("fr"), now: NOW })).toBe("il y a 25 h");
  });

  it("states the longest range the form's error messages promise", () => {
    for (const locale of ["en", "fr"] as const) expect(createTranslator(locale)("stores.sweeps.errors.from")).toContain(String(MAX_SWEEP_DAYS));
  });
});
