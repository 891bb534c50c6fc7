import { randomUUID } from "node:crypto";
import { db } from "@/db/database";
import type { OrderRow, OrderStatus } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { reserveOrderNumbers } from "@/lib/workspaces/next-order-number";
import { MAX_SHIP_DATE_AHEAD_MS, ORDER_MESSAGES } from "./limits";
import { fromOrderRow } from "./columns";
import { importOrders, LOCKED_REASON_KEYS, type ImportResult } from "./import-orders";
import { localizable, message } from "@/lib/i18n/message";
import type { FormOrder } from "./order-form";
import type { NormalizedOrder } from "./schema";
import { isOpenStatus, lockedReason } from "./status";

/** Who did it and through what: the order's history records both. */
export interface Actor {
  actor: string;
  source: "manual" | "api";
}

async function loadOrder(workspaceId: string, orderId: number) {
  const row = await db.read.selectFrom("orders").selectAll().where("id", "=", orderId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!row || row.deleted_at != null) throw notFound(message("orderErrors.notFound"));
  const items = await db.read.selectFrom("order_items").selectAll().where("order_id", "=", orderId).orderBy("position").execute();
  return { row, items };
}

function assertChangeable(row: OrderRow) {
  const locked = lockedReason({ status: row.status, active: row.active === 1, deleted: row.deleted_at != null });
  if (locked) throw new AppError("conflict", message(LOCKED_REASON_KEYS[locked]));
}

function orThrow(result: ImportResult): ImportResult {
  if (result.outcome === "failed") throw new AppError("invalid_input", result.reason ?? message("orderErrors.invalidOrder"), result.fieldErrors);
  if (result.outcome === "skipped") throw new AppError("conflict", result.reason ?? message("orderErrors.locked"));
  return result;
}

/** A merchant's change to an open order: the stored order with `change` applied, through the write path. */
async function changeOrder(workspaceId: string, orderId: number, by: Actor, eventAction: string, change: (order: NormalizedOrder) => NormalizedOrder) {
  const { row, items } = await loadOrder(workspaceId, orderId);
  assertChangeable(row);
  const order = change(fromOrderRow(row, items));
  const [result] = await importOrders(workspaceId, row.store_id, [{ ...order, orderKey: row.order_key }], { ...by, eventAction });
  return orThrow(result);
}

/** Replaces an open order's details (the edit form, the API's createorder on an existing key). Key and store stay. */
export function updateOrder(workspaceId: string, orderId: number, order: NormalizedOrder, by: Actor) {
  return changeOrder(workspaceId, orderId, by, "edited", () => order);
}

/**
 * The merchant's edit form over the stored order: the form's details replace the stored ones;
 * the key, the store and what the form doesn't show (the channel's fields, options, tags) stay,
 * and a blank order number keeps the current one.
 */
export async function editOrder(workspaceId: string, orderId: number, formOrder: FormOrder, by: Actor) {
  const number = formOrder.orderNumber?.trim();
  if (number) {
    // A number typed over another order's of the store is refused as on a new order; its own is fine.
    const { row } = await loadOrder(workspaceId, orderId);
    if (number !== row.order_number) await assertOrderNumberFree(workspaceId, row.store_id, number);
  }
  return changeOrder(workspaceId, orderId, by, "edited", (stored) => ({
    ...stored,
    ...formOrder,
    orderKey: stored.orderKey,
    orderNumber: formOrder.orderNumber ?? stored.orderNumber,
  }));
}

export function cancelOrder(workspaceId: string, orderId: number, by: Actor) {
  return changeOrder(workspaceId, orderId, by, "cancelled", (order) => ({ ...order, status: "cancelled" }));
}

/** A refusal naming the field by its API name (the form's actions say it in the merchant's language). */
function invalidField(field: string, key: keyof typeof ORDER_MESSAGES): AppError {
  return new AppError("invalid_input", message(`orderErrors.${key}`), { [field]: [ORDER_MESSAGES[key]] });
}

/** Hold until a moment to come: the order page and the API alike refuse one that has passed. */
export function holdOrderUntil(workspaceId: string, orderId: number, holdUntilDate: number, by: Actor, now = Date.now()) {
  // Checked once the order is found and open: a missing or locked order says so first.
  return changeOrder(workspaceId, orderId, by, "held", (order) => {
    if (holdUntilDate <= now) throw invalidField("holdUntilDate", "holdInPast");
    return { ...order, status: "on_hold", holdUntilDate };
  });
}

export async function restoreOrderFromHold(workspaceId: string, orderId: number, by: Actor) {
  const { row } = await loadOrder(workspaceId, orderId);
  if (row.status !== "on_hold") throw new AppError("conflict", message("orderErrors.restoreNotOnHold"));
  return changeOrder(workspaceId, orderId, by, "restored", (order) => ({ ...order, status: "awaiting_shipment", holdUntilDate: null }));
}

/**
 * Marks an order shipped, as ShipStation's markasshipped: a carrier is required (the one given,
 * else the one already on the order, picked from its rates), and the ship date may be at most a
 * day ahead (MAX_SHIP_DATE_AHEAD_MS); the order page and the API alike.
 */
export function markOrderShipped(
  workspaceId: string,
  orderId: number,
  shipment: { shipDate: number; carrierCode?: string | null; trackingNumber?: string | null },
  by: Actor,
  now = Date.now(),
) {
  return changeOrder(workspaceId, orderId, by, "shipped", (order) => {
    const carrierCode = shipment.carrierCode?.trim() || order.carrierCode?.trim();
    if (!carrierCode) throw invalidField("carrierCode", "carrierRequired");
    if (shipment.shipDate > now + MAX_SHIP_DATE_AHEAD_MS) throw invalidField("shipDate", "shipDateAhead");
    return { ...order, status: "shipped" as OrderStatus, shipDate: shipment.shipDate, carrierCode, trackingNumber: shipment.trackingNumber ?? null };
  });
}

