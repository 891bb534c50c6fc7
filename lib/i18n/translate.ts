import { compile, type Compiled, type Vars } from "./compile";
import { en, type Messages } from "./messages/en";
import { fr } from "./messages/fr";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const CATALOGS: Record<Locale, Messages> = { en, fr };

export type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type { Vars };
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** A locale's raw templates, for a server page to hand a client component the messages it formats itself. */
export function catalogOf(locale: Locale): Messages {
  return CATALOGS[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The cookie that holds the language the merchant chose. */
export const LOCALE_COOKIE = "locale";

/** The language the merchant chose, else the browser's first supported one, else English. */
export function chooseLocale(chosen: string | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(acceptLanguage);
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

const translators = new Map<Locale, Translate>();

/** One translator per locale for the life of the process: messages are compiled once, on first use. */
export function createTranslator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    const catalog = CATALOGS[locale];
    const plurals = new Intl.PluralRules(locale);
    const numbers = new Intl.NumberFormat(locale);
    const compiled = new Map<string, Compiled>();
    translate = (key, vars = {}) => {
      let message = compiled.get(key);
      if (!message) {
        const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
        if (typeof template !== "string") return key;
        message = compile(template);
        compiled.set(key, message);
      }
      return message(vars, plurals, numbers);
    };
    translators.set(locale, translate);
  }
  return translate;
}
