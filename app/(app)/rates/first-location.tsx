import { getI18n } from "@/lib/i18n/server";
import { LocationForm } from "../settings/locations/location-form";
import { locationFormLabels } from "../settings/locations/location-form-labels";

/** First use: the ship-from location is asked for here, then the calculator shows. */
export async function FirstLocation({ title, intro }: { title: string; intro: string }) {
  const { t } = await getI18n();
  return (
    <section className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="first-location">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="text-sm text-slate-600">{intro}</p>
      <LocationForm labels={locationFormLabels(t)} redirectTo="/rates" showDefault={false} />
    </section>
  );
}
