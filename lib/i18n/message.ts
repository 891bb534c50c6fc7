import { compile, type Compiled } from "./compile";
import { en } from "./messages/en";
import type { MessageKey, Translate } from "./translate";

/**
 * What lib says to a merchant, in no language: a catalog key and its values. A value may itself
 * be a message (`"12,50": <the amount is too large>`). Pages and actions render it with the
 * request's translator; the REST API and logs with the English catalog (`inEnglish`).
 */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}
export type MessageParams = Record<string, string | number | Message>;

/** Something that carries its English words and, when lib built it, the message they render. */
export interface Localizable {
  message: string;
  key?: MessageKey;
  params?: MessageParams;
}

export function message(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).key === "string";
}

/** A message in the words `t` speaks, its nested messages included. */
export function renderMessage({ key, params = {} }: Message, t: Translate): string {
  const vars = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, isMessage(value) ? renderMessage(value, t) : value]));
  return t(key, vars);
}

// English is rendered from its catalog alone, so code that runs in the browser (the CSV preview) does not carry every language.
const plurals = new Intl.PluralRules("en");
const numbers = new Intl.NumberFormat("en");
const compiled = new Map<string, Compiled>();
const english: Translate = (key, vars = {}) => {
  let render = compiled.get(key);
  if (!render) {
    const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
    if (typeof template !== "string") return key;
    render = compile(template);
    compiled.set(key, render);
  }
  return render(vars, plurals, numbers);
};

/** The English words: what the REST API answers, what logs and `Error.message` say. */
export function inEnglish(said: Message): string {
  return renderMessage(said, english);
}

/** `{ message, key, params }`: the English words with the message they came from. */
export function localizable(said: Message): Localizable {
  return { message: inEnglish(said), key: said.key, ...(said.params ? { params: said.params } : {}) };
}

/** The words for the merchant: lib's message in `t`'s language, else the text as it came (a platform's own words). */
export function localize(said: Localizable | Message | string, t: Translate): string {
  if (typeof said === "string") return localizeText(said, t);
  if (said.key) return renderMessage({ key: said.key, params: said.params }, t);
  return localizeText((said as Localizable).message, t);
}

/**
 * Namespaces whose English may reach a page as plain text: zod keeps a schema's message as a
 * string, and a store's last error is stored as the words the API answers. `messageOfEnglish`
 * reads such text back into its key and values, so the page can show it in the merchant's language.
 */
// Where two namespaces word a message alike, the later one's key is the one read back: the first six came first, and a page
// that hands its client only some namespaces (the import page) keeps reading them as before.
const READ_BACK_NAMESPACES = [
  "rateCardErrors", "zoneChartErrors", "ratingFormErrors", "authErrors", "csvImportErrors",
  "orderErrors", "formErrors", "csvErrors", "storeErrors", "networkErrors", "ratingErrors",
] as const;

interface Pattern {
  key: MessageKey;
  names: string[];
  regex: RegExp;
  /** Literal characters: the most specific template is tried first ("{platform} answered {status} (server error)." before "{platform} answered {status}."). */
  weight: number;
}
let patterns: Pattern[] | undefined;
let byEnglish: Map<string, MessageKey> | undefined;

function readBackPatterns(): Pattern[] {
  if (patterns) return patterns;
  byEnglish = new Map();
  patterns = [];
  for (const namespace of READ_BACK_NAMESPACES) {
    const entries = (en as unknown as Record<string, Record<string, unknown> | undefined>)[namespace] ?? {};
    for (const [name, template] of Object.entries(entries)) {
      if (typeof template !== "string") continue;
      const key = `${namespace}.${name}` as MessageKey;
      // Plural templates are not read back: their words depend on a number the text no longer names as such.
      if (template.includes(", plural,")) continue;
      if (!template.includes("{")) {
        byEnglish.set(template, key);
        continue;
      }
      const names: string[] = [];
      const source = template
        .split(/(\{\w+\})/)
        .map((part) => {
          const placeholder = /^\{(\w+)\}$/.exec(part);
          if (!placeholder) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(placeholder[1]);
          return "([\\s\\S]+?)";
        })
        .join("");
      patterns.push({ key, names, regex: new RegExp(`^${source}$`), weight: template.replace(/\{\w+\}/g, "").length });
    }
  }
  patterns.sort((a, b) => b.weight - a.weight);
  return patterns;
}

/** The key of an English message that has no values, as a zod schema words it; null for any other text. */
export function keyOfEnglish(text: string): MessageKey | null {
  readBackPatterns();
  return byEnglish!.get(text) ?? null;
}

/** English words a catalog template produced, read back into their message (values that are messages too); null for any other text. */
export function messageOfEnglish(text: string): Message | null {
  const key = keyOfEnglish(text);
  if (key) return { key };
  for (const pattern of readBackPatterns()) {
    const match = pattern.regex.exec(text);
    if (!match) continue;
    const params: MessageParams = {};
    pattern.names.forEach((name, index) => {
      const value = match[index + 1];
      params[name] = messageOfEnglish(value) ?? value;
    });
    return { key: pattern.key, params };
  }
  return null;
}

/** Stored English, read back line by line: a stored error may hold several messages, one per line. */
function localizeText(text: string, t: Translate): string {
  if (text.includes("\n")) return text.split("\n").map((line) => localizeText(line, t)).join("\n");
  const said = messageOfEnglish(text);
  return said ? renderMessage(said, t) : text;
}
