import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { listOriginZoneChartStatus, listShipFromLocations, type OriginZoneChartStatus, type ShipFromLocation } from "@/lib/rating/ship-from-locations";
import { todayIn } from "@/lib/rating/today";
import { SettingsNav } from "../settings-nav";
import { LocationForm } from "./location-form";
import { locationFormLabels } from "./location-form-labels";
import { LocationRowActions } from "./location-row-actions";
import { ZoneChartActions } from "./zone-chart-actions";
import { localize } from "@/lib/i18n/message";

export const generateMetadata = () => titleMetadata("meta.locations");

function formValuesOf(location: ShipFromLocation): Record<string, string> {
  return {
    name: location.name,
    company: location.company ?? "",
    street1: location.street1,
    street2: location.street2 ?? "",
    city: location.city,
    state: location.state ?? "",
    postalCode: location.postalCode,
    country: location.country,
    phone: location.phone ?? "",
    isDefault: location.isDefault ? "on" : "",
  };
}

export default async function LocationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [session, params, { t, format }] = await Promise.all([requireWorkspaceSession(), searchParams, getI18n()]);
  const locations = await listShipFromLocations(session.workspaceId);
  const origins = [...new Set(locations.map((location) => location.originZip3).filter((zip3): zip3 is string => zip3 !== null))];
  const statuses = await listOriginZoneChartStatus(session.workspaceId, origins, todayIn(format.timeZone));
  const editing = locations.find((location) => String(location.id) === params.edit);
  const labels = locationFormLabels(t);

  const chartLine = (status: OriginZoneChartStatus) => {
    if (!status.chart) return t("locations.noChart", { origin: status.originZip3, reason: status.error ? localize(status.error, t) : t("locations.notFetched") });
    const vars = { origin: status.originZip3, date: status.chart.effectiveDate, when: format.dateTime(status.chart.fetchedAt) };
    return status.chart.source === "upload" ? t("locations.chartUploaded", vars) : t("locations.chartFetched", vars);
  };

  return (
    <div className="max-w-5xl space-y-6">
      <SettingsNav current="locations" />
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t("locations.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("locations.intro")}</p>
      </div>

      {locations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500">{t("locations.empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="locations-list">
          {locations.map((location) => {
            const status = location.originZip3 ? statuses.get(location.originZip3) : undefined;
            return (
              <li key={location.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="location-row" data-location-id={location.id}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0 space-y-1">
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      <span>{location.name}</span>
                      {location.isDefault && (
                        <span className="badge bg-brand-50 text-brand-700 ring-brand-100" data-testid="location-default">
                          {t("locations.default")}
                        </span>
                      )}
                    </p>
                    <p className="text-sm break-words text-slate-600">
                      {[location.company, location.street1, location.street2, `${location.city}${location.state ? `, ${location.state}` : ""} ${location.postalCode}`, location.country].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                  <LocationRowActions
                    locationId={location.id}
                    isDefault={location.isDefault}
                    labels={{
                      edit: t("locations.edit"),
                      editLabel: t("locations.editLabel", { name: location.name }),
                      makeDefault: t("locations.makeDefault"),
                      delete: t("locations.delete"),
                      deleteLabel: t("locations.deleteLabel", { name: location.name }),
                      confirmDelete: t("locations.confirmDelete", { name: location.name }),
                    }}
                  />
                </div>
                <div className="space-y-2 border-t border-slate-100 pt-3">
                  {status ? (
                    <>
                      <p className={`text-sm ${status.chart ? "text-slate-700" : "text-amber-800"}`} data-testid="zone-chart-status">
                        {chartLine(status)}
                      </p>
                      <ZoneChartActions
                        originZip3={status.originZip3}
                        labels={{
                          fetch: status.chart ? t("locations.fetchAgain") : t("locations.retry"),
                          uploadTitle: t("locations.uploadTitle"),
                          uploadHint: t("locations.uploadHint", { origin: status.originZip3 }),
                          file: t("locations.file"),
                          upload: t("locations.upload"),
                        }}
                      />
                    </>
                  ) : (
                    <p className="text-sm text-slate-500" data-testid="zone-chart-status">
                      {t("locations.nonUs")}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-base font-semibold">{editing ? t("locations.editTitle", { name: editing.name }) : t("locations.addTitle")}</h2>
        <LocationForm
          key={editing ? `edit-${editing.id}` : "add"}
          labels={labels}
          locationId={editing?.id ?? null}
          initial={editing ? formValuesOf(editing) : {}}
          cancelHref={editing ? "/settings/locations" : undefined}
        />
      </section>
    </div>
  );
}
