"use client";

import type { CsvOrder } from "@/lib/csv/rows-to-orders";
import type { CsvRowError } from "@/lib/csv/write-csv";
import { CountsList } from "./counts-list";
import type { CsvImportCounts, CsvOrderResult } from "@/lib/csv/import-protocol";
import { OrderPreview } from "./order-preview";
import { RowErrors } from "./row-errors";
import type { CsvT } from "./translator";

/** What importing would do: counts, the rows that cannot be imported, the first orders; then Import. */
export function PreviewStep({ t, locale, timeZone, counts, errors, orders, total, results, onBack, onImport }: {
  t: CsvT;
  locale: string;
  timeZone: string;
  counts: CsvImportCounts;
  errors: CsvRowError[];
  /** The orders read from their rows; the preview shows the first. */
  orders: CsvOrder[];
  /** Every order the file would send, those found unchanged included. */
  total: number;
  results: CsvOrderResult[];
  onBack: () => void;
  onImport: () => void;
}) {
  const importable = total - counts.failed;
  // Orders found unchanged, or shipped and cancelled ones the file can't change, are no reason to import.
  const changes = counts.created + counts.updated;
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">{t("previewTitle")}</h2>
      <CountsList t={t} counts={counts} rowErrors={new Set(errors.map((error) => error.row)).size} />
      <RowErrors t={t} errors={errors} />
      <OrderPreview t={t} locale={locale} timeZone={timeZone} orders={orders} results={results} />
      {importable <= 0 && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("nothingToImport")}</p>}
      {importable > 0 && changes === 0 && (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="csv-nothing-changes">
          {t("nothingChanges")}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button type="button" onClick={onBack} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
          {t("back")}
        </button>
        {changes > 0 && (
          <button type="button" onClick={onImport} className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            {t("import", { count: changes })}
          </button>
        )}
      </div>
    </div>
  );
}
