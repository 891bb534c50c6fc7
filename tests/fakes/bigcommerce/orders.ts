import orderTemplate from "./fixtures/order.json" with { type: "json" };
import productsTemplate from "./fixtures/products.json" with { type: "json" };
import shippingAddressesTemplate from "./fixtures/shipping-addresses.json" with { type: "json" };

/** BigCommerce's fixed status names by status_id (Orders v2, Order Status reference). */
export const STATUS_NAMES: Record<number, string> = {
  0: "Incomplete",
  1: "Pending",
  2: "Shipped",
  3: "Partially Shipped",
  4: "Refunded",
  5: "Cancelled",
  6: "Declined",
  7: "Awaiting Payment",
  8: "Awaiting Pickup",
  9: "Awaiting Shipment",
  10: "Completed",
  11: "Awaiting Fulfillment",
  12: "Manual Verification Required",
  13: "Disputed",
  14: "Partially Refunded",
};

export type Json = Record<string, unknown>;

export interface FakeOrderInput extends Json {
  /** Replaces the fixture's two line items; each entry is merged over the first fixture item. */
  products?: Json[];
  /** Replaces the fixture's shipping address; [] for an order without one (digital, pickup). */
  shippingAddresses?: Json[];
}

export interface StoredOrder {
  order: Json;
  products: Json[];
  shippingAddresses: Json[];
  /** Epoch ms of date_modified, for filtering and sorting. */
  modifiedAt: number;
}

/** "Wed, 05 Dec 2018 20:16:55 +0000", as BigCommerce writes dates (whole seconds). */
export function rfc2822(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString().replace(/GMT$/, "+0000");
}

/**
 * The store's orders in memory, with a clock of its own: every change stamps date_modified and
 * moves the clock on by `tickMs` (a second by default, BigCommerce's resolution), so tests are
 * deterministic and can still put several changes in one second (tickMs 0).
 */
export class FakeOrderBook {
  readonly orders = new Map<number, StoredOrder>();
  private nextOrderId = 100;
  private nextLineId = 1;
  private nextAddressId = 1;

  constructor(
    private clock: number,
    public tickMs = 1000,
    private apiBase: () => string,
  ) {}

  now(): number {
    return this.clock;
  }

  advance(ms: number): void {
    this.clock += ms;
  }

  add(input: FakeOrderInput = {}): Json {
    const { products, shippingAddresses, ...fields } = input;
    const id = typeof fields.id === "number" ? fields.id : this.nextOrderId++;
    this.nextOrderId = Math.max(this.nextOrderId, id + 1);
    const stamp = this.stamp();
    const statusId = typeof fields.status_id === "number" ? fields.status_id : (orderTemplate.status_id as number);
    const order: Json = {
      ...structuredClone(orderTemplate),
      status: STATUS_NAMES[statusId] ?? "Custom",
      custom_status: STATUS_NAMES[statusId] ?? "Custom",
      date_created: stamp.text,
      is_deleted: false,
      ...fields,
      id,
      date_modified: stamp.text,
      products: this.link(`/orders/${id}/products`),
      shipping_addresses: this.link(`/orders/${id}/shippingaddresses`),
      coupons: this.link(`/orders/${id}/coupons`),
    };
    const addresses = (shippingAddresses ?? [{}]).map((fieldsOf) => ({
      ...structuredClone(shippingAddressesTemplate[0]),
      ...fieldsOf,
      id: this.nextAddressId++,
      order_id: id,
    }));
    const lines = (products ?? productsTemplate).map((fieldsOf) => ({
      ...structuredClone(productsTemplate[0]),
      ...fieldsOf,
      id: this.nextLineId++,
      order_id: id,
      order_address_id: (addresses[0]?.id as number | undefined) ?? 0,
    }));
    order.shipping_address_count = addresses.length;
    this.orders.set(id, { order, products: lines, shippingAddresses: addresses, modifiedAt: stamp.ms });
    return order;
  }

  /** Changes an order as the merchant or shopper would; date_modified moves on. */
  update(id: number, changes: Json): Json {
    const stored = this.orders.get(id);
    if (!stored) throw new Error(`The fake BigCommerce store has no order ${id}`);
    const stamp = this.stamp();
    Object.assign(stored.order, changes, { date_modified: stamp.text });
    if (typeof changes.status_id === "number") {
      stored.order.status = STATUS_NAMES[changes.status_id] ?? "Custom";
      stored.order.custom_status = stored.order.status;
    }
    stored.modifiedAt = stamp.ms;
    return stored.order;
  }

  cancel(id: number): Json {
    return this.update(id, { status_id: 5 });
  }

  reactivate(id: number): Json {
    return this.update(id, { status_id: 11 });
  }

  /**
   * Archived in the control panel (or v2 DELETE /orders/{id}): the order keeps its status, gets
   * `is_deleted: true` and leaves the default listing. The fake stamps date_modified, so a
   * modified-window listing with `is_deleted=true` finds it.
   */
  archive(id: number): Json {
    return this.update(id, { is_deleted: true });
  }

  /** Restored from the archive. */
  restore(id: number): Json {
    return this.update(id, { is_deleted: false });
  }

  private stamp() {
    const ms = Math.floor(this.clock / 1000) * 1000;
    this.clock += this.tickMs;
    return { ms, text: rfc2822(ms) };
  }

  private link(resource: string) {
    return { url: `${this.apiBase()}${resource}`, resource };
  }
}
