"use client";

import { useActionState } from "react";
import { revokeInvitationAction, type MemberState } from "./actions";

/** Withdraw an invitation, after the merchant confirms: its link stops working at once. */
export function RevokeInvitationButton({ invitationId, label, accessibleLabel, confirmMessage }: { invitationId: number; label: string; accessibleLabel: string; confirmMessage: string }) {
  const [state, formAction, pending] = useActionState<MemberState, FormData>(revokeInvitationAction, {});
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(confirmMessage)) event.preventDefault();
      }}
    >
      <input type="hidden" name="invitationId" value={invitationId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {label}
      </button>
      {state.error && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {state.error}
        </p>
      )}
    </form>
  );
}