/** The carrier, service and package the merchant picked from the order's rates; a shipped or cancelled order refuses. */
export function setOrderShippingService(
  workspaceId: string,
  orderId: number,
  choice: { carrierCode: string; serviceCode: string; packageCode: string | null },
  by: Actor,
) {
  return changeOrder(workspaceId, orderId, by, "edited", (order) => ({
    ...order,
    carrierCode: choice.carrierCode,
    serviceCode: choice.serviceCode,
    packageCode: choice.packageCode,
  }));
}

/**
 * A new order typed in by the merchant (or sent without a key through the API): a fresh key,
 * and the next workspace number when none is given.
 */
export async function createOrder(
  workspaceId: string,
  storeId: number,
  order: Omit<NormalizedOrder, "orderKey" | "orderNumber"> & { orderKey?: string; orderNumber?: string | null },
  by: Actor,
  { refuseTakenNumber = false }: { refuseTakenNumber?: boolean } = {},
) {
  const given = order.orderNumber?.trim() && order.orderNumber.trim().toUpperCase() !== "AUTO" ? order.orderNumber.trim() : null;
  if (given && refuseTakenNumber) await assertOrderNumberFree(workspaceId, storeId, given);
  // The automatic number is taken in the order's own transaction: a refused order (a store not the
  // workspace's, a rule of the write path) leaves the workspace's numbering as it was.
  return db.transaction(async (tx) => {
    const orderNumber = given ?? (await reserveOrderNumbers(tx, workspaceId, 1))[0];
    const [result] = await importOrders(workspaceId, storeId, [{ ...order, orderKey: order.orderKey ?? randomUUID(), orderNumber }], { ...by, tx });
    return orThrow(result);
  });
}

/** The field the form links from when its order number is taken: `orderNumber.existingOrderId`. */
export const EXISTING_ORDER_FIELD = "orderNumber.existingOrderId";

/**
 * A merchant typing an order by hand means a new order: a number another order of the store
 * already has is a mistake (or that order again), refused naming the field, with the order's id
 * under EXISTING_ORDER_FIELD so the form can link to it. Imports are different: a channel's
 * number may repeat, its key tells orders apart.
 */
async function assertOrderNumberFree(workspaceId: string, storeId: number, orderNumber: string) {
  const existing = await db.read
    .selectFrom("orders")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("order_number", "=", orderNumber)
    .where("store_id", "=", storeId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!existing) return;
  const said = message("orderErrors.numberTaken", { number: orderNumber });
  const taken = localizable(said);
  throw new AppError("invalid_input", said, { orderNumber: [taken.message], [EXISTING_ORDER_FIELD]: [String(existing.id)] }, { orderNumber: [taken] });
}

/**
 * "Create new order" on a cancelled order the channel reopened: a new order from the channel's
 * data, linked from the old one, which hands it the channel's later changes.
 */
export async function createReplacementOrder(workspaceId: string, orderId: number, by: Actor) {
  const { row } = await loadOrder(workspaceId, orderId);
  if (row.reactivated_in_channel_at == null) throw new AppError("conflict", message("orderErrors.replaceNotReopened"));
  if (row.replaced_by_order_id != null) throw new AppError("conflict", message("orderErrors.alreadyReplaced"));
  const notice = await db.read
    .selectFrom("order_events")
    .select("change_set")
    .where("order_id", "=", orderId)
    .where("workspace_id", "=", workspaceId)
    .where("action", "=", "reactivated_in_channel")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const channelOrder = notice?.change_set ? (JSON.parse(notice.change_set) as { channelOrder?: NormalizedOrder }).channelOrder : undefined;
  if (!channelOrder || !isOpenStatus(channelOrder.status)) throw new AppError("conflict", message("orderErrors.reopenedUnavailable"));
  const [result] = await importOrders(workspaceId, row.store_id, [{ ...channelOrder, orderKey: await freeReplacementKey(row) }], {
    ...by,
    replacesOrderId: row.id,
  });
  return orThrow(result);
}

async function freeReplacementKey(row: OrderRow): Promise<string> {
  const taken = await db.read.selectFrom("orders").select("order_key").where("store_id", "=", row.store_id).where("order_key", "like", `${row.order_key}#%`).execute();
  const used = new Set(taken.map((order) => order.order_key));
  let n = 2;
  while (used.has(`${row.order_key}#${n}`)) n++;
  return `${row.order_key}#${n}`;
}

/**
 * DELETE /orders/{id}: the order leaves the lists and their counts; it and its history stay,
 * and later imports under its key are skipped.
 */
export async function deleteOrder(workspaceId: string, orderId: number, by: Actor) {
  const { row } = await loadOrder(workspaceId, orderId);
  const now = Date.now();
  await db.transaction(async (tx) => {
    // Read again under the write lock: a delete that raced this one must not count twice.
    const { rowsAffected } = await tx.execute({
      sql: "UPDATE orders SET deleted_at = ?, modified_at = ? WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL",
      args: [now, now, row.id, workspaceId],
    });
    if (rowsAffected !== 1) return;
    await tx.batch([
      { sql: "UPDATE order_counts SET n = n - 1 WHERE workspace_id = ? AND store_id = ? AND status = ?", args: [workspaceId, row.store_id, row.status] },
      {
        sql: "INSERT INTO order_events (order_id, workspace_id, at, action, source, actor, import_run_id, change_set) VALUES (?, ?, ?, 'deleted', ?, ?, NULL, NULL)",
        args: [row.id, workspaceId, now, by.source, by.actor],
      },
    ]);
  });
}
