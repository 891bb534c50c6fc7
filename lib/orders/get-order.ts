import { db } from "@/db/database";
import type { OrderStatus } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { fromOrderRow } from "./columns";
import { toOrderFormValues, type OrderFormValues } from "./order-form";
import type { Address } from "./schema";
import { lockedReason, type LockedReason } from "./status";

/** An address as the page prints it: its lines, top to bottom, and whether it is residential when known. */
export interface AddressView {
  lines: string[];
  residential: boolean | null;
}

export interface OrderItemView {
  id: number;
  sku: string | null;
  name: string;
  quantity: number;
  /** Cents, like every amount here. */
  unitPrice: number;
  lineTotal: number;
  weightOz: number | null;
}

/** One change an event made: a field's `[before, after]`, or `items` when the items changed (no values then). */
export interface OrderChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface OrderEventView {
  id: number;
  action: string;
  source: string;
  at: number;
  changes: OrderChange[];
}

/** An order as its page shows it: plain values, amounts in cents, dates in epoch ms; never the raw rows. */
export interface OrderView {
  id: number;
  orderNumber: string;
  status: OrderStatus;
  active: boolean;
  deleted: boolean;
  /** The channel reopened it after it was cancelled here. */
  reactivated: boolean;
  replacedByOrderId: number | null;
  /** Why the merchant can no longer change it, or null while they can. */
  locked: LockedReason | null;
  storeId: number;
  storeName: string;
  currency: string;
  items: OrderItemView[];
  amounts: { subtotal: number; tax: number; shipping: number; total: number; paid: number };
  shipTo: AddressView;
  billTo: AddressView;
  customerEmail: string | null;
  /** Only when it says something the email doesn't. */
  customerUsername: string | null;
  requestedService: string | null;
  carrierCode: string | null;
  trackingNumber: string | null;
  weightOz: number | null;
  dimensions: { length: number; width: number; height: number; units: "inches" | "centimeters" } | null;
  dates: { order: number; payment: number | null; shipBy: number | null; ship: number | null; holdUntil: number | null };
  customerNotes: string | null;
  internalNotes: string | null;
  gift: boolean;
  giftMessage: string | null;
  /** Newest first. */
  history: OrderEventView[];
}

async function loadOrder(workspaceId: string, orderId: number) {
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw notFound("Order not found");
  const { read } = db;
  const order = await read
    .selectFrom("orders")
    .innerJoin("stores", "stores.id", "orders.store_id")
    .selectAll("orders")
    .select(["stores.name as store_name"])
    .where("orders.id", "=", orderId)
    .where("orders.workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!order) throw notFound("Order not found");
  const [items, events] = await Promise.all([
    read.selectFrom("order_items").selectAll().where("order_id", "=", orderId).orderBy("position").execute(),
    read.selectFrom("order_events").selectAll().where("order_id", "=", orderId).where("workspace_id", "=", workspaceId).orderBy("at", "desc").orderBy("id", "desc").execute(),
  ]);
  return { order, items, events };
}

/** An order of this workspace for its page, with its items, amounts and history; another workspace's id is not found. */
export async function getOrderOrThrow(workspaceId: string, orderId: number): Promise<OrderView> {
  const { order, items, events } = await loadOrder(workspaceId, orderId);
  const normalized = fromOrderRow(order, items);
  const active = order.active === 1;
  const deleted = order.deleted_at != null;
  const itemViews = items.map((item) => ({
    id: item.id,
    sku: item.sku,
    name: item.name,
    quantity: item.quantity,
    unitPrice: item.unit_price,
    lineTotal: item.unit_price * item.quantity,
    weightOz: item.weight_oz,
  }));
  return {
    id: order.id,
    orderNumber: order.order_number,
    status: order.status,
    active,
    deleted,
    reactivated: order.reactivated_in_channel_at != null,
    replacedByOrderId: order.replaced_by_order_id,
    locked: lockedReason({ status: order.status, active, deleted }),
    storeId: order.store_id,
    storeName: order.store_name,
    currency: order.currency,
    items: itemViews,
    amounts: {
      subtotal: itemViews.reduce((sum, item) => sum + item.lineTotal, 0),
      tax: order.tax_amount,
      shipping: order.shipping_amount,
      total: order.order_total,
      paid: order.amount_paid,
    },
    shipTo: addressView(normalized.shipTo),
    billTo: addressView(normalized.billTo),
    customerEmail: order.customer_email,
    customerUsername: order.customer_username && order.customer_username !== order.customer_email ? order.customer_username : null,
    requestedService: order.requested_shipping_service,
    carrierCode: order.carrier_code,
    trackingNumber: order.tracking_number,
    weightOz: order.weight_oz,
    dimensions: normalized.dimensions ?? null,
    dates: { order: order.order_date, payment: order.payment_date, shipBy: order.ship_by_date, ship: order.ship_date, holdUntil: order.hold_until_date },
    customerNotes: order.customer_notes,
    internalNotes: order.internal_notes,
    gift: order.gift === 1,
    giftMessage: order.gift_message,
    history: events.map((event) => ({ id: event.id, action: event.action, source: event.source, at: event.at, changes: changesOf(event.change_set) })),
  };
}

/** The edit page's order: why it is locked, or the form's initial values in the merchant's time zone. */
export async function getOrderEditForm(workspaceId: string, orderId: number, timeZone: string) {
  const { order, items } = await loadOrder(workspaceId, orderId);
  const locked = lockedReason({ status: order.status, active: order.active === 1, deleted: order.deleted_at != null });
  const base = { id: order.id, orderNumber: order.order_number };
  if (locked) return { ...base, locked, initial: null, stores: [] };
  const initial: OrderFormValues = toOrderFormValues({ ...fromOrderRow(order, items), storeId: order.store_id }, timeZone);
  // The order stays in its store: the form offers that one only.
  return { ...base, locked, initial, stores: [{ id: order.store_id, name: order.store_name }] };
}

function addressView(address: Address | null | undefined): AddressView {
  const cityLine = [address?.city, [address?.state, address?.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const lines = [address?.name, address?.company, address?.street1, address?.street2, address?.street3, cityLine, address?.country, address?.phone];
  return { lines: lines.filter((line): line is string => Boolean(line)), residential: address?.residential ?? null };
}

/**
 * An event's change set as changes: only `[before, after]` pairs and the items summary are
 * changes; the rest (the channel's reopened order it may carry) is data, not a change.
 */
function changesOf(changeSet: string | null): OrderChange[] {
  if (!changeSet) return [];
  const changes: OrderChange[] = [];
  for (const [field, change] of Object.entries(JSON.parse(changeSet) as Record<string, unknown>)) {
    if (field === "items") changes.push({ field });
    else if (Array.isArray(change) && change.length === 2) changes.push({ field, before: change[0], after: change[1] });
  }
  return changes;
}
