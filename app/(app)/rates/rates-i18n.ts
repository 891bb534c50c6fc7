import { compile, type Compiled, type Vars } from "@/lib/i18n/compile";
import type { Messages } from "@/lib/i18n/messages/en";
import { localize, type Localizable } from "@/lib/i18n/message";
import type { Translate } from "@/lib/i18n/translate";

/** The Rates namespace, with what rating says (`ratingErrors`) for problems and zone sources. */
export type RatesMessages = Messages["rates"] & Pick<Messages, "ratingErrors">;
export type RatesT = (key: string, vars?: Vars) => string;

/** The Rates namespace's translator for client components, from the templates the page hands them. */
export function ratesTranslator(locale: string, messages: RatesMessages): RatesT {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const compiled = new Map<string, Compiled>();
  return (key, vars = {}) => {
    let message = compiled.get(key);
    if (!message) {
      const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
      if (typeof template !== "string") return key;
      message = compile(template);
      compiled.set(key, message);
    }
    return message(vars, plurals, numbers);
  };
}

/** A rate problem or zone source in the merchant's language (its English words when lib gave no key and they are no catalog's). */
export function describeRating(t: RatesT, said: Localizable | string): string {
  return localize(said, t as Translate);
}
