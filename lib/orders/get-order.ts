import { db } from "@/db/database";
import type { OrderStatus } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { fromOrderRow } from "./columns";
import { toOrderFormValues, type OrderFormValues } from "./order-form";
import type { Address } from "./schema";
import { lockedReason, type LockedReason } from "./status";
import { orderWeightOf } from "./weight";
import { message } from "@/lib/i18n/message";

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
  /** For `replacedBy` and `replaces`: the other order, to link to by its number. */
  order?: OrderLink;
}

export interface OrderLink {
  id: number;
  orderNumber: string;
}

/**
 * How the order came to be cancelled, which the "reopened in channel" notice says: it arrived
 * cancelled, the merchant cancelled it here, or the channel cancelled it (an import).
 */
export type CancelledHow = "arrived" | "here" | "channel";

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
  /** The channel reopened it after it was cancelled. */
  reactivated: boolean;
  /** Set with `reactivated`: how it was cancelled, and the status the channel now gives it. */
  reactivation: { cancelled: CancelledHow; channelStatus: OrderStatus | null } | null;
  replacedByOrderId: number | null;
  /** The new order "Create new order" made from this one, and the reopened order this one replaces. */
  replacedBy: OrderLink | null;
  replaces: OrderLink | null;
  /** Why the merchant can no longer change it, or null while they can. */
  locked: LockedReason | null;
  storeId: number;
  storeName: string;
  /** "manual" for the workspace's built-in store, whose name the page shows in the merchant's language. */
  storePlatform: string;
  currency: string;
  items: OrderItemView[];
  /**
   * `total` is the one stored figure the list, export and API show too; `totalComputed` says whether
   * Shipdeck computed it (items + tax + shipping) or the channel sent it (kept as sent).
   */
  amounts: { subtotal: number; tax: number; shipping: number; total: number; paid: number; totalComputed: boolean };
  shipTo: AddressView;
  billTo: AddressView;
  customerEmail: string | null;
  /** Only when it says something the email doesn't. */
  customerUsername: string | null;
  requestedService: string | null;
  carrierCode: string | null;
  trackingNumber: string | null;
  weightOz: number | null;
  /** The weight is the items' (the order has none of its own). */
  weightFromItems: boolean;
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
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw notFound(message("orderErrors.notFound"));
  const { read } = db;
  const order = await read
    .selectFrom("orders")
    .innerJoin("stores", "stores.id", "orders.store_id")
    .selectAll("orders")
    .select(["stores.name as store_name", "stores.platform as store_platform"])
    .where("orders.id", "=", orderId)
    .where("orders.workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!order) throw notFound(message("orderErrors.notFound"));
  const [items, events, replaces] = await Promise.all([
    read.selectFrom("order_items").selectAll().where("order_id", "=", orderId).orderBy("position").execute(),
    read.selectFrom("order_events").selectAll().where("order_id", "=", orderId).where("workspace_id", "=", workspaceId).orderBy("at", "desc").orderBy("id", "desc").execute(),
    read.selectFrom("orders").select(["id", "order_number"]).where("replaced_by_order_id", "=", orderId).where("workspace_id", "=", workspaceId).executeTakeFirst(),
  ]);
  return { order, items, events, replaces };
}

