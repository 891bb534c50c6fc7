"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUpUser } from "@/lib/auth/sign-up";
import { minutesOfLockedSignIn } from "@/lib/auth/throttle";
import { publicAction, type FormState } from "@/lib/http/action-client";
import { getI18n } from "@/lib/i18n/server";

export type AuthFormState = FormState;

async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<AuthFormState | never> {
  const { t } = await getI18n();
  try {
    await signIn("credentials", { email, password, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const minutes = minutesOfLockedSignIn((error as AuthError & { code?: string }).code);
      return { error: minutes ? t("auth.locked", { minutes }) : t("auth.invalidCredentials"), values: { email } };
    }
    if (error instanceof AuthError) return { error: t("auth.genericError"), values: { email } };
    throw error; // Next's redirect after a successful sign-in travels as an exception.
  }
}

export async function signInAction(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  return signInWithPassword(email, password, safeCallbackUrl(formData.get("callbackUrl")));
}

export const signUpAction = publicAction(
  {
    input: (_state: AuthFormState, formData: FormData) => ({
      name: String(formData.get("name") ?? ""),
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      workspaceName: String(formData.get("workspaceName") ?? "") || undefined,
      callbackUrl: formData.get("callbackUrl"),
    }),
    // Everything but the password goes back to the form.
    values: (_state, formData) => ({ name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? ""), workspaceName: String(formData.get("workspaceName") ?? "") }),
    // Where to go once signed in: an invitation link sends its holder through sign-up and back.
    schema: signUpSchema.extend({ callbackUrl: z.unknown().transform(safeCallbackUrl) }),
    errors: { conflict: "auth.emailTaken" },
    fieldErrors: { name: "auth.errors.name", email: "auth.errors.email", password: "auth.errors.password", workspaceName: "auth.errors.workspaceName" },
  },
  async ({ input, t }): Promise<AuthFormState> => {
    await signUpUser(input);
    const signedIn = await signInWithPassword(input.email, input.password, input.callbackUrl);
    if (!signedIn.error) return signedIn;
    // The account exists now: never answer as if the sign-up had failed.
    return { error: t("auth.createdSignInFailed"), values: { email: input.email } };
  },
);
