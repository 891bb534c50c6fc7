import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import { PAGE_SIZES, SORT_FIELDS, orderListSearch, type OrderListQuery } from "@/lib/orders/list-query";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: every filter lands in the URL, so a view can be bookmarked and shared. */
export function OrderFilters({ query, stores, t }: { query: OrderListQuery; stores: { id: number; name: string }[]; t: Translate }) {
  return (
    <form action="/orders" method="get" role="search" aria-label={t("orders.filters")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      <input type="hidden" name="status" value={query.status} />
      {query.run && <input type="hidden" name="run" value={query.run} />}
      <label className="flex w-full flex-col gap-1 text-xs font-medium text-slate-600 sm:w-auto sm:min-w-64 sm:flex-1">
        {t("orders.search")}
        <input type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("orders.searchPlaceholder")} className={control} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("orders.store")}
        <select name="store" defaultValue={query.store ?? ""} className={control}>
          <option value="">{t("orders.allStores")}</option>
          {stores.map((store) => (
            <option key={store.id} value={store.id}>
              {store.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("orders.from")}
        <input type="date" name="from" defaultValue={query.from ?? ""} className={control} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("orders.to")}
        <input type="date" name="to" defaultValue={query.to ?? ""} className={control} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("orders.sortBy")}
        <select name="sort" defaultValue={query.sort} className={control}>
          {SORT_FIELDS.map((field) => (
            <option key={field} value={field}>
              {t(`orders.sort.${field}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        <span className="sr-only">{t("orders.sortBy")}</span>
        <select name="dir" defaultValue={query.dir} aria-label={t("orders.sortBy")} className={control}>
          <option value="desc">{t("orders.direction.desc")}</option>
          <option value="asc">{t("orders.direction.asc")}</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("orders.pageSize")}
        <select name="size" defaultValue={String(query.size)} className={control}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <button className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">{t("orders.apply")}</button>
        <Link href={`/orders${orderListSearch({ status: query.status })}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
          {t("orders.clear")}
        </Link>
      </div>
    </form>
  );
}
