/** The message format, with no catalog: client components compile the templates their page hands them. */
export type Vars = Record<string, string | number>;

export type Compiled = (vars: Vars, plurals: Intl.PluralRules, numbers: Intl.NumberFormat) => string;

const PLURAL = /\{(\w+), plural, ((?:\w+ \{[^}]*\}\s*)+)\}/;
const PLACEHOLDER = /\{(\w+)\}/g;

/** `{name}` and `{count, plural, one {# item} other {# items}}`, the ICU subset the catalogs use. */
export function compile(template: string): Compiled {
  const plural = PLURAL.exec(template);
  const fill = (text: string, vars: Vars) => text.replace(PLACEHOLDER, (match, name: string) => (name in vars ? String(vars[name]) : match));
  if (!plural) return (vars) => fill(template, vars);
  const [whole, name, cases] = plural;
  const options = Object.fromEntries([...cases.matchAll(/(\w+) \{([^}]*)\}/g)].map((match) => [match[1], match[2]]));
  const before = template.slice(0, plural.index);
  const after = template.slice(plural.index + whole.length);
  return (vars, plurals, numbers) => {
    const count = Number(vars[name] ?? 0);
    const chosen = (options[plurals.select(count)] ?? options.other ?? "").replace(/#/g, numbers.format(count));
    return fill(before, vars) + chosen + fill(after, vars);
  };
}
