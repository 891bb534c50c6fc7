import type { NormalizedOrder } from "@/lib/orders/schema";
import { BlockedAddressError } from "../public-address";
import { ConnectorError, type Connector, type PulledPage, type PullOptions, type StoreConnection } from "../types";
import { listWooOrdersModified, wooApiUrl, WooCredentialsError, wooGet } from "./client";
import { mapWooCommerceOrder, wooModifiedAt, WooOrderShapeError, type WooOrder } from "./map-order";
import { inEnglish, message } from "@/lib/i18n/message";

export { verifyWooCommerceSignature } from "./webhook";

/**
 * WooCommerce REST API v3: HTTP Basic auth with the store's consumer key and secret, orders listed
 * by modification time (`modified_after`/`modified_before` in GMT, oldest first), 100 a page; the
 * bin (status=trash) is listed on its own, since the default listing leaves it out.
 */
export const woocommerceConnector: Connector = {
  platform: "woocommerce",

  async testConnection(store, options = {}) {
    try {
      // Listing one order checks exactly what imports need: that the key may read orders.
      const { body } = await wooGet<unknown>(store, wooApiUrl(store.baseUrl, "orders", { per_page: 1 }), options);
      if (!Array.isArray(body)) return { ok: false, message: inEnglish(message("storeErrors.wooNotAStore")) };
      return { ok: true };
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      return { ok: false, message: connectionMessage(error) };
    }
  },

  async *pull(store: StoreConnection, options: PullOptions): AsyncIterable<PulledPage> {
    // Orders trashed in the window first, as cancelled. Their pages leave the cursor where it is:
    // it moves only with the main listing below, once every trashed change up to `until` is in,
    // so a pull interrupted in between never moves the cursor past a trashed order not yet read.
    for await (const page of listWooOrdersModified(store, { ...options, status: "trash" })) {
      const orders = page.map(mapOrThrow).filter((order): order is NormalizedOrder => order !== null);
      yield { orders, cursorAfter: null };
    }
    let cursor: number | null = null;
    for await (const page of listWooOrdersModified(store, options)) {
      const orders: NormalizedOrder[] = [];
      for (const order of page) {
        const mapped = mapOrThrow(order);
        if (mapped) orders.push(mapped);
      }
      // Pages come oldest change first, so everything up to this page's newest change has been seen;
      // checkout drafts count too: they were read, just not imported.
      const newest = Math.max(...page.map(wooModifiedAt));
      cursor = cursor === null ? newest : Math.max(cursor, newest);
      yield { orders, cursorAfter: cursor };
    }
  },
};

function mapOrThrow(order: WooOrder): NormalizedOrder | null {
  try {
    return mapWooCommerceOrder(order);
  } catch (error) {
    if (error instanceof WooOrderShapeError) throw new ConnectorError(message("storeErrors.unreadableOrder", { platform: "WooCommerce", reason: error.said }), "bad_response");
    throw error;
  }
}

function connectionMessage(error: ConnectorError): string {
  if (error instanceof WooCredentialsError || error instanceof BlockedAddressError) return error.message;
  switch (error.kind) {
    case "auth":
      return inEnglish(message("storeErrors.wooKeysRefused"));
    case "not_found":
      return inEnglish(message("storeErrors.wooNoApi"));
    default:
      return error.message;
  }
}
