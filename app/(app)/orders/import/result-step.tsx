"use client";

import Link from "next/link";
import { CountsList } from "./counts-list";
import type { CsvImportCounts } from "@/lib/csv/import-protocol";
import type { CsvImportStatus } from "@/db/schema";
import type { CsvT } from "./translator";

/** What the import did, the error report when rows were left out, and where to go next. */
export function ResultStep({ t, status, counts, runId, progress, rowErrors, onDownloadReport, onImportAnother }: {
  t: CsvT;
  /** The import's run: the orders link lists exactly the orders it created (all of the store's when it created none). */
  runId: number | null;
  status: CsvImportStatus;
  counts: CsvImportCounts;
  /** Chunks done and total, for an import that has not finished. */
  progress?: { done: number; total: number };
  rowErrors?: number;
  /** Absent when the file is not at hand (the page was reloaded). */
  onDownloadReport?: () => void;
  onImportAnother: () => void;
}) {
  const hasErrors = counts.failed > 0 || Boolean(rowErrors);
  return (
    <div className="space-y-4" data-testid="csv-result">
      {status !== "running" && <h2 className="text-lg font-semibold">{t("resultTitle")}</h2>}
      <p className="text-sm" data-testid="csv-result-status">
        {t(`resultStatus.${status}`, { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
      </p>
      <CountsList t={t} counts={counts} labels="resultCounts" />
      {Boolean(rowErrors) && <p className="text-sm text-red-700">{t("resultRowErrors", { count: rowErrors ?? 0 })}</p>}
      {hasErrors &&
        (onDownloadReport ? (
          <div className="space-y-1">
            <button type="button" onClick={onDownloadReport} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50">
              {t("downloadReport")}
            </button>
            <p className="text-xs text-slate-500">{t("reportHint")}</p>
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t("reportUnavailable")}</p>
        ))}
      <div className="flex items-center gap-3">
        <Link
          href={runId != null && counts.created > 0 ? `/orders?status=all&run=${runId}` : "/orders?status=all&sort=modified_at"}
          className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
          data-testid="csv-result-orders"
        >
          {counts.created > 0 ? t("viewCreatedOrders", { count: counts.created }) : t("viewOrders")}
        </Link>
        <button type="button" onClick={onImportAnother} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
          {t("importAnother")}
        </button>
      </div>
    </div>
  );
}
