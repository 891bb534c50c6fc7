import Link from "next/link";
import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { OrderCounts } from "@/lib/orders/list-orders";
import { ORDER_TABS, orderListSearch, type OrderListQuery } from "@/lib/orders/list-query";
import { CurrentTabInView } from "./current-tab-in-view";

export function StatusTabs({ query, counts, t, format }: { query: OrderListQuery; counts: OrderCounts; t: Translate; format: Formatter }) {
  return (
    <nav id="status-tabs" aria-label={t("orders.statusTabs")} className="relative flex gap-1 overflow-x-auto border-b border-slate-200 sm:flex-wrap sm:overflow-visible">
      <CurrentTabInView navId="status-tabs" current={query.status} />
      {ORDER_TABS.map((tab) => {
        const current = tab === query.status;
        // A tab keeps the store, search, dates and sort; it starts at the first page.
        const href = `/orders${orderListSearch({ ...query, status: tab, after: undefined, before: undefined, offset: undefined })}`;
        return (
          <Link
            key={tab}
            href={href}
            aria-current={current ? "page" : undefined}
            data-testid={`tab-${tab}`}
            className={`-mb-px flex shrink-0 items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2 text-sm ${current ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t(`status.${tab}`)}
            <span className={`rounded-full px-2 text-xs ${current ? "bg-brand-100" : "bg-slate-100"}`} data-testid={`count-${tab}`}>
              {format.number(counts[tab])}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
