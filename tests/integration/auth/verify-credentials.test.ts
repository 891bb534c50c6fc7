import { beforeAll, describe, expect, it } from "vitest";
import { signUpUser } from "@/lib/auth/sign-up";
import { recordSignInFailure, signInLockedUntil, SIGN_IN_LIMITS, throttleKeys } from "@/lib/auth/throttle";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { useTestDatabase } from "../../helpers/database";

useTestDatabase();

const PASSWORD = "correct horse battery";
const MINUTE = 60_000;

/** A user who signed up with `PASSWORD`; each test signs in as its own so their failures don't add up. */
async function signedUp(email: string) {
  const { userId } = await signUpUser({ name: "Ada Merchant", email, password: PASSWORD });
  return { id: userId, email };
}

/** `times` wrong passwords for `email` from `address`, each answered "invalid". */
async function failSignIn(email: string, address: string | null, times: number) {
  for (let i = 0; i < times; i++) {
    expect(await verifyCredentials({ email, password: "wrong password" }, address)).toEqual({ ok: false, reason: "invalid" });
  }
}

describe("verifyCredentials", () => {
  it("signs in with the right password", async () => {
    const user = await signedUp("right@example.com");

    const check = await verifyCredentials({ email: "right@example.com", password: PASSWORD }, "10.0.0.1");

    expect(check).toEqual({ ok: true, user: { id: user.id, email: "right@example.com", name: "Ada Merchant" } });
  });

  it("signs in however the email is typed", async () => {
    const user = await signedUp("typed@example.com");

    const check = await verifyCredentials({ email: "  Typed@Example.com ", password: PASSWORD }, "10.0.0.2");

    expect(check).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("refuses a wrong password", async () => {
    await signedUp("wrong@example.com");

    expect(await verifyCredentials({ email: "wrong@example.com", password: "not it at all" }, "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an unknown email the same way as a wrong password", async () => {
    expect(await verifyCredentials({ email: "nobody@example.com", password: PASSWORD }, "10.0.0.4")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a form without a password", async () => {
    expect(await verifyCredentials({ email: "nobody@example.com" }, "10.0.0.4")).toEqual({ ok: false, reason: "invalid" });
  });

  describe("per account", () => {
    it("locks the account after five failures, even for the right password", async () => {
      await signedUp("locked@example.com");
      await failSignIn("locked@example.com", "10.0.1.1", SIGN_IN_LIMITS.account);

      const check = await verifyCredentials({ email: "locked@example.com", password: PASSWORD }, "10.0.1.1");

      expect(check).toMatchObject({ ok: false, reason: "locked" });
      expect(check.ok === false && check.lockedUntil).toBeGreaterThan(Date.now());
    });

    it("keeps the account locked from another address", async () => {
      await signedUp("roaming@example.com");
      await failSignIn("roaming@example.com", "10.0.2.1", SIGN_IN_LIMITS.account);

      expect(await verifyCredentials({ email: "roaming@example.com", password: PASSWORD }, "10.0.2.2")).toMatchObject({ reason: "locked" });
    });

    it("does not lock other accounts signing in from the same address", async () => {
      await signedUp("neighbour@example.com");
      await failSignIn("careless@example.com", "10.0.3.1", SIGN_IN_LIMITS.account);

      expect(await verifyCredentials({ email: "neighbour@example.com", password: PASSWORD }, "10.0.3.1")).toMatchObject({ ok: true });
    });

    it("forgets the failures once the user signs in", async () => {
      await signedUp("forgetful@example.com");
      await failSignIn("forgetful@example.com", "10.0.4.1", SIGN_IN_LIMITS.account - 1);
      expect(await verifyCredentials({ email: "forgetful@example.com", password: PASSWORD }, "10.0.4.1")).toMatchObject({ ok: true });

      await failSignIn("forgetful@example.com", "10.0.4.1", SIGN_IN_LIMITS.account - 1);

      expect(await verifyCredentials({ email: "forgetful@example.com", password: PASSWORD }, "10.0.4.1")).toMatchObject({ ok: true });
    });
  });

  describe("per address", () => {
    it("locks an address after twenty failures spread over several accounts, but not the accounts elsewhere", async () => {
      await signedUp("fresh@example.com");
      const guesses = ["a", "b", "c", "d", "e"].map((name) => `${name}@guessed.example`);
      for (const email of guesses) await failSignIn(email, "10.0.5.1", SIGN_IN_LIMITS.address / guesses.length);

      const fromThatAddress = await verifyCredentials({ email: "fresh@example.com", password: PASSWORD }, "10.0.5.1");
      const fromElsewhere = await verifyCredentials({ email: "fresh@example.com", password: PASSWORD }, "10.0.5.2");

      expect(fromThatAddress).toMatchObject({ ok: false, reason: "locked" });
      expect(fromElsewhere).toMatchObject({ ok: true });
    });

    it("lets an address through with one failure to spare", async () => {
      await signedUp("almost@example.com");
      const perAccount = [4, 4, 4, 4, 3];
      for (const [i, times] of perAccount.entries()) await failSignIn(`guess${i}@almost.example`, "10.0.6.1", times);

      expect(await verifyCredentials({ email: "almost@example.com", password: PASSWORD }, "10.0.6.1")).toMatchObject({ ok: true });
    });
  });
});

describe("the sign-in throttle window", () => {
  const start = Date.UTC(2026, 10, 10, 12);

  it("starts over once fifteen minutes have passed since the first failure", async () => {
    const keys = throttleKeys("slow@example.com", null);
    for (let i = 0; i < SIGN_IN_LIMITS.account - 1; i++) await recordSignInFailure(keys, start + i * MINUTE);

    await recordSignInFailure(keys, start + 16 * MINUTE);

    expect(await signInLockedUntil(keys, start + 16 * MINUTE)).toBeNull();
  });

  it("locks for fifteen minutes from the failure that reached the limit", async () => {
    const keys = throttleKeys("fast@example.com", null);
    for (let i = 0; i < SIGN_IN_LIMITS.account; i++) await recordSignInFailure(keys, start + i * MINUTE);
    const lockedAt = start + (SIGN_IN_LIMITS.account - 1) * MINUTE;

    expect(await signInLockedUntil(keys, lockedAt)).toBe(lockedAt + SIGN_IN_LIMITS.windowMs);
    expect(await signInLockedUntil(keys, lockedAt + 14 * MINUTE)).toBe(lockedAt + SIGN_IN_LIMITS.windowMs);
    expect(await signInLockedUntil(keys, lockedAt + SIGN_IN_LIMITS.windowMs)).toBeNull();
  });

  it("locks a key on either limit: the address's when only it is reached", async () => {
    const address = "10.0.7.1";
    for (let i = 0; i < SIGN_IN_LIMITS.address; i++) await recordSignInFailure(throttleKeys(`guess${i}@example.com`, address), start + i * 1000);
    const lockedAt = start + (SIGN_IN_LIMITS.address - 1) * 1000;

    expect(await signInLockedUntil(throttleKeys("new@example.com", address), lockedAt + MINUTE)).toBe(lockedAt + SIGN_IN_LIMITS.windowMs);
    expect(await signInLockedUntil(throttleKeys("new@example.com", "10.0.7.2"), lockedAt + MINUTE)).toBeNull();
  });
});
