import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, getTimeZone, titleMetadata } from "@/lib/i18n/server";
import { newOrderFormValues } from "@/lib/orders/order-form";
import { listStores } from "@/lib/stores/list-stores";
import { OrderForm } from "../order-form";
import { createOrderAction } from "../actions";
import { storesNamedIn } from "../../stores/store-name";
import { openStatusOptions, orderFormLabels } from "../form-labels";

export const generateMetadata = () => titleMetadata("meta.newOrder");

export default async function NewOrderPage() {
  const [session, { t }, timeZone] = await Promise.all([requireWorkspaceSession(), getI18n(), getTimeZone()]);
  const stores = await listStores(session.workspaceId, { active: true });
  const initial = newOrderFormValues(stores, timeZone);
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-xl font-semibold">{t("orderForm.newTitle")}</h1>
      <OrderForm
        action={createOrderAction}
        initial={initial}
        stores={storesNamedIn(stores, t)}
        statuses={openStatusOptions(t)}
        labels={orderFormLabels(t)}
        submitLabel={t("orderForm.create")}
        cancelHref="/orders"
      />
    </div>
  );
}
