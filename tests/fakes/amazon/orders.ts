import fixtures from "./fixtures/orders.json" with { type: "json" };

export type FakeAmazonOrder = Record<string, unknown> & { AmazonOrderId: string; PurchaseDate: string; LastUpdateDate: string; OrderStatus: string; MarketplaceId: string };
export type FakeAmazonItem = Record<string, unknown> & { OrderItemId: string };
export interface FakeAmazonEntry {
  order: Record<string, unknown> & { AmazonOrderId: string };
  items: Record<string, unknown>[];
}
export type AmazonFixtureName = keyof typeof fixtures;

/** A deep copy of one fixture order and its items, with `order` fields overridden. */
export function amazonFixture(name: AmazonFixtureName, order: Record<string, unknown> = {}): FakeAmazonEntry {
  const entry = structuredClone(fixtures[name]) as unknown as FakeAmazonEntry;
  return { order: { ...entry.order, ...order } as FakeAmazonEntry["order"], items: entry.items };
}

/** `count` distinct orders cloned from one fixture: ids 9NN-0000001-000000N… */
export function amazonFixtures(name: AmazonFixtureName, count: number, prefix = "901"): FakeAmazonEntry[] {
  return Array.from({ length: count }, (_, i) => amazonFixture(name, { AmazonOrderId: `${prefix}-${String(i + 1).padStart(7, "0")}-${String(7_000_000 + i)}` }));
}

/** Amazon writes dates to the second: 2026-11-20T15:43:10Z. */
export const amazonDate = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, "Z");

/**
 * The seller's orders as SP-API holds them. Every change stamps LastUpdateDate with `at` (the
 * fake's clock unless the test says when), as an order status change does on Amazon.
 */
export class FakeAmazonOrders {
  private readonly orders = new Map<string, { order: FakeAmazonOrder; items: FakeAmazonItem[]; statusBeforeCancel?: string }>();

  constructor(
    private readonly now: () => number,
    private readonly marketplaceId: string,
  ) {}

  /** Places an order at `at`: PurchaseDate and LastUpdateDate are both `at` (or `purchasedAt`). */
  add(entry: FakeAmazonEntry, options: { at?: number; purchasedAt?: number } = {}): FakeAmazonOrder {
    const at = options.at ?? this.now();
    const id = entry.order.AmazonOrderId;
    if (this.orders.has(id)) throw new Error(`Fake Amazon already has order ${id}`);
    const order = {
      MarketplaceId: this.marketplaceId,
      OrderStatus: "Unshipped",
      ...structuredClone(entry.order),
      PurchaseDate: amazonDate(options.purchasedAt ?? at),
      LastUpdateDate: amazonDate(at),
    } as FakeAmazonOrder;
    this.orders.set(id, { order, items: structuredClone(entry.items) as FakeAmazonItem[] });
    return structuredClone(order);
  }

  /** Changes an order's fields (and its items, when given), as a seller or Amazon would. */
  update(id: string, changes: Record<string, unknown>, options: { at?: number; items?: Record<string, unknown>[] } = {}): FakeAmazonOrder {
    const stored = this.stored(id);
    Object.assign(stored.order, structuredClone(changes), { LastUpdateDate: amazonDate(options.at ?? this.now()) });
    if (options.items) stored.items = structuredClone(options.items) as FakeAmazonItem[];
    return structuredClone(stored.order);
  }

  cancel(id: string, options: { at?: number } = {}): FakeAmazonOrder {
    const stored = this.stored(id);
    stored.statusBeforeCancel = stored.order.OrderStatus;
    return this.update(id, { OrderStatus: "Canceled" }, options);
  }

  /** Amazon does not reopen cancelled orders; the fake does, to test that Shipdeck notices. */
  reactivate(id: string, options: { at?: number } = {}): FakeAmazonOrder {
    const stored = this.stored(id);
    return this.update(id, { OrderStatus: stored.statusBeforeCancel ?? "Unshipped" }, options);
  }

  get(id: string): { order: FakeAmazonOrder; items: FakeAmazonItem[] } | undefined {
    const stored = this.orders.get(id);
    return stored && { order: this.visible(stored.order), items: structuredClone(stored.items) };
  }

  /**
   * getOrders' selection: orders in the marketplaces whose date field falls in [after, before]
   * (both inclusive, as Amazon documents). Amazon promises no order; the fake answers in order of
   * purchase, so a client that assumed LastUpdateDate order would be caught out.
   */
  select(marketplaceIds: string[], field: "LastUpdateDate" | "PurchaseDate", after: number, before: number): string[] {
    return [...this.orders.values()]
      .map(({ order }) => order)
      .filter((order) => marketplaceIds.includes(order.MarketplaceId))
      .filter((order) => {
        const at = Date.parse(order[field]);
        return at >= after && at <= before;
      })
      .sort((a, b) => Date.parse(a.PurchaseDate) - Date.parse(b.PurchaseDate) || a.AmazonOrderId.localeCompare(b.AmazonOrderId))
      .map((order) => order.AmazonOrderId);
  }

  /**
   * The order as getOrders shows it: ShippingAddress only once the order can ship (Unshipped,
   * PartiallyShipped, Shipped, InvoiceUnconfirmed), as the Orders v0 model documents.
   */
  visible(order: FakeAmazonOrder): FakeAmazonOrder {
    const copy = structuredClone(order);
    if (!["Unshipped", "PartiallyShipped", "Shipped", "InvoiceUnconfirmed"].includes(copy.OrderStatus)) delete copy.ShippingAddress;
    return copy;
  }

  private stored(id: string) {
    const stored = this.orders.get(id);
    if (!stored) throw new Error(`Fake Amazon has no order ${id}`);
    return stored;
  }
}
