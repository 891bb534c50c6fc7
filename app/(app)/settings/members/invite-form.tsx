"use client";

import { useActionState, useState } from "react";
import type { Role } from "@/db/schema";
import { CopyableValue } from "../../../ui/copyable-value";
import { Field } from "../../../ui/field";
import { createInvitationAction, type InvitationState } from "./actions";

export interface InviteLabels {
  email: string;
  role: string;
  invite: string;
  /** With `{email}` and `{role}` left in, filled here with the invitation's. */
  linkReady: string;
  copy: string;
  copied: string;
  dismiss: string;
}

/** The invite form, and the new link shown once: it lives only in this component's state. */
export function InviteForm({ roles, roleNames, labels }: { roles: Role[]; roleNames: Record<Role, string>; labels: InviteLabels }) {
  const [state, formAction, pending] = useActionState<InvitationState, FormData>(createInvitationAction, {});
  const [dismissedId, setDismissedId] = useState<number | null>(null);
  const created = state.created && state.created.id !== dismissedId ? state.created : null;
  const link = created ? `${window.location.origin}/invite/${created.token}` : "";
  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="invitation-created">
          <p className="text-amber-900">{labels.linkReady.replace("{email}", created.email).replace("{role}", roleNames[created.role as Role] ?? created.role)}</p>
          <CopyableValue key={link} value={link} testId="invitation-link" labels={labels} />
          <button
            type="button"
            onClick={() => setDismissedId(created.id)}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50"
          >
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
          <Field name="email" type="email" label={labels.email} errors={state.fieldErrors?.email} defaultValue={state.created ? undefined : state.values?.email} autoComplete="off" required />
        </div>
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700">
            {labels.role}
          </label>
          <select id="invite-role" name="role" defaultValue="member" className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleNames[role]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
          {labels.invite}
        </button>
      </form>
    </div>
  );
}
