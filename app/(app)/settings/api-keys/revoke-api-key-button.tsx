"use client";

import { useActionState } from "react";
import { revokeApiKeyAction, type RevokeApiKeyState } from "./actions";

/** Revoke, after the merchant confirms: a custom store using the key stops working at once. */
export function RevokeApiKeyButton({ apiKeyId, label, accessibleLabel, confirmMessage }: { apiKeyId: number; label: string; accessibleLabel: string; confirmMessage: string }) {
  const [state, formAction, pending] = useActionState<RevokeApiKeyState, FormData>(revokeApiKeyAction, {});
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(confirmMessage)) event.preventDefault();
      }}
    >
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className="rounded-md border border-red-300 px-3 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
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
