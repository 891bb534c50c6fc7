import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";

/** The first thing a new merchant sees: every way orders get into Shipdeck. */
export function EmptyOrders({ t }: { t: Translate }) {
  const ways: { title: string; body: string; href?: string }[] = [
    { title: t("orders.emptyConnect"), body: t("orders.emptyConnectBody"), href: "/stores/connect" },
    { title: t("orders.emptyCsv"), body: t("orders.emptyCsvBody"), href: "/orders/import" },
    { title: t("orders.emptyManual"), body: t("orders.emptyManualBody"), href: "/orders/new" },
    { title: t("orders.emptyApi"), body: t("orders.emptyApiBody"), href: "/settings/api-keys" },
  ];
  return (
    <section className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="orders-empty">
      <h2 className="text-lg font-semibold">{t("orders.emptyTitle")}</h2>
      <p className="mt-1 text-sm text-slate-500">{t("orders.emptyBody")}</p>
      <ul className="mx-auto mt-6 grid max-w-3xl gap-3 text-left sm:grid-cols-2">
        {ways.map((way) => (
          <li key={way.title} className="rounded-lg border border-slate-200 p-4">
            {way.href ? (
              <Link href={way.href} className="font-medium text-brand-700 hover:underline">
                {way.title}
              </Link>
            ) : (
              <p className="font-medium">{way.title}</p>
            )}
            <p className="text-sm text-slate-500">{way.body}</p>
            {!way.href && <p className="mt-2 text-xs font-medium text-slate-400">{t("orders.comingSoon")}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
