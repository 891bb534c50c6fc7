import type { Translate } from "@/lib/i18n/translate";
import type { LocationFormLabels } from "./location-form";

/** The form's words, for any server page that shows it (Settings, and the Rates page on first use). */
export function locationFormLabels(t: Translate): LocationFormLabels {
  return {
    fields: {
      name: t("locations.fields.name"),
      company: t("locations.fields.company"),
      street1: t("locations.fields.street1"),
      street2: t("locations.fields.street2"),
      city: t("locations.fields.city"),
      state: t("locations.fields.state"),
      postalCode: t("locations.fields.postalCode"),
      country: t("locations.fields.country"),
      phone: t("locations.fields.phone"),
    },
    isDefault: t("locations.fields.isDefault"),
    namePlaceholder: t("locations.namePlaceholder"),
    save: t("locations.save"),
    cancel: t("locations.cancel"),
  };
}
