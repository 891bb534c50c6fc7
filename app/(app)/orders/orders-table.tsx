import Link from "next/link";
import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { OrderListRow } from "@/lib/orders/list-orders";
import { StatusBadge } from "../../ui/status-badge";
import { BULK_FORM_ID } from "./bulk-form-id";

/**
 * The grid; cells are styled by `.orders-grid` in globals.css to keep each row's markup small.
 * The order number's link covers its whole row (`.row-link`), so a click anywhere opens the
 * order while the link stays the one thing a keyboard or screen reader meets; the checkbox sits
 * above it and belongs to the bulk bar's form. On a phone each row stacks (see globals.css).
 */
export function OrdersTable({ orders, stores, emptyMessage, t, format }: { orders: OrderListRow[]; stores: { id: number; name: string }[]; emptyMessage: string; t: Translate; format: Formatter }) {
  if (orders.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-500" data-testid="orders-none">{emptyMessage}</p>;
  }
  const storeNames = new Map(stores.map((store) => [store.id, store.name]));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="orders-grid min-w-full text-sm" data-testid="orders-table">
        <thead className="bg-slate-50">
          <tr>
            <th className="select">
              <span className="sr-only">{t("orders.bulk.bar")}</span>
            </th>
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
              <td className="select">
                <input type="checkbox" name="orderId" value={order.id} form={BULK_FORM_ID} aria-label={t("orders.selectOrder", { number: order.orderNumber })} data-testid="select-order" />
              </td>
              <td className="nowrap number">
                <Link href={`/orders/${order.id}`} prefetch={false} className="row-link">
                  {order.orderNumber}
                </Link>
              </td>
              <td className="nowrap date" data-testid="order-date" data-value={order.orderDate}>
                {format.dateTime(order.orderDate)}
              </td>
              <td className="nowrap phone-hidden">{storeNames.get(order.storeId)}</td>
              <td className="recipient" data-testid="order-recipient">
                {order.recipient ?? t("order.empty")}
                <small>{order.destination}</small>
              </td>
              <td className="phone-hidden">
                {t("orders.itemsSummary", { count: order.itemUnits })}
                <span className="truncate-line">{order.firstItemName}</span>
              </td>
              <td className="num total" data-testid="order-total">{format.money(order.orderTotal, order.currency)}</td>
              <td className="phone-hidden">
                <small>{order.requestedService}</small>
              </td>
              <td className="num phone-hidden" data-testid="order-weight">
                {order.weightOz != null ? format.weight(order.weightOz) : ""}
                {order.weightFromItems && <small>{t("order.weightFromItems")}</small>}
              </td>
              <td className="status" data-testid="order-status">
                <StatusBadge status={order.status} label={t(`orderStatus.${order.status}`)} />
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
