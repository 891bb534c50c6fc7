import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ConnectorError } from "../types";
import { message, type Message } from "@/lib/i18n/message";

/** An element as fast-xml-parser hands it over: text, child elements by name, or repeats of one. */
export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
  [name: string]: XmlValue;
}

export interface ExportDocument {
  /** The `pages` attribute of <Orders>; 1 when the store leaves it out. */
  pages: number;
  orders: XmlNode[];
}

/** Elements that repeat: one of them must still come back as a list. */
const LISTS = new Set(["Orders.Order", "Orders.Order.Items.Item", "Orders.Order.Items.Item.Options.Option"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Every value stays text: the mapping reads numbers and dates itself, so "00123" stays an id.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Stores paste product names with &eacute; or &#233; outside CDATA.
  htmlEntities: true,
  isArray: (_name, jpath) => typeof jpath === "string" && LISTS.has(jpath),
});

/**
 * Reads one answer to `action=export`. Lenient about values (they stay text for the mapping), strict
 * about structure: anything that is not one well-formed <Orders> document is a ConnectorError that
 * says what the store sent, never a crash.
 */
export function parseExportXml(body: string): ExportDocument {
  const text = body.replace(/^\uFEFF/, "");
  const trimmed = text.trim();
  if (!trimmed) throw notOrders(message("storeErrors.emptyPage"));
  if (looksLikeHtml(trimmed)) throw notOrders(message("storeErrors.webPage"));
  const start = trimmed.search(/<\?xml|<Orders\b/);
  const before = start > 0 ? trimmed.slice(0, start).replace(/<!--[^]*?-->|<!DOCTYPE[^>]*>/gi, "").trim() : "";
  if (before) {
    // PHP stores print warnings before the document ("<br /><b>Warning</b>: …"). Named, not quoted: a foreign body is never shown.
    throw new ConnectorError(message("storeErrors.xmlPrintedBefore"), "bad_response");
  }
  const validation = XMLValidator.validate(trimmed);
  if (validation !== true) {
    const { msg, line } = validation.err;
    // Lines as the store sent them: the blank lines trimmed off the top still count.
    const skipped = (/^\s*/.exec(text)?.[0].match(/\n/g) ?? []).length;
    throw new ConnectorError(message("storeErrors.xmlUnreadable", { reason: msg.replace(/\.$/, ""), line: line + skipped }), "bad_response");
  }
  const document = parser.parse(trimmed) as XmlNode;
  const roots = Object.keys(document).filter((name) => !name.startsWith("?") && !name.startsWith("!"));
  const rootCount = roots.reduce((sum, name) => sum + (Array.isArray(document[name]) ? (document[name] as XmlValue[]).length : 1), 0);
  if (rootCount !== 1) {
    throw new ConnectorError(message("storeErrors.xmlRoots", { count: rootCount, roots: roots.map((name) => `<${name}>`).join(", ") }), "bad_response");
  }
  if (roots[0] !== "Orders") {
    if (roots[0].toLowerCase() === "html") throw notOrders(message("storeErrors.webPage"));
    throw new ConnectorError(message("storeErrors.xmlRoot", { root: roots[0] }), "bad_response");
  }
  const root = asNode(document.Orders);
  return { pages: readPages(root["@_pages"]), orders: listOf(root.Order) };
}

/** The child element `name` as a node ({} when it is empty, undefined when it is absent). */
export function childNode(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = first(node?.[name]);
  return value === undefined ? undefined : asNode(value);
}

/**
 * The text of child element `name`, trimmed: undefined when the element is absent, "" when it is
 * empty. An element holding other elements instead of text counts as absent.
 */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const value = first(node?.[name]);
  if (value === undefined) return undefined;
  if (typeof value === "string") return value.trim();
  const inner = (value as XmlNode)["#text"];
  return typeof inner === "string" ? inner.trim() : undefined;
}

/** The repeated elements `item` inside container `container` (<Items><Item/>…</Items>). */
export function childList(node: XmlNode | undefined, container: string, item: string): XmlNode[] {
  return listOf(childNode(node, container)?.[item]);
}

function listOf(value: XmlValue | undefined): XmlNode[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(asNode);
}

function first(value: XmlValue | undefined): string | XmlNode | undefined {
  return Array.isArray(value) ? (value.length ? first(value[0]) : undefined) : value;
}

function asNode(value: XmlValue): XmlNode {
  if (typeof value === "string") return value.trim() ? { "#text": value } : {};
  return Array.isArray(value) ? asNode(value[0] ?? "") : value;
}

function readPages(value: XmlValue | undefined): number {
  if (value === undefined || (typeof value === "string" && !value.trim())) return 1;
  const text = typeof value === "string" ? value.trim() : "";
  if (!/^\d+$/.test(text)) throw new ConnectorError(message("storeErrors.xmlPages", { value: text.slice(0, 40) }), "bad_response");
  return Number(text);
}

function looksLikeHtml(text: string): boolean {
  return /^(<!--[^]*?-->\s*)*<!doctype\s+html/i.test(text) || /^(<!--[^]*?-->\s*)*<html[\s>]/i.test(text);
}

function notOrders(what: Message) {
  return new ConnectorError(message("storeErrors.notOrderXml", { what }), "bad_response");
}
