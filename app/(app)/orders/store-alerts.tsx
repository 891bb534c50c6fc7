import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { platformKeys } from "@/lib/stores/platforms";
import type { StoreAttention } from "@/lib/stores/store-health";
import { AttentionDetails } from "../stores/store-health-text";

/** Stores whose imports keep failing, named above the orders they would bring, each with what to do. */
export function StoreAlerts({ stores, t, format, now }: { stores: StoreAttention[]; t: Translate; format: Formatter; now: number }) {
  if (stores.length === 0) return null;
  return (
    <section role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900" data-testid="store-alerts">
      <h2 className="font-semibold">{t("stores.health.bannerTitle", { count: stores.length })}</h2>
      <ul className="space-y-2">
        {stores.map((store) => (
          <li key={store.storeId} data-testid="store-alert">
            <span className="block font-semibold">{store.name}</span>
            <AttentionDetails storeId={store.storeId} platform={t(platformKeys.name(store.platform))} health={store.health} context={{ t, format, now }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
