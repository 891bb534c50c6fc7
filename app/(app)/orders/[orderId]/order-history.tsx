import Link from "next/link";
import type { Formatter } from "@/lib/i18n/format";
import { en } from "@/lib/i18n/messages/en";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { OrderEventView } from "@/lib/orders/get-order";

const KNOWN_EVENTS = new Set(["created", "updated", "cancelled", "reactivated_in_channel", "edited", "held", "restored", "shipped", "deleted", "replaced"]);

const MONEY_FIELDS = new Set(["order_total", "amount_paid", "tax_amount", "shipping_amount"]);

/** A changed value as the merchant reads it: dates, money and weights formatted, not raw columns. */
function describe(field: string, value: unknown, t: Translate, format: Formatter, currency: string): string {
  if (value === null || value === undefined || value === "") return t("order.empty");
  if (typeof value === "number" && (field.endsWith("_date") || field.endsWith("_at"))) return format.dateTime(value);
  if (typeof value === "number" && MONEY_FIELDS.has(field)) return format.money(value, currency);
  if (typeof value === "number" && field === "weight_oz") return format.weight(value);
  if (field === "status" && typeof value === "string") return t(`orderStatus.${value}` as MessageKey);
  if (field === "gift" || field.endsWith("_residential")) return t(value ? "history.yes" : "history.no");
  if (field === "dim_units" && (value === "inches" || value === "centimeters")) return t(`history.${value}`);
  return String(value);
}

/** A column's name in the merchant's words; an unknown one (a newer column) as its words. */
function fieldInWords(field: string, t: Translate): string {
  return field in en.order.fields ? t(`order.fields.${field}` as MessageKey) : field.replaceAll("_", " ");
}

/** Where a change came from in words ("from Shopify", "in Shipdeck"); an unknown source as it is stored. */
function sourceInWords(source: string, t: Translate): string {
  return source in en.order.sources ? t(`order.sources.${source}` as MessageKey) : t("order.via", { source });
}

/** The order's history, newest first, with what each change did field by field. */
export function OrderHistory({ events, currency, t, format }: { events: OrderEventView[]; currency: string; t: Translate; format: Formatter }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{t("order.history")}</h2>
      <ol className="space-y-3" data-testid="order-history">
        {events.map((event) => {
          const label = KNOWN_EVENTS.has(event.action) ? t(`order.events.${event.action}` as MessageKey) : event.action;
          return (
            <li key={event.id} className="border-l-2 border-slate-200 pl-3 text-sm" data-testid="history-event">
              <p>
                <span className="font-medium">{label}</span> <span className="text-slate-500">{sourceInWords(event.source, t)}</span>
              </p>
              <p className="text-xs text-slate-500">{format.dateTime(event.at)}</p>
              {event.changes.length > 0 && (
                <ul className="mt-1 text-xs text-slate-600">
                  {event.changes.map(({ field, before, after, order }) => (
                    <li key={field}>
                      {field === "items" ? (
                        t("order.itemsChanged")
                      ) : order ? (
                        <Link href={`/orders/${order.id}`} className="text-brand-700 hover:underline">
                          {t("order.linkedOrder", { field: fieldInWords(field, t), number: order.orderNumber })}
                        </Link>
                      ) : event.action === "reactivated_in_channel" && field === "status" ? (
                        // The order itself stays cancelled: say what the channel now says, not a change.
                        t("order.channelStatus", { status: describe(field, after, t, format, currency) })
                      ) : (
                        t("order.changed", {
                          field: fieldInWords(field, t),
                          before: describe(field, before, t, format, currency),
                          after: describe(field, after, t, format, currency),
                        })
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
