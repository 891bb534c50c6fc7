import { headers } from "next/headers";
import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { localize } from "@/lib/i18n/message";
import { catalogOf, type MessageKey } from "@/lib/i18n/translate";
import { getStoreActivity } from "@/lib/imports/store-activity";
import { getStoreOrThrow } from "@/lib/stores/get-store";
import { DELETED_SUFFIX } from "@/lib/stores/manage-stores";
import { platformKeys } from "@/lib/stores/platforms";
import { dayOf } from "@/lib/stores/store-sweeps";
import { lastSweepWords, sweepWindowWords } from "@/lib/stores/sweep-words";
import { deleteStoreAction, importStoreAction, saveStoreAction, setStoreActiveAction, setStoreAutoImportAction, sweepStoreRangeAction } from "../actions";
import { storeFormFields, storeFormLabels } from "../form-fields";
import { ActiveButton } from "../active-button";
import { AutoImportSwitch } from "../auto-import-switch";
import { ImportButton } from "../import-button";
import { AttentionDetails, ConnectionState, NextImport, QuietFailure } from "../store-health-text";
import { StoreForm } from "../store-form";
import { ActivityChart } from "./activity-chart";
import { DeleteStoreForm } from "./delete-store-form";
import { SweepForm } from "./sweep-form";

export const generateMetadata = () => titleMetadata("meta.store");

