import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { changePassword, getProfile, updateDisplayName } from "@/lib/auth/profile";
import { signUpUser } from "@/lib/auth/sign-up";
import { SIGN_IN_LIMITS } from "@/lib/auth/throttle";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { useTestDatabase } from "../../helpers/database";

useTestDatabase();

const OLD = "correct horse battery";
const NEW = "staple tuna hydrant";

async function merchant() {
  const email = `${randomUUID()}@example.test`;
  const { userId } = await signUpUser({ name: "Pat Profile", email, password: OLD });
  return { userId, email };
}

describe("profile and password", () => {
  it("changes the display name, refusing an empty one", async () => {
    const { userId, email } = await merchant();
    await updateDisplayName(userId, { name: "  Patricia Profile " });
    expect(await getProfile(userId)).toEqual({ name: "Patricia Profile", email, hasPassword: true });
    await expect(updateDisplayName(userId, { name: "   " })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { name: [expect.any(String)] } });
    expect((await getProfile(userId)).name).toBe("Patricia Profile");
  });

  it("changes the password: the new one signs in, the old one no longer does", async () => {
    const { userId, email } = await merchant();
    await changePassword(userId, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, "10.0.0.1");

    expect(await verifyCredentials({ email, password: OLD }, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ email, password: NEW }, "10.0.0.2")).toMatchObject({ ok: true, user: { id: userId } });
  });

  it("refuses a wrong current password, and counts it as a failed sign-in", async () => {
    const { userId, email } = await merchant();
    await expect(changePassword(userId, { currentPassword: "not my password", newPassword: NEW, confirmPassword: NEW }, "10.0.0.3")).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(await verifyCredentials({ email, password: OLD }, "10.0.0.4")).toMatchObject({ ok: true });
    const throttled = await db.read.selectFrom("auth_throttle").select("key").where("key", "=", `account-address:${email}|10.0.0.3`).executeTakeFirst();
    expect(throttled, "the failure recorded for this account and address").toBeDefined();
  });

  it("is locked, like sign-in, after too many wrong current passwords from one address", async () => {
    const { userId, email } = await merchant();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.accountAddress; attempt++) {
      await expect(changePassword(userId, { currentPassword: `wrong ${attempt}`, newPassword: NEW, confirmPassword: NEW }, "10.0.0.5")).rejects.toMatchObject({ code: "invalid_input" });
    }
    // Even the right password waits: the lock is checked first.
    await expect(changePassword(userId, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, "10.0.0.5")).rejects.toMatchObject({ code: "rate_limited", minutes: 15 });
    expect(await verifyCredentials({ email, password: OLD }, "10.0.0.5")).toMatchObject({ ok: false, reason: "locked" });
    expect(await verifyCredentials({ email, password: NEW }, "10.0.0.6")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("holds the new password to sign-up's rules, and asks for it twice", async () => {
    const { userId, email } = await merchant();
    await expect(changePassword(userId, { currentPassword: OLD, newPassword: "short", confirmPassword: "short" }, null)).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { newPassword: ["Use at least 8 characters"] },
    });
    await expect(changePassword(userId, { currentPassword: OLD, newPassword: NEW, confirmPassword: `${NEW}!` }, null)).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { confirmPassword: [expect.any(String)] },
    });
    expect(await verifyCredentials({ email, password: OLD }, null)).toMatchObject({ ok: true });
  });

  it("has no password to change for a user who signs in with GitHub or Google", async () => {
    const { userId } = await merchant();
    await db.write.deleteFrom("credentials").where("user_id", "=", userId).execute();
    expect((await getProfile(userId)).hasPassword).toBe(false);
    await expect(changePassword(userId, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, null)).rejects.toMatchObject({ code: "conflict" });
  });
});
