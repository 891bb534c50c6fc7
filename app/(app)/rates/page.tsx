import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { catalogOf } from "@/lib/i18n/translate";
import { listRatingCarriers } from "@/lib/rating/list-carriers";
import { listShipFromLocations } from "@/lib/rating/ship-from-locations";
import { todayIn } from "@/lib/rating/today";
import { FirstLocation } from "./first-location";
import { quoteRatesAction } from "./actions";
import { RateCalculator } from "./rate-calculator";

export const generateMetadata = () => titleMetadata("meta.rates");

export default async function RatesPage() {
  const [session, { t, locale, format }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const [locations, carriers] = await Promise.all([listShipFromLocations(session.workspaceId), listRatingCarriers(session.workspaceId, todayIn(format.timeZone))]);
  const packageCodes = [...new Set(["package", ...carriers.flatMap((carrier) => carrier.services.map((service) => service.packageCode ?? "package"))])];

  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-xl font-semibold">{t("rates.title")}</h1>
        <p className="text-sm text-slate-600">{t("rates.intro")}</p>
      </header>
      {locations.length === 0 ? (
        <FirstLocation title={t("rates.firstLocationTitle")} intro={t("rates.firstLocationIntro")} />
      ) : (
        <RateCalculator
          action={quoteRatesAction}
          locations={locations.map((location) => ({
            id: location.id,
            name: location.name,
            isDefault: location.isDefault,
            summary: [location.city, [location.state, location.postalCode].filter(Boolean).join(" "), location.country].filter(Boolean).join(", "),
          }))}
          packageCodes={packageCodes}
          messages={{ ...catalogOf(locale).rates, ratingErrors: catalogOf(locale).ratingErrors }}
          locale={locale}
        />
      )}
    </div>
  );
}
