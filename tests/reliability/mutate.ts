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