/** An order of this workspace for its page, with its items, amounts and history; another workspace's id is not found. */
export async function getOrderOrThrow(workspaceId: string, orderId: number): Promise<OrderView> {
  const { order, items, events, replaces } = await loadOrder(workspaceId, orderId);
  const normalized = fromOrderRow(order, items);
  const weight = orderWeightOf(order, items);
  const replacedBy = order.replaced_by_order_id == null ? undefined : await getOrderLink(workspaceId, order.replaced_by_order_id);
  const linked = new Map<number, OrderLink>();
  for (const link of [replacedBy, replaces && { id: replaces.id, orderNumber: replaces.order_number }]) if (link) linked.set(link.id, link);
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
    reactivation: order.reactivated_in_channel_at != null ? reactivationOf(events) : null,
    replacedByOrderId: order.replaced_by_order_id,
    replacedBy: replacedBy ?? null,
    replaces: replaces ? { id: replaces.id, orderNumber: replaces.order_number } : null,
    locked: lockedReason({ status: order.status, active, deleted }),
    storeId: order.store_id,
    storeName: order.store_name,
    storePlatform: order.store_platform,
    currency: order.currency,
    items: itemViews,
    amounts: {
      subtotal: itemViews.reduce((sum, item) => sum + item.lineTotal, 0),
      tax: order.tax_amount,
      shipping: order.shipping_amount,
      total: order.order_total,
      paid: order.amount_paid,
      totalComputed: order.order_total_computed === 1,
    },
    shipTo: addressView(normalized.shipTo),
    billTo: addressView(normalized.billTo),
    customerEmail: order.customer_email,
    customerUsername: order.customer_username && order.customer_username !== order.customer_email ? order.customer_username : null,
    requestedService: order.requested_shipping_service,
    carrierCode: order.carrier_code,
    trackingNumber: order.tracking_number,
    weightOz: weight.oz,
    weightFromItems: weight.fromItems,
    dimensions: normalized.dimensions ?? null,
    dates: { order: order.order_date, payment: order.payment_date, shipBy: order.ship_by_date, ship: order.ship_date, holdUntil: order.hold_until_date },
    customerNotes: order.customer_notes,
    internalNotes: order.internal_notes,
    gift: order.gift === 1,
    giftMessage: order.gift_message,
    history: events.map((event) => ({ id: event.id, action: event.action, source: event.source, at: event.at, changes: changesOf(event.change_set, linked) })),
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
  return { ...base, locked, initial, stores: [{ id: order.store_id, name: order.store_name, platform: order.store_platform }] };
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
function changesOf(changeSet: string | null, linked: Map<number, OrderLink>): OrderChange[] {
  if (!changeSet) return [];
  const changes: OrderChange[] = [];
  for (const [field, change] of Object.entries(JSON.parse(changeSet) as Record<string, unknown>)) {
    // Bookkeeping, not something the merchant changed: the total's figure shows the change.
    if (HIDDEN_FIELDS.has(field)) continue;
    if (field === "items") changes.push({ field });
    else if (Array.isArray(change) && change.length === 2) {
      const other = LINK_FIELDS.has(field) && typeof change[1] === "number" ? (linked.get(change[1]) ?? { id: change[1], orderNumber: String(change[1]) }) : undefined;
      changes.push({ field, before: change[0], after: change[1], ...(other ? { order: other } : {}) });
    }
  }
  return changes;
}

const HIDDEN_FIELDS = new Set(["order_total_computed"]);
const LINK_FIELDS = new Set(["replacedBy", "replaces"]);

async function getOrderLink(workspaceId: string, orderId: number): Promise<OrderLink | undefined> {
  const row = await db.read.selectFrom("orders").select(["id", "order_number"]).where("id", "=", orderId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  return row && { id: row.id, orderNumber: row.order_number };
}

/**
 * How a reopened order was cancelled, from its history (newest first): by the merchant in
 * Shipdeck (a "cancelled" event from the web), by the channel (one from an import or the API),
 * or not at all since it arrived (no "cancelled" event); and the status the channel now gives it.
 */
function reactivationOf(events: { action: string; source: string; change_set: string | null }[]): { cancelled: CancelledHow; channelStatus: OrderStatus | null } {
  const statusAfter = (event: { change_set: string | null }) => (event.change_set ? (JSON.parse(event.change_set) as { status?: [unknown, unknown] }).status?.[1] : undefined);
  const cancelled = events.find((event) => event.action === "cancelled" || (event.action !== "reactivated_in_channel" && statusAfter(event) === "cancelled"));
  const reopened = events.find((event) => event.action === "reactivated_in_channel");
  const status = reopened && statusAfter(reopened);
  return {
    cancelled: !cancelled ? "arrived" : cancelled.source === "manual" ? "here" : "channel",
    channelStatus: typeof status === "string" ? (status as OrderStatus) : null,
  };
}
