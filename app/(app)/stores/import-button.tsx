"use client";

import { useActionState } from "react";
import type { ImportState } from "./actions";

/** Import now: the button shows it is working, then says what happened. */
export function ImportButton({ action, label, pendingLabel }: { action: () => Promise<ImportState>; label: string; pendingLabel: string }) {
  const [state, run, pending] = useActionState(async () => action(), {} as ImportState);
  return (
    <form action={run} className="flex flex-wrap items-center gap-3">
      <button disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60" data-testid="import-button">
        {pending ? pendingLabel : label}
      </button>
      <span aria-live="polite" data-testid="import-result" className={`text-sm ${state.failed || state.error ? "text-red-700" : "text-slate-600"}`}>
        {pending ? "" : (state.error ?? state.message)}
      </span>
    </form>
  );
}
