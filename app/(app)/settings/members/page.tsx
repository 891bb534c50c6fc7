import type { Metadata } from "next";
import type { Role } from "@/db/schema";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { listInvitations } from "@/lib/workspaces/invitations";
import { canManageMembers, listMembers, ROLES } from "@/lib/workspaces/members";
import { SettingsNav } from "../settings-nav";
import { InviteForm } from "./invite-form";
import { MemberActions } from "./member-actions";
import { ConfirmActionButton } from "../../../ui/confirm-form";
import { revokeInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const [session, { t, format }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const canManage = canManageMembers(session.role);
  const [members, invitations] = await Promise.all([listMembers(session.workspaceId), canManage ? listInvitations(session.workspaceId) : []]);
  // Only an owner makes, changes or removes an owner (lib/workspaces/members.ts): an admin isn't offered it.
  const grantable: Role[] = session.role === "owner" ? [...ROLES] : ROLES.filter((role) => role !== "owner");
  const roleNames = Object.fromEntries(ROLES.map((role) => [role, t(`members.roles.${role}`)])) as Record<Role, string>;

  return (
    <div className="max-w-5xl space-y-6">
      <SettingsNav current="members" />
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t("members.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("members.intro")}</p>
        <p className="max-w-3xl text-xs text-slate-500">{t("members.roleHelp")}</p>
      </div>
      {!canManage && <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("members.readOnly")}</p>}

      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="members">
        {members.map((member) => {
          const self = member.userId === session.userId;
          const label = member.name || member.email;
          const controls = canManage && (member.role !== "owner" || session.role === "owner");
          return (
            <li key={member.userId} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" data-testid="member" data-email={member.email}>
              <div className="min-w-0 flex-1">
                <p className="font-medium break-words">
                  {label}
                  {self && <span className="ml-1 text-sm font-normal text-slate-500">({t("members.you")})</span>}
                </p>
                <p className="text-sm break-all text-slate-600">{member.email}</p>
                <p className="text-xs text-slate-500">
                  {t("members.columns.joined")} {format.dateTime(member.joinedAt)}
                </p>
              </div>
              {controls ? (
                <MemberActions
                  userId={member.userId}
                  role={member.role}
                  roles={grantable.includes(member.role) ? grantable : [member.role, ...grantable]}
                  roleNames={roleNames}
                  labels={{
                    role: t("members.roleLabel", { name: label }),
                    saveRole: t("members.saveRole"),
                    remove: self ? t("members.leave") : t("members.remove"),
                    removeLabel: self ? t("members.leave") : t("members.removeLabel", { name: label }),
                    confirmRemove: self ? t("members.confirmLeave") : t("members.confirmRemove", { name: label }),
                  }}
                />
              ) : (
                <span className="badge bg-slate-100 text-slate-700 ring-slate-200" data-testid="member-role">
                  {roleNames[member.role]}
                </span>
              )}
            </li>
          );
        })}
      </ul>

      {canManage && (
        <>
          <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-base font-semibold">{t("members.inviteTitle")}</h2>
            <p className="max-w-3xl text-sm text-slate-600">{t("members.inviteIntro")}</p>
            <InviteForm
              roles={grantable}
              roleNames={roleNames}
              labels={{
                email: t("members.email"),
                role: t("members.role"),
                invite: t("members.invite"),
                linkReady: t("members.linkReady", { email: "{email}", role: "{role}" }),
                copy: t("members.copy"),
                copied: t("members.copied"),
                dismiss: t("members.dismiss"),
              }}
            />
          </section>

          <section className="space-y-3">
            <h2 className="text-base font-semibold">{t("members.pendingTitle")}</h2>
            {invitations.length === 0 ? (
              <p className="text-sm text-slate-500">{t("members.pendingEmpty")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="invitations">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" data-testid="invitation" data-email={invitation.email}>
                    <div className="min-w-0 flex-1">
                      <p className="font-medium break-all">{invitation.email}</p>
                      <p className="text-sm text-slate-600">
                        {roleNames[invitation.role]} ·{" "}
                        {invitation.expired ? (
                          <span className="text-red-700">{t("members.expired")}</span>
                        ) : (
                          t("members.expiresOn", { date: format.dateTime(invitation.expiresAt) })
                        )}
                        {invitation.invitedBy && <> · {t("members.invitedBy", { name: invitation.invitedBy })}</>}
                      </p>
                    </div>
                    <ConfirmActionButton
                      action={revokeInvitationAction}
                      fields={{ invitationId: invitation.id }}
                      label={t("members.revoke")}
                      accessibleLabel={t("members.revokeLabel", { email: invitation.email })}
                      confirmMessage={t("members.confirmRevoke", { email: invitation.email })}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
