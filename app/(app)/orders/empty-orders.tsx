import type { Translate } from "@/lib/i18n/translate";

/** The first thing a new merchant sees: every way orders get into Shipdeck. */
export function EmptyOrders({ t }: { t: Translate }) {
  const ways = [
    { title: t("orders.emptyConnect"), body: t("orders.emptyConnectBody") },
    { title: t("orders.emptyCsv"), body: t("orders.emptyCsvBody") },
    { title: t("orders.emptyManual"), body: t("orders.emptyManualBody") },
    { title: t("orders.emptyApi"), body: t("orders.emptyApiBody") },
  ];
  return (
    <section className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="orders-empty">
      <h2 className="text-lg font-semibold">{t("orders.emptyTitle")}</h2>
      <p className="mt-1 text-sm text-slate-500">{t("orders.emptyBody")}</p>
      <ul className="mx-auto mt-6 grid max-w-3xl gap-3 text-left sm:grid-cols-2">
        {ways.map((way) => (
          <li key={way.title} className="rounded-lg border border-slate-200 p-4">
            <p className="font-medium">{way.title}</p>
            <p className="text-sm text-slate-500">{way.body}</p>
            <p className="mt-2 text-xs font-medium text-slate-400">{t("orders.comingSoon")}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
