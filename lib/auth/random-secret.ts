import { createHash } from "node:crypto";

/**
 * How a random secret Shipdeck issued (an API secret, an invitation token) is stored: SHA-256,
 * not scrypt like passwords. The secret is 256 random bits, so there is nothing to guess and a
 * slow, salted hash would buy nothing, while every API request pays for it.
 */
export function hashRandomSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("base64url");
}
