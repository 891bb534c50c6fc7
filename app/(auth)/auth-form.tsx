"use client";

import { useActionState } from "react";
import { Field } from "../ui/field";
import type { AuthFormState } from "./actions";

export interface AuthFieldSpec {
  name: string;
  label: string;
  type?: string;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
}

/** The sign-in and sign-up form: fields, the action's errors beside them, values kept on failure. */
export function AuthForm({
  action,
  fields,
  submitLabel,
  hidden,
}: {
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  fields: AuthFieldSpec[];
  submitLabel: string;
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error && (
        <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error}
        </p>
      )}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => (
        <Field key={field.name} {...field} errors={state.fieldErrors?.[field.name]} defaultValue={field.type === "password" ? undefined : state.values?.[field.name]} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {submitLabel}
      </button>
    </form>
  );
}
