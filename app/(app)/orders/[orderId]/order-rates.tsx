"use client";

import Link from "next/link";
import { useActionState, useMemo, useState, useTransition } from "react";
import { RateTable, quoteKey } from "../../rates/rate-table";
import { ratesTranslator, type RatesMessages } from "../../rates/rates-i18n";
import { chooseOrderRateAction, quoteOrderRatesAction } from "./rate-actions";

export interface SavedChoice {
  label: string;
  samplePrices: boolean;
}

/** The order's Rates panel: the saved carrier and service, and the quotes to pick another from. */
export function OrderRates({
  orderId,
  canChoose,
  saved,
  messages,
  locale,
}: {
  orderId: number;
  /** False once the order shipped or was cancelled: its rates can be seen, not picked. */
  canChoose: boolean;
  saved: SavedChoice | null;
  messages: RatesMessages;
  locale: string;
}) {
  const t = useMemo(() => ratesTranslator(locale, messages), [locale, messages]);
  const [state, quote, quoting] = useActionState(async () => quoteOrderRatesAction(orderId), {});
  const [choosing, startChoosing] = useTransition();
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [chooseError, setChooseError] = useState<string | null>(null);

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="order-rates">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{t("title")}</h2>
        <p className="text-sm" data-testid="order-shipping-service">
          <span className="text-slate-500">{t("shippingService")}{locale === "fr" ? "\u00a0: " : ": "}</span>
          {saved ? saved.label : t("noServiceYet")}
          {saved?.samplePrices && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t("sampleBadge")}</span>}
        </p>
        <form action={quote} className="ml-auto">
          <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50" disabled={quoting}>
            {quoting ? t("quoting") : t("getRates")}
          </button>
        </form>
      </div>
      <p className="text-xs text-slate-500">{t("orderIntro")}</p>
      {state.error && <p role="alert" className="text-sm text-red-600">{state.error}</p>}
      {chooseError && <p role="alert" className="text-sm text-red-600">{chooseError}</p>}
      {state.gaps && state.gaps.length > 0 && (
        <ul className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="order-rate-gaps">
          {state.gaps.map((gap) => (
            <li key={gap}>
              {t(`gaps.${gap}`)}
              {gap === "no_location" && (
                <Link href="/rates" className="ml-2 text-brand-700 hover:underline">
                  {t("addLocation")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {state.invalid && <p role="alert" className="text-sm text-amber-900">{t("invalidOrder", { reason: state.invalid })}</p>}
      {state.result && (
        <RateTable
          result={state.result}
          messages={messages}
          locale={locale}
          chosenKey={chosenKey}
          choosing={choosing}
          onChoose={
            canChoose
              ? (picked) =>
                  startChoosing(async () => {
                    setChooseError(null);
                    const outcome = await chooseOrderRateAction(orderId, { carrierCode: picked.carrierCode, serviceCode: picked.serviceCode, packageCode: picked.packageCode });
                    if (outcome.error) setChooseError(outcome.error);
                    else setChosenKey(quoteKey(picked));
                  })
              : undefined
          }
        />
      )}
      {chosenKey && !choosing && <p role="status" className="text-sm text-emerald-700" data-testid="rate-saved">{t("saved")}</p>}
    </section>
  );
}
