import Link from "next/link";
import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { OrderListPage } from "@/lib/orders/list-orders";
import { orderListSearch, type OrderListQuery } from "@/lib/orders/list-query";

export function Pagination({ query, page, total, t, format }: { query: OrderListQuery; page: OrderListPage; total: number | null; t: Translate; format: Formatter }) {
  const offset = query.offset ?? 0;
  const shown = page.orders.length;
  if (shown === 0) return null;
  const keep = { ...query, after: undefined, before: undefined };
  const nextHref = page.nextCursor ? `/orders${orderListSearch({ ...keep, after: page.nextCursor, offset: offset + query.size })}` : null;
  const prevHref = page.prevCursor ? `/orders${orderListSearch({ ...keep, before: page.prevCursor, offset: Math.max(0, offset - query.size) || undefined })}` : null;
  const range = { from: format.number(offset + 1), to: format.number(offset + shown) };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  const disabled = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-300";
  return (
    <nav aria-label={t("orders.pagination")} className="flex items-center justify-between text-sm text-slate-600">
      <p data-testid="page-range">{total === null ? t("orders.rangeNoTotal", range) : t("orders.range", { ...range, total: format.number(total) })}</p>
      <div className="flex gap-2">
        {prevHref ? (
          <Link href={prevHref} className={link} rel="prev">
            {t("orders.previous")}
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">{t("orders.previous")}</span>
        )}
        {nextHref ? (
          <Link href={nextHref} className={link} rel="next">
            {t("orders.next")}
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">{t("orders.next")}</span>
        )}
      </div>
    </nav>
  );
}
