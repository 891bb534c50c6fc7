"use client";

import { useActionState } from "react";
import type { StoreActiveState } from "./actions";

/** Deactivate or reactivate: the page reloads with the new state, or the button says why it could not. */
export function ActiveButton({ action, label }: { action: () => Promise<StoreActiveState>; label: string }) {
  const [state, run, pending] = useActionState(async () => action(), {} as StoreActiveState);
  return (
    <form action={run} className="flex items-center gap-2">
      <button disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-60">
        {label}
      </button>
      {state.error && (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
