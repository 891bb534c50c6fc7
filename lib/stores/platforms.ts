import type { Platform } from "@/db/schema";

export type ConnectablePlatform = Exclude<Platform, "manual">;

export interface CredentialField {
  name: string;
  label: string;
  /** Secrets are never sent back to the browser; left blank on edit, the stored one stays. */
  secret: boolean;
  required: boolean;
  hint?: string;
}

export interface PlatformSpec {
  platform: ConnectablePlatform;
  label: string;
  baseUrl: { label: string; placeholder: string; hint: string };
  credentials: CredentialField[];
  /** Custom stores: the merchant names their own statuses. */
  statusMapping: boolean;
  /** `autoImport` is the detail after the page's own sentence on the schedule. */
  integration: { autoImport: string; webhooks: string; statuses: string; cancellations: string; setup: string };
}

/**
 * A connectable platform's spec by the name in a URL, or null. Own keys only: `"__proto__" in
 * PLATFORMS` is true, and its "spec" is Object.prototype.
 */
export function findPlatformSpec(name: string): PlatformSpec | null {
  return Object.hasOwn(PLATFORMS, name) ? PLATFORMS[name as ConnectablePlatform] : null;
}

/** What each platform asks for when connecting, and what the Integrations page says about it. */
export const PLATFORMS: Record<ConnectablePlatform, PlatformSpec> = {
  shopify: {
    platform: "shopify",
    label: "Shopify",
    baseUrl: { label: "Shop address", placeholder: "https://your-shop.myshopify.com", hint: "Your .myshopify.com address." },
    credentials: [
      { name: "accessToken", label: "Admin API access token", secret: true, required: true, hint: "From a custom app with read_orders access (shpat_…)." },
      { name: "webhookSecret", label: "Webhook signing secret", secret: true, required: false, hint: "Optional: lets Shopify push order changes the moment they happen." },
      { name: "apiVersion", label: "Admin API version", secret: false, required: false, hint: "Leave blank for 2024-04." },
    ],
    statusMapping: false,
    integration: {
      autoImport: "Each check asks for the orders updated since the last one, in every status (status=any).",
      webhooks: "orders/create, orders/updated, orders/cancelled, verified with X-Shopify-Hmac-Sha256.",
      statuses: "Pending/authorized → Awaiting Payment; paid → Awaiting Shipment; fulfilled → Shipped; cancelled, or refunded/voided with nothing shipped → Cancelled.",
      cancellations: "cancelled_at set on the order.",
      setup: "Create a custom app in the Shopify admin with the read_orders scope and paste its Admin API token.",
    },
  },
  woocommerce: {
    platform: "woocommerce",
    label: "WooCommerce",
    baseUrl: { label: "Store address", placeholder: "https://shop.example.com", hint: "The WordPress site's address." },
    credentials: [
      { name: "consumerKey", label: "Consumer key", secret: false, required: true, hint: "WooCommerce → Settings → Advanced → REST API (ck_…)." },
      { name: "consumerSecret", label: "Consumer secret", secret: true, required: true, hint: "cs_…, with Read access." },
      { name: "webhookSecret", label: "Webhook secret", secret: true, required: false, hint: "Optional: for order webhooks." },
    ],
    statusMapping: false,
    integration: {
      autoImport: "Each check asks for the orders modified since the last one (REST API v3).",
      webhooks: "Order created/updated/deleted (deleted: moved to the bin or deleted for good, both cancel), verified with X-WC-Webhook-Signature.",
      statuses: "pending → Awaiting Payment; on-hold → On Hold; processing → Awaiting Shipment; completed → Shipped; cancelled, refunded, failed → Cancelled.",
      cancellations: "The order's status becomes cancelled (or refunded/failed), or the order is moved to the bin (read separately: WooCommerce leaves the bin out of its order list).",
      setup: "Create a REST API key with Read access and paste the key and secret.",
    },
  },
  amazon: {
    platform: "amazon",
    label: "Amazon",
    baseUrl: { label: "SP-API endpoint", placeholder: "https://sellingpartnerapi-na.amazon.com", hint: "Your region's Selling Partner API endpoint." },
    credentials: [
      { name: "marketplaceId", label: "Marketplace ID", secret: false, required: true, hint: "ATVPDKIKX0DER for amazon.com." },
      { name: "clientId", label: "LWA client ID", secret: false, required: true },
      { name: "clientSecret", label: "LWA client secret", secret: true, required: true },
      { name: "refreshToken", label: "Refresh token", secret: true, required: true, hint: "From authorizing your SP-API app (Atzr|…)." },
      { name: "tokenUrl", label: "Token endpoint", secret: false, required: false, hint: "Leave blank for https://api.amazon.com/auth/o2/token." },
    ],
    statusMapping: false,
    integration: {
      autoImport: "Each check asks for the orders updated since the last one (Orders v0, up to 2 minutes ago).",
      webhooks: "No: Amazon's notifications need an AWS queue; polling covers it.",
      statuses: "Pending → Awaiting Payment; Unshipped, PartiallyShipped → Awaiting Shipment (Amazon-fulfilled: Pending Fulfillment); Shipped → Shipped; Canceled, Unfulfillable → Cancelled; an unknown status → On Hold.",
      cancellations: "OrderStatus Canceled. Amazon-fulfilled (FBA) orders are marked externally fulfilled and never join your ship queue.",
      setup: "Register an SP-API app, authorize it for your seller account, and paste its LWA credentials and refresh token. Buyer names, streets and phones need the app's restricted roles (Direct-to-Consumer Delivery, Tax Remittance); without them orders arrive with city and postcode only.",
    },
  },
  bigcommerce: {
    platform: "bigcommerce",
    label: "BigCommerce",
    baseUrl: { label: "API address", placeholder: "https://api.bigcommerce.com", hint: "Usually https://api.bigcommerce.com." },
    credentials: [
      { name: "storeHash", label: "Store hash", secret: false, required: true, hint: "The part after /stores/ in your API path." },
      { name: "accessToken", label: "Access token", secret: true, required: true, hint: "From a store-level API account with Orders read-only." },
      { name: "weightUnit", label: "Weight unit", secret: false, required: false, hint: "Your store's weight unit (LBS, KGS, Ounces, Grams); pounds when blank." },
      {
        name: "webhookSecret",
        label: "Webhook secret",
        secret: true,
        required: false,
        hint: "Optional: a long random value you choose. Register BigCommerce's store/order/* webhook with it in an X-Shipdeck-Webhook-Secret header.",
      },
    ],
    statusMapping: false,
    integration: {
      autoImport: "Each check asks for the orders modified since the last one (v2 Orders).",
      webhooks: "store/order/* (created, updated, archived, statusUpdated): BigCommerce sends the order id, Shipdeck fetches the order. BigCommerce signs nothing, so the webhook is registered (POST /v3/hooks) with an X-Shipdeck-Webhook-Secret header holding the store's webhook secret.",
      statuses: "Pending, Awaiting Payment → Awaiting Payment; Awaiting Fulfillment/Shipment → Awaiting Shipment; Shipped, Completed → Shipped; Cancelled, Declined, Refunded → Cancelled.",
      cancellations: "status_id 5 (Cancelled), or the order is archived (is_deleted, read separately: BigCommerce leaves archived orders out of its order list).",
      setup: "Create a store-level API account with Orders read-only and paste the store hash and token.",
    },
  },
  custom_store: {
    platform: "custom_store",
    label: "Custom store",
    baseUrl: { label: "Export URL", placeholder: "https://shop.example.com/shipstation.php", hint: "The URL that answers ShipStation's Custom Store export." },
    credentials: [
      { name: "username", label: "Username", secret: false, required: true },
      { name: "password", label: "Password", secret: true, required: true },
    ],
    statusMapping: true,
    integration: {
      autoImport: "Each check asks your URL for the orders modified since the last one (action=export, pages).",
      webhooks: "No: Shipdeck asks your URL.",
      statuses: "You list your own status names for each Shipdeck status when connecting.",
      cancellations: "An order whose status is in your Cancelled list.",
      setup: "Serve ShipStation's Custom Store XML at a URL protected by Basic auth, then enter it here with its username and password.",
    },
  },
};

/** Shopify, WooCommerce and BigCommerce push order changes to `/api/webhooks/{platform}/{id}`; polling is then the safety net. */
export function acceptsWebhooks(platform: Platform): boolean {
  return platform === "shopify" || platform === "woocommerce" || platform === "bigcommerce";
}

/** Custom stores: the merchant's status names per Shipdeck status, comma-separated and case-sensitive. */
export const STATUS_MAPPING_KEYS = ["unpaid", "paid", "shipped", "cancelled", "onHold"] as const;
