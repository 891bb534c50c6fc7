import { en, type Messages } from "./messages/en";
import { fr } from "./messages/fr";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const CATALOGS: Record<Locale, Messages> = { en, fr };

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language in an Accept-Language header, else English. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((param) => param.trim().startsWith("q="));
      return { language: tag.toLowerCase().split("-")[0], quality: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.language && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}

export function createTranslator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  const plurals = new Intl.PluralRules(locale);
  return (key, vars = {}) => {
    const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
    if (typeof template !== "string") return key;
    return interpolate(template, vars, plurals, locale);
  };
}

const PLURAL = /\{(\w+), plural, ((?:\w+ \{[^}]*\}\s*)+)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

/** `{name}` and `{count, plural, one {# item} other {# items}}`, the ICU subset the catalogs use. */
function interpolate(template: string, vars: Vars, plurals: Intl.PluralRules, locale: Locale): string {
  return template
    .replace(PLURAL, (_, name: string, cases: string) => {
      const count = Number(vars[name] ?? 0);
      const options = Object.fromEntries([...cases.matchAll(/(\w+) \{([^}]*)\}/g)].map((match) => [match[1], match[2]]));
      const chosen = options[plurals.select(count)] ?? options.other ?? "";
      return chosen.replace(/#/g, new Intl.NumberFormat(locale).format(count));
    })
    .replace(PLACEHOLDER, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
