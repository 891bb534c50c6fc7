"use client";

import { useActionState } from "react";
import { fetchZoneChartAction, uploadZoneChartAction, type ZoneChartState } from "./actions";

/** "Retry" / "Fetch again" from USPS, and the offline path: upload the service's JSON for this origin. */
export function ZoneChartActions({
  originZip3,
  labels,
}: {
  originZip3: string;
  labels: { fetch: string; uploadTitle: string; uploadHint: string; file: string; upload: string };
}) {
  // One state for both forms: the message shown is the last answer's, whichever button gave it.
  const [state, run, pending] = useActionState<ZoneChartState, FormData>(
    (previous, formData) => (formData.get("intent") === "upload" ? uploadZoneChartAction(originZip3, previous, formData) : fetchZoneChartAction(originZip3)),
    {},
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <form action={run}>
          <button name="intent" value="fetch" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60">
            {labels.fetch}
          </button>
        </form>
        <details className="text-xs">
          <summary className="cursor-pointer rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50">{labels.uploadTitle}</summary>
          <form action={run} className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
            <p className="text-slate-600">{labels.uploadHint}</p>
            <label className="block space-y-1">
              <span className="font-medium text-slate-700">{labels.file}</span>
              <input type="file" name="file" accept="application/json,.json" className="block w-full text-xs" />
            </label>
            <input type="hidden" name="intent" value="upload" />
            <button disabled={pending} className="rounded-md bg-brand-600 px-3 py-1 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
              {labels.upload}
            </button>
          </form>
        </details>
      </div>
      {state.error && (
        <p role="alert" data-testid="zone-chart-error" className="text-xs text-red-600">
          {state.error}
        </p>
      )}
      {state.message && (
        <p role="status" data-testid="zone-chart-message" className="text-xs text-emerald-700">
          {state.message}
        </p>
      )}
    </div>
  );
}
