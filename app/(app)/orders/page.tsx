import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, getTimeZone } from "@/lib/i18n/server";
import { getOrdersPage } from "@/lib/orders/get-orders-page";
import { orderListSearch, parseOrderListQuery } from "@/lib/orders/list-query";
import { catalogOf } from "@/lib/i18n/translate";
import { listStoresNeedingAttention } from "@/lib/stores/store-health";
import { EmptyOrders } from "./empty-orders";
import { OrderFilters } from "./order-filters";
import { OrdersTable } from "./orders-table";
import { Pagination } from "./pagination";
import { StatusTabs } from "./status-tabs";
import { StoreAlerts } from "./store-alerts";
import { importAllStoresAction } from "../stores/actions";
import { ImportButton } from "../stores/import-button";

export const metadata: Metadata = { title: "Orders" };

const secondaryButton = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [session, params, timeZone] = await Promise.all([requireWorkspaceSession(), searchParams, getTimeZone()]);
  const query = parseOrderListQuery(params);
  const now = Date.now();
  const [{ counts, page, stores, empty, total }, i18n, needingAttention] = await Promise.all([
    getOrdersPage(session.workspaceId, query, timeZone),
    getI18n(),
    listStoresNeedingAttention(session.workspaceId, now),
  ]);
  const { t } = i18n;

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t("orders.title")}</h1>
        <div className="flex items-center gap-3">
          <ImportButton
            action={importAllStoresAction}
            label={t("stores.importAll")}
            pendingLabel={t("stores.importing")}
            progressUrl="/api/stores/import-progress"
            messages={catalogOf(i18n.locale).stores.progress}
            locale={i18n.locale}
          />
          <Link href="/orders/import" className={secondaryButton}>
            {t("orders.importCsv")}
          </Link>
          {!empty && (
            // A download, not a page: a plain link, so the router does not try to render it.
            <a href={`/orders/export${orderListSearch({ ...query, size: undefined, after: undefined, before: undefined, offset: undefined })}`} title={t("orders.exportCsvHint")} className={secondaryButton} data-testid="export-csv">
              {t("orders.exportCsv")}
            </a>
          )}
          <Link href="/orders/new" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            {t("orders.newOrder")}
          </Link>
        </div>
      </div>
      <StoreAlerts stores={needingAttention} t={t} format={i18n.format} now={now} />
      {empty ? (
        <EmptyOrders t={t} />
      ) : (
        <>
          <StatusTabs query={query} counts={counts} t={t} format={i18n.format} />
          <OrderFilters query={query} stores={stores} t={t} />
          <OrdersTable orders={page.orders} stores={stores} t={t} format={i18n.format} />
          <Pagination query={query} page={page} total={total} t={t} format={i18n.format} />
        </>
      )}
    </div>
  );
}
