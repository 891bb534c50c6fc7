import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { canManageRateCards, listRateCards } from "@/lib/rating/rate-cards";
import { SAMPLE_RATE_CARD_CSVS } from "@/lib/rating/sample-rate-card";
import { SettingsNav } from "../settings-nav";
import { RateCardRowActions } from "./rate-card-row-actions";
import { UploadRateCardForm } from "./upload-rate-card-form";

export const generateMetadata = () => titleMetadata("meta.rateCards");

export default async function RateCardsPage() {
  const [session, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const cards = await listRateCards(session.workspaceId);
  const canManage = canManageRateCards(session.role);

  return (
    <div className="max-w-5xl space-y-6">
      <SettingsNav current="rate-cards" />
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t("rateCards.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("rateCards.intro")}</p>
        <p className="max-w-3xl rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("rateCards.sampleNote")}</p>
      </div>

      {canManage ? (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-base font-semibold">{t("rateCards.uploadTitle")}</h2>
          <p className="max-w-3xl text-sm text-slate-600">{t("rateCards.uploadIntro")}</p>
          <p className="text-sm">
            {t("rateCards.templates")}{" "}
            {Object.keys(SAMPLE_RATE_CARD_CSVS).map((code, index) => (
              <span key={code}>
                {index > 0 && ", "}
                <a href={`/settings/rate-cards/sample/${code}`} className="font-medium text-brand-700 underline" download>
                  {code}.csv
                </a>
              </span>
            ))}
          </p>
          <UploadRateCardForm labels={{ file: t("rateCards.file"), hint: t("rateCards.fileHint"), upload: t("rateCards.upload") }} />
        </section>
      ) : (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("rateCards.readOnly")}</p>
      )}

      <section className="space-y-3">
        <h2 className="text-base font-semibold">{t("rateCards.listTitle")}</h2>
        {cards.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500">{t("rateCards.empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="rate-cards-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
                <tr>
                  <th className="px-3 py-2">{t("rateCards.columns.carrier")}</th>
                  <th className="px-3 py-2">{t("rateCards.columns.service")}</th>
                  <th className="px-3 py-2">{t("rateCards.columns.effective")}</th>
                  <th className="px-3 py-2">{t("rateCards.columns.zones")}</th>
                  <th className="px-3 py-2">{t("rateCards.columns.status")}</th>
                  {canManage && (
                    <th className="px-3 py-2">
                      <span className="sr-only">{t("rateCards.columns.actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {cards.map((card) => (
                  <tr key={card.id} className={`border-t border-slate-100 align-top ${card.active ? "" : "text-slate-500"}`} data-testid="rate-card-row" data-rate-card-id={card.id}>
                    <td className="px-3 py-2">
                      <p className="font-medium">{card.carrierName}</p>
                      <p className="font-mono text-xs text-slate-500">{card.carrierCode}</p>
                    </td>
                    <td className="px-3 py-2">
                      <p className="flex flex-wrap items-center gap-2">
                        <span>{card.serviceName}</span>
                        {card.samplePrices && (
                          <span className="badge bg-amber-50 text-amber-800 ring-amber-200" data-testid="rate-card-sample">
                            {t("rateCards.samplePrices")}
                          </span>
                        )}
                      </p>
                      <p className="font-mono text-xs text-slate-500">
                        {card.serviceCode} · {card.packageCode}
                      </p>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {card.effectiveUntil ? t("rateCards.effectiveRange", { from: card.effectiveFrom, until: card.effectiveUntil }) : t("rateCards.effectiveFrom", { from: card.effectiveFrom })}
                    </td>
                    <td className="px-3 py-2">{card.zoneSource === "usps" ? t("rateCards.zonesUsps", { service: card.uspsService ?? "" }) : t("rateCards.zonesCard")}</td>
                    <td className="px-3 py-2 whitespace-nowrap" data-testid="rate-card-status">
                      {card.active ? (
                        <span className="badge bg-emerald-50 text-emerald-700 ring-emerald-200">{t("rateCards.active")}</span>
                      ) : (
                        <span className="badge bg-slate-100 text-slate-600 ring-slate-200">{t("rateCards.inactive")}</span>
                      )}
                    </td>
                    {canManage && (
                      <td className="px-3 py-2 text-right">
                        <RateCardRowActions
                          rateCardId={card.id}
                          active={card.active}
                          labels={{
                            activate: t("rateCards.activate"),
                            deactivate: t("rateCards.deactivate"),
                            delete: t("rateCards.delete"),
                            deleteLabel: t("rateCards.deleteLabel", { name: `${card.carrierName} ${card.serviceName}` }),
                            confirmDelete: t("rateCards.confirmDelete", { name: `${card.carrierName} ${card.serviceName}` }),
                          }}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
