import type { Translate } from "@/lib/i18n/translate";
import type { OrderDetail } from "@/lib/orders/get-order";

export function AddressCard({ title, order, prefix, t }: { title: string; order: OrderDetail; prefix: "ship_to" | "bill_to"; t: Translate }) {
  const field = (name: string) => order[`${prefix}_${name}` as keyof OrderDetail] as string | number | null;
  const cityLine = [field("city"), [field("state"), field("postal_code")].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const lines = [field("name"), field("company"), field("street1"), field("street2"), field("street3"), cityLine, field("country"), field("phone")].filter(Boolean);
  const residential = field("residential");
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`address-${prefix}`}>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {lines.length ? (
        <address className="text-sm not-italic">
          {lines.map((line, index) => (
            <div key={index} className={index === 0 ? "font-medium" : undefined}>
              {line}
            </div>
          ))}
        </address>
      ) : (
        <p className="text-sm text-slate-500">{t("order.empty")}</p>
      )}
      {residential != null && <p className="mt-2 text-xs text-slate-500">{residential ? t("order.residential") : t("order.commercial")}</p>}
    </section>
  );
}
