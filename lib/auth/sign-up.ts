import { randomUUID } from "node:crypto";
import { db } from "@/db/database";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { inEnglish, message } from "@/lib/i18n/message";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { hashPassword } from "./passwords";
import { signUpSchema, type SignUpInput } from "./schemas";
import { forgetSignInFailuresOf } from "./throttle";

/** Creates a user with a password, their workspace and its Manual Orders store, all or nothing. */
export async function signUpUser(input: SignUpInput) {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("invalid_input", message("authErrors.checkFields"), fieldErrorsOf(parsed.error.issues));
  }
  const { name, email, password, workspaceName } = parsed.data;
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  const created = await db.transaction(async (tx) => {
    const taken = await tx.db.selectFrom("User").select("id").where("email", "=", email).executeTakeFirst();
    if (taken) throw new AppError("conflict", message("authErrors.emailTaken"), { email: [inEnglish(message("authErrors.emailTaken"))] });
    const userId = randomUUID();
    await tx.db.insertInto("User").values({ id: userId, name, email, emailVerified: null, image: null }).execute();
    await tx.db.insertInto("credentials").values({ user_id: userId, password_hash: passwordHash, created_at: now, updated_at: now }).execute();
    const workspace = await createWorkspace(tx.db, { name: workspaceName || `${name}'s workspace`, ownerUserId: userId }, now);
    return { userId, email, ...workspace };
  });
  // Failures recorded against this email before the account existed (a typo, or someone
  // pre-locking the address) must not keep its new owner from the sign-in that follows.
  await forgetSignInFailuresOf(email);
  return created;
}
