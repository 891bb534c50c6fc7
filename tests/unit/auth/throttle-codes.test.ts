import { describe, expect, it } from "vitest";
import { lockedSignInCode, minutesOfLockedSignIn } from "@/lib/auth/throttle";
import { createTranslator } from "@/lib/i18n/translate";

describe("a locked sign-in's code", () => {
  it("carries the whole minutes left, at least one, so a back-off of seconds doesn't read as fifteen minutes", () => {
    const now = Date.UTC(2026, 11, 1);
    expect(minutesOfLockedSignIn(lockedSignInCode(now + 2000, now))).toBe(1);
    expect(minutesOfLockedSignIn(lockedSignInCode(now + 15 * 60_000, now))).toBe(15);
    expect(minutesOfLockedSignIn("credentials")).toBeNull();
    expect(minutesOfLockedSignIn(undefined)).toBeNull();
  });

  it("reads as one minute or several in both languages", () => {
    expect(createTranslator("en")("auth.locked", { minutes: 1 })).toBe("Too many attempts. Try again in 1 minute.");
    expect(createTranslator("en")("auth.locked", { minutes: 15 })).toBe("Too many attempts. Try again in 15 minutes.");
    expect(createTranslator("fr")("auth.locked", { minutes: 15 })).toBe("Trop de tentatives. Réessayez dans 15 minutes.");
  });
});
