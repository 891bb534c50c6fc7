import type { Translate } from "@/lib/i18n/translate";
import { PLATFORMS, platformKeys, STATUS_MAPPING_KEYS, type ConnectablePlatform } from "@/lib/stores/platforms";
import { CONNECTION_TEST_TIMEOUT_MS } from "@/lib/stores/store-form";
import type { StoreFormField } from "./store-form";

/** The connect/edit form's fields for a platform, from its spec; `savedSecrets`: the secret fields the store has a value for. */
export function storeFormFields(platform: ConnectablePlatform, t: Translate, savedSecrets: string[] = []) {
  const spec = PLATFORMS[platform];
  const fields: StoreFormField[] = [
    { name: "name", label: t("stores.name"), placeholder: t(platformKeys.name(platform)) },
    {
      name: "baseUrl",
      label: t(platformKeys.baseUrl(platform, "label")),
      placeholder: t(platformKeys.baseUrl(platform, "placeholder")),
      hint: t(platformKeys.baseUrl(platform, "hint")),
      type: "url",
    },
    ...spec.credentials.map((field) => ({
      name: `credentials.${field.name}`,
      label: t(platformKeys.field(platform, field.name, "label")),
      type: field.secret ? "password" : "text",
      secret: field.secret,
      hint: t(platformKeys.field(platform, field.name, "hint")),
      placeholder: field.secret && savedSecrets.includes(field.name) ? t("stores.keepSecret") : undefined,
    })),
  ];
  const statusFields: StoreFormField[] = spec.statusMapping
    ? STATUS_MAPPING_KEYS.map((key) => ({ name: `statusMapping.${key}`, label: t(`stores.statusKeys.${key}`), placeholder: key === "paid" ? "paid, processing" : undefined }))
    : [];
  return { fields, statusFields };
}

/** The form's buttons and states in the merchant's language. */
export function storeFormLabels(t: Translate) {
  return {
    test: t("stores.testConnection"),
    save: t("stores.save"),
    statusTitle: t("stores.statusMappingTitle"),
    statusIntro: t("stores.statusMappingIntro"),
    testing: t("stores.testing"),
    testingHint: t("stores.testingHint", { seconds: CONNECTION_TEST_TIMEOUT_MS / 1000 }),
    saving: t("stores.saving"),
    cancel: t("stores.cancel"),
  };
}
