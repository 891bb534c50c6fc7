import type { CsvOrder } from "@/lib/csv/rows-to-orders";
import { createFormatter } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/translate";
import { computeOrderTotal } from "@/lib/orders/columns";
import type { CsvOrderResult } from "@/lib/csv/import-protocol";
import type { CsvLabelKey, CsvT } from "./translator";

export const PREVIEW_ORDERS = 10;

/** The first orders as the import will write them, each with what the dry run said would happen to it. */
export function OrderPreview({ t, locale, timeZone, orders, results }: {
  t: CsvT;
  locale: string;
  timeZone: string;
  orders: CsvOrder[];
  results: CsvOrderResult[];
}) {
  if (orders.length === 0) return null;
  const format = createFormatter(locale as Locale, timeZone);
  const outcomeOf = new Map(results.map((result) => [result.rowNumbers[0], result]));
  const heads = ["number", "date", "recipient", "destination", "items", "total", "status", "outcome"] as const;
  return (
    <section className="space-y-2">
      <h3 className="font-semibold">{t("firstOrders")}</h3>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="csv-order-preview">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {heads.map((head) => (
                <th key={head} className="px-3 py-2">
                  {t(`orderColumns.${head}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {orders.slice(0, PREVIEW_ORDERS).map(({ order, rowNumbers, auto }) => {
              const result = outcomeOf.get(rowNumbers[0]);
              const items = order.items ?? [];
              const shipTo = order.shipTo;
              return (
                <tr key={rowNumbers[0]} data-testid="csv-preview-order">
                  <td className="px-3 py-2 font-medium">{auto ? <span className="italic text-slate-500">{t("autoNumber")}</span> : order.orderNumber}</td>
                  <td className="px-3 py-2">{order.orderDate === undefined ? "" : format.dateTime(order.orderDate)}</td>
                  <td className="px-3 py-2">{shipTo?.name ?? ""}</td>
                  <td className="px-3 py-2">{[shipTo?.city, shipTo?.state, shipTo?.country].filter(Boolean).join(", ")}</td>
                  <td className="px-3 py-2">
                    {items.map((item, index) => (
                      <div key={index}>
                        {item.quantity} × {item.name}
                      </div>
                    ))}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{format.money(order.orderTotal ?? computeOrderTotal(order as Parameters<typeof computeOrderTotal>[0]), order.currency ?? "USD")}</td>
                  <td className="px-3 py-2" data-testid="csv-preview-status">
                    {t(`orderStatus.${order.status ?? "awaiting_shipment"}`)}
                  </td>
                  <td className="px-3 py-2" title={result?.reason}>
                    {result ? t(`outcomes.${result.outcome}` as CsvLabelKey) : ""}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
