"use client";

import { useActionState, useState } from "react";
import { CopyableValue } from "../../../ui/copyable-value";
import { Field } from "../../../ui/field";
import { createApiKeyAction, type CreateApiKeyState } from "./actions";

export interface CreateApiKeyLabels {
  name: string;
  nameHint: string;
  create: string;
  copyNow: string;
  key: string;
  secret: string;
  copy: string;
  copied: string;
  dismiss: string;
}

/** The create form, and the new key's secret shown once: it lives only in this component's state. */
export function CreateApiKeyForm({ labels }: { labels: CreateApiKeyLabels }) {
  const [state, formAction, pending] = useActionState<CreateApiKeyState, FormData>(createApiKeyAction, {});
  const [dismissedId, setDismissedId] = useState<number | null>(null);
  const created = state.created && state.created.id !== dismissedId ? state.created : null;
  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="api-key-created">
          <p className="font-semibold text-slate-900">{created.title}</p>
          <p className="text-amber-900">{labels.copyNow}</p>
          <CopyableValue label={labels.key} value={created.key} testId="new-api-key" labels={labels} />
          <CopyableValue label={labels.secret} value={created.secret} testId="new-api-secret" labels={labels} />
          <button type="button" onClick={() => setDismissedId(created.id)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
            {labels.dismiss}
          </button>
        </div>
      )}
      <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
        {state.error && !state.fieldErrors && (
          <p role="alert" className="w-full rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {state.error}
          </p>
        )}
        <div className="w-full max-w-sm">
          <Field name="name" label={labels.name} hint={labels.nameHint} errors={state.fieldErrors?.name} defaultValue={state.values?.name} autoComplete="off" required />
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
          {labels.create}
        </button>
      </form>
    </div>
  );
}
