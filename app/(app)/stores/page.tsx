import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { catalogOf, type Translate } from "@/lib/i18n/translate";
import { listStoresWithHealth } from "@/lib/stores/manage-stores";
import { platformKeys, type ConnectablePlatform } from "@/lib/stores/platforms";
import { importAllStoresAction } from "./actions";
import { ImportButton } from "./import-button";
import { storeNameIn } from "./store-name";
import { AttentionDetails, ConnectionState, NextImport, QuietFailure } from "./store-health-text";

export const generateMetadata = () => titleMetadata("meta.stores");

/** Names this many stores under the Import button, then counts the rest. */
const NAMED_STORES = 5;

function importHint(names: string[], t: Translate): string {
  if (names.length === 0) return t("stores.importAllNone");
  if (names.length <= NAMED_STORES) return t("stores.importAllHint", { stores: names.join(", ") });
  return t("stores.importAllHintMore", { stores: names.slice(0, NAMED_STORES).join(", "), count: names.length - NAMED_STORES });
}

/** A store's state in a word: imports failing again and again come first, then a connection not known to work. */
function stateWords(store: { platform: string; active: boolean; needsAttention: boolean; connection: "ok" | "untested" | "failed" }, t: Translate): string {
  if (!store.active) return t("stores.inactive");
  if (store.needsAttention) return t("stores.needsAttention");
  if (store.platform !== "manual" && store.connection === "failed") return t("stores.connection.failed");
  if (store.platform !== "manual" && store.connection === "untested") return t("stores.connection.untested");
  return t("stores.ok");
}

export default async function StoresPage() {
  const [session, { t, format, locale }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const now = Date.now();
  const stores = await listStoresWithHealth(session.workspaceId, now);
  const context = { t, format, now };
  // What the Import button imports: as importAllStores chooses them.
  const importable = stores.filter((store) => store.platform !== "manual" && store.active && store.connected);
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
      <ImportButton
        action={importAllStoresAction}
        label={t("stores.importAll")}
        pendingLabel={t("stores.importing")}
        hint={importHint(importable.map((store) => store.name), t)}
        progressUrl="/api/stores/import-progress"
        messages={catalogOf(locale).stores.progress}
        locale={locale}
        importingStoreIds={importable.filter((store) => store.importing).map((store) => store.id)}
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="stores-table">
          <thead className="bg-slate-50">
            <tr>
              <th className={th}>{t("stores.columns.store")}</th>
              <th className={th}>{t("stores.columns.platform")}</th>
              <th className={th}>{t("stores.columns.state")}</th>
              <th className={th}>{t("stores.columns.lastImport")}</th>
              <th className={th}>{t("stores.columns.nextImport")}</th>
              <th className={`${th} text-right`}>{t("stores.columns.orders")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {stores.map((store) => {
              const manual = store.platform === "manual";
              const platform = manual ? t("stores.manualStore") : t(platformKeys.name(store.platform as ConnectablePlatform));
              return (
                <tr key={store.id} data-testid="store-row" className="align-top">
                  <td className="px-3 py-2 font-medium">
                    {manual ? (
                      <>
                        {storeNameIn(store, t)}
                        <div className="text-xs font-normal text-slate-500">{t("stores.manualHint")}</div>
                      </>
                    ) : (
                      <Link href={`/stores/${store.id}`} className="text-brand-700 hover:underline">
                        {store.name}
                      </Link>
                    )}
                  </td>
                  <td className="px-3 py-2">{platform}</td>
                  <td className="max-w-md px-3 py-2">
                    <span data-testid="store-state" className={!store.active ? "text-slate-500" : store.needsAttention || store.connection === "failed" ? "font-semibold text-amber-800" : store.connection === "untested" ? "text-slate-600" : "text-emerald-700"}>
                      {stateWords(store, t)}
                    </span>
                    {!manual && store.active && !store.needsAttention && <ConnectionState health={store} context={context} />}
                    {store.active && store.needsAttention && (
                      <span className="mt-1 block text-amber-900" data-testid="store-attention">
                        <AttentionDetails storeId={store.id} platform={platform} health={store} context={context} />
                      </span>
                    )}
                    {store.active && !store.needsAttention && store.failures > 0 && <QuietFailure platform={platform} health={store} context={context} />}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {store.lastImportAt ? format.dateTime(store.lastImportAt) : manual ? "" : t("stores.never")}
                    {!manual && (
                      <span className="block text-xs text-slate-500" data-testid="last-automatic-import">
                        {store.lastAutomaticImportAt ? t("stores.lastAutomatic", { time: format.dateTime(store.lastAutomaticImportAt) }) : t("stores.noAutomatic")}
                      </span>
                    )}
                  </td>
                  <td className="max-w-xs px-3 py-2">{!manual && store.active && <NextImport health={store} platform={platform} context={context} />}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{format.number(store.orders)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
