import { createHash, timingSafeEqual } from "node:crypto";

/**
 * How a random secret Shipdeck issued (an API secret, an invitation token) is stored: SHA-256,
 * not scrypt like passwords. The secret is 256 random bits, so there is nothing to guess and a
 * slow, salted hash would buy nothing, while every API request pays for it.
 */
export function hashRandomSecret(secret: string): string {
  return digestOf(secret).toString("base64url");
}

/** Whether `secret` is the one `storedHash` was made from, compared in constant time. */
export function matchesRandomSecretHash(secret: string, storedHash: string): boolean {
  const actual = digestOf(secret);
  const expected = Buffer.from(storedHash, "base64url");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function digestOf(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}
