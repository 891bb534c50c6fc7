import type { Translate } from "@/lib/i18n/translate";

/**
 * A store's name as a page shows it. Every workspace's built-in store is stored as "Manual
 * Orders" (the API's storeName, as ShipStation's) and shown in the merchant's language.
 */
export function storeNameIn(store: { name: string; platform: string }, t: Translate): string {
  return store.platform === "manual" ? t("stores.manualStore") : store.name;
}

/** The same for a list of stores, for pickers and the list's Store column. */
export function storesNamedIn<Store extends { name: string; platform: string }>(stores: readonly Store[], t: Translate): Store[] {
  return stores.map((store) => ({ ...store, name: storeNameIn(store, t) }));
}
