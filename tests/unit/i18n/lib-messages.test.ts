import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { inEnglish, messageOfEnglish, renderMessage } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";

/** What lib says and pages show: lib words nothing itself, it gives a catalog key (lib/i18n/message.ts). */

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const libSources = tsFiles("lib").filter((file) => !file.startsWith(join("lib", "i18n", "messages")));
const sourceOf = (file: string) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

/** The catalog namespaces lib gives messages in: the first part of every key passed to `message(…)` in lib. */
function namespacesLibSaysIn(): Set<string> {
  const namespaces = new Set<string>();
  const note = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) namespaces.add(node.text.split(".")[0]);
    else if (ts.isTemplateExpression(node)) namespaces.add(node.head.text.split(".")[0]);
    else if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach(note);
  };
  for (const file of libSources) {
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.expression.getText() === "message" && node.arguments[0]) note(node.arguments[0]);
      ts.forEachChild(node, visit);
    };
    visit(sourceOf(file));
  }
  return namespaces;
}

/**
 * Every key lib can give, by construction: in those namespaces, each key lib names in a literal
 * (`"csvErrors.notAmount"`, a `LOCKED_REASON_KEYS` value) and, for a key built from a template
 * (`` `orderErrors.${reason}` ``), every key of its namespace. Page titles (`meta.*`) are named in app/.
 */
