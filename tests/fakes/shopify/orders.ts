import type { ShopifyOrder } from "@/lib/connectors/shopify/payload";
import orderFixture from "./fixtures/order.json" with { type: "json" };
import posOrderFixture from "./fixtures/order-pos-minimal.json" with { type: "json" };

export const ORDER_TEMPLATES = {
  /** A web order, paid, not yet fulfilled: two line items, shipping, tax, both addresses. */
  web: orderFixture as unknown as ShopifyOrder,
  /** A point-of-sale order: paid and fulfilled at the till, no customer, no addresses, no weights. */
  pos: posOrderFixture as unknown as ShopifyOrder,
};

/** The shop's UTC offset: Shopify writes every time in the shop's zone. */
const SHOP_OFFSET_MINUTES = -4 * 60;

/** "2024-05-01T08:00:00-04:00", as Shopify writes times (whole seconds, the shop's offset). */
export function shopTime(ms: number): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + SHOP_OFFSET_MINUTES * 60_000).toISOString().slice(0, 19);
  const sign = SHOP_OFFSET_MINUTES < 0 ? "-" : "+";
  const abs = Math.abs(SHOP_OFFSET_MINUTES);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export interface MutationOptions {
  /** When the change happens (epoch ms); by default one second after the previous change. */
  at?: number;
}

/**
 * The shop's orders, in memory. Every change moves the shop's clock forward and stamps the
 * order's `updated_at`, as Shopify does.
 */
export class FakeShopifyOrders {
  private readonly byId = new Map<number, ShopifyOrder>();
  private clock: number;
  private nextId = 5_830_120_000_001;
  private nextNumber = 1001;
  private nextLineItemId = 14_200_330_000_001;

  constructor(startAt = Date.UTC(2024, 4, 1, 12, 0, 0)) {
    this.clock = startAt;
  }

  /** The shop's current time (epoch ms): the time of the latest change. */
  now(): number {
    return this.clock;
  }

  /** Lets the shop's clock run on without a change. */
  advance(ms: number) {
    this.clock += ms;
  }

  all(): ShopifyOrder[] {
    return [...this.byId.values()];
  }

  get(id: number): ShopifyOrder {
    const order = this.byId.get(id);
    if (!order) throw new Error(`No fake Shopify order ${id}`);
    return order;
  }

  /** A new order from a template (the paid web order by default), with fields replaced by `overrides`. */
  add(overrides: Partial<ShopifyOrder> = {}, options: MutationOptions & { template?: keyof typeof ORDER_TEMPLATES } = {}): ShopifyOrder {
    const at = this.tick(options.at);
    const id = this.nextId++;
    const number = this.nextNumber++;
    const order: ShopifyOrder = structuredClone(ORDER_TEMPLATES[options.template ?? "web"]);
    Object.assign(order, {
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name: `#${number}`,
      number: number - 1000,
      order_number: number,
      created_at: shopTime(at),
      processed_at: shopTime(at),
      updated_at: shopTime(at),
      closed_at: order.closed_at ? shopTime(at) : null,
    });
    for (const item of order.line_items ?? []) {
      item.id = this.nextLineItemId++;
      (item as Record<string, unknown>).admin_graphql_api_id = `gid://shopify/LineItem/${item.id}`;
    }
    Object.assign(order, overrides);
    this.byId.set(id, order);
    return order;
  }

  update(id: number, patch: Partial<ShopifyOrder>, options: MutationOptions = {}): ShopifyOrder {
    const order = this.get(id);
    Object.assign(order, patch, { updated_at: shopTime(this.tick(options.at)) });
    return order;
  }

  /** Like Admin → Cancel order with a refund: cancelled, archived, money returned (voided when never captured). */
  cancel(id: number, options: MutationOptions & { reason?: string } = {}): ShopifyOrder {
    const order = this.get(id);
    const at = shopTime(this.tick(options.at));
    const captured = ["paid", "partially_paid", "partially_refunded"].includes(order.financial_status ?? "");
    Object.assign(order, {
      cancelled_at: at,
      cancel_reason: options.reason ?? "customer",
      closed_at: at,
      financial_status: captured ? "refunded" : "voided",
      _before_cancel: order.financial_status,
      updated_at: at,
    });
    return order;
  }

  /**
   * Undoes a cancellation. Shopify's own API has no "uncancel"; the fake offers it so a test can
   * show what Shipdeck does when a channel says a cancelled order is open again.
   */
  reactivate(id: number, options: MutationOptions = {}): ShopifyOrder {
    const order = this.get(id);
    const before = (order._before_cancel as string | undefined) ?? "paid";
    delete order._before_cancel;
    Object.assign(order, { cancelled_at: null, cancel_reason: null, closed_at: null, financial_status: before, updated_at: shopTime(this.tick(options.at)) });
    return order;
  }

  /** Archives the order (POST /orders/{id}/close.json): `closed_at` set, nothing else. */
  close(id: number, options: MutationOptions = {}): ShopifyOrder {
    const at = shopTime(this.tick(options.at));
    return Object.assign(this.get(id), { closed_at: at, updated_at: at });
  }

  /** Goes up with every change: listings cached for one version are stale at the next. */
  version = 0;

  private tick(at?: number): number {
    this.version++;
    this.clock = at ?? this.clock + 1000;
    return this.clock;
  }
}

/** What the outside world sees of an order: internal bookkeeping fields removed. */
export function publicOrder(order: ShopifyOrder): ShopifyOrder {
  const { _before_cancel: _, ...visible } = order;
  return visible as ShopifyOrder;
}
