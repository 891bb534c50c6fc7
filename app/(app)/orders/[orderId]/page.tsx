import Link from "next/link";
import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { en } from "@/lib/i18n/messages/en";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { StatusBadge } from "../../../ui/status-badge";
import { AddressCard } from "./address-card";
import { OrderHistory } from "./order-history";
import { loadOrderOrNotFound } from "./load-order";
import { OrderActions } from "./order-actions";

export const metadata: Metadata = { title: "Order" };

function orderActionLabels(t: Translate, orderNumber: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of Object.keys(en.orderActions)) labels[key] = t(`orderActions.${key}` as MessageKey, { number: orderNumber });
  return labels;
}

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const [session, { orderId }, { t, format }] = await Promise.all([requireWorkspaceSession(), params, getI18n()]);
  const order = await loadOrderOrNotFound(session.workspaceId, orderId);
  const subtotal = order.items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0);
  const dash = t("order.empty");
  const date = (ms: number | null) => (ms == null ? dash : format.dateTime(ms));
  const section = "rounded-lg border border-slate-200 bg-white p-4";
  const heading = "mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500";

  return (
    <article className="space-y-4">
      <Link href="/orders" className="text-sm text-brand-700 hover:underline">
        ← {t("order.backToOrders")}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("order.title", { number: order.order_number })}</h1>
        <StatusBadge status={order.status} label={t(`status.${order.status}`)} />
        {!order.active && <span className="text-sm text-slate-500">{t("orders.inactive")}</span>}
        <p className="w-full text-sm text-slate-500">
          {t("order.placed", { date: format.dateTime(order.order_date) })} · {t("order.store")}: {order.store_name}
        </p>
      </header>

      {!order.active && (
        <p role="status" className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700" data-testid="inactive-notice">
          {t("order.inactiveNotice")}
        </p>
      )}
      {order.deleted_at != null && (
        <p role="status" className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700" data-testid="deleted-notice">
          {t("order.deletedNotice")}
        </p>
      )}
      {order.reactivated_in_channel_at != null && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="reactivated-notice">
          {t("order.reactivatedNotice")}
        </p>
      )}

      <OrderActions
        order={{
          id: order.id,
          status: order.status,
          active: order.active === 1,
          deleted: order.deleted_at != null,
          reactivated: order.reactivated_in_channel_at != null,
          replacedByOrderId: order.replaced_by_order_id,
          orderNumber: order.order_number,
        }}
        labels={orderActionLabels(t, order.order_number)}
      />

      <div className="grid gap-4 lg:grid-cols-3">
        <section className={`${section} lg:col-span-2`}>
          <h2 className={heading}>{t("order.items")}</h2>
          <table className="min-w-full text-sm" data-testid="order-items">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-3">{t("order.sku")}</th>
                <th className="py-1 pr-3">{t("order.item")}</th>
                <th className="py-1 pr-3 text-right">{t("order.quantity")}</th>
                <th className="py-1 pr-3 text-right">{t("order.unitPrice")}</th>
                <th className="py-1 text-right">{t("order.lineTotal")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {order.items.map((item) => (
                <tr key={item.id}>
                  <td className="py-2 pr-3 font-mono text-xs">{item.sku ?? dash}</td>
                  <td className="py-2 pr-3">
                    {item.name}
                    {item.weight_oz != null && <span className="ml-2 text-xs text-slate-500">{format.weight(item.weight_oz)}</span>}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(item.quantity)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.money(item.unit_price, order.currency)}</td>
                  <td className="py-2 text-right tabular-nums">{format.money(item.unit_price * item.quantity, order.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="mt-4 ml-auto grid max-w-xs grid-cols-2 gap-y-1 text-sm" data-testid="order-amounts">
            <dt className="text-slate-500">{t("order.subtotal")}</dt>
            <dd className="text-right tabular-nums">{format.money(subtotal, order.currency)}</dd>
            <dt className="text-slate-500">{t("order.tax")}</dt>
            <dd className="text-right tabular-nums">{format.money(order.tax_amount, order.currency)}</dd>
            <dt className="text-slate-500">{t("order.shipping")}</dt>
            <dd className="text-right tabular-nums">{format.money(order.shipping_amount, order.currency)}</dd>
            <dt className="font-semibold">{t("order.orderTotal")}</dt>
            <dd className="text-right font-semibold tabular-nums">{format.money(order.order_total, order.currency)}</dd>
            <dt className="text-slate-500">{t("order.amountPaid")}</dt>
            <dd className="text-right tabular-nums">{format.money(order.amount_paid, order.currency)}</dd>
          </dl>
        </section>

        <div className="space-y-4">
          <AddressCard title={t("order.shipTo")} order={order} prefix="ship_to" t={t} />
          <AddressCard title={t("order.billTo")} order={order} prefix="bill_to" t={t} />
          <section className={section}>
            <h2 className={heading}>{t("order.customer")}</h2>
            <p className="text-sm">{order.customer_email ?? dash}</p>
            {order.customer_username && order.customer_username !== order.customer_email && <p className="text-sm text-slate-500">{order.customer_username}</p>}
          </section>
        </div>

        <section className={section}>
          <h2 className={heading}>{t("order.shippingDetails")}</h2>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("order.requestedService")}</dt>
            <dd>{order.requested_shipping_service ?? dash}</dd>
            {order.tracking_number && (
              <>
                <dt className="text-slate-500">{t("orderActions.trackingNumber")}</dt>
                <dd data-testid="tracking-number">
                  {order.carrier_code ? `${order.carrier_code} · ` : ""}
                  {order.tracking_number}
                </dd>
              </>
            )}
            <dt className="text-slate-500">{t("order.weight")}</dt>
            <dd data-testid="order-weight">{order.weight_oz != null ? format.weight(order.weight_oz) : dash}</dd>
            <dt className="text-slate-500">{t("order.dimensions")}</dt>
            <dd>
              {order.dim_length != null && order.dim_width != null && order.dim_height != null
                ? `${format.number(order.dim_length)} × ${format.number(order.dim_width)} × ${format.number(order.dim_height)} ${order.dim_units === "centimeters" ? "cm" : "in"}`
                : dash}
            </dd>
          </dl>
        </section>

        <section className={section}>
          <h2 className={heading}>{t("order.dates")}</h2>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("order.orderDate")}</dt>
            <dd>{date(order.order_date)}</dd>
            <dt className="text-slate-500">{t("order.paymentDate")}</dt>
            <dd>{date(order.payment_date)}</dd>
            <dt className="text-slate-500">{t("order.shipByDate")}</dt>
            <dd>{date(order.ship_by_date)}</dd>
            <dt className="text-slate-500">{t("order.shipDate")}</dt>
            <dd>{date(order.ship_date)}</dd>
            {order.hold_until_date != null && (
              <>
                <dt className="text-slate-500">{t("order.holdUntil")}</dt>
                <dd>{format.date(order.hold_until_date)}</dd>
              </>
            )}
          </dl>
        </section>

        <section className={section}>
          <h2 className={heading}>{t("order.notes")}</h2>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">{t("order.customerNotes")}</dt>
              <dd className="whitespace-pre-line">{order.customer_notes ?? t("order.none")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("order.internalNotes")}</dt>
              <dd className="whitespace-pre-line">{order.internal_notes ?? t("order.none")}</dd>
            </div>
            {order.gift === 1 && (
              <div>
                <dt className="text-slate-500">{t("order.giftMessage")}</dt>
                <dd>{order.gift_message ?? t("order.gift")}</dd>
              </div>
            )}
          </dl>
        </section>
      </div>

      <OrderHistory events={order.events} currency={order.currency} t={t} format={format} />
    </article>
  );
}
