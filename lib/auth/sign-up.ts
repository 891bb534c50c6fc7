import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { hashPassword } from "./passwords";
import { signUpSchema, type SignUpInput } from "./schemas";

/** Creates a user with a password, their workspace and its Manual Orders store, all or nothing. */
export async function signUpUser(input: SignUpInput) {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("invalid_input", "Check the highlighted fields", fieldErrorsOf(parsed.error.issues));
  }
  const { name, email, password, workspaceName } = parsed.data;
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  return getDb().transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("User").select("id").where("email", "=", email).executeTakeFirst();
    if (taken) throw new AppError("conflict", "An account with this email already exists", { email: ["An account with this email already exists"] });
    const userId = randomUUID();
    await trx.insertInto("User").values({ id: userId, name, email, emailVerified: null, image: null }).execute();
    await trx.insertInto("credentials").values({ user_id: userId, password_hash: passwordHash, created_at: now, updated_at: now }).execute();
    const workspace = await createWorkspace(trx, { name: workspaceName || `${name}'s workspace`, ownerUserId: userId }, now);
    return { userId, email, ...workspace };
  });
}
