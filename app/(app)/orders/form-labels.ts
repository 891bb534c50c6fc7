import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { en } from "@/lib/i18n/messages/en";
import { OPEN_STATUSES } from "@/lib/orders/status";

/** The form's strings for the client component, in the merchant's language. */
export function orderFormLabels(t: Translate): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(en.orderForm)) {
    if (typeof value === "string") labels[key] = t(`orderForm.${key}` as MessageKey);
  }
  for (const unit of Object.keys(en.orderForm.units)) labels[`unit_${unit}`] = t(`orderForm.units.${unit}` as MessageKey);
  return labels;
}

/** A manual order starts in one of the open statuses; shipping and cancelling are actions on the order. */
export function openStatusOptions(t: Translate) {
  return OPEN_STATUSES.map((status) => ({ value: status, label: t(`orderStatus.${status}`) }));
}