function keysLibGives(): Set<string> {
  const namespaces = namespacesLibSaysIn();
  const keys = new Set<string>();
  const pageSources = [...tsFiles("app"), ...readdirTsx("app")];
  for (const file of [...libSources, ...pageSources]) {
    const visit = (node: ts.Node) => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^\w+\.\w+$/.test(node.text)) {
        const namespace = node.text.split(".")[0];
        if (namespace === "meta" || (libSources.includes(file) && namespaces.has(namespace))) keys.add(node.text);
      }
      if (libSources.includes(file) && ts.isTemplateExpression(node) && /^\w+\.$/.test(node.head.text) && namespaces.has(node.head.text.slice(0, -1))) {
        const namespace = node.head.text.slice(0, -1);
        for (const name of Object.keys(en[namespace as keyof typeof en])) keys.add(`${namespace}.${name}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceOf(file));
  }
  return keys;
}

function readdirTsx(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? readdirTsx(path) : path.endsWith(".tsx") ? [path] : [];
  });
}

const templateOf = (catalog: object, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

describe("every message lib can give a page has French words", () => {
  const keys = [...keysLibGives()];

  it("finds the keys lib names (so the checks below have something to check)", () => {
    expect(keys).toEqual(expect.arrayContaining(["csvErrors.notAmount", "orderErrors.quantity", "storeErrors.credentialsRefused", "networkErrors.refused", "ratingErrors.noZoneChart", "meta.orders"]));
  });

  it("has each of them in French, in French words rather than the English ones", () => {
    const missing = keys.filter((key) => typeof templateOf(fr, key) !== "string" || typeof templateOf(en, key) !== "string");
    expect(missing).toEqual([]);
    // The same words in both catalogs would mean nobody translated them; names and codes are the same in every language.
    const untranslated = keys.filter((key) => templateOf(fr, key) === templateOf(en, key) && /\p{L}{3,}\s+\p{L}{3,}/u.test(String(templateOf(en, key))));
    expect(untranslated).toEqual([]);
  });

  it("reads English a page gets as text (a zod message, a store's stored last error) back into its message, so it shows in French", () => {
    const french = createTranslator("fr");
    for (const namespace of ["orderErrors", "formErrors", "csvErrors", "storeErrors", "networkErrors", "ratingErrors", "rateCardErrors", "zoneChartErrors", "ratingFormErrors", "authErrors", "csvImportErrors"] as const) {
      for (const [name, template] of Object.entries(en[namespace])) {
        const key = `${namespace}.${name}` as MessageKey;
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
        const said = { key, params: Object.fromEntries(names.map((param, index) => [param, `v${index}x`])) };
        const english = inEnglish(said);
        const readBack = messageOfEnglish(english);
        expect(readBack, english).not.toBeNull();
        // Two keys with the same English ("Enter a date") may read back as either: what matters is the French the page shows.
        expect(renderMessage(readBack!, french), english).toBe(renderMessage(said, french));
      }
    }
  });
});

/**
 * Literals in lib that read like an English sentence (three words or more), where they are not a
 * programmer's error (`new Error`) or a log line. A practical heuristic: it finds words a merchant
 * would read, and some that no page shows.
 */
function englishSentences(file: string): string[] {
  const source = sourceOf(file);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" X ") : null;
    if (text !== null && /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/.test(text) && !/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE)\b/i.test(text) && !/^[\w.]+ as \w+$/.test(text) && !forDevelopers(node)) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${JSON.stringify(text)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function forDevelopers(node: ts.Node): boolean {
  for (let parent = node.parent; parent && !ts.isSourceFile(parent); parent = parent.parent) {
    if (ts.isNewExpression(parent) && /^(Error|RangeError|TypeError)$/.test(parent.expression.getText())) return true;
    if (ts.isCallExpression(parent) && /^console\./.test(parent.expression.getText())) return true;
  }
  return false;
}

/**
 * English that is right where it is: the REST API's own words (ShipStation-compatible clients
 * read them; no page shows them), answers to a platform's webhook, startup and scheduler logs,
 * the header words CSV files use (data to match, not messages) and demo data.
 */
const ENGLISH_BY_DESIGN = new Set([
  "lib/http/openapi.ts", "lib/http/api-route.ts", "lib/http/session-route.ts", "lib/http/cron-auth.ts",
  "lib/orders/api-orders.ts", "lib/orders/api-actions.ts", "lib/orders/api-dates.ts", "lib/orders/shipstation-order.ts",
  "lib/rating/shipstation-rates.ts", "lib/rating/carrier-query.ts", "lib/workspaces/api-time-zone.ts", "lib/auth/api-keys.ts",
  "lib/imports/receive-webhook.ts", "lib/connectors/bigcommerce/webhook.ts",
  "lib/config/check-config.ts", "lib/imports/schedule.ts",
  "lib/csv/suggest-mapping.ts", "lib/csv/fields.ts", "lib/csv/status-words.ts", "lib/demo/generate-orders.ts",
  // A rate card file's setting and column names (the format, quoted in problems), and the sample cards' CSV, written into each new workspace as data.
  "lib/rating/rate-card-csv-words.ts", "lib/rating/sample-rate-card.ts",
]);

/**
 * Not translated yet: sentences per file, equal to what remains, so they can only go down (none
 * are left); a new English sentence anywhere else fails here.
 */
const NOT_YET_TRANSLATED: Record<string, number> = {};

describe("lib words nothing a merchant reads itself", () => {
  it("has no English sentence outside the catalogs, but for the API's and the logs' own words", () => {
    const grown: string[] = [];
    const translatedSince: string[] = [];
    for (const file of libSources.map((path) => path.split("\\").join("/"))) {
      if (ENGLISH_BY_DESIGN.has(file)) continue;
      const found = englishSentences(file);
      if (found.length > (NOT_YET_TRANSLATED[file] ?? 0)) grown.push(...found);
      // A ratchet: a file with fewer sentences than its entry lowers the entry (or removes it at 0), so what it saves cannot be spent again.
      if (found.length < (NOT_YET_TRANSLATED[file] ?? 0)) translatedSince.push(`${file}: ${found.length}`);
    }
    expect(grown).toEqual([]);
    expect(translatedSince).toEqual([]);
  });

  it("catches an English refusal written into lib (so the check can fail)", () => {
    const probe = join("tests", "unit", "i18n", "fixtures", "english-in-lib.ts");
    expect(englishSentences(probe)).toEqual([`${probe}:5: "This store has no orders to import yet."`]);
  });
});
