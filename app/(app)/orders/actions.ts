"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formValues, saidOf, workspaceAction, type ErrorMessage, type FormState } from "@/lib/http/action-client";
import { AppError } from "@/lib/errors";
import {
  cancelOrder, createOrder, createReplacementOrder, editOrder, EXISTING_ORDER_FIELD, holdOrderUntil, markOrderShipped, restoreOrderFromHold, type Actor,
} from "@/lib/orders/order-actions";
import { editOrderSchema, formFieldOf, holdOrderSchema, markShippedSchema, newOrderSchema, orderRefSchema } from "@/lib/orders/order-form";

export type OrderFormState = FormState;

export interface OrderActionState extends FormState {
  done?: boolean;
}

const merchant = (userId: string): Actor => ({ actor: userId, source: "manual" });

const fieldOf = (path: string) => (path === EXISTING_ORDER_FIELD ? path : formFieldOf(path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part))));

/**
 * The write path's refusals name the order schema's paths (`weightOz`, `orderTotal`); the form's
 * inputs have their own names (lib/orders/order-form.ts): each refusal goes to its input.
 */
async function onFormInputs<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "invalid_input" || !error.fieldErrors) throw error;
    const fieldErrors: Record<string, string[]> = {};
    for (const [path, messages] of Object.entries(error.fieldErrors)) {
      (fieldErrors[fieldOf(path)] ??= []).push(...messages);
    }
    const fieldMessages = error.fieldMessages && Object.fromEntries(Object.entries(error.fieldMessages).map(([path, said]) => [fieldOf(path), said]));
    throw new AppError(error.code, error.key ? { key: error.key, params: error.params } : error.message, fieldErrors, fieldMessages);
  }
}

export const createOrderAction = workspaceAction(
  { input: (_state: OrderFormState, formData: FormData) => formValues(formData), schema: ({ timeZone }) => newOrderSchema(timeZone) },
  async ({ workspaceId, userId, input }): Promise<OrderFormState> => {
    const { orderId } = await onFormInputs(() => createOrder(workspaceId, input.storeId, input.order, merchant(userId), { refuseTakenNumber: true }));
    revalidatePath("/orders");
    redirect(`/orders/${orderId}`);
  },
);

export const updateOrderAction = workspaceAction(
  { input: (orderId: number, _state: OrderFormState, formData: FormData) => ({ orderId, form: formValues(formData) }), schema: ({ timeZone }) => editOrderSchema(timeZone) },
  async ({ workspaceId, userId, input }): Promise<OrderFormState> => {
    await onFormInputs(() => editOrder(workspaceId, input.orderId, input.order, merchant(userId)));
    revalidatePath("/orders");
    redirect(`/orders/${input.orderId}`);
  },
);

// The order page's buttons have no fields to highlight: what lib says is the message.
const asSaid: ErrorMessage = saidOf;

async function done(orderId: number): Promise<OrderActionState> {
  revalidatePath(`/orders/${orderId}`);
  return { done: true };
}

export const cancelOrderAction = workspaceAction(
  { input: (orderId: number) => ({ orderId }), schema: orderRefSchema, errors: { invalid_input: asSaid } },
  async ({ workspaceId, userId, input }): Promise<OrderActionState> => {
    await cancelOrder(workspaceId, input.orderId, merchant(userId));
    return done(input.orderId);
  },
);

export const holdOrderAction = workspaceAction(
  {
    input: (orderId: number, _state: OrderActionState, formData: FormData) => ({ orderId, holdUntil: String(formData.get("holdUntil") ?? "") }),
    schema: ({ timeZone }) => holdOrderSchema(timeZone),
    errors: {
      invalid_input: (error, t) =>
        error.fieldErrors?.holdUntil ? t("orderActions.holdUntil") : error.fieldErrors?.holdUntilDate ? t("orderActions.holdInPast") : saidOf(error, t),
    },
  },
  async ({ workspaceId, userId, input }): Promise<OrderActionState> => {
    await holdOrderUntil(workspaceId, input.orderId, input.holdUntilDate, merchant(userId));
    return done(input.orderId);
  },
);

export const restoreOrderAction = workspaceAction(
  { input: (orderId: number) => ({ orderId }), schema: orderRefSchema, errors: { invalid_input: asSaid } },
  async ({ workspaceId, userId, input }): Promise<OrderActionState> => {
    await restoreOrderFromHold(workspaceId, input.orderId, merchant(userId));
    return done(input.orderId);
  },
);

export const markShippedAction = workspaceAction(
  {
    input: (orderId: number, _state: OrderActionState, formData: FormData) => ({
      orderId,
      shipDate: String(formData.get("shipDate") ?? ""),
      carrierCode: String(formData.get("carrierCode") ?? ""),
      trackingNumber: String(formData.get("trackingNumber") ?? ""),
    }),
    schema: ({ timeZone }) => markShippedSchema(timeZone),
    errors: {
      invalid_input: (error, t) =>
        error.fieldErrors?.carrierCode ? t("orderActions.carrierRequired") : error.fieldErrors?.shipDate ? t("orderActions.shipDateAhead") : saidOf(error, t),
    },
  },
  async ({ workspaceId, userId, input }): Promise<OrderActionState> => {
    await markOrderShipped(workspaceId, input.orderId, input.shipment, merchant(userId));
    return done(input.orderId);
  },
);

export const createReplacementAction = workspaceAction(
  { input: (orderId: number) => ({ orderId }), schema: orderRefSchema, errors: { invalid_input: asSaid } },
  async ({ workspaceId, userId, input }): Promise<OrderActionState> => {
    const { orderId } = await createReplacementOrder(workspaceId, input.orderId, merchant(userId));
    revalidatePath("/orders");
    redirect(`/orders/${orderId}`);
  },
);
