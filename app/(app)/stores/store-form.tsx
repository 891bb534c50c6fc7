"use client";

import Link from "next/link";
import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import type { StoreFormState } from "./actions";

export interface StoreFormField {
  name: string;
  label: string;
  hint?: string;
  type?: string;
  placeholder?: string;
  /** Never filled in from the server; what the merchant types stays until the form is saved. */
  secret?: boolean;
}

const input = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500";

/**
 * Connect or edit a store: the platform's fields, "Test connection" and "Save". Secrets never come
 * back from the server: a saved one shows as "saved" and stays when left blank.
 */
export function StoreForm({
  action,
  fields,
  statusFields,
  initial,
  labels,
  cancelHref,
}: {
  action: (state: StoreFormState, formData: FormData) => Promise<StoreFormState>;
  fields: StoreFormField[];
  statusFields: StoreFormField[];
  initial: Record<string, string>;
  labels: { test: string; save: string; statusTitle: string; statusIntro: string; testing: string; testingHint: string; saving: string; cancel?: string };
  /** Where Cancel goes (connecting a store); no Cancel when omitted. */
  cancelHref?: string;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [intent, setIntent] = useState<"test" | "save">("save");
  const [state, formAction, pending] = useActionState(async (previous: StoreFormState, formData: FormData) => {
    const next = await action(previous, formData);
    // Saved: the secrets typed are stored now and their fields say "saved"; until then they stay as typed.
    if (next.saved) form.current?.querySelectorAll<HTMLInputElement>("input[data-secret]").forEach((field) => (field.value = ""));
    return next;
  }, {});
  const values = { ...initial, ...state.values };

  // React resets a form once its action is done, which wiped the secret the merchant had just typed
  // before "Test connection", so Save then asked for it again. Submitted by hand, every field stays.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    setIntent(data.get("intent") === "test" ? "test" : "save");
    startTransition(() => formAction(data));
  };

  const render = (field: StoreFormField) => {
    const error = state.fieldErrors?.[field.name]?.[0];
    return (
      <label key={field.name} className="block space-y-1 text-sm">
        <span className="font-medium text-slate-700">{field.label}</span>
        <input
          name={field.name}
          type={field.type ?? "text"}
          defaultValue={field.secret ? "" : (values[field.name] ?? "")}
          placeholder={field.placeholder}
          autoComplete={field.secret ? "new-password" : "off"}
          data-secret={field.secret ? "" : undefined}
          aria-invalid={error ? true : undefined}
          className={input}
        />
        {field.hint && <span className="block text-xs text-slate-500">{field.hint}</span>}
        {error && <span className="block text-xs text-red-600">{error}</span>}
      </label>
    );
  };
  return (
    <form ref={form} action={formAction} onSubmit={submit} className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {pending ? (
        <p role="status" data-testid="form-pending" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {intent === "test" ? labels.testingHint : labels.saving}
        </p>
      ) : (
        <>
          {state.error && (
            <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {state.error}
            </p>
          )}
          {state.warning && (
            <p role="alert" data-testid="form-warning" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {state.warning}
            </p>
          )}
          {state.message && (
            <p role="status" data-testid="form-message" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              {state.message}
            </p>
          )}
        </>
      )}
      {fields.map(render)}
      {statusFields.length > 0 && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{labels.statusTitle}</legend>
          <p className="text-xs text-slate-500">{labels.statusIntro}</p>
          {statusFields.map(render)}
        </fieldset>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button name="intent" value="test" disabled={pending} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
          {pending && intent === "test" ? labels.testing : labels.test}
        </button>
        <button name="intent" value="save" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {pending && intent === "save" ? labels.saving : labels.save}
        </button>
        {cancelHref && labels.cancel && (
          <Link href={cancelHref} className="text-sm text-slate-600 hover:underline">
            {labels.cancel}
          </Link>
        )}
      </div>
    </form>
  );
}
