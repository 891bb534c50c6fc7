"use client";

import { useActionState } from "react";
import { ConfirmForm } from "../../../ui/confirm-form";
import { deleteRateCardAction, setRateCardActiveAction, type RateCardRowState } from "./actions";

export interface RateCardRowLabels {
  activate: string;
  deactivate: string;
  delete: string;
  deleteLabel: string;
  confirmDelete: string;
}

/** Activate or deactivate a card, or delete it after the merchant confirms. */
export function RateCardRowActions({ rateCardId, active, labels }: { rateCardId: number; active: boolean; labels: RateCardRowLabels }) {
  const [toggleState, toggleAction, toggling] = useActionState<RateCardRowState, FormData>(setRateCardActiveAction, {});
  const [deleteState, deleteAction, deleting] = useActionState<RateCardRowState, FormData>(deleteRateCardAction, {});
  const error = toggleState.error ?? deleteState.error;
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <form action={toggleAction}>
        <input type="hidden" name="rateCardId" value={rateCardId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <button type="submit" disabled={toggling} className="rounded-md border border-slate-300 px-3 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60">
          {active ? labels.deactivate : labels.activate}
        </button>
      </form>
      <ConfirmForm
        action={deleteAction}
        fields={{ rateCardId }}
        confirmMessage={labels.confirmDelete}
        label={labels.delete}
        accessibleLabel={labels.deleteLabel}
        pending={deleting}
        small
      />
      {error && (
        <p role="alert" className="w-full text-right text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
