import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/database";
import { signUpUser } from "@/lib/auth/sign-up";
import { getWorkspaceSession } from "@/lib/auth/session";
import { acceptInvitation, createInvitation, getInvitationPreview, INVITATION_LIFETIME_MS, listInvitations, revokeInvitation } from "@/lib/workspaces/invitations";
import { listMembers } from "@/lib/workspaces/members";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null), signOut: async () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers({ "accept-language": "en" }),
}));

useTestDatabase();

/** A workspace's owner, and someone who signed up with the email they will be invited with. */
async function ownerAndInvitee() {
  const owner = await createMerchant("Olga Owner");
  const email = `${randomUUID()}@example.test`;
  const invitee = await signUpUser({ name: "Ines Invitee", email, password: "correct horse battery" });
  return { owner, ownerActor: { userId: owner.userId, role: "owner" as const }, invitee, email };
}

describe("invitations", () => {
  it("adds the invited user with the invited role, and they act in that workspace from then on", async () => {
    const { owner, ownerActor, invitee, email } = await ownerAndInvitee();
    const invitation = await createInvitation(owner.workspaceId, ownerActor, { email: email.toUpperCase(), role: "admin" });
    expect(invitation).toMatchObject({ email, role: "admin", token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(await getInvitationPreview(invitation.token)).toMatchObject({ state: "pending", email, role: "admin", invitedBy: "Olga Owner" });

    const accepted = await acceptInvitation({ userId: invitee.userId, email }, invitation.token);

    expect(accepted).toEqual({ workspaceId: owner.workspaceId, role: "admin" });
    expect((await listMembers(owner.workspaceId)).map((member) => [member.email, member.role])).toContainEqual([email, "admin"]);
    expect(await listInvitations(owner.workspaceId)).toEqual([]);
    signedIn.userId = invitee.userId;
    expect(await getWorkspaceSession()).toMatchObject({ workspaceId: owner.workspaceId, role: "admin" });
  });

  it("stores only the token's hash", async () => {
    const { owner, ownerActor, email } = await ownerAndInvitee();
    const { id, token } = await createInvitation(owner.workspaceId, ownerActor, { email, role: "member" });
    const row = await db.read.selectFrom("workspace_invitations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("works once: a second use is refused and adds nothing", async () => {
    const { owner, ownerActor, invitee, email } = await ownerAndInvitee();
    const { token } = await createInvitation(owner.workspaceId, ownerActor, { email, role: "member" });
    await acceptInvitation({ userId: invitee.userId, email }, token);

    await expect(acceptInvitation({ userId: invitee.userId, email }, token)).rejects.toMatchObject({ code: "conflict", state: "accepted" });
    expect(await getInvitationPreview(token)).toMatchObject({ state: "accepted" });
    expect(await listMembers(owner.workspaceId)).toHaveLength(2);
  });

  it("expires after 7 days", async () => {
    const { owner, ownerActor, invitee, email } = await ownerAndInvitee();
    const created = Date.now();
    const { token } = await createInvitation(owner.workspaceId, ownerActor, { email, role: "member" }, created);

    const lastMoment = created + INVITATION_LIFETIME_MS - 1;
    expect(await getInvitationPreview(token, lastMoment)).toMatchObject({ state: "pending" });
    await expect(acceptInvitation({ userId: invitee.userId, email }, token, created + INVITATION_LIFETIME_MS)).rejects.toMatchObject({ code: "conflict", state: "expired" });
    expect(await listInvitations(owner.workspaceId, created + INVITATION_LIFETIME_MS)).toMatchObject([{ email, expired: true }]);
    expect(await listMembers(owner.workspaceId)).toHaveLength(1);
  });

  it("stops working when revoked, or when a newer link is made for the same email", async () => {
    const { owner, ownerActor, invitee, email } = await ownerAndInvitee();
    const first = await createInvitation(owner.workspaceId, ownerActor, { email, role: "member" });
    const second = await createInvitation(owner.workspaceId, ownerActor, { email, role: "admin" });
    await expect(acceptInvitation({ userId: invitee.userId, email }, first.token)).rejects.toMatchObject({ state: "revoked" });
    expect((await listInvitations(owner.workspaceId)).map((invitation) => invitation.id)).toEqual([second.id]);

    await revokeInvitation(owner.workspaceId, second.id);
    await expect(acceptInvitation({ userId: invitee.userId, email }, second.token)).rejects.toMatchObject({ state: "revoked" });
    await expect(revokeInvitation(owner.workspaceId, second.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listMembers(owner.workspaceId)).toHaveLength(1);
  });

  it("refuses a signed-in user whose email is not the invited one", async () => {
    const { owner, ownerActor, email } = await ownerAndInvitee();
    const stranger = await createMerchant("Sam Stranger");
    const strangerEmail = (await db.read.selectFrom("User").select("email").where("id", "=", stranger.userId).executeTakeFirstOrThrow()).email;
    const { token } = await createInvitation(owner.workspaceId, ownerActor, { email, role: "member" });

    await expect(acceptInvitation({ userId: stranger.userId, email: strangerEmail }, token)).rejects.toMatchObject({ code: "forbidden", invitedEmail: email });
    expect(await listMembers(owner.workspaceId)).toHaveLength(1);
    // The link still works for the right person.
    expect(await getInvitationPreview(token)).toMatchObject({ state: "pending" });
  });

  it("answers a made-up token as no invitation", async () => {
    const { invitee, email } = await ownerAndInvitee();
    expect(await getInvitationPreview("x".repeat(43))).toBeNull();
    expect(await getInvitationPreview("../../etc")).toBeNull();
    await expect(acceptInvitation({ userId: invitee.userId, email }, "x".repeat(43))).rejects.toMatchObject({ code: "not_found" });
  });

  it("is made by owners and admins only; an admin can't invite an owner; a member already in is a conflict", async () => {
    const { owner, ownerActor, email } = await ownerAndInvitee();
    await expect(createInvitation(owner.workspaceId, { userId: owner.userId, role: "member" }, { email, role: "member" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createInvitation(owner.workspaceId, { userId: owner.userId, role: "admin" }, { email, role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createInvitation(owner.workspaceId, { userId: owner.userId, role: "admin" }, { email, role: "admin" })).resolves.toMatchObject({ role: "admin" });
    const ownEmail = (await db.read.selectFrom("User").select("email").where("id", "=", owner.userId).executeTakeFirstOrThrow()).email;
    await expect(createInvitation(owner.workspaceId, ownerActor, { email: ownEmail, role: "member" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createInvitation(owner.workspaceId, ownerActor, { email: "not an email", role: "member" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("lists and revokes only the workspace's own invitations", async () => {
    const { owner, email } = await ownerAndInvitee();
    const other = await createMerchant("Other Owner");
    const theirs = await createInvitation(other.workspaceId, { userId: other.userId, role: "owner" }, { email, role: "member" });

    expect(await listInvitations(owner.workspaceId)).toEqual([]);
    await expect(revokeInvitation(owner.workspaceId, theirs.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await getInvitationPreview(theirs.token)).toMatchObject({ state: "pending" });
  });
});

describe("acceptInvitationAction", () => {
  async function accept(token: string) {
    const { acceptInvitationAction } = await import("@/app/(auth)/invite/[token]/actions");
    try {
      return { state: await acceptInvitationAction(token, {}, new FormData()), redirectedTo: null };
    } catch (error) {
      const { isRedirectError } = await import("next/dist/client/components/redirect-error");
      const { getURLFromRedirectError } = await import("next/dist/client/components/redirect");
      if (isRedirectError(error)) return { state: null, redirectedTo: getURLFromRedirectError(error) };
      throw error;
    }
  }

  it("asks a signed-out visitor to sign in, tells the wrong user whose invitation it is, and takes the right one to its orders", async () => {
    const owner = await createMerchant("Olga Owner");
    const email = `${randomUUID()}@example.test`;
    const invitee = await signUpUser({ name: "Ines Invitee", email, password: "correct horse battery" });
    const stranger = await createMerchant("Sam Stranger");
    const { token } = await createInvitation(owner.workspaceId, { userId: owner.userId, role: "owner" }, { email, role: "member" });

    try {
      signedIn.userId = null;
      expect((await accept(token)).state?.error).toBe("Your session has ended. Sign in again to continue.");
      signedIn.userId = stranger.userId;
      expect((await accept(token)).state?.error).toBe(`This invitation is for ${email}. Sign out, then sign in or create an account with that email.`);
      signedIn.userId = invitee.userId;
      expect(await accept(token)).toEqual({ state: null, redirectedTo: "/orders" });
      expect((await accept(token)).state?.error).toBe("This invitation has already been used.");
      expect((await accept("not-a-token")).state?.error).toMatch(/not valid/);
    } finally {
      signedIn.userId = null;
    }
    expect((await listMembers(owner.workspaceId)).map((member) => member.email)).toContain(email);
  });
});
