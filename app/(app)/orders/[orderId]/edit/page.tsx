import Link from "next/link";
import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, getTimeZone } from "@/lib/i18n/server";
import { fromOrderRow } from "@/lib/orders/columns";
import { toOrderFormValues } from "@/lib/orders/order-form";
import { listStores } from "@/lib/stores/list-stores";
import { OrderForm } from "../../order-form";
import { updateOrderAction } from "../../actions";
import { openStatusOptions, orderFormLabels } from "../../form-labels";
import { loadOrderOrNotFound } from "../load-order";

export const metadata: Metadata = { title: "Edit order" };

export default async function EditOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const [session, { orderId }, { t }, timeZone] = await Promise.all([requireWorkspaceSession(), params, getI18n(), getTimeZone()]);
  const order = await loadOrderOrNotFound(session.workspaceId, orderId);
  const locked = order.status === "shipped" || order.status === "cancelled" || !order.active || order.deleted_at != null;
  if (locked) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-xl font-semibold">{t("orderForm.editTitle", { number: order.order_number })}</h1>
        <p role="status" className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm" data-testid="locked-reason">
          {order.status === "shipped" ? t("orderActions.lockedShipped") : t("orderActions.lockedCancelled")}
        </p>
        <Link href={`/orders/${order.id}`} className="text-sm text-brand-700 hover:underline">
          ← {t("order.backToOrders")}
        </Link>
      </div>
    );
  }
  const stores = (await listStores(session.workspaceId)).filter((store) => store.id === order.store_id);
  const initial = toOrderFormValues({ ...fromOrderRow(order, order.items), storeId: order.store_id }, timeZone);
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-xl font-semibold">{t("orderForm.editTitle", { number: order.order_number })}</h1>
      <OrderForm
        action={updateOrderAction.bind(null, order.id)}
        initial={initial}
        stores={stores}
        statuses={openStatusOptions(t)}
        labels={orderFormLabels(t)}
        submitLabel={t("orderForm.save")}
        cancelHref={`/orders/${order.id}`}
      />
    </div>
  );
}
