"use client";

import { useActionState, useId } from "react";
import type { SweepState } from "../actions";

const input = "block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500";

/**
 * "Sweep a date range": From and To, days in the merchant's time zone (To included); then what the
 * sweep read and found, the field that is wrong, or that another import holds the store.
 */
export function SweepForm({ action, labels, today }: {
  action: (state: SweepState, formData: FormData) => Promise<SweepState>;
  labels: { title: string; hint: string; from: string; to: string; submit: string; pending: string };
  /** `YYYY-MM-DD` in the merchant's zone: no day after it can be chosen. */
  today: string;
}) {
  const [state, formAction, pending] = useActionState(action, {} as SweepState);
  const id = useId();
  const field = (name: "from" | "to", label: string) => {
    const error = state.fieldErrors?.[name]?.[0];
    const inputId = `${id}-${name}`;
    const errorId = `${inputId}-error`;
    // The error describes the field, outside its label: the field's name stays "From" or "To".
    return (
      <div className="space-y-1 text-sm">
        <label htmlFor={inputId} className="block font-medium text-slate-700">
          {label}
        </label>
        <input
          id={inputId}
          type="date"
          name={name}
          required
          max={today}
          defaultValue={state.values?.[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={input}
        />
        {error && (
          <span id={errorId} className="block max-w-xs text-xs text-red-600" data-testid={`sweep-${name}-error`}>
            {error}
          </span>
        )}
      </div>
    );
  };
  return (
    <form action={formAction} aria-labelledby={`${id}-title`} aria-describedby={`${id}-hint`} className="space-y-3 border-t border-slate-100 pt-3" data-testid="sweep-form">
      <div>
        <h3 id={`${id}-title`} className="text-sm font-semibold">
          {labels.title}
        </h3>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {labels.hint}
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        {field("from", labels.from)}
        {field("to", labels.to)}
        <button disabled={pending} className="mt-6 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60" data-testid="sweep-button">
          {pending ? labels.pending : labels.submit}
        </button>
      </div>
      {!pending && state.error && (
        <p role="alert" className="text-sm text-red-700" data-testid="sweep-error">
          {state.error}
        </p>
      )}
      <p role="status" className={`text-sm ${state.busy ? "text-amber-800" : "text-slate-600"}`} data-testid="sweep-result">
        {pending ? "" : state.message}
      </p>
    </form>
  );
}
