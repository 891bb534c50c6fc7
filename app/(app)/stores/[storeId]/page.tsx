import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { listImportRuns } from "@/lib/imports/import-runs";
import { PLATFORMS, STATUS_MAPPING_KEYS, type ConnectablePlatform } from "@/lib/stores/platforms";
import { importStoreAction, saveStoreAction, setStoreActiveAction } from "../actions";
import { storeFormFields } from "../form-fields";
import { ImportButton } from "../import-button";
import { StoreForm } from "../store-form";

export const metadata: Metadata = { title: "Store" };

/** This app's public address, as the browser reached it (behind a proxy: its forwarded host). */
async function requestOrigin(): Promise<string> {
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "localhost:3000";
  const protocol = incoming.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host}`;
}

export default async function StorePage({ params }: { params: Promise<{ storeId: string }> }) {
  const [session, { storeId: param }, { t, format }] = await Promise.all([requireWorkspaceSession(), params, getI18n()]);
  const storeId = /^\d+$/.test(param) ? Number(param) : NaN;
  const store = Number.isSafeInteger(storeId)
    ? await getDb()
        .selectFrom("stores")
        .select(["id", "name", "platform", "base_url", "active", "status_mapping", "last_error"])
        .where("id", "=", storeId)
        .where("workspace_id", "=", session.workspaceId)
        .executeTakeFirst()
    : undefined;
  if (!store || store.platform === "manual") notFound();
  const platform = store.platform as ConnectablePlatform;
  const runs = await listImportRuns(session.workspaceId, store.id);
  const { fields, statusFields } = storeFormFields(platform, t, true);
  const mapping = store.status_mapping ? (JSON.parse(store.status_mapping) as Record<string, string>) : {};
  const initial: Record<string, string> = { name: store.name, baseUrl: store.base_url ?? "" };
  for (const key of STATUS_MAPPING_KEYS) if (mapping[key]) initial[`statusMapping.${key}`] = mapping[key];
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{store.name}</h1>
        <span className="text-sm text-slate-500">{PLATFORMS[platform].label}</span>
        {!store.active && <span className="text-sm text-slate-500">· {t("stores.inactive")}</span>}
      </div>
      {store.last_error && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="store-error">
          {t("stores.needsAttention")}: {store.last_error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        {store.active && <ImportButton action={importStoreAction.bind(null, store.id)} label={t("stores.importNow")} pendingLabel={t("stores.importing")} />}
        <form action={setStoreActiveAction.bind(null, store.id, !store.active)}>
          <button className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">{store.active ? t("stores.deactivate") : t("stores.reactivate")}</button>
        </form>
        {store.active && <span className="text-xs text-slate-500">{t("stores.deactivateHint")}</span>}
      </div>

      {(platform === "shopify" || platform === "woocommerce") && (
        <section className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-base font-semibold">{t("stores.webhookTitle")}</h2>
          <p className="text-sm text-slate-600">{t("stores.webhookIntro")}</p>
          <code className="block rounded bg-slate-100 px-2 py-1 text-xs" data-testid="webhook-url">
            {`${await requestOrigin()}/api/webhooks/${platform}/${store.id}`}
          </code>
        </section>
      )}

      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t("stores.history")}</h2>
        {runs.length === 0 ? (
          <p className="text-sm text-slate-500">{t("stores.noRuns")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="import-history">
              <thead className="bg-slate-50">
                <tr>
                  <th className={th}>{t("stores.historyColumns.when")}</th>
                  <th className={th}>{t("stores.historyColumns.trigger")}</th>
                  <th className={th}>{t("stores.historyColumns.result")}</th>
                  <th className={th}>{t("stores.historyColumns.counts")}</th>
                  <th className={th}>{t("stores.historyColumns.duration")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {runs.map((run) => (
                  <tr key={run.id} data-testid="import-run">
                    <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(run.started_at)}</td>
                    <td className="px-3 py-2">{t(`stores.triggers.${run.trigger}` as MessageKey)}</td>
                    <td className="px-3 py-2">
                      {t(`stores.runStatus.${run.status}` as MessageKey)}
                      {run.error && <span className="block text-xs text-red-700">{run.error}</span>}
                    </td>
                    <td className="px-3 py-2 text-xs">{t("stores.counts", { created: run.created, updated: run.updated, unchanged: run.unchanged, skipped: run.skipped, failed: run.failed })}</td>
                    <td className="px-3 py-2 text-xs tabular-nums">{run.finished_at ? `${format.number((run.finished_at - run.started_at) / 1000)} s` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t("stores.editTitle")}</h2>
        <StoreForm
          action={saveStoreAction.bind(null, platform, store.id)}
          fields={fields}
          statusFields={statusFields}
          initial={initial}
          labels={{ test: t("stores.testConnection"), save: t("stores.save"), statusTitle: t("stores.statusMappingTitle"), statusIntro: t("stores.statusMappingIntro") }}
        />
      </section>
    </div>
  );
}
