import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/db/database";
import type { Role } from "@/db/schema";
import { auth } from "./auth";

export interface WorkspaceSession {
  userId: string;
  name: string | null;
  email: string | null;
  workspaceId: string;
  workspaceName: string;
  role: Role;
}

/**
 * The signed-in merchant and the workspace they act in, checked against the database on every
 * server-side read (the proxy's redirect is a convenience, not the check). No session, or a
 * user without a workspace: off to sign-in.
 */
export const requireWorkspaceSession = cache(async (): Promise<WorkspaceSession> => {
  const session = await getWorkspaceSession();
  if (!session) redirect("/sign-in");
  return session;
});

/**
 * The same check for route handlers, which answer 401 rather than redirect: null when there is no usable session.
 *
 * A user can belong to several workspaces (their own from sign-up, and any whose invitation they
 * accepted); they act in the one they joined last. Accepting an invitation therefore takes them
 * to the workspace that invited them, and being removed from it brings them back to the one before.
 */
export const getWorkspaceSession = cache(async (): Promise<WorkspaceSession | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const membership = await db.read
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .innerJoin("User", "User.id", "memberships.user_id")
    .select(["memberships.workspace_id", "memberships.role", "workspaces.name as workspace_name", "User.name", "User.email"])
    .where("memberships.user_id", "=", userId)
    .orderBy("memberships.created_at", "desc")
    .orderBy("memberships.workspace_id")
    .executeTakeFirst();
  if (!membership) return null;
  return {
    userId,
    name: membership.name,
    email: membership.email,
    workspaceId: membership.workspace_id,
    workspaceName: membership.workspace_name,
    role: membership.role,
  };
});

export interface SignedInUser {
  userId: string;
  name: string | null;
  email: string;
}

/** Who is signed in, whatever their workspaces (the invitation page needs no workspace): null when nobody is. */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.read.selectFrom("User").select(["id", "name", "email"]).where("id", "=", userId).executeTakeFirst();
  return user ? { userId: user.id, name: user.name, email: user.email } : null;
});
