import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/db/database";
import type { Role } from "@/db/schema";
import { hashRandomSecret } from "@/lib/auth/random-secret";
import { emailSchema } from "@/lib/auth/schemas";
import { AppError, notFound, parseWith } from "@/lib/errors";
import { message } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { canManageMembers, OwnerOnly, roleSchema, type Actor } from "./members";

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;
const TOKEN_BYTES = 32;

export const createInvitationSchema = z.object({ email: emailSchema, role: roleSchema });
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

/** The revoke button: the invitation's id, as posted. */
export const revokeInvitationSchema = z.object({ invitationId: z.coerce.number().int().positive() });

/** The accept form: the link's token, as its page posts it. */
export const acceptInvitationSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, en.invitation.notFound) });

export interface CreatedInvitation {
  id: number;
  email: string;
  role: Role;
  expiresAt: number;
  /** Shown once, in the link the admin copies; only its hash is stored. */
  token: string;
}

export interface InvitationSummary {
  id: number;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: number;
  expiresAt: number;
  expired: boolean;
}

export type InvitationState = "pending" | "expired" | "accepted" | "revoked";

/** What the link's page shows before its holder accepts. */
export interface InvitationPreview {
  state: InvitationState;
  workspaceName: string;
  email: string;
  role: Role;
  invitedBy: string | null;
}

/**
 * An invitation link's token for `email` to join as `role`, expiring in 7 days. An invitation
 * still open for the same email is revoked: the newest link is the one that works. Admins invite
 * admins and members; only an owner invites an owner.
 */
