import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, getTimeZone, titleMetadata } from "@/lib/i18n/server";
import { getOrdersPage } from "@/lib/orders/get-orders-page";
import { orderListSearch, parseOrderListQuery } from "@/lib/orders/list-query";
import { catalogOf } from "@/lib/i18n/translate";
import { listStoresNeedingAttention } from "@/lib/stores/store-health";
import { BulkBar } from "./bulk-bar";
import { EmptyOrders } from "./empty-orders";
import { ImportRunBanner } from "./import-run-banner";
import { storesNamedIn } from "../stores/store-name";
import { FiltersDrawer } from "./filters-drawer";
import { OrderFilters } from "./order-filters";
import { OrdersTable } from "./orders-table";
import { Pagination } from "./pagination";
import { StatusTabs } from "./status-tabs";
import { StoreAlerts } from "./store-alerts";
import { importAllStoresAction } from "../stores/actions";
import { ImportButton } from "../stores/import-button";

export const generateMetadata = () => titleMetadata("meta.orders");

const secondaryButton = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [session, params, timeZone] = await Promise.all([requireWorkspaceSession(), searchParams, getTimeZone()]);
  const query = parseOrderListQuery(params);
  const now = Date.now();
  const [{ counts, page, stores: storedStores, empty, total, run }, i18n, needingAttention] = await Promise.all([
    getOrdersPage(session.workspaceId, query, timeZone),
    getI18n(),
    listStoresNeedingAttention(session.workspaceId, now),
  ]);
  const { t } = i18n;
  const stores = storesNamedIn(storedStores, t);
  // The store and the import are filters the tab counts follow; a search or dates narrow the list but not the counters.
  const narrowed = Boolean(query.q || query.from || query.to);
  const filtered = narrowed || Boolean(query.store || query.run);
  const activeFilters = [query.q, query.store, query.from, query.to].filter(Boolean).length;
  const catalog = catalogOf(i18n.locale);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("orders.title")}</h1>
        <div className="flex flex-wrap items-center gap-2 sm:gap-3">
          <ImportButton
            action={importAllStoresAction}
            label={t("stores.importAll")}
            pendingLabel={t("stores.importing")}
            progressUrl="/api/stores/import-progress"
            messages={catalog.stores.progress}
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
          {query.run && <ImportRunBanner run={run} query={query} stores={stores} t={t} format={i18n.format} />}
          <StatusTabs query={query} counts={counts} t={t} format={i18n.format} />
          {narrowed && (
            <p className="text-xs text-slate-500" data-testid="counts-note">
              {t(query.run ? "orders.countsUnfilteredRun" : query.store ? "orders.countsUnfilteredStore" : "orders.countsUnfiltered")}
            </p>
          )}
          <FiltersDrawer label={t("orders.showFilters")} closeLabel={t("orders.hideFilters")} activeCount={activeFilters}>
            <OrderFilters query={query} stores={stores} t={t} />
          </FiltersDrawer>
          {page.orders.length > 0 && <BulkBar locale={i18n.locale} messages={{ ...catalog.orders.bulk, selectAll: catalog.orders.selectAll }} />}
          <OrdersTable
            orders={page.orders}
            stores={stores}
            emptyMessage={filtered ? t("orders.noResults") : t(`orders.emptyTab.${query.status}`)}
            t={t}
            format={i18n.format}
          />
          <Pagination query={query} page={page} total={total} t={t} format={i18n.format} />
        </>
      )}
    </div>
  );
}
