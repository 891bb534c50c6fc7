"use client";

import { useActionState } from "react";
import type { StoreFormState } from "./actions";

export interface StoreFormField {
  name: string;
  label: string;
  hint?: string;
  type?: string;
  placeholder?: string;
}

const input = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500";

/** Connect or edit a store: the platform's fields, "Test connection" and "Save". Secrets never come back filled in. */
export function StoreForm({
  action,
  fields,
  statusFields,
  initial,
  labels,
}: {
  action: (state: StoreFormState, formData: FormData) => Promise<StoreFormState>;
  fields: StoreFormField[];
  statusFields: StoreFormField[];
  initial: Record<string, string>;
  labels: { test: string; save: string; statusTitle: string; statusIntro: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = { ...initial, ...state.values };
  const render = (field: StoreFormField) => {
    const error = state.fieldErrors?.[field.name]?.[0];
    return (
      <label key={field.name} className="block space-y-1 text-sm">
        <span className="font-medium text-slate-700">{field.label}</span>
        <input
          name={field.name}
          type={field.type ?? "text"}
          defaultValue={field.type === "password" ? "" : (values[field.name] ?? "")}
          placeholder={field.placeholder}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          className={input}
        />
        {field.hint && <span className="block text-xs text-slate-500">{field.hint}</span>}
        {error && <span className="block text-xs text-red-600">{error}</span>}
      </label>
    );
  };
  return (
    <form action={formAction} className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {state.error && (
        <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error}
        </p>
      )}
      {state.message && (
        <p role="status" data-testid="form-message" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {state.message}
        </p>
      )}
      {fields.map(render)}
      {statusFields.length > 0 && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{labels.statusTitle}</legend>
          <p className="text-xs text-slate-500">{labels.statusIntro}</p>
          {statusFields.map(render)}
        </fieldset>
      )}
      <div className="flex gap-3">
        <button name="intent" value="test" disabled={pending} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
          {labels.test}
        </button>
        <button name="intent" value="save" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {labels.save}
        </button>
      </div>
    </form>
  );
}
