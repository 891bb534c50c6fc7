"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { AppError } from "@/lib/errors";
import { formValues, workspaceAction, type ErrorMessage, type FormState } from "@/lib/http/action-client";
import type { Translate } from "@/lib/i18n/translate";
import { AlreadyMember, createInvitation, createInvitationSchema, revokeInvitation, revokeInvitationSchema } from "@/lib/workspaces/invitations";
import { canManageMembers, changeMemberRole, changeMemberRoleSchema, LastOwner, OwnerOnly, removeMember, removeMemberSchema } from "@/lib/workspaces/members";

const PAGE = "/settings/members";

export type MemberState = FormState;

export interface InvitationState extends FormState {
  /** The link's token, in this one response only: only its hash is stored. */
  created?: { id: number; email: string; role: string; token: string };
}

const forbidden: ErrorMessage = (error: AppError, t: Translate) => t(error instanceof OwnerOnly ? "members.errors.ownerOnly" : "members.errors.forbidden");
const conflict: ErrorMessage = (error: AppError, t: Translate) =>
  t(error instanceof LastOwner ? "members.errors.lastOwner" : error instanceof AlreadyMember ? "members.errors.alreadyMember" : "members.errors.forbidden");

export const createInvitationAction = workspaceAction(
  {
    input: (_state: InvitationState, formData: FormData) => formValues(formData),
    schema: createInvitationSchema,
    allow: canManageMembers,
    errors: { forbidden, conflict },
    fieldErrors: { email: "members.errors.email" },
  },
  async ({ workspaceId, userId, role, input }): Promise<InvitationState> => {
    const created = await createInvitation(workspaceId, { userId, role }, input);
    revalidatePath(PAGE);
    return { created: { id: created.id, email: created.email, role: created.role, token: created.token } };
  },
);

export const revokeInvitationAction = workspaceAction(
  {
    input: (_state: MemberState, formData: FormData) => formValues(formData),
    schema: revokeInvitationSchema,
    allow: canManageMembers,
    // An invitation id that is not a number is an invitation that does not exist.
    errors: { forbidden, not_found: "members.errors.invitationNotFound", invalid_input: "members.errors.invitationNotFound" },
  },
  async ({ workspaceId, input }): Promise<MemberState> => {
    await revokeInvitation(workspaceId, input.invitationId);
    revalidatePath(PAGE);
    return {};
  },
);

export const changeMemberRoleAction = workspaceAction(
  {
    input: (_state: MemberState, formData: FormData) => formValues(formData),
    schema: changeMemberRoleSchema,
    allow: canManageMembers,
    errors: { forbidden, conflict, not_found: "members.errors.notFound" },
  },
  async ({ workspaceId, userId, role, input }): Promise<MemberState> => {
    await changeMemberRole(workspaceId, { userId, role }, input);
    revalidatePath(PAGE);
    return {};
  },
);

export const removeMemberAction = workspaceAction(
  {
    input: (_state: MemberState, formData: FormData) => formValues(formData),
    schema: removeMemberSchema,
    allow: canManageMembers,
    errors: { forbidden, conflict, not_found: "members.errors.notFound", invalid_input: "members.errors.notFound" },
  },
  async ({ workspaceId, userId, role, input }): Promise<MemberState> => {
    await removeMember(workspaceId, { userId, role }, input.userId);
    // Whoever leaves acts in another workspace from now on (lib/auth/session.ts): start them at its orders.
    if (input.userId === userId) redirect("/orders");
    revalidatePath(PAGE);
    return {};
  },
);
