"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction, type ErrorMessage, type FormState } from "@/lib/http/action-client";
import { getTimeZone } from "@/lib/i18n/server";
import { setOrderShippingService } from "@/lib/orders/order-actions";
import { quoteOrderRates, type OrderParcelGap } from "@/lib/rating/order-parcel";
import { todayIn } from "@/lib/rating/today";
import type { RateResult } from "@/lib/rating/types";

export interface OrderRatesState extends FormState {
  result?: RateResult | null;
  gaps?: OrderParcelGap[];
  invalid?: string | null;
  done?: boolean;
}

const orderRef = z.object({ orderId: z.number().int().positive() });
const choiceSchema = orderRef.extend({
  carrierCode: z.string().trim().min(1).max(100),
  serviceCode: z.string().trim().min(1).max(100),
  packageCode: z.string().trim().max(100).nullable(),
});

// The panel's buttons have no fields: what lib says is the message.
const asSaid: ErrorMessage = (error) => error.message;

/** The order's quotes, or what the order lacks to be quoted. */
export const quoteOrderRatesAction = workspaceAction(
  { input: (orderId: number) => ({ orderId }), schema: orderRef, errors: { invalid_input: asSaid } },
  async ({ workspaceId, input }): Promise<OrderRatesState> => {
    const rates = await quoteOrderRates(workspaceId, input.orderId, todayIn(await getTimeZone()));
    return { result: rates.result, gaps: rates.gaps, invalid: rates.invalid };
  },
);

/** Saves the picked quote's carrier, service and package on the order, through the write path. */
export const chooseOrderRateAction = workspaceAction(
  {
    input: (orderId: number, choice: { carrierCode: string; serviceCode: string; packageCode: string | null }) => ({ orderId, ...choice }),
    schema: choiceSchema,
    errors: { invalid_input: asSaid },
  },
  async ({ workspaceId, userId, input }): Promise<OrderRatesState> => {
    const { orderId, ...choice } = input;
    await setOrderShippingService(workspaceId, orderId, choice, { actor: userId, source: "manual" });
    revalidatePath(`/orders/${orderId}`);
    return { done: true };
  },
);
