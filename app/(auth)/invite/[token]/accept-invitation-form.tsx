"use client";

import { useActionState } from "react";
import { acceptInvitationAction, type AcceptInvitationState } from "./actions";

export function AcceptInvitationForm({ token, label }: { token: string; label: string }) {
  const [state, formAction, pending] = useActionState<AcceptInvitationState, FormData>(acceptInvitationAction.bind(null, token), {});
  return (
    <form action={formAction} className="space-y-3">
      {state.error && (
        <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
        {label}
      </button>
    </form>
  );
}
