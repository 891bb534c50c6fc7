import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { getI18n, getTimeZone, titleMetadata } from "@/lib/i18n/server";
import { getOrderEditForm } from "@/lib/orders/get-order";
import { OrderForm } from "../../order-form";
import { updateOrderAction } from "../../actions";
import { storesNamedIn } from "../../../stores/store-name";
import { openStatusOptions, orderFormLabels } from "../../form-labels";

export const generateMetadata = () => titleMetadata("meta.editOrder");

export default async function EditOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const [session, { orderId }, { t }, timeZone] = await Promise.all([requireWorkspaceSession(), params, getI18n(), getTimeZone()]);
  const order = await orNotFound(getOrderEditForm(session.workspaceId, Number(orderId), timeZone));
  if (order.locked) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-xl font-semibold">{t("orderForm.editTitle", { number: order.orderNumber })}</h1>
        <p role="status" className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm" data-testid="locked-reason">
          {order.locked === "shipped" ? t("orderActions.lockedShipped") : t("orderActions.lockedCancelled")}
        </p>
        <Link href={`/orders/${order.id}`} className="text-sm text-brand-700 hover:underline">
          ← {t("order.backToOrders")}
        </Link>
      </div>
    );
  }
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-xl font-semibold">{t("orderForm.editTitle", { number: order.orderNumber })}</h1>
      <OrderForm
        action={updateOrderAction.bind(null, order.id)}
        initial={order.initial}
        stores={storesNamedIn(order.stores, t)}
        statuses={openStatusOptions(t)}
        labels={orderFormLabels(t)}
        submitLabel={t("orderForm.save")}
        cancelHref={`/orders/${order.id}`}
      />
    </div>
  );
}
