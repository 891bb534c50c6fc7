"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getI18n, getTimeZone } from "@/lib/i18n/server";
import { fromOrderRow } from "@/lib/orders/columns";
import {
  cancelOrder, createOrder, createReplacementOrder, holdOrderUntil, markOrderShipped, restoreOrderFromHold, updateOrder, type Actor,
} from "@/lib/orders/order-actions";
import { parseOrderForm } from "@/lib/orders/order-form";
import { startOfDay } from "@/lib/dates";
import { getOrderOrThrow } from "@/lib/orders/get-order";

export interface OrderFormState {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

async function merchant(): Promise<{ workspaceId: string; by: Actor }> {
  const session = await requireWorkspaceSession();
  return { workspaceId: session.workspaceId, by: { actor: session.userId, source: "manual" } };
}

function failure(error: unknown, values: Record<string, string>, fixFields: string): OrderFormState {
  if (error instanceof AppError && (error.code === "invalid_input" || error.code === "conflict" || error.code === "not_found")) {
    return { error: error.code === "invalid_input" ? fixFields : error.message, fieldErrors: error.fieldErrors, values };
  }
  throw error;
}

export async function createOrderAction(_state: OrderFormState, formData: FormData): Promise<OrderFormState> {
  const [{ workspaceId, by }, timeZone, { t }] = await Promise.all([merchant(), getTimeZone(), getI18n()]);
  const values = formValues(formData);
  const parsed = parseOrderForm(values, timeZone);
  if (!parsed.ok) return { error: t("orderForm.fixFields"), fieldErrors: parsed.fieldErrors, values };
  let orderId: number;
  try {
    orderId = (await createOrder(workspaceId, parsed.storeId, parsed.order, by)).orderId!;
  } catch (error) {
    return failure(error, values, t("orderForm.fixFields"));
  }
  revalidatePath("/orders");
  redirect(`/orders/${orderId}`);
}

export async function updateOrderAction(orderId: number, _state: OrderFormState, formData: FormData): Promise<OrderFormState> {
  const [{ workspaceId, by }, timeZone, { t }] = await Promise.all([merchant(), getTimeZone(), getI18n()]);
  const values = formValues(formData);
  const parsed = parseOrderForm(values, timeZone);
  if (!parsed.ok) return { error: t("orderForm.fixFields"), fieldErrors: parsed.fieldErrors, values };
  try {
    const current = await getOrderOrThrow(workspaceId, orderId);
    // The edit replaces the details; the key, store and what the form doesn't show stay as they were.
    const stored = fromOrderRow(current, current.items);
    await updateOrder(workspaceId, orderId, { ...stored, ...parsed.order, orderKey: current.order_key, orderNumber: parsed.order.orderNumber ?? current.order_number }, by);
  } catch (error) {
    return failure(error, values, t("orderForm.fixFields"));
  }
  revalidatePath("/orders");
  redirect(`/orders/${orderId}`);
}

export interface OrderActionState {
  error?: string;
  done?: boolean;
}

async function runAction(orderId: number, action: (workspaceId: string, by: Actor) => Promise<unknown>): Promise<OrderActionState> {
  const { workspaceId, by } = await merchant();
  try {
    await action(workspaceId, by);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  revalidatePath(`/orders/${orderId}`);
  return { done: true };
}

export async function cancelOrderAction(orderId: number): Promise<OrderActionState> {
  return runAction(orderId, (workspaceId, by) => cancelOrder(workspaceId, orderId, by));
}

export async function holdOrderAction(orderId: number, _state: OrderActionState, formData: FormData): Promise<OrderActionState> {
  const day = String(formData.get("holdUntil") ?? "");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { error: (await getI18n()).t("orderActions.holdUntil") };
  const timeZone = await getTimeZone();
  return runAction(orderId, (workspaceId, by) => holdOrderUntil(workspaceId, orderId, startOfDay(day, timeZone), by));
}

export async function restoreOrderAction(orderId: number): Promise<OrderActionState> {
  return runAction(orderId, (workspaceId, by) => restoreOrderFromHold(workspaceId, orderId, by));
}

export async function markShippedAction(orderId: number, _state: OrderActionState, formData: FormData): Promise<OrderActionState> {
  const day = String(formData.get("shipDate") ?? "");
  const timeZone = await getTimeZone();
  const shipDate = /^\d{4}-\d{2}-\d{2}$/.test(day) ? startOfDay(day, timeZone) : Date.now();
  const carrierCode = String(formData.get("carrierCode") ?? "").trim() || null;
  const trackingNumber = String(formData.get("trackingNumber") ?? "").trim() || null;
  return runAction(orderId, (workspaceId, by) => markOrderShipped(workspaceId, orderId, { shipDate, carrierCode, trackingNumber }, by));
}

export async function createReplacementAction(orderId: number): Promise<OrderActionState> {
  const { workspaceId, by } = await merchant();
  let newOrderId: number;
  try {
    newOrderId = (await createReplacementOrder(workspaceId, orderId, by)).orderId!;
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  revalidatePath("/orders");
  redirect(`/orders/${newOrderId}`);
}
