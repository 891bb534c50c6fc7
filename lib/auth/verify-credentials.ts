import { db } from "@/db/database";
import { verifyAgainstDummy, verifyPassword } from "./passwords";
import { signInSchema } from "./schemas";
import { clearSignInFailures, recordSignInFailure, signInLockedUntil, throttleKeys } from "./throttle";

export type CredentialsCheck =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" | "locked"; lockedUntil?: number };

/** Email and password against the stored scrypt hash, throttled per account and address, then per account (see throttle.ts). */
export async function verifyCredentials(input: unknown, address: string | null): Promise<CredentialsCheck> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, address);
  const lockedUntil = await signInLockedUntil(keys);
  if (lockedUntil) return { ok: false, reason: "locked", lockedUntil };

  const found = await db.read
    .selectFrom("User")
    .innerJoin("credentials", "credentials.user_id", "User.id")
    .select(["User.id", "User.email", "User.name", "credentials.password_hash"])
    .where("User.email", "=", email)
    .executeTakeFirst();
  const valid = found ? await verifyPassword(password, found.password_hash) : await verifyAgainstDummy(password);
  if (!found || !valid) {
    await recordSignInFailure(keys);
    return { ok: false, reason: "invalid" };
  }
  await clearSignInFailures(keys);
  return { ok: true, user: { id: found.id, email: found.email, name: found.name } };
}
