"use client";

import { useActionState } from "react";
import type { StoreAutoImportState } from "./actions";

/** The store's automatic import, on or off; the page reloads with the new state, or the switch says why it could not. */
export function AutoImportSwitch({ on, action, label, description }: { on: boolean; action: () => Promise<StoreAutoImportState>; label: string; description: string }) {
  const [state, run, pending] = useActionState(async () => action(), {} as StoreAutoImportState);
  return (
    <form action={run} className="flex items-start gap-3">
      <button
        type="submit"
        role="switch"
        aria-checked={on}
        aria-labelledby="auto-import-label"
        aria-describedby="auto-import-description"
        disabled={pending}
        data-testid="auto-import-switch"
        className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 ${on ? "bg-brand-600" : "bg-slate-300"}`}
      >
        <span aria-hidden className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0.5"}`} />
      </button>
      <span className="text-sm">
        <span id="auto-import-label" className="block font-medium">
          {label}
        </span>
        <span id="auto-import-description" className="block text-slate-600" data-testid="auto-import-description">
          {description}
        </span>
        {state.error && (
          <span role="alert" className="block text-red-700">
            {state.error}
          </span>
        )}
      </span>
    </form>
  );
}
