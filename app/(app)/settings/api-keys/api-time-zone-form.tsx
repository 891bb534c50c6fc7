"use client";

import { useActionState } from "react";
import { updateApiTimeZoneAction, type ApiTimeZoneState } from "./actions";

export function ApiTimeZoneForm({ current, zones, canManage, labels }: { current: string; zones: string[]; canManage: boolean; labels: Record<string, string> }) {
  const [state, action, pending] = useActionState<ApiTimeZoneState, FormData>(updateApiTimeZoneAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">{labels.timeZone}</span>
        <select name="timeZone" defaultValue={current} disabled={!canManage} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      {canManage && (
        <button disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
          {labels.save}
        </button>
      )}
      {state.saved && <p role="status" className="text-sm text-emerald-700">{labels.saved}</p>}
      {state.error && <p role="alert" className="text-sm text-red-600">{state.error}</p>}
    </form>
  );
}
