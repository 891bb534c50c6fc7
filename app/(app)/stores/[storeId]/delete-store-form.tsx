"use client";

import { useActionState, useState } from "react";
import type { StoreDeleteState } from "../actions";

/**
 * "Delete store…", then what happens to its orders and imports, said before anything is deleted,
 * with Delete store and Cancel. The action goes to the Stores list when done.
 */
export function DeleteStoreForm({
  action,
  labels,
}: {
  action: () => Promise<StoreDeleteState>;
  labels: { open: string; confirm: string; orders: string; effects: string; deactivateInstead: string; submit: string; pending: string; cancel: string };
}) {
  const [open, setOpen] = useState(false);
  const [state, run, pending] = useActionState(async () => action(), {} as StoreDeleteState);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50">
        {labels.open}
      </button>
    );
  }
  return (
    <form action={run} role="alertdialog" aria-labelledby="delete-store-confirm" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950" data-testid="delete-store-confirm">
      <p id="delete-store-confirm" className="font-semibold">
        {labels.confirm}
      </p>
      <p data-testid="delete-store-orders">{labels.orders}</p>
      <p>{labels.effects}</p>
      <p className="text-xs">{labels.deactivateInstead}</p>
      {state.error && (
        <p role="alert" className="text-red-700">
          {state.error}
        </p>
      )}
      <div className="flex gap-3">
        <button disabled={pending} className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
          {pending ? labels.pending : labels.submit}
        </button>
        <button type="button" disabled={pending} onClick={() => setOpen(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}
