"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction, type FormState } from "@/lib/http/action-client";
import { applyOrderChangeToMany, type BulkOrderResult } from "@/lib/orders/bulk-order-actions";
import { bulkOrderActionSchema } from "@/lib/orders/order-form";

export interface BulkOrdersState extends FormState {
  /** One per selected order: changed, or refused with the reason. */
  results?: BulkOrderResult[];
}

/** The orders list's bulk bar: the submit button names the action, the checked rows are `orderId`s. */
export const bulkOrdersAction = workspaceAction(
  {
    input: (_state: BulkOrdersState, formData: FormData) => ({
      action: formData.get("action"),
      orderIds: formData.getAll("orderId").map(Number),
      holdUntil: String(formData.get("holdUntil") ?? ""),
      shipDate: String(formData.get("shipDate") ?? ""),
      carrierCode: String(formData.get("carrierCode") ?? ""),
    }),
    schema: ({ timeZone }) => bulkOrderActionSchema(timeZone),
    // The bar has a field or two: the first field's own words say what to fix.
    errors: { invalid_input: (error) => Object.values(error.fieldErrors ?? {})[0]?.[0] ?? error.message },
  },
  async ({ workspaceId, userId, input }): Promise<BulkOrdersState> => {
    const results = await applyOrderChangeToMany(workspaceId, input.orderIds, input.change, { actor: userId, source: "manual" });
    revalidatePath("/orders");
    return { results };
  },
);
