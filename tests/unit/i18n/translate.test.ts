import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import type { StoreErrorKind } from "@/db/schema";
import type { ScheduleReason } from "@/lib/imports/schedule";
import { createTranslator, localeFromAcceptLanguage, type MessageKey } from "@/lib/i18n/translate";

/** Every message key of a catalog, as `orders.itemsSummary`. */
function keysOf(catalog: object, prefix = ""): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

/** Intl separates thousands with no-break spaces; compare with plain ones. */
const plainSpaces = (text: string) => text.replace(/\s/g, " ");

describe("createTranslator", () => {
  it("looks messages up by key in English and in French", () => {
    expect(createTranslator("en")("nav.signOut")).toBe("Sign out");
    expect(createTranslator("fr")("nav.signOut")).toBe("Se déconnecter");
  });

  it("fills in named values", () => {
    const t = createTranslator("en");

    expect(t("order.title", { number: "A-1001" })).toBe("Order A-1001");
    expect(t("orders.range", { from: 51, to: 100, total: 312 })).toBe("51–100 of 312");
  });

  it("leaves a placeholder it has no value for as it is", () => {
    expect(createTranslator("en")("order.title")).toBe("Order {number}");
  });

  it("answers with the key itself for a message that does not exist", () => {
    expect(createTranslator("en")("orders.nope" as MessageKey)).toBe("orders.nope");
  });

  it("picks the English plural for the count", () => {
    const t = createTranslator("en");

    expect(t("orders.itemsSummary", { count: 1 })).toBe("1 item");
    expect(t("orders.itemsSummary", { count: 2 })).toBe("2 items");
    expect(t("orders.itemsSummary", { count: 0 })).toBe("0 items");
    expect(t("orders.itemsSummary", { count: 1200 })).toBe("1,200 items");
  });

  it("picks the French plural for the count, where zero is singular", () => {
    const t = createTranslator("fr");

    expect(t("orders.itemsSummary", { count: 1 })).toBe("1 article");
    expect(t("orders.itemsSummary", { count: 2 })).toBe("2 articles");
    expect(t("orders.itemsSummary", { count: 0 })).toBe("0 article");
    expect(plainSpaces(t("orders.itemsSummary", { count: 1200 }))).toBe("1 200 articles");
  });
});

describe("localeFromAcceptLanguage", () => {
  it("takes French when the browser prefers a French variant", () => {
    expect(localeFromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
  });

  it("skips languages we don't have for the next one we do", () => {
    expect(localeFromAcceptLanguage("de-DE,en;q=0.5")).toBe("en");
  });

  it("goes by quality, not by order", () => {
    expect(localeFromAcceptLanguage("en;q=0.4,fr;q=0.8")).toBe("fr");
  });

  it("ignores a language the browser refuses with q=0", () => {
    expect(localeFromAcceptLanguage("fr;q=0,en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("fr;q=0")).toBe("en");
  });

  it("falls back to English without a header", () => {
    expect(localeFromAcceptLanguage("")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });
});

/** A catalog's templates by key. */
function templatesOf(catalog: object, prefix = ""): Map<string, string> {
  return new Map(
    Object.entries(catalog).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as const] : [...templatesOf(value as object, `${prefix}${key}.`)])),
  );
}

/** The values a template fills in: `{name}` and `{count, plural, …}`. */
const placeholdersOf = (template: string) => [...new Set([...template.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]))].sort();

describe("catalogs", () => {
  it("has every English message in French and nothing more", () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });

  it("fills in the same values in French as in English", () => {
    const french = templatesOf(fr);
    for (const [key, template] of templatesOf(en)) {
      expect(placeholdersOf(french.get(key) ?? ""), key).toEqual(placeholdersOf(template));
    }
  });

  it("puts a non-breaking space before every colon in French, as French typography does", () => {
    for (const [key, template] of templatesOf(fr)) {
      // Not a clock's colon (14:30), nor a URL's.
      expect(template, key).not.toMatch(/(?<![\u00a0\u202f]):(?!\/\/|\d)/u);
    }
  });

  it("words every schedule reason, every kind of store error and every kind of import, in both languages", () => {
    const reasons: ScheduleReason["kind"][] = ["first_import", "active", "rhythm", "quiet", "webhooks", "retrying", "rate_limited"];
    const reasonKeys = reasons.flatMap((kind): MessageKey[] =>
      kind === "rhythm" ? ["stores.schedule.busier", "stores.schedule.quieter"] : kind === "quiet" ? ["stores.schedule.quiet", "stores.schedule.noOrdersYet"] : [`stores.schedule.${kind}`],
    );
    const errorKinds: (StoreErrorKind | "unknown")[] = ["auth", "rate_limited", "unavailable", "bad_response", "not_found", "internal", "unknown"];
    const keys: MessageKey[] = [
      ...reasonKeys,
      ...errorKinds.flatMap((kind): MessageKey[] => [`stores.health.problem.${kind}`, `stores.health.advice.${kind}`]),
      ...(["schedule", "manual", "webhook"] as const).map((lane): MessageKey => `stores.activity.lanes.${lane}`),
      ...(["manual", "schedule", "webhook", "api"] as const).map((trigger): MessageKey => `stores.triggers.${trigger}`),
    ];
    for (const locale of ["en", "fr"] as const) {
      const t = createTranslator(locale);
      for (const key of keys) expect(t(key), `${locale}: ${key}`).not.toBe(key);
    }
  });
});
