"use client";

import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/http/action-client";

const DANGER_BUTTON = "rounded-md border border-red-300 font-medium text-red-700 hover:bg-red-50 disabled:opacity-60";

/**
 * A form that asks the merchant first (the browser's confirm), then posts its hidden fields: the
 * delete, revoke and remove buttons of the settings pages. `small` for a button in a table row.
 */
export function ConfirmForm({ action, fields, confirmMessage, label, accessibleLabel, pending, small, children }: {
  action: (formData: FormData) => void;
  fields: Record<string, string | number>;
  confirmMessage: string;
  label: string;
  accessibleLabel: string;
  pending: boolean;
  small?: boolean;
  children?: ReactNode;
}) {
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(confirmMessage)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-label={accessibleLabel} className={`${DANGER_BUTTON} ${small ? "px-3 py-1 text-xs" : "px-3 py-1.5 text-sm"}`}>
        {label}
      </button>
      {children}
    </form>
  );
}

/** A ConfirmForm with its own action state: its refusal shows under the button. */
export function ConfirmActionButton({ action, ...form }: Omit<Parameters<typeof ConfirmForm>[0], "action" | "pending" | "children"> & {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <ConfirmForm {...form} action={formAction} pending={pending}>
      {state.error && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {state.error}
        </p>
      )}
    </ConfirmForm>
  );
}
