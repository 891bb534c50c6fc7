import { compile, type Compiled, type Vars } from "@/lib/i18n/compile";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Leaves, Translate } from "@/lib/i18n/translate";
import { localize, messageOfEnglish, renderMessage, type Localizable } from "@/lib/i18n/message";

/** The import page's own messages, and the order statuses its preview shows. */
export type CsvLabelKey =
  | Leaves<Messages["csv"]>
  | `orderStatus.${keyof Messages["orderStatus"] & string}`
  | `csvErrors.${keyof Messages["csvErrors"] & string}`
  | `orderErrors.${keyof Messages["orderErrors"] & string}`
  | `csvImportErrors.${keyof Messages["csvImportErrors"] & string}`;
export interface CsvLabels {
  locale: string;
  messages: Record<string, string>;
}
export type CsvT = ((key: CsvLabelKey, vars?: Vars) => string) & { number: (value: number) => string };

/**
 * `t` for the import page's client components, over the templates the server page handed them.
 * Numbers are written the locale's way ("20,000", "20 000"), except the one a plural chooses by.
 */
export function csvTranslator({ locale, messages }: CsvLabels): CsvT {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const compiled = new Map<string, Compiled>();
  const t = (key: CsvLabelKey, vars: Vars = {}) => {
    const template = messages[key];
    if (template === undefined) return key;
    let message = compiled.get(key);
    if (!message) {
      message = compile(template);
      compiled.set(key, message);
    }
    const shown = Object.fromEntries(
      Object.entries(vars).map(([name, value]) => [name, typeof value === "number" && !template.includes(`{${name}, plural`) ? numbers.format(value) : value]),
    );
    return message(shown, plurals, numbers);
  };
  return Object.assign(t, { number: (value: number) => numbers.format(value) });
}

/** A row error or file issue in the merchant's language, from the key lib gave it (its English words when it has none). */
export function describe(t: CsvT, said: Localizable): string {
  return said.key ? localize(said, t as unknown as Translate) : describeAnswer(t, said.message);
}

/** English text (the server's answer, a reason sent as words) in the merchant's language when this page has its message, else as it came. */
export function describeAnswer(t: CsvT, text: string): string {
  const said = messageOfEnglish(text);
  if (!said || t(said.key as CsvLabelKey) === said.key) return text;
  return renderMessage(said, t as unknown as Translate);
}
