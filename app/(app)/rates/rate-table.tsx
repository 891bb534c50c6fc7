"use client";

import { Fragment, useMemo, useState } from "react";
import { createFormatter } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/translate";
import type { RateQuote, RateResult } from "@/lib/rating/types";
import { describeRating, ratesTranslator, type RatesMessages } from "./rates-i18n";

type Sort = "price" | "speed";

const keyOf = (quote: RateQuote) => `${quote.carrierCode}|${quote.serviceCode}|${quote.packageCode}|${quote.rateCardId ?? "live"}`;

function sorted(quotes: RateQuote[], sort: Sort): RateQuote[] {
  const days = (quote: RateQuote) => quote.deliveryDays ?? Number.POSITIVE_INFINITY;
  return [...quotes].sort((a, b) => (sort === "speed" ? days(a) - days(b) || a.totalCents - b.totalCents : a.totalCents - b.totalCents || days(a) - days(b)));
}

/**
 * Quotes beside the carriers that could not quote, sortable by price or speed, each with its
 * breakdown on demand. `onChoose` adds a button per quote (the order page's pick).
 */
export function RateTable({
  result,
  messages,
  locale,
  onChoose,
  chosenKey,
  choosing,
}: {
  result: RateResult;
  messages: RatesMessages;
  locale: string;
  onChoose?: (quote: RateQuote) => void;
  chosenKey?: string | null;
  choosing?: boolean;
}) {
  const t = useMemo(() => ratesTranslator(locale, messages), [locale, messages]);
  const format = useMemo(() => createFormatter(locale as Locale), [locale]);
  const [sort, setSort] = useState<Sort>("price");
  const [open, setOpen] = useState<Set<string>>(new Set());
  const quotes = useMemo(() => sorted(result.quotes, sort), [result.quotes, sort]);
  const money = (cents: number) => format.money(cents, "USD");
  const colon = locale === "fr" ? "\u00a0: " : ": ";
  const toggle = (key: string) => setOpen((current) => {
    const next = new Set(current);
    if (!next.delete(key)) next.add(key);
    return next;
  });
  const sortButton = (value: Sort, label: string) => (
    <button
      type="button"
      onClick={() => setSort(value)}
      aria-pressed={sort === value}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:text-brand-700"
    >
      {label}
    </button>
  );

  return (
    <div className="space-y-3" data-testid="rate-results">
      {result.quotes.some((quote) => quote.samplePrices) && (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="sample-notice">
          {t("sampleNotice")}
        </p>
      )}
      {result.problems.length > 0 && (
        <section className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="rate-problems">
          <h3 className="font-medium">{t("problems")}</h3>
          <ul className="list-disc pl-5">
            {result.problems.map((problem, index) => (
              <li key={index}>
                {problem.carrierName}
                {problem.serviceCode ? ` (${problem.serviceCode})` : ""}
                {colon}
                {describeRating(t, problem)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {quotes.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="no-quotes">{t("noQuotes")}</p>
      ) : (
        <>
          <div className="flex items-center gap-2 text-sm">
            <span className="text-slate-500">{t("sortBy")}</span>
            {sortButton("price", t("sortPrice"))}
            {sortButton("speed", t("sortSpeed"))}
          </div>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="rate-table">
              <thead className="bg-slate-50 text-left text-xs text-slate-500">
                <tr>
                  <th className="hidden px-3 py-2 sm:table-cell">{t("carrier")}</th>
                  <th className="px-3 py-2">{t("service")}</th>
                  <th className="px-3 py-2">{t("deliveryDays")}</th>
                  <th className="hidden px-3 py-2 md:table-cell">{t("zone")}</th>
                  <th className="hidden px-3 py-2 md:table-cell">{t("billableWeight")}</th>
                  <th className="px-3 py-2 text-right">{t("total")}</th>
                  <th className="px-3 py-2"><span className="sr-only">{t("details")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {quotes.map((quote) => {
                  const key = keyOf(quote);
                  const expanded = open.has(key);
                  return (
                    <Fragment key={key}>
                      <tr data-testid="rate-row" data-service={quote.serviceCode} data-carrier={quote.carrierCode}>
                        <td className="hidden px-3 py-2 sm:table-cell">{quote.carrierName}</td>
                        <td className="px-3 py-2">
                          <span className="block text-xs text-slate-500 sm:hidden">{quote.carrierName}</span>
                          <span data-testid="rate-service">{quote.serviceName}</span>
                          {quote.samplePrices && (
                            <span className="ml-2 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" data-testid="sample-badge">
                              {t("sampleBadge")}
                            </span>
                          )}
                        </td>
                        <td className="px-3 py-2 tabular-nums" data-testid="rate-days">{quote.deliveryDays == null ? "—" : t("days", { count: quote.deliveryDays })}</td>
                        <td className="hidden px-3 py-2 md:table-cell">{quote.zone ?? "—"}</td>
                        <td className="hidden px-3 py-2 tabular-nums md:table-cell">
                          {format.weight(quote.billableWeightOz)}
                          {quote.dimWeightUsed && <span className="ml-1 text-xs text-slate-500">{t("dimShort")}</span>}
                        </td>
                        <td className="px-3 py-2 text-right font-medium tabular-nums" data-testid="rate-total">{money(quote.totalCents)}</td>
                        <td className="whitespace-nowrap px-3 py-2 text-right">
                          <button type="button" onClick={() => toggle(key)} aria-expanded={expanded} className="text-xs text-brand-700 hover:underline">
                            {expanded ? t("hideDetails") : t("details")}
                          </button>
                          {onChoose && (
                            <button
                              type="button"
                              onClick={() => onChoose(quote)}
                              disabled={choosing || chosenKey === key}
                              className="ml-3 rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60"
                            >
                              {chosenKey === key ? t("chosen") : t("choose")}
                            </button>
                          )}
                        </td>
                      </tr>
                      {expanded && (
                        <tr data-testid="rate-breakdown">
                          <td colSpan={7} className="bg-slate-50 px-3 py-2">
                            <Breakdown quote={quote} t={t} money={money} weight={format.weight} colon={colon} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

export { keyOf as quoteKey };

function Breakdown({ quote, t, money, weight, colon }: { colon: string; quote: RateQuote; t: (key: string, vars?: Record<string, string | number>) => string; money: (cents: number) => string; weight: (oz: number) => string }) {
  const b = quote.breakdown;
  const lines: [string, number][] = [
    ["base", b.baseCents],
    ["fuel", b.fuelCents],
    ["residentialSurcharge", b.residentialCents],
    ["deliveryArea", b.deliveryAreaCents],
    ["additionalHandling", b.additionalHandlingCents],
    ["oversize", b.oversizeCents],
    ["confirmationFee", b.confirmationCents],
  ];
  const dim =
    quote.dimWeightOz == null
      ? t("dimWeightNotUsed")
      : quote.dimWeightUsed
        ? t("dimWeightUsed", { weight: weight(quote.dimWeightOz) })
        : t("dimWeightLower", { weight: weight(quote.dimWeightOz) });
  return (
    <div className="grid gap-3 text-xs sm:grid-cols-2">
      <dl className="grid max-w-xs grid-cols-2 gap-y-0.5">
        {lines.map(([key, cents]) => (
          <Fragment key={key}>
            <dt className="text-slate-500">{t(key)}</dt>
            <dd className="text-right tabular-nums">{money(cents)}</dd>
          </Fragment>
        ))}
        <dt className="font-medium">{t("total")}</dt>
        <dd className="text-right font-medium tabular-nums">{money(quote.totalCents)}</dd>
      </dl>
      <dl className="space-y-0.5">
        <div>
          <dt className="inline text-slate-500">{t("billableWeight")}{colon}</dt>
          <dd className="inline" data-testid="billable-weight">{weight(quote.billableWeightOz)}</dd>
        </div>
        <div data-testid="dim-weight">{dim}</div>
        <div>
          <dt className="inline text-slate-500">{t("zone")}{colon}</dt>
          <dd className="inline" data-testid="rate-zone">{quote.zone ?? "—"}{quote.zoneSource ? ` (${describeRating(t, quote.zoneSource)})` : ""}</dd>
        </div>
        {quote.source === "live" && <div>{t("live")}</div>}
        {quote.samplePrices && <div className="text-amber-900">{t("sampleBadge")}</div>}
      </dl>
    </div>
  );
}
