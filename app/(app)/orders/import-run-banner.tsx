import Link from "next/link";
import type { ImportRunLabel } from "@/lib/imports/import-runs";
import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { orderListSearch, type OrderListQuery } from "@/lib/orders/list-query";

/** Says which import the list is limited to, with the way back to every order. */
export function ImportRunBanner({ run, query, stores, t, format }: {
  run: ImportRunLabel | null;
  query: OrderListQuery;
  stores: { id: number; name: string }[];
  t: Translate;
  format: Formatter;
}) {
  const date = run ? format.dateTime(run.startedAt) : "";
  const store = stores.find((each) => each.id === run?.storeId)?.name;
  const words = !run
    ? t("orders.run.unknown")
    : run.fileName
      ? t("orders.run.csv", { file: run.fileName, date })
      : store
        ? t("orders.run.store", { store, date })
        : t("orders.run.other", { date });
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm" data-testid="import-run-banner">
      <span>{words}</span>
      <Link href={`/orders${orderListSearch({ ...query, run: undefined, after: undefined, before: undefined, offset: undefined })}`} className="font-semibold text-brand-700 hover:underline">
        {t("orders.run.showAll")}
      </Link>
    </div>
  );
}
