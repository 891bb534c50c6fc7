import { z } from "zod";
import type { Kysely } from "kysely";
import { db } from "@/db/database";
import type { Database, Role } from "@/db/schema";
import { AppError, notFound, parseWith } from "@/lib/errors";
import { message } from "@/lib/i18n/message";

export const ROLES = ["owner", "admin", "member"] as const satisfies readonly Role[];
export const roleSchema = z.enum(ROLES);

export interface MemberSummary {
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  joinedAt: number;
}

/** Who acts on the members: their user and role in the workspace. */
export interface Actor {
  userId: string;
  role: Role;
}

/** The role form: whose role, and the new one. */
export const changeMemberRoleSchema = z.object({ userId: z.string().trim().min(1).max(200), role: roleSchema });
export type ChangeMemberRoleInput = z.input<typeof changeMemberRoleSchema>;

/** The remove button: whose membership. */
export const removeMemberSchema = z.object({ userId: z.string().trim().min(1).max(200) });

/** An admin's attempt at an owner's business: making, changing or removing an owner. */
export class OwnerOnly extends AppError {
  constructor() {
    super("forbidden", message("members.errors.ownerOnly"));
  }
}

/** A change that would leave the workspace without an owner. */
export class LastOwner extends AppError {
  constructor() {
    super("conflict", message("members.errors.lastOwner"));
  }
}

/** Owners and admins invite, change roles and remove; members see the list. */
export function canManageMembers(role: Role): boolean {
  return role === "owner" || role === "admin";
}

/** Only an owner makes an owner, or changes or removes one: an admin can't take the workspace over. */
function mayTouchOwnership(actor: Actor): boolean {
  return actor.role === "owner";
}

/** The workspace's members, owners first, then by name. */
export async function listMembers(workspaceId: string): Promise<MemberSummary[]> {
  const rows = await db.read
    .selectFrom("memberships")
    .innerJoin("User", "User.id", "memberships.user_id")
    .select(["User.id", "User.name", "User.email", "memberships.role", "memberships.created_at"])
    .where("memberships.workspace_id", "=", workspaceId)
    .orderBy((eb) => eb.case().when("memberships.role", "=", "owner").then(0).when("memberships.role", "=", "admin").then(1).else(2).end())
    .orderBy("User.name")
    .orderBy("User.email")
    .execute();
  return rows.map((row) => ({ userId: row.id, name: row.name, email: row.email, role: row.role, joinedAt: row.created_at }));
}

/** Changes a member's role; the last owner stays an owner. Another workspace's user is not found. */
export async function changeMemberRole(workspaceId: string, actor: Actor, input: ChangeMemberRoleInput): Promise<void> {
  const { userId, role } = parseWith(changeMemberRoleSchema, input, "member");
  if (!canManageMembers(actor.role)) throw new AppError("forbidden", message("members.errors.forbidden"));
  await db.transaction(async (tx) => {
    const current = await roleOf(tx.db, workspaceId, userId);
    if (current === role) return;
    if ((current === "owner" || role === "owner") && !mayTouchOwnership(actor)) throw new OwnerOnly();
    if (current === "owner") await keepAnOwner(tx.db, workspaceId);
    await tx.db.updateTable("memberships").set({ role }).where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
  });
}

/** Removes a member (oneself included: leaving); the last owner can't be removed. Another workspace's user is not found. */
export async function removeMember(workspaceId: string, actor: Actor, userId: string): Promise<void> {
  if (!canManageMembers(actor.role)) throw new AppError("forbidden", message("members.errors.forbidden"));
  await db.transaction(async (tx) => {
    const current = await roleOf(tx.db, workspaceId, userId);
    if (current === "owner") {
      if (!mayTouchOwnership(actor)) throw new OwnerOnly();
      await keepAnOwner(tx.db, workspaceId);
    }
    await tx.db.deleteFrom("memberships").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
  });
}

async function roleOf(trx: Kysely<Database>, workspaceId: string, userId: string): Promise<Role> {
  const membership = await trx.selectFrom("memberships").select("role").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).executeTakeFirst();
  if (!membership) throw notFound(message("members.errors.notFound"));
  return membership.role;
}

/** Refuses a change that would take away the workspace's only owner: read in the change's own transaction. */
async function keepAnOwner(trx: Kysely<Database>, workspaceId: string): Promise<void> {
  const { owners } = await trx
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("owners"))
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  if (Number(owners) <= 1) throw new LastOwner();
}
