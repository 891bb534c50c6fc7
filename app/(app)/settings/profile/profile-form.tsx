"use client";

import { useActionState } from "react";
import { Field } from "../../../ui/field";
import { updateProfileAction, type ProfileState } from "./actions";

export function ProfileForm({ name, labels }: { name: string; labels: { name: string; save: string; saved: string } }) {
  const [state, formAction, pending] = useActionState<ProfileState, FormData>(updateProfileAction, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="w-full max-w-sm">
        <Field name="name" label={labels.name} errors={state.fieldErrors?.name} defaultValue={state.values?.name ?? name} autoComplete="name" required />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
        {labels.save}
      </button>
      {state.error && !state.fieldErrors && (
        <p role="alert" className="w-full text-sm text-red-600">
          {state.error}
        </p>
      )}
      {state.saved && (
        <p role="status" className="w-full text-sm text-emerald-700">
          {labels.saved}
        </p>
      )}
    </form>
  );
}
