import { canManageApiKeys, listApiKeys } from "@/lib/auth/api-keys";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { CreateApiKeyForm } from "./create-api-key-form";
import { ConfirmActionButton } from "../../../ui/confirm-form";
import { revokeApiKeyAction } from "./actions";
import { ApiTimeZoneForm } from "./api-time-zone-form";
import { apiTimeZoneChoices, getApiTimeZone } from "@/lib/workspaces/api-time-zone";
import { SettingsNav } from "../settings-nav";

export const generateMetadata = () => titleMetadata("meta.apiKeys");

export default async function ApiKeysPage() {
  const [session, { t, format }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const [keys, apiTimeZone] = await Promise.all([listApiKeys(session.workspaceId), getApiTimeZone(session.workspaceId)]);
  const canManage = canManageApiKeys(session.role);

  return (
    <div className="max-w-5xl space-y-6">
      <SettingsNav current="api-keys" />
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t("apiKeys.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("apiKeys.intro")}</p>
      </div>

      {canManage ? (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-base font-semibold">{t("apiKeys.createTitle")}</h2>
          <CreateApiKeyForm
            labels={{
              name: t("apiKeys.name"),
              nameHint: t("apiKeys.nameHint"),
              create: t("apiKeys.create"),
              copyNow: t("apiKeys.copyNow"),
              key: t("apiKeys.key"),
              secret: t("apiKeys.secret"),
              copy: t("apiKeys.copy"),
              copied: t("apiKeys.copied"),
              dismiss: t("apiKeys.dismiss"),
            }}
          />
        </section>
      ) : (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("apiKeys.readOnly")}</p>
      )}

      {keys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-500">{t("apiKeys.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="api-keys-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th className="px-3 py-2">{t("apiKeys.columns.name")}</th>
                <th className="px-3 py-2">{t("apiKeys.columns.key")}</th>
                <th className="px-3 py-2">{t("apiKeys.columns.created")}</th>
                <th className="px-3 py-2">{t("apiKeys.columns.lastUsed")}</th>
                <th className="px-3 py-2">{t("apiKeys.columns.status")}</th>
                {canManage && (
                  <th className="px-3 py-2">
                    <span className="sr-only">{t("apiKeys.columns.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {keys.map((apiKey) => (
                <tr key={apiKey.id} className={`border-t border-slate-100 ${apiKey.revokedAt ? "text-slate-500" : ""}`} data-testid="api-key-row" data-key={apiKey.key}>
                  <td className="px-3 py-2 font-medium">{apiKey.name}</td>
                  <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{apiKey.key}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(apiKey.createdAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{apiKey.lastUsedAt ? format.dateTime(apiKey.lastUsedAt) : t("apiKeys.never")}</td>
                  <td className="px-3 py-2 whitespace-nowrap" data-testid="api-key-status">
                    {apiKey.revokedAt ? (
                      <span className="badge bg-slate-100 text-slate-600 ring-slate-200" title={t("apiKeys.revokedOn", { date: format.dateTime(apiKey.revokedAt) })}>
                        {t("apiKeys.revoked")}
                      </span>
                    ) : (
                      <span className="badge bg-emerald-50 text-emerald-700 ring-emerald-200">{t("apiKeys.active")}</span>
                    )}
                  </td>
                  {canManage && (
                    <td className="px-3 py-2 text-right">
                      {!apiKey.revokedAt && (
                        <ConfirmActionButton
                          action={revokeApiKeyAction}
                          fields={{ apiKeyId: apiKey.id }}
                          small
                          label={t("apiKeys.revoke")}
                          accessibleLabel={t("apiKeys.revokeLabel", { name: apiKey.name })}
                          confirmMessage={t("apiKeys.confirmRevoke", { name: apiKey.name })}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-base font-semibold">{t("apiKeys.timeZoneTitle")}</h2>
        <p className="max-w-3xl text-sm text-slate-600">{t("apiKeys.timeZoneIntro")}</p>
        <ApiTimeZoneForm
          current={apiTimeZone}
          zones={apiTimeZoneChoices()}
          canManage={canManage}
          labels={{ timeZone: t("apiKeys.timeZone"), save: t("apiKeys.saveTimeZone"), saved: t("apiKeys.timeZoneSaved") }}
        />
      </section>
    </div>
  );
}
