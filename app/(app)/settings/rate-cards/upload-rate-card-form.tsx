"use client";

import { useActionState } from "react";
import { uploadRateCardAction, type UploadRateCardState } from "./actions";

export interface UploadRateCardLabels {
  file: string;
  hint: string;
  upload: string;
}

/** The CSV upload; a refused file lists every problem by row and column, and nothing is saved. */
export function UploadRateCardForm({ labels }: { labels: UploadRateCardLabels }) {
  const [state, formAction, pending] = useActionState<UploadRateCardState, FormData>(uploadRateCardAction, {});
  return (
    <form action={formAction} className="space-y-3" data-testid="rate-card-upload">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">{labels.file}</span>
          <input type="file" name="file" accept=".csv,text/csv,text/plain" required className="block text-sm" />
          <span className="text-xs text-slate-500">{labels.hint}</span>
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
          {labels.upload}
        </button>
      </div>
      {state.saved && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {state.saved}
        </p>
      )}
      {state.error && (
        <div role="alert" className="space-y-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="rate-card-errors">
          <p className="font-medium">{state.error}</p>
          {state.problems && (
            <ul className="list-disc space-y-1 pl-5">
              {state.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
