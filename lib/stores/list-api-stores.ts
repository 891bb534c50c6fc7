import { db } from "@/db/database";
import { formatApiDate } from "@/lib/orders/api-dates";

const MARKETPLACE_NAMES: Record<string, string> = {
  manual: "Manual Orders",
  shopify: "Shopify",
  woocommerce: "WooCommerce",
  amazon: "Amazon",
  bigcommerce: "BigCommerce",
  custom_store: "Custom Store",
};

/** GET /stores in ShipStation's shape; `showInactive` includes deactivated stores, never deleted ones. */
export async function listApiStores(workspaceId: string, timeZone: string, showInactive = false) {
  let query = db.read.selectFrom("stores").selectAll().where("workspace_id", "=", workspaceId).where("deleted_at", "is", null).orderBy("id");
  if (!showInactive) query = query.where("active", "=", 1);
  const stores = await query.execute();
  return stores.map((store) => ({
    storeId: store.id,
    storeName: store.name,
    marketplaceId: null,
    marketplaceName: MARKETPLACE_NAMES[store.platform] ?? store.platform,
    accountName: null,
    email: null,
    integrationUrl: store.base_url,
    active: store.active === 1,
    companyName: "",
    phone: "",
    publicEmail: "",
    website: "",
    refreshDate: store.last_import_at != null ? formatApiDate(store.last_import_at, timeZone) : null,
    lastRefreshAttempt: store.last_import_at != null ? formatApiDate(store.last_import_at, timeZone) : null,
    createDate: formatApiDate(store.created_at, timeZone),
    modifyDate: formatApiDate(store.modified_at, timeZone),
    autoRefresh: store.auto_import === 1,
  }));
}
