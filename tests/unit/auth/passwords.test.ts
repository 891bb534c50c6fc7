import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";

describe("hashPassword and verifyPassword", () => {
  it("accepts the password that was hashed", async () => {
    const stored = await hashPassword("correct horse battery");

    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
  });

  it("refuses any other password", async () => {
    const stored = await hashPassword("correct horse battery");

    expect(await verifyPassword("correct horse batter", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts each hash, so the same password never hashes the same twice", async () => {
    const first = await hashPassword("correct horse battery");
    const second = await hashPassword("correct horse battery");

    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse battery", second)).toBe(true);
  });

  it("stores the scheme and its cost with the hash, never the password", async () => {
    const stored = await hashPassword("correct horse battery");

    expect(stored.startsWith("scrypt$")).toBe(true);
    expect(stored.split("$")).toHaveLength(6);
    expect(stored).not.toContain("correct horse battery");
  });

  it("refuses a stored value it cannot read", async () => {
    for (const stored of ["", "plain-text-password", "bcrypt$10$abc$def$ghi$jkl", "scrypt$16384$8$1$$", "scrypt$16384$8$1$c2FsdA"]) {
      expect(await verifyPassword("correct horse battery", stored)).toBe(false);
    }
  });

  it("refuses, rather than fails, a stored value whose cost is damaged", async () => {
    const [, , , , salt, key] = (await hashPassword("correct horse battery")).split("$");

    for (const cost of ["x$8$1", "100$8$1", "16384$8$-1"]) {
      expect(await verifyPassword("correct horse battery", `scrypt$${cost}$${salt}$${key}`)).toBe(false);
    }
  });
});