export async function createInvitation(workspaceId: string, actor: Actor, input: CreateInvitationInput, now = Date.now()): Promise<CreatedInvitation> {
  const { email, role } = parseWith(createInvitationSchema, input, "invitation");
  if (!canManageMembers(actor.role)) throw new AppError("forbidden", message("members.errors.forbidden"));
  if (role === "owner" && actor.role !== "owner") throw new OwnerOnly();
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const expiresAt = now + INVITATION_LIFETIME_MS;
  const id = await db.transaction(async (tx) => {
    const member = await tx.db
      .selectFrom("memberships")
      .innerJoin("User", "User.id", "memberships.user_id")
      .select("User.id")
      .where("memberships.workspace_id", "=", workspaceId)
      .where("User.email", "=", email)
      .executeTakeFirst();
    if (member) throw new AlreadyMember({ email: [en.members.errors.alreadyMember] });
    await tx.db
      .updateTable("workspace_invitations")
      .set({ revoked_at: now })
      .where("workspace_id", "=", workspaceId)
      .where("email", "=", email)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    const row = await tx.db
      .insertInto("workspace_invitations")
      .values({ workspace_id: workspaceId, email, role, token_hash: hashRandomSecret(token), invited_by: actor.userId, created_at: now, expires_at: expiresAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return { id, email, role, expiresAt, token };
}

/** The workspace's open invitations (neither accepted nor revoked), newest first; expired ones say so. */
export async function listInvitations(workspaceId: string, now = Date.now()): Promise<InvitationSummary[]> {
  const rows = await db.read
    .selectFrom("workspace_invitations")
    .leftJoin("User", "User.id", "workspace_invitations.invited_by")
    .select(["workspace_invitations.id", "workspace_invitations.email", "workspace_invitations.role", "User.name as inviter", "workspace_invitations.created_at", "workspace_invitations.expires_at"])
    .where("workspace_invitations.workspace_id", "=", workspaceId)
    .where("workspace_invitations.accepted_at", "is", null)
    .where("workspace_invitations.revoked_at", "is", null)
    .orderBy("workspace_invitations.created_at", "desc")
    .orderBy("workspace_invitations.id", "desc")
    .limit(200)
    .execute();
  return rows.map((row) => ({ id: row.id, email: row.email, role: row.role, invitedBy: row.inviter, createdAt: row.created_at, expiresAt: row.expires_at, expired: row.expires_at <= now }));
}

/** Revokes an open invitation: its link stops working. Another workspace's, or one already used, is not found. */
export async function revokeInvitation(workspaceId: string, invitationId: number, now = Date.now()): Promise<void> {
  const revoked = await db.write
    .updateTable("workspace_invitations")
    .set({ revoked_at: now })
    .where("id", "=", invitationId)
    .where("workspace_id", "=", workspaceId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!revoked) throw notFound(message("members.errors.invitationNotFound"));
}

/** The invitation a link's token opens, for its page; null for a token that opens none. */
export async function getInvitationPreview(token: string, now = Date.now()): Promise<InvitationPreview | null> {
  if (!acceptInvitationSchema.safeParse({ token }).success) return null;
  const row = await db.read
    .selectFrom("workspace_invitations")
    .innerJoin("workspaces", "workspaces.id", "workspace_invitations.workspace_id")
    .leftJoin("User", "User.id", "workspace_invitations.invited_by")
    .select([
      "workspaces.name as workspace_name",
      "workspace_invitations.email",
      "workspace_invitations.role",
      "User.name as inviter",
      "workspace_invitations.expires_at",
      "workspace_invitations.accepted_at",
      "workspace_invitations.revoked_at",
    ])
    .where("token_hash", "=", hashRandomSecret(token))
    .executeTakeFirst();
  if (!row) return null;
  return { state: stateOf(row, now), workspaceName: row.workspace_name, email: row.email, role: row.role, invitedBy: row.inviter };
}

/**
 * Adds the signed-in user to the invitation's workspace with its role, once: the link must be
 * open (not expired, used or revoked) and the user's email the invited one. The membership and
 * the link's use are one transaction, and the use is conditional, so two clicks make one member.
 */
export async function acceptInvitation(user: { userId: string; email: string }, token: string, now = Date.now()): Promise<{ workspaceId: string; role: Role }> {
  parseWith(acceptInvitationSchema, { token }, "invitation");
  return db.transaction(async (tx) => {
    const invitation = await tx.db
      .selectFrom("workspace_invitations")
      .select(["id", "workspace_id", "email", "role", "expires_at", "accepted_at", "revoked_at"])
      .where("token_hash", "=", hashRandomSecret(token))
      .executeTakeFirst();
    if (!invitation) throw notFound(message("members.errors.invitationNotFound"));
    const state = stateOf(invitation, now);
    if (state !== "pending") throw new InvitationUnusable(state);
    if (invitation.email !== user.email.trim().toLowerCase()) {
      throw new WrongInvitee(invitation.email);
    }
    const member = await tx.db.selectFrom("memberships").select("role").where("workspace_id", "=", invitation.workspace_id).where("user_id", "=", user.userId).executeTakeFirst();
    if (member) throw new AlreadyMember();
    const used = await tx.db
      .updateTable("workspace_invitations")
      .set({ accepted_at: now, accepted_by: user.userId })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!used) throw new InvitationUnusable("accepted");
    await tx.db.insertInto("memberships").values({ workspace_id: invitation.workspace_id, user_id: user.userId, role: invitation.role, created_at: now }).execute();
    return { workspaceId: invitation.workspace_id, role: invitation.role };
  });
}


/** The signed-in user is not the one invited: the invitation's email is theirs to sign in with. */
export class WrongInvitee extends AppError {
  constructor(readonly invitedEmail: string) {
    super("forbidden", message("invitation.wrongEmail", { email: invitedEmail }));
  }
}

/** The invited person (or the one accepting) is in the workspace already. */
export class AlreadyMember extends AppError {
  constructor(fieldErrors?: Record<string, string[]>) {
    super("conflict", message("invitation.alreadyMember"), fieldErrors);
  }
}

/** A link that no longer works, and why, so the page can say it in the merchant's language. */
export class InvitationUnusable extends AppError {
  constructor(readonly state: Exclude<InvitationState, "pending">) {
    super("conflict", message(`invitation.states.${state}`));
  }
}

function stateOf(row: { expires_at: number; accepted_at: number | null; revoked_at: number | null }, now: number): InvitationState {
  if (row.accepted_at !== null) return "accepted";
  if (row.revoked_at !== null) return "revoked";
  return row.expires_at <= now ? "expired" : "pending";
}
