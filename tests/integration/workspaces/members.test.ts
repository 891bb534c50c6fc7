import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { signUpUser } from "@/lib/auth/sign-up";
import { getWorkspaceSession } from "@/lib/auth/session";
import { acceptInvitation, createInvitation } from "@/lib/workspaces/invitations";
import { changeMemberRole, listMembers, removeMember } from "@/lib/workspaces/members";
import { useTestDatabase } from "../../helpers/database";
import { formOf as form } from "../../helpers/server-actions";
import { createMerchant } from "../../helpers/workspaces";

const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null), signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers({ "accept-language": "en" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

useTestDatabase();


/** A workspace with its owner and one more user who joined it with `role`. */
async function workspaceWith(role: "owner" | "admin" | "member") {
  const owner = await createMerchant("Olga Owner");
  const email = `${randomUUID()}@example.test`;
  const joiner = await signUpUser({ name: "Jo Joiner", email, password: "correct horse battery" });
  const { token } = await createInvitation(owner.workspaceId, { userId: owner.userId, role: "owner" }, { email, role });
  await acceptInvitation({ userId: joiner.userId, email }, token);
  return { workspaceId: owner.workspaceId, owner: { userId: owner.userId, role: "owner" as const }, joiner: { userId: joiner.userId, role } };
}

const rolesOf = async (workspaceId: string) => Object.fromEntries((await listMembers(workspaceId)).map((member) => [member.name, member.role]));

describe("members", () => {
  it("lists the workspace's members with their roles, owners first", async () => {
    const { workspaceId } = await workspaceWith("member");
    expect((await listMembers(workspaceId)).map((member) => [member.name, member.role])).toEqual([
      ["Olga Owner", "owner"],
      ["Jo Joiner", "member"],
    ]);
  });

  it("changes a member's role and removes them; a removed user acts in their own workspace again", async () => {
    const { workspaceId, owner, joiner } = await workspaceWith("member");
    await changeMemberRole(workspaceId, owner, { userId: joiner.userId, role: "admin" });
    expect(await rolesOf(workspaceId)).toEqual({ "Olga Owner": "owner", "Jo Joiner": "admin" });

    await removeMember(workspaceId, owner, joiner.userId);
    expect(await rolesOf(workspaceId)).toEqual({ "Olga Owner": "owner" });
    signedIn.userId = joiner.userId;
    const session = await getWorkspaceSession();
    signedIn.userId = null;
    expect(session?.workspaceId).not.toBe(workspaceId);
    expect(session?.role).toBe("owner");
  });

  it("never leaves the workspace without an owner", async () => {
    const { workspaceId, owner, joiner } = await workspaceWith("admin");
    await expect(changeMemberRole(workspaceId, owner, { userId: owner.userId, role: "admin" })).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember(workspaceId, owner, owner.userId)).rejects.toMatchObject({ code: "conflict" });
    expect(await rolesOf(workspaceId)).toEqual({ "Olga Owner": "owner", "Jo Joiner": "admin" });

    // With a second owner, the first may step down or leave.
    await changeMemberRole(workspaceId, owner, { userId: joiner.userId, role: "owner" });
    await removeMember(workspaceId, owner, owner.userId);
    expect(await rolesOf(workspaceId)).toEqual({ "Jo Joiner": "owner" });
    await expect(changeMemberRole(workspaceId, { userId: joiner.userId, role: "owner" }, { userId: joiner.userId, role: "member" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets an admin manage members and admins, but not make, change or remove an owner", async () => {
    const { workspaceId, owner, joiner } = await workspaceWith("admin");
    await expect(changeMemberRole(workspaceId, joiner, { userId: joiner.userId, role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(workspaceId, joiner, { userId: owner.userId, role: "member" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(workspaceId, joiner, owner.userId)).rejects.toMatchObject({ code: "forbidden" });
    await changeMemberRole(workspaceId, joiner, { userId: joiner.userId, role: "member" });
    expect(await rolesOf(workspaceId)).toEqual({ "Olga Owner": "owner", "Jo Joiner": "member" });
  });

  it("answers another workspace's user as not found", async () => {
    const { workspaceId, owner } = await workspaceWith("member");
    const stranger = await createMerchant("Sam Stranger");
    await expect(changeMemberRole(workspaceId, owner, { userId: stranger.userId, role: "admin" })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember(workspaceId, owner, stranger.userId)).rejects.toMatchObject({ code: "not_found" });
    expect(await rolesOf(stranger.workspaceId)).toEqual({ "Sam Stranger": "owner" });
  });

  it("refuses a member (not an admin) through the actions' role check, changing nothing", async () => {
    const { workspaceId, owner, joiner } = await workspaceWith("member");
    const actions = await import("@/app/(app)/settings/members/actions");
    signedIn.userId = joiner.userId;
    try {
      const answers = [
        await actions.changeMemberRoleAction({}, form({ userId: owner.userId, role: "member" })),
        await actions.removeMemberAction({}, form({ userId: owner.userId })),
        await actions.createInvitationAction({}, form({ email: "friend@example.test", role: "admin" })),
        await actions.revokeInvitationAction({}, form({ invitationId: "1" })),
      ];
      for (const answer of answers) expect(answer.error).toBe("Your role doesn't allow managing members.");
    } finally {
      signedIn.userId = null;
    }
    expect(await rolesOf(workspaceId)).toEqual({ "Olga Owner": "owner", "Jo Joiner": "member" });
  });

  it("lets an admin leave, and starts them at the orders of the workspace they act in next", async () => {
    const { workspaceId, joiner } = await workspaceWith("admin");
    const { removeMemberAction } = await import("@/app/(app)/settings/members/actions");
    const { isRedirectError } = await import("next/dist/client/components/redirect-error");
    signedIn.userId = joiner.userId;
    const left = await removeMemberAction({}, form({ userId: joiner.userId })).then(
      () => null,
      (error: unknown) => error,
    );
    const session = await getWorkspaceSession();
    signedIn.userId = null;
    expect(isRedirectError(left), "redirected").toBe(true);
    expect(await rolesOf(workspaceId)).toEqual({ "Olga Owner": "owner" });
    expect(session?.workspaceId).not.toBe(workspaceId);
  });
});
