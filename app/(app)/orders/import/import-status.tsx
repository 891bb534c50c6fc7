"use client";

import { useEffect, useState } from "react";
import { ApiError, getImport } from "./import-api";
import type { CsvImportSummary } from "@/lib/csv/import-protocol";
import { ResultStep } from "./result-step";
import { describeAnswer, type CsvT } from "./translator";

/** After a reload (`?import=<id>`): where that import stands, from the server. */
export function ImportStatusView({ t, importId, onImportAnother }: { t: CsvT; importId: string; onImportAnother: () => void }) {
  const [state, setState] = useState<CsvImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getImport(importId)
      .then((loaded) => live && setState(loaded))
      .catch((failure) => live && setError(failure instanceof ApiError && failure.message ? describeAnswer(t, failure.message) : t("networkError")));
    return () => {
      live = false;
    };
  }, [importId, t]);

  if (error) {
    return (
      <div className="space-y-3">
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {t("loadFailed", { message: error })}
        </p>
        <button type="button" onClick={onImportAnother} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
          {t("importAnother")}
        </button>
      </div>
    );
  }
  if (!state) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-500">{t("statusTitle", { name: state.fileName })}</p>
      <ResultStep t={t} status={state.status} counts={state.counts} runId={state.runId} rowErrors={state.rowsLeftOut} progress={{ done: state.chunksDone, total: state.totalChunks }} onImportAnother={onImportAnother} />
    </div>
  );
}
