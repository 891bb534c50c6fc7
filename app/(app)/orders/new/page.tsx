import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, getTimeZone } from "@/lib/i18n/server";
import { listStores } from "@/lib/stores/list-stores";
import { zoneOffsetMs } from "@/lib/dates";
import { OrderForm } from "../order-form";
import { createOrderAction } from "../actions";
import { openStatusOptions, orderFormLabels } from "../form-labels";

export const metadata: Metadata = { title: "New order" };

export default async function NewOrderPage() {
  const [session, { t }, timeZone] = await Promise.all([requireWorkspaceSession(), getI18n(), getTimeZone()]);
  const stores = (await listStores(session.workspaceId)).filter((store) => store.active);
  const manual = stores.find((store) => store.platform === "manual") ?? stores[0];
  const now = Date.now();
  const initial = {
    storeId: String(manual?.id ?? ""),
    status: "awaiting_shipment",
    orderDate: new Date(now + zoneOffsetMs(now, timeZone)).toISOString().slice(0, 16),
    "shipTo.country": "US",
    "shipTo.residential": "on",
    billToSameAsShipTo: "on",
    weightUnit: "ounces",
  };
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-xl font-semibold">{t("orderForm.newTitle")}</h1>
      <OrderForm
        action={createOrderAction}
        initial={initial}
        stores={stores}
        statuses={openStatusOptions(t)}
        labels={orderFormLabels(t)}
        submitLabel={t("orderForm.create")}
        cancelHref="/orders"
      />
    </div>
  );
}
