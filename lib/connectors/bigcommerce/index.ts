import type { NormalizedOrder } from "@/lib/orders/schema";
import type { WeightUnit } from "@/lib/weights";
import { ConnectorError, type Connector, type PulledPage, type PullOptions } from "../types";
import { message } from "@/lib/i18n/message";
import { createBigCommerceClient, ORDER_CONCURRENCY, PAGE_SIZE, type BigCommerceClient } from "./client";
import { bigcommerceStatus, bigcommerceWeightUnit, mapBigCommerceOrder, parseBigCommerceDate } from "./map-order";
import type { BigCommerceOrder } from "./payload";

/**
 * BigCommerce through the v2 Orders API: orders modified in the window, oldest change first, 250
 * a page, each with its products and shipping addresses fetched alongside. Pages are sorted by
 * `date_modified`, so each page's latest change is where the cursor may move once it is committed.
 */
export const bigcommerceConnector: Connector = {
  platform: "bigcommerce",

  /**
   * Asks for one order rather than /v2/store: the store is connected with an Orders read-only API
   * account, and /v2/store needs the Information & Settings scope as well (403 without it).
   */
  async testConnection(store, options) {
    try {
      await createBigCommerceClient(store, { signal: options?.signal }).checkOrdersAccess();
      return { ok: true };
    } catch (error) {
      if (error instanceof ConnectorError) return { ok: false, message: error.message };
      throw error;
    }
  },

  /**
   * Archived orders first (as cancelled), then every other order. The archived walk moves no
   * cursor: only the main walk, which follows it, does, so a pull interrupted between the two
   * never leaves an archived order behind the cursor.
   */
  async *pull(store, options): AsyncGenerator<PulledPage> {
    const client = createBigCommerceClient(store, options);
    const weightUnit = bigcommerceWeightUnit(store.credentials.weightUnit);
    for await (const page of walkOrders(client, options, weightUnit, true)) yield { orders: page.orders, cursorAfter: null };
    yield* walkOrders(client, options, weightUnit, false);
  },
};

/**
 * Offset pages over a list sorted by modification shift while it is read: an order changed
 * mid-pull leaves its place and the next page would skip the order that slid into it. So each
 * page starts again from the previous page's latest change (`min_date_modified` includes it) and
 * the orders already seen there are dropped; `page` only moves on when a whole page shares one
 * second and the window cannot move.
 */
async function* walkOrders(client: BigCommerceClient, options: PullOptions, weightUnit: WeightUnit, archived: boolean): AsyncGenerator<PulledPage> {
  const seen = new Set<string>();
  let from = options.since;
  let page = 1;
  let latest = -Infinity;
  for (;;) {
    options.signal?.throwIfAborted();
    const listed = await client.listOrders({ from, to: options.until, page, archived });
    if (listed.length === 0) return;
    latest = latestChange(listed, latest);
    const fresh = listed.filter((order) => !seen.has(seenKey(order)));
    for (const order of fresh) seen.add(seenKey(order));
    // Incomplete checkouts are not orders: skipped before their products are asked for.
    const orders = await mapAll(client, fresh.filter((order) => bigcommerceStatus(order.status_id) !== null), weightUnit);
    yield { orders, cursorAfter: latest };
    if (listed.length < PAGE_SIZE) return;
    const nextFrom = Math.floor(latest / 1000) * 1000;
    if (nextFrom > from) {
      from = nextFrom;
      page = 1;
    } else {
      page += 1;
    }
  }
}

/**
 * One order by id with its products and shipping addresses, as Shipdeck's order: what a webhook
 * (which carries only the id) imports. Null for an order that is gone or not an order yet.
 */
export async function fetchBigCommerceOrder(client: BigCommerceClient, orderId: number, weightUnit: WeightUnit): Promise<NormalizedOrder | null> {
  const order = await client.getOrder(orderId);
  if (!order || bigcommerceStatus(order.status_id) === null) return null;
  const [mapped] = await mapAll(client, [order], weightUnit);
  return mapped ?? null;
}

/** A version of an order: one changed again during the pull comes back, as it should. */
const seenKey = (order: BigCommerceOrder) => `${order.id}@${order.date_modified}`;

/**
 * The page's latest change. The cursor is only safe if BigCommerce really sorted by
 * `date_modified`, so a page out of order stops the pull instead of moving the cursor past orders
 * not yet seen.
 */
function latestChange(orders: BigCommerceOrder[], previous: number): number {
  let latest = previous;
  for (const order of orders) {
    const changedAt = parseBigCommerceDate(order.date_modified, `order ${order.id}`, "date_modified");
    if (changedAt < latest) {
      throw new ConnectorError(message("storeErrors.notOldestFirst", { platform: "BigCommerce", order: order.id }), "bad_response");
    }
    latest = changedAt;
  }
  return latest;
}

/** Each order with its products and shipping addresses, a few orders at a time, in the page's order. */
async function mapAll(client: BigCommerceClient, orders: BigCommerceOrder[], weightUnit: WeightUnit): Promise<NormalizedOrder[]> {
  const mapped: (NormalizedOrder | null)[] = new Array(orders.length).fill(null);
  let next = 0;
  let failed = false;
  async function worker() {
    // After one failure the others stop taking orders, so no request outlives the pull.
    while (!failed && next < orders.length) {
      const index = next++;
      const order = orders[index];
      try {
        const products = await client.listProducts(order.id);
        const shippingAddresses = await client.listShippingAddresses(order.id);
        mapped[index] = mapBigCommerceOrder({ order, products, shippingAddresses }, weightUnit);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(ORDER_CONCURRENCY, orders.length) }, worker));
  return mapped.filter((order): order is NormalizedOrder => order !== null);
}
