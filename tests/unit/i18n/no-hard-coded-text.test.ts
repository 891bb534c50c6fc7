import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Attributes a person reads or hears. */
const SHOWN_ATTRIBUTES = new Set(["placeholder", "aria-label", "title", "alt", "label", "aria-description"]);
/** Shown, but the same in every language: symbols, file names, codes given as examples (a carrier code "usps"). */
const SAME_IN_EVERY_LANGUAGE = /^(\s*[—–×·•…:,()/|+-]\s*|\.csv|\.json|[a-z0-9_]+)$/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsxFiles(path) : path.endsWith(".tsx") ? [path] : [];
  });
}

/** Where a string literal ends up: shown to the merchant, or only compared, passed to t() or used as a value. */
function isShown(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(parent.operatorToken.kind)) return false;
    if (ts.isCaseClause(parent) || ts.isCallExpression(parent) || ts.isElementAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isTemplateSpan(parent)) return false;
    if (ts.isConditionalExpression(parent) && child === parent.condition) return false;
    if (ts.isJsxAttribute(parent)) return SHOWN_ATTRIBUTES.has(parent.name.getText());
    if (ts.isJsxExpression(parent)) return Boolean(parent.parent && (ts.isJsxElement(parent.parent) || ts.isJsxFragment(parent.parent)));
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

/** Words written straight into a page, which a French merchant would read in English. */
function hardCodedText(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    const text = ts.isJsxText(node) ? node.getText().trim() : ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
    if (text && /\p{L}{2,}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.test(text) && (ts.isJsxText(node) || isShown(node))) found.push(`${at(node)}: ${JSON.stringify(text)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("every word a page shows comes from the catalogs, so it has a French message", () => {
  it("no page or component writes words in JSX itself", () => {
    expect(tsxFiles("app").flatMap(hardCodedText)).toEqual([]);
  });

  it("catches words written into a page (so the check can fail)", () => {
    const probe = join("tests", "unit", "i18n", "fixtures", "hard-coded.tsx");
    expect(hardCodedText(probe)).toEqual([`${probe}:4: "Import all stores"`, `${probe}:5: "Search orders"`, `${probe}:6: "Shipped"`]);
  });
});
