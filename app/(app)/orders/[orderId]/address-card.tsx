import type { Translate } from "@/lib/i18n/translate";
import type { AddressView } from "@/lib/orders/get-order";

export function AddressCard({ title, address, testId, t }: { title: string; address: AddressView; testId: string; t: Translate }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {address.lines.length ? (
        <address className="text-sm not-italic">
          {address.lines.map((line, index) => (
            <div key={index} className={index === 0 ? "font-medium" : undefined}>
              {line}
            </div>
          ))}
        </address>
      ) : (
        <p className="text-sm text-slate-500">{t("order.empty")}</p>
      )}
      {address.residential != null && <p className="mt-2 text-xs text-slate-500">{address.residential ? t("order.residential") : t("order.commercial")}</p>}
    </section>
  );
}
