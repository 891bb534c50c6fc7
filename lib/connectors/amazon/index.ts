import { ConnectorError, type Connector, type PulledPage } from "../types";
import { AMAZON_MIN_LAG_MS, AmazonClient } from "./client";
import { mapAmazonOrder } from "./map-order";

const DAY_MS = 86_400_000;

/**
 * Amazon Selling Partner API, Orders v0. Orders changed in [since, until] come from getOrders'
 * LastUpdatedAfter/LastUpdatedBefore (until clamped to a little over 2 minutes ago, as Amazon
 * requires), their items from getOrderItems. Amazon does not promise any order within the
 * result, so only the last page may move the cursor, to the clamped until.
 */
export const amazonConnector: Connector = {
  platform: "amazon",
  // Pages aren't in update order and getOrderItems runs at 0.5 rps, so a long first import goes a
  // week at a time: each finished week moves the cursor. Weeks, not days: getOrders allows one call a minute after its burst of 20.
  pullWindowMs: 7 * 86_400_000,

  async testConnection(store, options = {}) {
    try {
      const client = new AmazonClient(store, { signal: options.signal });
      await client.signIn();
      await client.getOrders({ kind: "created", after: Date.now() - DAY_MS, pageSize: 1 });
      return { ok: true };
    } catch (error) {
      if (error instanceof ConnectorError) return { ok: false, message: error.message };
      throw error;
    }
  },

  async *pull(store, options): AsyncGenerator<PulledPage> {
    const client = new AmazonClient(store, options);
    const until = Math.min(options.until, Date.now() - AMAZON_MIN_LAG_MS);
    // Nothing can have changed in an empty window, and Amazon refuses Before < After.
    if (until < options.since) return;

    let nextToken: string | null = null;
    do {
      const page = await client.getOrders(nextToken ? { kind: "next", nextToken } : { kind: "updated", after: options.since, before: until });
      const orders = [];
      for (const order of page.orders) {
        orders.push(mapAmazonOrder(order, await client.getOrderItems(order.AmazonOrderId)));
      }
      nextToken = page.nextToken;
      yield { orders, cursorAfter: nextToken ? null : until };
    } while (nextToken);
  },
};
