import Link from "next/link";
import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { listStoresWithHealth } from "@/lib/stores/manage-stores";
import { PLATFORMS, type ConnectablePlatform } from "@/lib/stores/platforms";
import { importAllStoresAction } from "./actions";
import { ImportButton } from "./import-button";

export const metadata: Metadata = { title: "Stores" };

export default async function StoresPage() {
  const [session, { t, format }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const stores = await listStoresWithHealth(session.workspaceId);
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("stores.title")}</h1>
        <div className="flex items-center gap-3">
          <Link href="/stores/integrations" className="text-sm text-brand-700 hover:underline">
            {t("stores.integrations")}
          </Link>
          <Link href="/stores/connect" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            {t("stores.connect")}
          </Link>
        </div>
      </div>
      <ImportButton action={importAllStoresAction} label={t("stores.importAll")} pendingLabel={t("stores.importing")} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="stores-table">
          <thead className="bg-slate-50">
            <tr>
              <th className={th}>{t("stores.columns.store")}</th>
              <th className={th}>{t("stores.columns.platform")}</th>
              <th className={th}>{t("stores.columns.state")}</th>
              <th className={th}>{t("stores.columns.lastImport")}</th>
              <th className={`${th} text-right`}>{t("stores.columns.orders")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {stores.map((store) => (
              <tr key={store.id} data-testid="store-row">
                <td className="px-3 py-2 font-medium">
                  {store.platform === "manual" ? (
                    <>
                      {store.name}
                      <div className="text-xs font-normal text-slate-500">{t("stores.manualHint")}</div>
                    </>
                  ) : (
                    <Link href={`/stores/${store.id}`} className="text-brand-700 hover:underline">
                      {store.name}
                    </Link>
                  )}
                </td>
                <td className="px-3 py-2">{store.platform === "manual" ? t("stores.manualStore") : PLATFORMS[store.platform as ConnectablePlatform].label}</td>
                <td className="px-3 py-2" data-testid="store-state">
                  {!store.active ? (
                    <span className="text-slate-500">{t("stores.inactive")}</span>
                  ) : store.needsAttention ? (
                    <span className="text-amber-800">
                      {t("stores.needsAttention")}
                      <span className="block text-xs">{store.lastError}</span>
                    </span>
                  ) : (
                    <span className="text-emerald-700">{t("stores.ok")}</span>
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{store.lastImportAt ? format.dateTime(store.lastImportAt) : store.platform === "manual" ? "" : t("stores.never")}</td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(store.orders)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
