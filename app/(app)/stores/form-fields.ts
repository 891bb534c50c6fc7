import type { Translate } from "@/lib/i18n/translate";
import { PLATFORMS, STATUS_MAPPING_KEYS, type ConnectablePlatform } from "@/lib/stores/platforms";
import type { StoreFormField } from "./store-form";

/** The connect/edit form's fields for a platform, from its spec. */
export function storeFormFields(platform: ConnectablePlatform, t: Translate, editing: boolean) {
  const spec = PLATFORMS[platform];
  const fields: StoreFormField[] = [
    { name: "name", label: t("stores.name"), placeholder: spec.label },
    { name: "baseUrl", label: spec.baseUrl.label, placeholder: spec.baseUrl.placeholder, hint: spec.baseUrl.hint, type: "url" },
    ...spec.credentials.map((field) => ({
      name: `credentials.${field.name}`,
      label: field.label,
      type: field.secret ? "password" : "text",
      hint: [field.hint, field.secret && editing ? t("stores.keepSecret") : null].filter(Boolean).join(" "),
    })),
  ];
  const statusFields: StoreFormField[] = spec.statusMapping
    ? STATUS_MAPPING_KEYS.map((key) => ({ name: `statusMapping.${key}`, label: t(`stores.statusKeys.${key}`), placeholder: key === "paid" ? "paid, processing" : undefined }))
    : [];
  return { fields, statusFields };
}
