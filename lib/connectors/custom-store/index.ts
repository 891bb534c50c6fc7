import type { NormalizedOrder } from "@/lib/orders/schema";
import { ConnectorError, type Connector, type PulledPage, type StoreConnection } from "../types";
import { message } from "@/lib/i18n/message";
import { fetchExportPage } from "./client";
import { ceilToMinute, floorToMinute } from "./dates";
import { mapCustomStoreOrder } from "./map-order";
import { childText, type XmlNode } from "./xml";

/** A store whose `pages` keeps growing is broken; stop rather than page forever. */
const MAX_PAGES = 10_000;

/**
 * ShipStation's Custom Store protocol: one endpoint behind HTTP Basic that answers
 * `action=export` for a window of modification dates with XML, page by page. Pages are in the
 * store's own order, not modification order, so the cursor moves only after the last page.
 */
export const customStoreConnector: Connector = {
  platform: "custom_store",
  // The export's pages aren't in modification order: a long import goes a day at a time, each finished day moving the cursor.
  pullWindowMs: 86_400_000,

  async testConnection(store, options) {
    const now = Date.now();
    try {
      await fetchExportPage(store, { start: floorToMinute(now - 60_000), end: ceilToMinute(now), page: 1 }, { signal: options?.signal, retries: 1 });
      return { ok: true };
    } catch (error) {
      if (error instanceof ConnectorError) return { ok: false, message: error.message };
      throw error;
    }
  },

  async *pull(store, options) {
    // The protocol speaks in whole minutes: widen the window to them rather than miss the edges.
    const window = { start: floorToMinute(options.since), end: ceilToMinute(options.until) };
    const seen = new Set<string>();
    let pages = 1;
    for (let page = 1; page <= pages; page++) {
      options.signal?.throwIfAborted();
      const document = await fetchExportPage(store, { ...window, page }, options);
      // Page 1 says how many there are; a later page may say more (orders arrived), never fewer.
      pages = Math.max(pages, document.pages);
      if (pages > MAX_PAGES) throw new ConnectorError(message("storeErrors.tooManyPages", { pages, max: MAX_PAGES }), "bad_response");
      const last = page >= pages || (page > 1 && document.orders.length === 0);
      yield { orders: mapPage(store, document.orders, seen), cursorAfter: last ? options.until : null } satisfies PulledPage;
      if (last) return;
    }
  },
};

/**
 * The page's orders as NormalizedOrders, without those whose status is in none of the merchant's
 * lists (not imported, as in ShipStation) and without orders an earlier page already gave (pages
 * shift when orders change during a pull).
 */
function mapPage(store: StoreConnection, nodes: XmlNode[], seen: Set<string>): NormalizedOrder[] {
  const orders: NormalizedOrder[] = [];
  const unmapped = new Set<string>();
  let skipped = 0;
  for (const node of nodes) {
    const order = mapCustomStoreOrder(node, store.statusMapping);
    if (!order) {
      skipped++;
      unmapped.add(childText(node, "OrderStatus") || "(none)");
      continue;
    }
    if (seen.has(order.orderKey)) continue;
    seen.add(order.orderKey);
    orders.push(order);
  }
  if (unmapped.size) {
    const names = [...unmapped].map((name) => `"${name.slice(0, 50)}"`).join(", ");
    // No address in the line: some endpoints carry a key in their query string.
    console.info(`Custom store import: skipped ${skipped} order(s) whose status is in none of the store's status lists: ${names}.`);
  }
  return orders;
}
