"use client";

import { useActionState, useEffect, useMemo, useState } from "react";
import { compile, type Compiled, type Vars } from "@/lib/i18n/compile";
import type { Messages } from "@/lib/i18n/messages/en";
import { bulkOrdersAction } from "./bulk-actions";
import { BULK_FORM_ID } from "./bulk-form-id";

type BulkMessages = Messages["orders"]["bulk"] & { selectAll: string };

const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50";
const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function checkboxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=orderId][form=${BULK_FORM_ID}]`)];
}

/**
 * The orders list's bulk bar, ShipStation's way: select rows (or the whole page), then hold them
 * until a day, mark them shipped, cancel them or export them. The rows' checkboxes are fields
 * of this form through their `form` attribute, so the server-rendered table stays as it is.
 */
export function BulkBar({ locale, messages }: { locale: string; messages: BulkMessages }) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const [state, formAction, pending] = useActionState(bulkOrdersAction, {});
  const [selected, setSelected] = useState<string[]>([]);
  const [pageSize, setPageSize] = useState(0);

  useEffect(() => {
    const refresh = () => {
      const boxes = checkboxes();
      setPageSize(boxes.length);
      setSelected(boxes.filter((box) => box.checked).map((box) => box.value));
    };
    refresh();
    const onChange = (event: Event) => {
      if ((event.target as HTMLInputElement | null)?.getAttribute?.("form") === BULK_FORM_ID) refresh();
    };
    document.addEventListener("change", onChange);
    // A new page of rows (next page, another tab) arrives without a change event.
    const observer = new MutationObserver(refresh);
    observer.observe(document.querySelector("main") ?? document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener("change", onChange);
      observer.disconnect();
    };
  }, []);

  const allChecked = pageSize > 0 && selected.length === pageSize;
  const none = selected.length === 0;
  const selectAll = (checked: boolean) => {
    for (const box of checkboxes()) box.checked = checked;
    setSelected(checked ? checkboxes().map((box) => box.value) : []);
  };
  const refused = state.results?.filter((result) => result.outcome === "refused") ?? [];
  const changed = (state.results?.length ?? 0) - refused.length;

  return (
    <form
      id={BULK_FORM_ID}
      action={formAction}
      aria-label={t("bar")}
      data-testid="bulk-bar"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (submitter?.value === "cancel" && !window.confirm(t("confirmCancel", { count: selected.length }))) event.preventDefault();
      }}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" className="size-4" checked={allChecked} onChange={(event) => selectAll(event.target.checked)} disabled={pageSize === 0} data-testid="select-all" />
          {t("selectAll")}
        </label>
        <span className="text-sm text-slate-600" data-testid="selected-count" aria-live="polite">
          {t("selected", { count: selected.length })}
        </span>
      </div>
      {/* The actions appear once a row is picked: on a phone they would otherwise take the first screen. */}
      <fieldset disabled={pending} hidden={none} className="flex flex-wrap items-end gap-x-4 gap-y-2" data-testid="bulk-actions">
        <div className="flex items-end gap-2">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("holdUntil")}
            <input type="date" name="holdUntil" className={input} />
          </label>
          <button name="action" value="hold" className={button}>
            {t("hold")}
          </button>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("shipDate")}
            <input type="date" name="shipDate" className={input} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("carrier")}
            <input name="carrierCode" className={`${input} w-28`} />
          </label>
          <button name="action" value="ship" className={button}>
            {t("markShipped")}
          </button>
        </div>
        <button name="action" value="cancel" className={`${button} text-red-700`}>
          {t("cancel")}
        </button>
        {/* A download, not a page: a plain link to the export, with the picked ids. */}
        <a href={`/orders/export?ids=${selected.join(",")}`} className={button} data-testid="export-selected">
          {t("export")}
        </a>
      </fieldset>
      {state.error && (
        <p role="alert" className="text-sm text-red-600">
          {state.error}
        </p>
      )}
      {state.results && (
        <div role="status" className="text-sm" data-testid="bulk-results">
          {changed > 0 && <p className="text-emerald-700">{t("changed", { count: changed })}</p>}
          {refused.length > 0 && (
            <>
              <p className="text-amber-800">{t("refused", { count: refused.length })}</p>
              <ul className="ml-5 list-disc text-slate-700">
                {refused.map((result) => (
                  <li key={result.orderId}>
                    <span className="font-medium">{result.orderNumber ?? t("unknownOrder", { id: result.orderId })}</span> — {result.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}

function translator(locale: string, messages: BulkMessages) {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const compiled = new Map<string, Compiled>();
  return (key: keyof BulkMessages, vars: Vars = {}) => {
    let message = compiled.get(key);
    if (!message) {
      message = compile(messages[key]);
      compiled.set(key, message);
    }
    return message(vars, plurals, numbers);
  };
}
