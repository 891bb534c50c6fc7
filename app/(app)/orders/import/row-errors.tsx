import type { CsvRowError } from "@/lib/csv/write-csv";
import { describe, type CsvT } from "./translator";

const SHOWN = 100;

/** The rows that will not be imported and why; past the first hundred, the error report has them. */
export function RowErrors({ t, errors }: { t: CsvT; errors: CsvRowError[] }) {
  if (errors.length === 0) return null;
  const rows = new Set(errors.map((error) => error.row)).size;
  return (
    <section className="space-y-2 rounded-lg border border-red-200 bg-white p-4">
      <h3 className="font-semibold text-red-800" data-testid="csv-row-errors-title">
        {t("rowErrorsTitle", { count: rows })}
      </h3>
      <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="csv-row-errors">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="w-16 py-1 pr-3">{t("errorColumns.row")}</th>
            <th className="w-48 py-1 pr-3">{t("errorColumns.column")}</th>
            <th className="py-1">{t("errorColumns.message")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {errors.slice(0, SHOWN).map((error, index) => (
            <tr key={index} data-testid="csv-row-error">
              <td className="py-1 pr-3 tabular-nums">{error.row}</td>
              <td className="py-1 pr-3">{error.column ?? "—"}</td>
              <td className="py-1">{describe(t, error)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {errors.length > SHOWN && <p className="text-sm text-slate-500">{t("rowErrorsMore", { count: errors.length - SHOWN })}</p>}
    </section>
  );
}
