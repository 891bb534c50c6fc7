"use client";

import { useActionState } from "react";
import { Field } from "../../../ui/field";
import { changePasswordAction, type ProfileState } from "./actions";

export interface PasswordLabels {
  currentPassword: string;
  newPassword: string;
  newPasswordHint: string;
  confirmPassword: string;
  submit: string;
  changed: string;
}

/** Current password, then the new one twice; no password is ever sent back to the page. */
export function PasswordForm({ labels }: { labels: PasswordLabels }) {
  const [state, formAction, pending] = useActionState<ProfileState, FormData>(changePasswordAction, {});
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      {state.error && !state.fieldErrors && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error}
        </p>
      )}
      <Field name="currentPassword" type="password" label={labels.currentPassword} errors={state.fieldErrors?.currentPassword} autoComplete="current-password" required />
      <Field name="newPassword" type="password" label={labels.newPassword} hint={labels.newPasswordHint} errors={state.fieldErrors?.newPassword} autoComplete="new-password" required />
      <Field name="confirmPassword" type="password" label={labels.confirmPassword} errors={state.fieldErrors?.confirmPassword} autoComplete="new-password" required />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
        {labels.submit}
      </button>
      {state.saved && (
        <p role="status" className="text-sm text-emerald-700" data-testid="password-changed">
          {labels.changed}
        </p>
      )}
    </form>
  );
}
