"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ConfirmForm } from "../../../ui/confirm-form";
import { deleteLocationAction, makeDefaultLocationAction, type LocationRowState } from "./actions";

/** Edit, make default, delete (after a confirm): the list reloads with the change, or says why not. */
export function LocationRowActions({
  locationId,
  isDefault,
  labels,
}: {
  locationId: number;
  isDefault: boolean;
  labels: { edit: string; editLabel: string; makeDefault: string; delete: string; deleteLabel: string; confirmDelete: string };
}) {
  const [defaultState, makeDefault, defaultPending] = useActionState<LocationRowState>(() => makeDefaultLocationAction(locationId), {});
  const [deleteState, remove, deletePending] = useActionState<LocationRowState>(() => deleteLocationAction(locationId), {});
  const error = defaultState.error ?? deleteState.error;
  const button = "rounded-md border px-3 py-1 text-xs font-medium disabled:opacity-60";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Link href={`/settings/locations?edit=${locationId}`} aria-label={labels.editLabel} className={`${button} border-slate-300 hover:bg-slate-50`}>
        {labels.edit}
      </Link>
      {!isDefault && (
        <form action={makeDefault}>
          <button disabled={defaultPending} className={`${button} border-slate-300 hover:bg-slate-50`}>
            {labels.makeDefault}
          </button>
        </form>
      )}
      <ConfirmForm action={remove} fields={{}} confirmMessage={labels.confirmDelete} label={labels.delete} accessibleLabel={labels.deleteLabel} pending={deletePending} small />
      {error && (
        <p role="alert" className="w-full text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
