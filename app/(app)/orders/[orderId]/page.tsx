import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { en } from "@/lib/i18n/messages/en";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { getOrderOrThrow, type CancelledHow } from "@/lib/orders/get-order";
import { catalogOf } from "@/lib/i18n/translate";
import { getOrderShippingChoice } from "@/lib/rating/order-parcel";
import { todayIn } from "@/lib/rating/today";
import { StatusBadge } from "../../../ui/status-badge";
import { AddressCard } from "./address-card";
import { OrderHistory } from "./order-history";
import { OrderActions } from "./order-actions";
import { storeNameIn } from "../../stores/store-name";
import { OrderRates } from "./order-rates";

export const generateMetadata = () => titleMetadata("meta.order");

function orderActionLabels(t: Translate, orderNumber: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of Object.keys(en.orderActions)) labels[key] = t(`orderActions.${key}` as MessageKey, { number: orderNumber });
  return labels;
}

/** The notice for an order the channel reopened, in words for how it was cancelled. */
function reactivatedNoticeKey(cancelled: CancelledHow | undefined): MessageKey {
  if (cancelled === "arrived") return "order.reactivatedNoticeArrived";
  if (cancelled === "channel") return "order.reactivatedNoticeChannel";
  return "order.reactivatedNotice";
}

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const [session, { orderId }, { t, format, locale }] = await Promise.all([requireWorkspaceSession(), params, getI18n()]);
  const order = await orNotFound(getOrderOrThrow(session.workspaceId, Number(orderId)));
  const shippingChoice = await getOrderShippingChoice(session.workspaceId, order.id, todayIn(format.timeZone));
  const dash = t("order.empty");
  const date = (ms: number | null) => (ms == null ? dash : format.dateTime(ms));
  const section = "rounded-lg border border-slate-200 bg-white p-4";
  const heading = "mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500";
  const computedTotal = order.amounts.subtotal + order.amounts.tax + order.amounts.shipping;

  return (
    <article className="space-y-4">
      <Link href="/orders" className="text-sm text-brand-700 hover:underline">
        ← {t("order.backToOrders")}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("order.title", { number: order.orderNumber })}</h1>
        <StatusBadge status={order.status} label={t(`orderStatus.${order.status}`)} />
        {!order.active && <span className="text-sm text-slate-500">{t("orders.inactive")}</span>}
        <p className="w-full text-sm text-slate-500">
          {t("order.placed", { date: format.dateTime(order.dates.order) })} · {t("order.inStore", { store: storeNameIn({ name: order.storeName, platform: order.storePlatform }, t) })}
        </p>
      </header>

      {!order.active && (
        <p role="status" className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700" data-testid="inactive-notice">
          {t("order.inactiveNotice")}
        </p>
      )}
      {order.deleted && (
        <p role="status" className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700" data-testid="deleted-notice">
          {t("order.deletedNotice")}
        </p>
      )}
      {order.reactivated && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="reactivated-notice">
          {order.replacedBy ? (
            <>
              {t("order.reactivatedNoticeReplaced", { number: order.replacedBy.orderNumber })}{" "}
              <Link href={`/orders/${order.replacedBy.id}`} className="font-medium underline" data-testid="replaced-by-link">
                {t("order.openOrder", { number: order.replacedBy.orderNumber })}
              </Link>
            </>
          ) : (
            t(reactivatedNoticeKey(order.reactivation?.cancelled))
          )}
        </p>
      )}
      {order.replaces && (
        <p role="status" className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700" data-testid="replaces-notice">
          {t("order.replacesNotice", { number: order.replaces.orderNumber })}{" "}
          <Link href={`/orders/${order.replaces.id}`} className="font-medium text-brand-700 underline" data-testid="replaces-link">
            {t("order.openOrder", { number: order.replaces.orderNumber })}
          </Link>
        </p>
      )}

      <OrderActions
        order={{ id: order.id, status: order.status, locked: order.locked, deleted: order.deleted, reactivated: order.reactivated, replacedByOrderId: order.replacedByOrderId }}
        labels={orderActionLabels(t, order.replacedBy?.orderNumber ?? order.orderNumber)}
      />

      {!order.deleted && (
        <OrderRates
          orderId={order.id}
          canChoose={!order.locked}
          saved={
            shippingChoice && {
              label: [shippingChoice.carrierName ?? shippingChoice.carrierCode, shippingChoice.serviceName ?? shippingChoice.serviceCode, shippingChoice.packageCode].filter(Boolean).join(" · "),
              samplePrices: shippingChoice.samplePrices,
            }
          }
          messages={{ ...catalogOf(locale).rates, ratingErrors: catalogOf(locale).ratingErrors }}
          locale={locale}
        />
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <section className={`${section} lg:col-span-2`}>
          <h2 className={heading}>{t("order.items")}</h2>
          {/* On a phone the five columns scroll inside the card rather than widen the page. */}
          <div className="overflow-x-auto">
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
                    {item.weightOz != null && <span className="ml-2 text-xs text-slate-500">{format.weight(item.weightOz)}</span>}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(item.quantity)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.money(item.unitPrice, order.currency)}</td>
                  <td className="py-2 text-right tabular-nums">{format.money(item.lineTotal, order.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <dl className="mt-4 ml-auto grid max-w-xs grid-cols-2 gap-y-1 text-sm" data-testid="order-amounts">
            <dt className="text-slate-500">{t("order.subtotal")}</dt>
            <dd className="text-right tabular-nums">{format.money(order.amounts.subtotal, order.currency)}</dd>
            <dt className="text-slate-500">{t("order.tax")}</dt>
            <dd className="text-right tabular-nums">{format.money(order.amounts.tax, order.currency)}</dd>
            <dt className="text-slate-500">{t("order.shipping")}</dt>
            <dd className="text-right tabular-nums">{format.money(order.amounts.shipping, order.currency)}</dd>
            <dt className="font-semibold">{t("order.orderTotal")}</dt>
            <dd className="text-right font-semibold tabular-nums" data-testid="order-total">
              {format.money(order.amounts.total, order.currency)}
            </dd>
            <dd className="col-span-2 text-right text-xs text-slate-500" data-testid="order-total-source">
              {order.amounts.totalComputed ? t("order.totalComputed") : t("order.totalFromChannel")}
            </dd>
            {!order.amounts.totalComputed && computedTotal !== order.amounts.total && (
              <dd className="col-span-2 text-right text-xs text-slate-500" data-testid="order-total-differs">
                {t("order.totalDiffers", { computed: format.money(computedTotal, order.currency) })}
              </dd>
            )}
            <dt className="text-slate-500">{t("order.amountPaid")}</dt>
            <dd className="text-right tabular-nums">{format.money(order.amounts.paid, order.currency)}</dd>
          </dl>
        </section>

        <div className="space-y-4">
          <AddressCard title={t("order.shipTo")} address={order.shipTo} testId="address-ship_to" t={t} />
          <AddressCard title={t("order.billTo")} address={order.billTo} testId="address-bill_to" t={t} />
          <section className={section}>
            <h2 className={heading}>{t("order.customer")}</h2>
            <p className="text-sm">{order.customerEmail ?? dash}</p>
            {order.customerUsername && <p className="text-sm text-slate-500">{order.customerUsername}</p>}
          </section>
        </div>

        <section className={section}>
          <h2 className={heading}>{t("order.shippingDetails")}</h2>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("order.requestedService")}</dt>
            <dd>{order.requestedService ?? dash}</dd>
            {order.trackingNumber && (
              <>
                <dt className="text-slate-500">{t("orderActions.trackingNumber")}</dt>
                <dd data-testid="tracking-number">
                  {order.carrierCode ? `${order.carrierCode} · ` : ""}
                  {order.trackingNumber}
                </dd>
              </>
            )}
            <dt className="text-slate-500">{t("order.weight")}</dt>
            <dd data-testid="order-weight">
              {order.weightOz != null ? format.weight(order.weightOz) : dash}
              {order.weightFromItems && <span className="ml-1 text-xs text-slate-500">({t("order.weightFromItems")})</span>}
            </dd>
            <dt className="text-slate-500">{t("order.dimensions")}</dt>
            <dd>
              {order.dimensions
                ? `${format.number(order.dimensions.length)} × ${format.number(order.dimensions.width)} × ${format.number(order.dimensions.height)} ${order.dimensions.units === "centimeters" ? "cm" : "in"}`
                : dash}
            </dd>
          </dl>
        </section>

        <section className={section}>
          <h2 className={heading}>{t("order.dates")}</h2>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("order.orderDate")}</dt>
            <dd>{date(order.dates.order)}</dd>
            <dt className="text-slate-500">{t("order.paymentDate")}</dt>
            <dd>{date(order.dates.payment)}</dd>
            <dt className="text-slate-500">{t("order.shipByDate")}</dt>
            <dd>{date(order.dates.shipBy)}</dd>
            <dt className="text-slate-500">{t("order.shipDate")}</dt>
            <dd>{date(order.dates.ship)}</dd>
            {order.dates.holdUntil != null && (
              <>
                <dt className="text-slate-500">{t("order.holdUntil")}</dt>
                <dd>{format.date(order.dates.holdUntil)}</dd>
              </>
            )}
          </dl>
        </section>

        <section className={section}>
          <h2 className={heading}>{t("order.notes")}</h2>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">{t("order.customerNotes")}</dt>
              <dd className="whitespace-pre-line">{order.customerNotes ?? t("order.none")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("order.internalNotes")}</dt>
              <dd className="whitespace-pre-line">{order.internalNotes ?? t("order.none")}</dd>
            </div>
            {order.gift && (
              <div>
                <dt className="text-slate-500">{t("order.giftMessage")}</dt>
                <dd>{order.giftMessage ?? t("order.gift")}</dd>
              </div>
            )}
          </dl>
        </section>
      </div>

      <OrderHistory events={order.history} currency={order.currency} t={t} format={format} />
    </article>
  );
}