/** This app's public address, as the browser reached it (behind a proxy: its forwarded host). */
async function requestOrigin(): Promise<string> {
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "localhost:3000";
  const protocol = incoming.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host}`;
}

export default async function StorePage({ params }: { params: Promise<{ storeId: string }> }) {
  const [session, { storeId: param }, { t, format, locale }] = await Promise.all([requireWorkspaceSession(), params, getI18n()]);
  const now = Date.now();
  const [store, activity] = await orNotFound(Promise.all([getStoreOrThrow(session.workspaceId, Number(param), now), getStoreActivity(session.workspaceId, Number(param), now)]));
  const platform = store.platform;
  const platformLabel = t(platformKeys.name(platform));
  const { health } = store;
  const context = { t, format, now };
  const { fields, statusFields } = storeFormFields(platform, t, store.savedSecrets);
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{store.name}</h1>
        <span className="text-sm text-slate-500">{platformLabel}</span>
        {!store.active && <span className="text-sm text-slate-500">· {t("stores.inactive")}</span>}
      </div>
      {store.active && !health.needsAttention && health.connection !== "ok" && (
        <div role="status" className={`rounded-md border px-4 py-3 ${health.connection === "failed" ? "border-amber-300 bg-amber-50 text-amber-900" : "border-slate-200 bg-slate-50 text-slate-700"}`} data-testid="store-connection-state">
          <p className="font-semibold">{t(health.connection === "failed" ? "stores.connection.failed" : "stores.connection.untested")}</p>
          <ConnectionState health={health} context={context} />
        </div>
      )}
      {store.active && health.needsAttention && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900" data-testid="store-error">
          <p className="font-semibold">{t("stores.needsAttention")}</p>
          <AttentionDetails storeId={store.id} platform={platformLabel} health={health} context={context} />
        </div>
      )}

      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="store-schedule">
        <AutoImportSwitch
          on={health.autoImport}
          action={setStoreAutoImportAction.bind(null, store.id, !health.autoImport)}
          label={t("stores.autoImport.label")}
          description={health.autoImport ? t("stores.autoImport.on") : t("stores.autoImport.off")}
        />
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("stores.health.lastImport")}</dt>
            <dd>{health.lastImportAt ? format.dateTime(health.lastImportAt) : t("stores.never")}</dd>
            {store.active && !health.needsAttention && health.failures > 0 && (
              <dd>
                <QuietFailure platform={platformLabel} health={health} context={context} />
              </dd>
            )}
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("stores.health.lastAutomaticImport")}</dt>
            <dd data-testid="last-automatic-import">{health.lastAutomaticImportAt ? format.dateTime(health.lastAutomaticImportAt) : t("stores.noAutomatic")}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("stores.health.nextImport")}</dt>
            <dd>{store.active ? <NextImport health={health} platform={platformLabel} context={context} /> : t("stores.inactive")}</dd>
          </div>
        </dl>
      </section>

      <div className="flex flex-wrap items-center gap-4">
        {store.active && (
          <ImportButton
            action={importStoreAction.bind(null, store.id)}
            label={t("stores.importNow")}
            pendingLabel={t("stores.importing")}
            hint={health.connected ? t("stores.importStoreHint", { store: store.name }) : t("stores.health.notConnected")}
            progressUrl={`/api/stores/${store.id}/import-progress`}
            messages={catalogOf(locale).stores.progress}
            locale={locale}
            importingStoreIds={health.importing ? [store.id] : []}
          />
        )}
        <ActiveButton action={setStoreActiveAction.bind(null, store.id, !store.active)} label={store.active ? t("stores.deactivate") : t("stores.reactivate")} />
        {store.active && <span className="text-xs text-slate-500">{t("stores.deactivateHint")}</span>}
      </div>

      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t("stores.activity.title")}</h2>
        <p className="text-sm text-slate-600">{t("stores.activity.intro")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <ActivityChart activity={activity} storeName={store.name} t={t} format={format} />
        </div>
      </section>

      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="sweeps-title" data-testid="store-sweeps">
        <h2 id="sweeps-title" className="text-base font-semibold">
          {t("stores.sweeps.title")}
        </h2>
        <p className="text-sm text-slate-600">
          {t("stores.sweeps.intro")}
          {!health.autoImport && ` ${t("stores.sweeps.offNote")}`}
        </p>
        <p className="text-sm" data-testid="last-sweep">
          {store.lastSweep ? lastSweepWords(store.lastSweep, context) : t(health.autoImport ? "stores.sweeps.notSwept" : "stores.sweeps.notSweptOff")}
        </p>
        {store.active && health.connected && (
          <SweepForm
            action={sweepStoreRangeAction.bind(null, store.id)}
            today={dayOf(now, format.timeZone)}
            labels={{
              title: t("stores.sweeps.formTitle"),
              hint: t("stores.sweeps.formHint", { store: store.name }),
              from: t("stores.sweeps.from"),
              to: t("stores.sweeps.to"),
              submit: t("stores.sweeps.submit"),
              pending: t("stores.sweeps.pending"),
            }}
          />
        )}
      </section>

      {store.acceptsWebhooks && (
        <section className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-base font-semibold">{t("stores.webhookTitle")}</h2>
          <p className="text-sm text-slate-600">{t(platform === "bigcommerce" ? "stores.webhookIntroBigcommerce" : "stores.webhookIntro")}</p>
          <code className="block rounded bg-slate-100 px-2 py-1 text-xs" data-testid="webhook-url">
            {`${await requestOrigin()}/api/webhooks/${platform}/${store.id}`}
          </code>
        </section>
      )}

      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t("stores.history")}</h2>
        {store.imports.length === 0 ? (
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
                {store.imports.map((run) => (
                  <tr key={run.id} data-testid="import-run">
                    <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(run.startedAt)}</td>
                    <td className="px-3 py-2">
                      {run.sweep ? (
                        <>
                          <span data-testid="sweep-run">{t(run.trigger === "schedule" ? "stores.sweeps.runDaily" : "stores.sweeps.run")}</span>
                          <span className="block text-xs text-slate-500" data-testid="sweep-window">
                            {sweepWindowWords(run.sweep, context)}
                          </span>
                        </>
                      ) : (
                        t(`stores.triggers.${run.trigger}` as MessageKey)
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {t(`stores.runStatus.${run.status}` as MessageKey)}
                      {run.error && <span className="block whitespace-pre-line text-xs text-red-700">{localize(run.error, t)}</span>}
                    </td>
                    <td className="px-3 py-2 text-xs">
                      {t("stores.counts", run.counts)}
                      {run.counts.created > 0 && (
                        <Link href={`/orders?status=all&run=${run.id}`} className="block font-semibold text-brand-700 hover:underline" data-testid="run-orders">
                          {t("stores.runOrders", { count: run.counts.created })}
                        </Link>
                      )}
                    </td>
                    <td className="px-3 py-2 text-xs tabular-nums">{run.durationMs != null ? `${format.number(run.durationMs / 1000)} s` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section id="settings" className="scroll-mt-4 space-y-2">
        <h2 className="text-base font-semibold">{t("stores.editTitle")}</h2>
        <StoreForm
          action={saveStoreAction.bind(null, platform, store.id)}
          fields={fields}
          statusFields={statusFields}
          initial={store.formValues}
          labels={storeFormLabels(t)}
        />
      </section>

      <section className="space-y-2 rounded-lg border border-red-200 bg-white p-4" aria-labelledby="delete-title" data-testid="store-delete">
        <h2 id="delete-title" className="text-base font-semibold">
          {t("stores.delete.title")}
        </h2>
        <DeleteStoreForm
          action={deleteStoreAction.bind(null, store.id)}
          labels={{
            open: t("stores.delete.open"),
            confirm: t("stores.delete.confirm", { store: store.name }),
            orders: store.orders > 0 ? t("stores.delete.ordersStay", { count: store.orders, deletedName: `${store.name}${DELETED_SUFFIX}` }) : t("stores.delete.noOrders"),
            effects: t("stores.delete.effects"),
            deactivateInstead: t("stores.delete.deactivateInstead"),
            submit: t("stores.delete.submit"),
            pending: t("stores.delete.pending"),
            cancel: t("stores.delete.cancel"),
          }}
        />
      </section>
    </div>
  );
}
