import Link from "next/link";
import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { OrderListRow } from "@/lib/orders/list-orders";
import { StatusBadge } from "../../ui/status-badge";

export function OrdersTable({ orders, stores, t, format }: { orders: OrderListRow[]; stores: { id: number; name: string }[]; t: Translate; format: Formatter }) {
  if (orders.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-500">{t("orders.noResults")}</p>;
  }
  const storeNames = new Map(stores.map((store) => [store.id, store.name]));
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="orders-table">
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>{t("orders.columns.orderNumber")}</th>
            <th className={th}>{t("orders.columns.date")}</th>
            <th className={th}>{t("orders.columns.store")}</th>
            <th className={th}>{t("orders.columns.recipient")}</th>
            <th className={th}>{t("orders.columns.items")}</th>
            <th className={`${th} text-right`}>{t("orders.columns.total")}</th>
            <th className={th}>{t("orders.columns.service")}</th>
            <th className={`${th} text-right`}>{t("orders.columns.weight")}</th>
            <th className={th}>{t("orders.columns.status")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.map((order) => (
            <tr key={order.id} className={`hover:bg-slate-50 ${order.active ? "" : "text-slate-500"}`} data-testid="order-row">
              <td className="px-3 py-2 font-medium whitespace-nowrap">
                <Link href={`/orders/${order.id}`} className="text-brand-700 hover:underline">
                  {order.orderNumber}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap" data-testid="order-date" data-value={order.orderDate}>
                {format.dateTime(order.orderDate)}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{storeNames.get(order.storeId)}</td>
              <td className="px-3 py-2">
                <div className="font-medium">{order.recipient ?? t("order.empty")}</div>
                <div className="text-xs text-slate-500">{order.destination}</div>
              </td>
              <td className="px-3 py-2">
                <div>{t("orders.itemsSummary", { count: order.itemUnits })}</div>
                <div className="max-w-56 truncate text-xs text-slate-500">{order.firstItemName}</div>
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{format.money(order.orderTotal, order.currency)}</td>
              <td className="px-3 py-2 text-xs">{order.requestedService}</td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{order.weightOz != null ? format.weight(order.weightOz) : ""}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  <StatusBadge status={order.status} label={t(`status.${order.status}`)} />
                  {!order.active && <span className="text-xs text-slate-500">{t("orders.inactive")}</span>}
                  {order.reactivatedInChannel && <span className="text-xs font-medium text-amber-700">{t("orders.reactivatedBadge")}</span>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
