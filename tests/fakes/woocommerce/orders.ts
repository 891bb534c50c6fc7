import templates from "./fixtures/orders.json" with { type: "json" };

/** A WooCommerce order as the REST API returns it (the fake keeps whole JSON objects). */
export type FakeWooOrder = Record<string, unknown> & { id: number; status: string; date_modified_gmt: string };

const START = Date.UTC(2025, 4, 6, 14, 0, 0);

/** WooCommerce dates: "2025-05-06T14:00:00", no offset; `_gmt` ones in UTC, the others in the site's zone. */
export function wooDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * The fake store's orders and clock. The clock moves one second per change (WooCommerce keeps
 * whole seconds), except inside `batch`, where every change shares one second like a bulk action.
 */
export class FakeWooOrderStore {
  readonly orders = new Map<number, FakeWooOrder>();
  private clock: number;
  private nextId = 1001;
  private nextItemId = 5001;
  private batching = false;
  private readonly statusBeforeTrash = new Map<number, string>();

  constructor(
    private readonly siteUtcOffsetMinutes: number,
    startAt = START,
  ) {
    this.clock = Math.floor(startAt / 1000) * 1000;
  }

  now(): number {
    return this.clock;
  }

  /** Moves the clock, e.g. to leave a gap between two sets of changes. */
  advance(ms: number) {
    this.clock += Math.round(ms / 1000) * 1000;
  }

  batch<T>(changes: () => T): T {
    this.tick();
    this.batching = true;
    try {
      return changes();
    } finally {
      this.batching = false;
    }
  }

  /** A new order from a fixture (0: paid card order, 1: bank transfer on hold), changed by `overrides`. */
  add(overrides: Record<string, unknown> = {}, template = 0): FakeWooOrder {
    const id = this.nextId++;
    const order = structuredClone(templates[template % templates.length]) as unknown as FakeWooOrder;
    order.id = id;
    order.number = String(id);
    for (const key of ["line_items", "tax_lines", "shipping_lines", "coupon_lines"]) {
      for (const line of (order[key] as { id: number }[] | undefined) ?? []) line.id = this.nextItemId++;
    }
    if (typeof order.payment_url === "string") order.payment_url = order.payment_url.replace("/order-pay/0/", `/order-pay/${id}/`);
    Object.assign(order, overrides, { id });
    const at = this.stamp();
    this.setDate(order, "date_created", at);
    if (["processing", "completed"].includes(order.status) && !order.date_paid_gmt) this.setDate(order, "date_paid", at);
    if (order.status === "completed") this.setDate(order, "date_completed", at);
    this.setDate(order, "date_modified", at);
    this.orders.set(id, order);
    return structuredClone(order);
  }

  /** Adds `count` orders, each its own change (one second apart). */
  addMany(count: number, overrides: Record<string, unknown> = {}): FakeWooOrder[] {
    return Array.from({ length: count }, () => this.add(overrides));
  }

  update(id: number, patch: Record<string, unknown>): FakeWooOrder {
    const order = this.get(id);
    Object.assign(order, patch, { id });
    const at = this.stamp();
    if (patch.status === "completed") this.setDate(order, "date_completed", at);
    if (patch.status === "processing" && !order.date_paid_gmt) this.setDate(order, "date_paid", at);
    this.setDate(order, "date_modified", at);
    return structuredClone(order);
  }

  cancel(id: number) {
    return this.update(id, { status: "cancelled" });
  }

  /** Back to an open status, as when a merchant reopens a cancelled order or a failed one gets paid. */
  reactivate(id: number, status = "processing") {
    return this.update(id, { status });
  }

  /**
   * The merchant moves the order to the bin (WooCommerce → Orders → Trash). The order keeps its
   * data, its status becomes `trash` and its modification time moves, as WooCommerce stores it.
   */
  trash(id: number) {
    const order = this.get(id);
    this.statusBeforeTrash.set(id, order.status);
    return this.update(id, { status: "trash" });
  }

  /** Restore from the bin: back to the status it had. */
  untrash(id: number) {
    return this.update(id, { status: this.statusBeforeTrash.get(id) ?? "pending" });
  }

  /** Deleted permanently: gone from every listing (only the `order.deleted` webhook tells). */
  deletePermanently(id: number) {
    this.get(id);
    this.orders.delete(id);
  }

  /**
   * What `GET /orders?status=…` can see: "any" (the default) is every status but the trash;
   * trashed orders are listed only when `trash` is asked for by name.
   */
  listable(statuses: string[] = ["any"]): FakeWooOrder[] {
    return [...this.orders.values()].filter((order) => (order.status === "trash" ? statuses.includes("trash") : statuses.includes("any") || statuses.includes(order.status)));
  }

  localMs(gmtMs: number): number {
    return gmtMs + this.siteUtcOffsetMinutes * 60_000;
  }

  private get(id: number): FakeWooOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`fake WooCommerce has no order ${id}`);
    return order;
  }

  private stamp(): number {
    if (!this.batching) this.tick();
    return this.clock;
  }

  private tick() {
    this.clock += 1000;
  }

  private setDate(order: FakeWooOrder, field: string, gmtMs: number) {
    order[field] = wooDate(this.localMs(gmtMs));
    order[`${field}_gmt`] = wooDate(gmtMs);
  }
}
