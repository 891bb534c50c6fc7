import type { Platform } from "@/db/schema";
import type { MessageKey } from "@/lib/i18n/translate";

export type ConnectablePlatform = Exclude<Platform, "manual">;

/** A credential the connect form asks for; its label and hint are `platforms.<platform>.fields.<name>` in the catalogs. */
export interface CredentialField {
  name: string;
  /** Secrets are never sent back to the browser; left blank on edit, the stored one stays. */
  secret: boolean;
  required: boolean;
}

/** The Integrations page's rows for each platform, in order; each is `platforms.<platform>.integration.<row>`. */
export const INTEGRATION_ROWS = ["autoImport", "webhooks", "statuses", "cancellations", "setup"] as const;
export type IntegrationRow = (typeof INTEGRATION_ROWS)[number];

/** What a platform asks for; every word about it is in the catalogs (see `platformKeys`). */
export interface PlatformSpec {
  platform: ConnectablePlatform;
  /** The brand, for lib messages and logs; pages show `platformKeys.name`, which also words "Custom store". */
  label: string;
  credentials: CredentialField[];
  /** Custom stores: the merchant names their own statuses. */
  statusMapping: boolean;
}

/** The catalog keys of a platform's words; the catalog test checks each one exists in every language. */
export const platformKeys = {
  name: (platform: ConnectablePlatform) => `platforms.${platform}.name` as MessageKey,
  baseUrl: (platform: ConnectablePlatform, part: "label" | "placeholder" | "hint") => `platforms.${platform}.baseUrl.${part}` as MessageKey,
  field: (platform: ConnectablePlatform, name: string, part: "label" | "hint") => `platforms.${platform}.fields.${name}.${part}` as MessageKey,
  /** `autoImport` is the detail after the page's own sentence on the schedule. */
  integration: (platform: ConnectablePlatform, row: IntegrationRow) => `platforms.${platform}.integration.${row}` as MessageKey,
};

/**
 * A connectable platform's spec by the name in a URL, or null. Own keys only: `"__proto__" in
 * PLATFORMS` is true, and its "spec" is Object.prototype.
 */
export function findPlatformSpec(name: string): PlatformSpec | null {
  return Object.hasOwn(PLATFORMS, name) ? PLATFORMS[name as ConnectablePlatform] : null;
}

/** What each platform asks for when connecting. */
export const PLATFORMS: Record<ConnectablePlatform, PlatformSpec> = {
  shopify: {
    platform: "shopify",
    label: "Shopify",
    credentials: [
      { name: "accessToken", secret: true, required: true },
      { name: "webhookSecret", secret: true, required: false },
      { name: "apiVersion", secret: false, required: false },
    ],
    statusMapping: false,
  },
  woocommerce: {
    platform: "woocommerce",
    label: "WooCommerce",
    credentials: [
      { name: "consumerKey", secret: false, required: true },
      { name: "consumerSecret", secret: true, required: true },
      { name: "webhookSecret", secret: true, required: false },
    ],
    statusMapping: false,
  },
  amazon: {
    platform: "amazon",
    label: "Amazon",
    credentials: [
      { name: "marketplaceId", secret: false, required: true },
      { name: "clientId", secret: false, required: true },
      { name: "clientSecret", secret: true, required: true },
      { name: "refreshToken", secret: true, required: true },
      { name: "tokenUrl", secret: false, required: false },
    ],
    statusMapping: false,
  },
  bigcommerce: {
    platform: "bigcommerce",
    label: "BigCommerce",
    credentials: [
      { name: "storeHash", secret: false, required: true },
      { name: "accessToken", secret: true, required: true },
      { name: "weightUnit", secret: false, required: false },
      { name: "webhookSecret", secret: true, required: false },
    ],
    statusMapping: false,
  },
  custom_store: {
    platform: "custom_store",
    label: "Custom store",
    credentials: [
      { name: "username", secret: false, required: true },
      { name: "password", secret: true, required: true },
    ],
    statusMapping: true,
  },
};

/** Shopify, WooCommerce and BigCommerce push order changes to `/api/webhooks/{platform}/{id}`; polling is then the safety net. */
export function acceptsWebhooks(platform: Platform): boolean {
  return platform === "shopify" || platform === "woocommerce" || platform === "bigcommerce";
}

/** Custom stores: the merchant's status names per Shipdeck status, comma-separated and case-sensitive. */
export const STATUS_MAPPING_KEYS = ["unpaid", "paid", "shipped", "cancelled", "onHold"] as const;
