/** Seeded randomness and the malformed values the reliability suites throw at every surface. */
export type Random = () => number;

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** How many inputs per surface: 1,000 by default, more with RELIABILITY_SCALE (the larger run). */
export function inputsPerSurface(): number {
  return Math.round(1_000 * (Number(process.env.RELIABILITY_SCALE) || 1));
}

function nested(depth: number): unknown {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Values no field should accept as they are, and every kind of wrong type. */
export const NASTY_VALUES: readonly unknown[] = [
  null, true, false, 0, -1, -0.5, 1.5, 1e308, -1e308, 2 ** 53 + 1, 1e21, 9_007_199_254_740_993,
  "", " ", "\u0000", "a\u0000b", "\ud800", "\udfff lone", "\u202e reversed", "\r\n", "\t",
  "x".repeat(10_000), "é".repeat(5_000), "2026-02-30", "2026-13-01T25:61:00", "0000-00-00", "not a date", "9999-12-31T23:59:59Z",
  "-1", "1e400", "NaN", "Infinity", "<script>alert(1)</script>", "'; DROP TABLE orders; --", "../../etc/passwd", "%00", "{{7*7}}",
  "awaiting_nothing", "SHIPPED", "__proto__", "constructor", {}, [], [null], { __proto__: { polluted: true } }, nested(40), [[[[[]]]]],
];

/** The value at a random path of `value`, replaced by a nasty one (or a key dropped, or junk added). */
export function mutate(value: unknown, random: Random): unknown {
  const copy = structuredClone(value);
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((child, index) => walk(child, [...path, index]));
    else if (node && typeof node === "object") for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(copy, []);
  const mutations = 1 + Math.floor(random() * 3);
  let result: unknown = copy;
  for (let i = 0; i < mutations; i++) {
    const path = pick(random, paths);
    const roll = random();
    const replacement = roll < 0.8 ? pick(random, NASTY_VALUES) : roll < 0.9 ? undefined : { junk: pick(random, NASTY_VALUES) };
    if (path.length === 0) {
      result = replacement === undefined ? pick(random, NASTY_VALUES) : replacement;
      continue;
    }
    let parent = result as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
      const next = parent?.[key];
      if (!next || typeof next !== "object") {
        parent = undefined as never;
        break;
      }
      parent = next as Record<string | number, unknown>;
    }
    if (!parent || typeof parent !== "object") continue;
    const last = path.at(-1)!;
    if (replacement === undefined) delete parent[last];
    else parent[last] = replacement;
  }
  return result;
}

/** Text that is not quite what a parser expects: truncated, with a byte flipped, or something else entirely. */
export function mangleText(text: string, random: Random): string {
  const roll = random();
  if (roll < 0.25) return text.slice(0, Math.floor(random() * text.length));
  if (roll < 0.5) {
    const at = Math.floor(random() * text.length);
    return text.slice(0, at) + pick(random, ["\u0000", "\"", "'", "<", "&", ",", "\n", "\r", "\ufffd", "]]>", "\\"]) + text.slice(at + 1);
  }
  if (roll < 0.6) return text + text;
  if (roll < 0.7) return "\uFEFF" + text;
  if (roll < 0.8) return Array.from({ length: 1 + Math.floor(random() * 400) }, () => String.fromCharCode(Math.floor(random() * 0xffff))).join("");
  if (roll < 0.9) return text.replace(/\d/g, () => String(Math.floor(random() * 10)));
  return "";
}

/** Field names that are not the form's: prototype keys first, then junk. */
export const NASTY_FIELD_NAMES: readonly string[] = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "$ACTION_ID_x", "", " ", "a".repeat(5_000), "items.-1.name", "items.99999999999.name", "items.0", "shipTo", "x\u0000y", "\ud800"];

/** What a form can carry for a field (text only, or a file): NASTY_VALUES as text, and the numbers and words forms get wrong. */
export const NASTY_FORM_VALUES: readonly string[] = [
  ...new Set(NASTY_VALUES.map((value) => (typeof value === "string" ? value : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)))),
  "Infinity", "-Infinity", "1e308", "-1e308", "9007199254740993", "-0", "0x1F", "1,5", "1.234,50", " 42 ", "-5", "0.001", "12345678901234567890123456789", "1/0",
  "2025-02-29", "2026-04-31", "1970-01-01", "0001-01-01", "+275760-09-13", "2026-12-06T24:00", "2026-12-06T23:59:60", "31/12/2026",
  "on", "off", "true", "false", "yes", "pounds", "grams", "centimeters", "test", "save", "delete", "hold", "ship", "__proto__", "constructor",
];

/** The ids a bound argument or an id field might be given in place of the caller's own. */
export const NASTY_IDS: readonly unknown[] = [
  0, -1, 1.5, 2 ** 53 + 1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, "1", "abc", "", " 1", "1e3", "0x10",
  null, undefined, true, {}, [], [1], { id: 1 }, "__proto__", "constructor",
];

/** A file a form carries, by its text (so a mutation can mangle it). */
export interface FormFile {
  file: string;
  name: string;
  type: string;
}

/** A form as posted, in order: a field may come twice. */
export type FormFields = [name: string, value: string | FormFile][];

/**
 * A valid form with one to three of these done to it: a field dropped, sent twice, emptied,
 * given a nasty value or a file, its file's text mangled; or a prototype key or junk field added.
 */
export function mutateForm(fields: FormFields, random: Random, values: readonly string[] = NASTY_FORM_VALUES): FormFields {
  const result: FormFields = fields.map(([name, value]) => [name, value]);
  const nastyFile = (): FormFile => ({ file: pick(random, NASTY_FORM_VALUES), name: pick(random, ["x.csv", "x.json", "", "../../etc/passwd"]), type: pick(random, ["text/csv", "application/json", "application/octet-stream", ""]) });
  const mutations = 1 + Math.floor(random() * 3);
  for (let i = 0; i < mutations; i++) {
    const roll = random();
    const at = Math.floor(random() * result.length);
    const field = result[at];
    if (!field || roll < 0.1) result.push([pick(random, NASTY_FIELD_NAMES), random() < 0.8 ? pick(random, values) : nastyFile()]);
    else if (roll < 0.2) result.splice(at, 1);
    else if (roll < 0.3) result.push([field[0], random() < 0.5 ? field[1] : pick(random, values)]);
    else if (roll < 0.35) field[1] = "";
    else if (roll < 0.4) field[1] = nastyFile();
    else if (roll < 0.55 && typeof field[1] !== "string") field[1] = { ...field[1], file: mangleText(field[1].file, random) };
    else if (roll < 0.6) result.push([pick(random, NASTY_FIELD_NAMES), field[1]]);
    else field[1] = pick(random, values);
  }
  return result;
}

/** The fields as the browser posts them: FormData.append, in order. */
export function toFormData(fields: FormFields): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, typeof value === "string" ? value : new File([value.file], value.name, { type: value.type }));
  return data;
}
