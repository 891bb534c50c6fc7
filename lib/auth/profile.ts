import { z } from "zod";
import { db } from "@/db/database";
import { AppError, notFound, parseWith } from "@/lib/errors";
import { message } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { hashPassword, verifyPassword } from "./passwords";
import { signUpSchema } from "./schemas";
import { clearSignInFailures, recordSignInFailure, signInLockedUntil, throttleKeys } from "./throttle";

export const updateProfileSchema = z.object({ name: signUpSchema.shape.name });
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

/** The new password follows sign-up's rules; the current one is checked like a sign-in. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, en.profile.errors.enterCurrentPassword).max(200),
    newPassword: signUpSchema.shape.password,
    confirmPassword: z.string().max(200),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: en.profile.errors.confirmPassword });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** Too many wrong passwords for this account (from this address): the same lock as sign-in's. */
export class PasswordLocked extends AppError {
  constructor(readonly minutes: number) {
    super("rate_limited", message("profile.errors.locked", { minutes }));
  }
}

export interface Profile {
  name: string | null;
  email: string;
  /** False for a user who signs in only with GitHub or Google: there is no password to change. */
  hasPassword: boolean;
}

export async function getProfile(userId: string): Promise<Profile> {
  const row = await db.read
    .selectFrom("User")
    .leftJoin("credentials", "credentials.user_id", "User.id")
    .select(["User.name", "User.email", "credentials.user_id as credentialed"])
    .where("User.id", "=", userId)
    .executeTakeFirst();
  if (!row) throw notFound(message("profile.errors.userNotFound"));
  return { name: row.name, email: row.email, hasPassword: row.credentialed !== null };
}

/** The display name shown in the header and to the workspace's other members. */
export async function updateDisplayName(userId: string, input: UpdateProfileInput): Promise<void> {
  const { name } = parseWith(updateProfileSchema, input, "profile");
  await db.write.updateTable("User").set({ name }).where("id", "=", userId).execute();
}

/**
 * Changes the password after checking the current one. A wrong current password counts as a
 * failed sign-in of the account (throttle.ts), and a locked account is refused before checking,
 * so a session left open can't be used to guess the password either.
 */
export async function changePassword(userId: string, input: ChangePasswordInput, address: string | null, now = Date.now()): Promise<void> {
  const { currentPassword, newPassword } = parseWith(changePasswordSchema, input, "password");
  const found = await db.read
    .selectFrom("User")
    .leftJoin("credentials", "credentials.user_id", "User.id")
    .select(["User.email", "credentials.password_hash"])
    .where("User.id", "=", userId)
    .executeTakeFirst();
  if (!found) throw notFound(message("profile.errors.userNotFound"));
  if (!found.password_hash) throw new AppError("conflict", message("profile.errors.noPassword"));
  const keys = throttleKeys(found.email, address);
  const lockedUntil = await signInLockedUntil(keys, now);
  if (lockedUntil) throw new PasswordLocked(Math.max(1, Math.ceil((lockedUntil - now) / 60_000)));
  if (!(await verifyPassword(currentPassword, found.password_hash))) {
    await recordSignInFailure(keys, now);
    throw new AppError("invalid_input", message("profile.errors.currentPassword"), { currentPassword: [en.profile.errors.currentPassword] });
  }
  await clearSignInFailures(keys);
  await db.write.updateTable("credentials").set({ password_hash: await hashPassword(newPassword), updated_at: now }).where("user_id", "=", userId).execute();
}
