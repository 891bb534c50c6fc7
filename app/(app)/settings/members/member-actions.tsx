"use client";

import { useActionState } from "react";
import type { Role } from "@/db/schema";
import { ConfirmForm } from "../../../ui/confirm-form";
import { changeMemberRoleAction, removeMemberAction, type MemberState } from "./actions";

export interface MemberActionLabels {
  role: string;
  saveRole: string;
  remove: string;
  removeLabel: string;
  confirmRemove: string;
}

/** A member's role, changeable, and Remove (Leave for oneself) after the merchant confirms. */
export function MemberActions({ userId, role, roles, roleNames, labels }: { userId: string; role: Role; roles: Role[]; roleNames: Record<Role, string>; labels: MemberActionLabels }) {
  const [roleState, roleAction, changing] = useActionState<MemberState, FormData>(changeMemberRoleAction, {});
  const [removeState, removeAction, removing] = useActionState<MemberState, FormData>(removeMemberAction, {});
  const error = roleState.error ?? removeState.error;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <select name="role" defaultValue={role} key={role} aria-label={labels.role} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {roles.map((choice) => (
            <option key={choice} value={choice}>
              {roleNames[choice]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={changing} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
          {labels.saveRole}
        </button>
      </form>
      <ConfirmForm
        action={removeAction}
        fields={{ userId }}
        confirmMessage={labels.confirmRemove}
        label={labels.remove}
        accessibleLabel={labels.removeLabel}
        pending={removing}
      />
      {error && (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
