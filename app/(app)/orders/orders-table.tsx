import Link from "next/link";
import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { OrderListRow } from "@/lib/orders/list-orders";
import { StatusBadge } from "../../ui/status-badge";

/** The grid; cells are styled by `.orders-grid` in globals.css to keep each row's markup small. */
export function OrdersTable({ orders, stores, t, format }: { orders: OrderListRow[]; stores: { id: number; name: string }[]; t: Translate; format: Formatter }) {
  if (orders.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-500">{t("orders.noResults")}</p>;
  }
  const storeNames = new Map(stores.map((store) => [store.id, store.name]));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="orders-grid min-w-full text-sm" data-testid="orders-table">
        <thead className="bg-slate-50">
          <tr>
            <th>{t("orders.columns.orderNumber")}</th>
            <th>{t("orders.columns.date")}</th>
            <th>{t("orders.columns.store")}</th>
            <th>{t("orders.columns.recipient")}</th>
            <th>{t("orders.columns.items")}</th>
            <th className="num">{t("orders.columns.total")}</th>
            <th>{t("orders.columns.service")}</th>
            <th className="num">{t("orders.columns.weight")}</th>
            <th>{t("orders.columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className={order.active ? undefined : "inactive"} data-testid="order-row">
              <td className="nowrap">
                <Link href={`/orders/${order.id}`} prefetch={false}>
                  {order.orderNumber}
                </Link>
              </td>
              <td className="nowrap" data-testid="order-date" data-value={order.orderDate}>
                {format.dateTime(order.orderDate)}
              </td>
              <td className="nowrap">{storeNames.get(order.storeId)}</td>
              <td>
                {order.recipient ?? t("order.empty")}
                <small>{order.destination}</small>
              </td>
              <td>
                {t("orders.itemsSummary", { count: order.itemUnits })}
                <span className="truncate-line">{order.firstItemName}</span>
              </td>
              <td className="num" data-testid="order-total">{format.money(order.orderTotal, order.currency)}</td>
              <td>
                <small>{order.requestedService}</small>
              </td>
              <td className="num" data-testid="order-weight">
                {order.weightOz != null ? format.weight(order.weightOz) : ""}
                {order.weightFromItems && <small>{t("order.weightFromItems")}</small>}
              </td>
              <td>
                <StatusBadge status={order.status} label={t(`status.${order.status}`)} />
                {!order.active && <span className="flag">{t("orders.inactive")}</span>}
                {order.reactivatedInChannel && <span className="flag warn">{t("orders.reactivatedBadge")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
