import { beforeAll, describe, expect, it } from "vitest";
import { signUpUser } from "@/lib/auth/sign-up";
import { accountBackOffMs, recordSignInFailure, signInLockedUntil, SIGN_IN_LIMITS, throttleKeys } from "@/lib/auth/throttle";
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

  describe("per account and address", () => {
    it("locks the account from that address after five failures, even for the right password", async () => {
      await signedUp("locked@example.com");
      await failSignIn("locked@example.com", "10.0.1.1", SIGN_IN_LIMITS.accountAddress);

      const check = await verifyCredentials({ email: "locked@example.com", password: PASSWORD }, "10.0.1.1");

      expect(check).toMatchObject({ ok: false, reason: "locked" });
      expect(check.ok === false && check.lockedUntil).toBeGreaterThan(Date.now());
    });

    it("leaves the merchant signing in from another address alone: a stranger can't lock them out", async () => {
      await signedUp("targeted@example.com");
      await failSignIn("targeted@example.com", "10.0.2.1", SIGN_IN_LIMITS.accountAddress);

      expect(await verifyCredentials({ email: "targeted@example.com", password: PASSWORD }, "10.0.2.2")).toMatchObject({ ok: true });
      expect(await verifyCredentials({ email: "targeted@example.com", password: PASSWORD }, "10.0.2.1")).toMatchObject({ reason: "locked" });
    });

    it("never counts across accounts: many failures on others from one address lock nobody else", async () => {
      await signedUp("neighbour@example.com");
      for (const name of ["a", "b", "c", "d", "e", "f"]) await failSignIn(`${name}@guessed.example`, "10.0.3.1", SIGN_IN_LIMITS.accountAddress);

      expect(await verifyCredentials({ email: "neighbour@example.com", password: PASSWORD }, "10.0.3.1")).toMatchObject({ ok: true });
    });

    it("with no trustworthy address (no proxy), one wrong password locks nobody, and other accounts never", async () => {
      await signedUp("typo@example.com");
      await signedUp("everyone@example.com");
      await failSignIn("typo@example.com", null, 1);

      expect(await verifyCredentials({ email: "everyone@example.com", password: PASSWORD }, null)).toMatchObject({ ok: true });
      expect(await verifyCredentials({ email: "typo@example.com", password: PASSWORD }, null)).toMatchObject({ ok: true });
    });

    it("forgets the failures once the user signs in", async () => {
      await signedUp("forgetful@example.com");
      await failSignIn("forgetful@example.com", "10.0.4.1", SIGN_IN_LIMITS.accountAddress - 1);
      expect(await verifyCredentials({ email: "forgetful@example.com", password: PASSWORD }, "10.0.4.1")).toMatchObject({ ok: true });

      await failSignIn("forgetful@example.com", "10.0.4.1", SIGN_IN_LIMITS.accountAddress - 1);

      expect(await verifyCredentials({ email: "forgetful@example.com", password: PASSWORD }, "10.0.4.1")).toMatchObject({ ok: true });
    });
  });

  describe("per account, from everywhere", () => {
    it("slows guessing spread over many addresses with a short back-off, from any address, once past the account limit", async () => {
      await signedUp("spread@example.com");
      for (let i = 0; i < SIGN_IN_LIMITS.account; i++) await failSignIn("spread@example.com", `10.0.8.${i}`, 1);

      const check = await verifyCredentials({ email: "spread@example.com", password: PASSWORD }, "10.0.9.9");
      expect(check).toMatchObject({ ok: false, reason: "locked" });
      // A back-off of about a second, not a lock-out of the whole window.
      expect(check.ok === false && check.lockedUntil! - Date.now()).toBeLessThanOrEqual(SIGN_IN_LIMITS.backOffStartMs);
    });

    it("with no trustworthy address, only the account-wide limit applies: nineteen failures still let the owner in", async () => {
      await signedUp("noproxy@example.com");
      await failSignIn("noproxy@example.com", null, SIGN_IN_LIMITS.account - 1);
      expect(await verifyCredentials({ email: "noproxy@example.com", password: PASSWORD }, null)).toMatchObject({ ok: true });
    });
  });
});

describe("the sign-in throttle window", () => {
  const start = Date.UTC(2026, 10, 10, 12);

  it("starts over once fifteen minutes have passed since the first failure", async () => {
    const keys = throttleKeys("slow@example.com", "10.0.7.1");
    for (let i = 0; i < SIGN_IN_LIMITS.accountAddress - 1; i++) await recordSignInFailure(keys, start + i * MINUTE);

    await recordSignInFailure(keys, start + 16 * MINUTE);

    expect(await signInLockedUntil(keys, start + 16 * MINUTE)).toBeNull();
  });

  it("locks an account and address for fifteen minutes from the failure that reached the limit", async () => {
    const keys = throttleKeys("fast@example.com", "10.0.7.1");
    for (let i = 0; i < SIGN_IN_LIMITS.accountAddress; i++) await recordSignInFailure(keys, start + i * MINUTE);
    const lockedAt = start + (SIGN_IN_LIMITS.accountAddress - 1) * MINUTE;

    expect(await signInLockedUntil(keys, lockedAt)).toBe(lockedAt + SIGN_IN_LIMITS.windowMs);
    expect(await signInLockedUntil(keys, lockedAt + 14 * MINUTE)).toBe(lockedAt + SIGN_IN_LIMITS.windowMs);
    expect(await signInLockedUntil(keys, lockedAt + SIGN_IN_LIMITS.windowMs)).toBeNull();
    expect(await signInLockedUntil(throttleKeys("fast@example.com", "10.0.7.2"), lockedAt)).toBeNull();
  });

  it("backs the whole account off by a delay that doubles from a second up to a minute, never longer", async () => {
    const at = (i: number) => start + i * 1000;
    for (let i = 0; i < SIGN_IN_LIMITS.account + 10; i++) await recordSignInFailure(throttleKeys("stuffed@example.com", `10.1.${i}.1`), at(i));
    const last = SIGN_IN_LIMITS.account + 9;
    expect(await signInLockedUntil(throttleKeys("stuffed@example.com", "10.2.0.1"), at(last))).toBe(at(last) + SIGN_IN_LIMITS.backOffMaxMs);
    expect(await signInLockedUntil(throttleKeys("stuffed@example.com", null), at(last) + SIGN_IN_LIMITS.backOffMaxMs)).toBeNull();
    expect([SIGN_IN_LIMITS.account - 1, SIGN_IN_LIMITS.account, SIGN_IN_LIMITS.account + 1, SIGN_IN_LIMITS.account + 3, 1000].map(accountBackOffMs)).toEqual([0, 1000, 2000, 8000, 60_000]);
  });

  it("forgets every failure recorded against an email once its account is created", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.account; i++) await recordSignInFailure(throttleKeys("early@example.com", "10.0.7.9"));
    expect(await signInLockedUntil(throttleKeys("early@example.com", "10.0.7.9"))).not.toBeNull();

    await signedUp("early@example.com");

    expect(await signInLockedUntil(throttleKeys("early@example.com", "10.0.7.9"))).toBeNull();
    expect(await verifyCredentials({ email: "early@example.com", password: PASSWORD }, "10.0.7.9")).toMatchObject({ ok: true });
  });
});
