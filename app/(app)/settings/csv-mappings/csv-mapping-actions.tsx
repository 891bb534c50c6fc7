"use client";

import { useActionState } from "react";
import { ConfirmForm } from "../../../ui/confirm-form";
import { deleteCsvMappingAction, renameCsvMappingAction, type CsvMappingState } from "./actions";

export interface CsvMappingActionLabels {
  name: string;
  rename: string;
  renameLabel: string;
  renamed: string;
  delete: string;
  deleteLabel: string;
  confirmDelete: string;
}

/** Rename a saved mapping in place, or delete it after the merchant confirms. */
export function CsvMappingActions({ mappingId, name, labels }: { mappingId: number; name: string; labels: CsvMappingActionLabels }) {
  const [renameState, renameAction, renaming] = useActionState<CsvMappingState, FormData>(renameCsvMappingAction, {});
  const [deleteState, deleteAction, deleting] = useActionState<CsvMappingState, FormData>(deleteCsvMappingAction, {});
  const error = renameState.fieldErrors?.name?.[0] ?? renameState.error ?? deleteState.error;
  return (
    <div className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3">
      <form action={renameAction} className="flex min-w-0 flex-1 flex-wrap items-end gap-2">
        <input type="hidden" name="mappingId" value={mappingId} />
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
          {labels.name}
          <input
            name="name"
            defaultValue={renameState.values?.name ?? name}
            key={name}
            maxLength={100}
            aria-label={labels.renameLabel}
            aria-invalid={renameState.fieldErrors?.name ? true : undefined}
            className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500 sm:max-w-xs"
          />
        </label>
        <button type="submit" disabled={renaming} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
          {labels.rename}
        </button>
      </form>
      <ConfirmForm
        action={deleteAction}
        fields={{ mappingId }}
        confirmMessage={labels.confirmDelete}
        label={labels.delete}
        accessibleLabel={labels.deleteLabel}
        pending={deleting}
      />
      {error ? (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      ) : (
        renameState.renamed && (
          <p role="status" className="w-full text-sm text-emerald-700">
            {labels.renamed}
          </p>
        )
      )}
    </div>
  );
}
