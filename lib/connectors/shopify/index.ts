import type { NormalizedOrder } from "@/lib/orders/schema";
import { ConnectorError, type Connector, type PulledPage } from "../types";
import { createShopifyClient, firstOrdersUrl, nextOrdersUrl, nextPageInfo } from "./client";
import { mapShopifyOrder } from "./map-order";
import type { ShopifyOrder } from "./payload";
import { inEnglish, message } from "@/lib/i18n/message";

/**
 * Shopify through the REST Admin API: orders changed in the window, oldest change first, pages
 * followed by their `Link` header. Pages are sorted by `updated_at`, so each page's latest change
 * is where the cursor may move once it is committed.
 */
export const shopifyConnector: Connector = {
  platform: "shopify",

  async testConnection(store, options) {
    try {
      const client = createShopifyClient(store, { signal: options?.signal });
      const { body } = await client.get<{ shop?: unknown }>(`${client.apiBase}/shop.json`);
      if (!body || typeof body.shop !== "object" || body.shop === null) {
        return { ok: false, message: inEnglish(message("storeErrors.shopifyNotShop")) };
      }
      return { ok: true };
    } catch (error) {
      if (error instanceof ConnectorError) return { ok: false, message: error.message };
      throw error;
    }
  },

  async *pull(store, options): AsyncGenerator<PulledPage> {
    const client = createShopifyClient(store, options);
    let url: string | null = firstOrdersUrl(client.apiBase, options.since, options.until);
    const followed = new Set<string>();
    let latestSoFar = -Infinity;
    while (url) {
      options.signal?.throwIfAborted();
      const { body, response } = await client.get<unknown>(url);
      const orders = ordersOf(body).map(mapShopifyOrder);
      const cursorAfter = latestChange(orders, latestSoFar);
      if (orders.length > 0) {
        latestSoFar = cursorAfter;
        yield { orders, cursorAfter };
      }
      const pageInfo = nextPageInfo(response.headers.get("link"));
      if (pageInfo && followed.has(pageInfo)) throw new ConnectorError(message("storeErrors.shopifyLinkRepeated"), "bad_response");
      if (pageInfo) followed.add(pageInfo);
      url = pageInfo ? nextOrdersUrl(client.apiBase, pageInfo) : null;
    }
  },
};

function ordersOf(body: unknown): ShopifyOrder[] {
  const orders = (body as { orders?: unknown } | null)?.orders;
  if (!Array.isArray(orders)) throw new ConnectorError(message("storeErrors.shopifyNoOrdersList"), "bad_response");
  for (const order of orders) {
    if (typeof order !== "object" || order === null || Array.isArray(order)) throw new ConnectorError(message("storeErrors.shopifyEntryNotOrder"), "bad_response");
  }
  return orders as ShopifyOrder[];
}

/**
 * The page's latest change. The cursor is only safe if Shopify really sorted by `updated_at`
 * (the `order` parameter is honoured but not in its documented list), so an out-of-order page
 * stops the pull instead of moving the cursor past orders not yet seen.
 */
function latestChange(orders: NormalizedOrder[], previousPagesLatest: number): number {
  let latest = previousPagesLatest;
  for (const order of orders) {
    const changedAt = order.channelModifiedAt as number;
    if (changedAt < latest) {
      throw new ConnectorError(message("storeErrors.notOldestFirst", { platform: "Shopify", order: order.orderNumber }), "bad_response");
    }
    latest = changedAt;
  }
  return latest;
}
