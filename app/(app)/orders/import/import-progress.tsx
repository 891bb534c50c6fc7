import type { CsvT } from "./translator";

/** The chunks sent so far, as a bar; a retry or a stop says so under it. */
export function ImportProgress({ t, done, total, notice, error, onRetry }: {
  t: CsvT;
  done: number;
  total: number;
  notice: string | null;
  error: string | null;
  onRetry: () => void;
}) {
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm font-medium" aria-live="polite">
        {t("importing", { done, total })}
      </p>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} className="h-2 overflow-hidden rounded-full bg-slate-100">
        <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      {notice && !error && <p className="text-sm text-amber-700">{notice}</p>}
      {error && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          <span>{t("stopped", { message: error })}</span>
          <button type="button" onClick={onRetry} className="rounded-md border border-red-300 bg-white px-3 py-1 font-medium hover:bg-red-50">
            {t("retry")}
          </button>
        </div>
      )}
    </section>
  );
}
