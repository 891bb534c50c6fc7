import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { acceptsWebhooks, INTEGRATION_ROWS, PLATFORMS, platformKeys } from "@/lib/stores/platforms";

export const generateMetadata = () => titleMetadata("meta.integrations");

export default async function IntegrationsPage() {
  const [, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("stores.integrationsTitle")}</h1>
      <p className="text-sm text-slate-600">{t("stores.integrationsIntro")}</p>
      <div className="grid gap-4 lg:grid-cols-2" data-testid="integrations">
        {Object.values(PLATFORMS).map((spec) => (
          <section key={spec.platform} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">{t(platformKeys.name(spec.platform))}</h2>
            <dl className="mt-2 space-y-2 text-sm">
              {INTEGRATION_ROWS.map((row) => (
                <div key={row}>
                  <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t(`stores.integrationColumns.${row}`)}</dt>
                  {row === "autoImport" ? (
                    <dd data-testid="integration-auto-import">
                      {t(acceptsWebhooks(spec.platform) ? "stores.integrationAutoImport.withWebhooks" : "stores.integrationAutoImport.polling")}{" "}
                      <span className="text-slate-600">{t(platformKeys.integration(spec.platform, "autoImport"))}</span>
                    </dd>
                  ) : (
                    <dd>{t(platformKeys.integration(spec.platform, row))}</dd>
                  )}
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
