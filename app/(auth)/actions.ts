"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { signUpUser } from "@/lib/auth/sign-up";
import { SIGN_IN_LIMITS } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";

export interface AuthFormState {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

/** Only same-site paths, so a crafted link can't send a merchant elsewhere after sign-in. */
function safeCallbackUrl(value: FormDataEntryValue | null): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/orders";
}

async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<AuthFormState | never> {
  const { t } = await getI18n();
  try {
    await signIn("credentials", { email, password, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const locked = (error as AuthError & { code?: string }).code === "locked";
      return { error: locked ? t("auth.locked", { minutes: SIGN_IN_LIMITS.windowMs / 60_000 }) : t("auth.invalidCredentials"), values: { email } };
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

export async function signUpAction(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { t } = await getI18n();
  const input = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
    workspaceName: String(formData.get("workspaceName") ?? "") || undefined,
  };
  const values = { name: input.name, email: input.email, workspaceName: input.workspaceName ?? "" };
  try {
    await signUpUser(input);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return { error: t("auth.emailTaken"), fieldErrors: { email: [t("auth.emailTaken")] }, values };
    if (error instanceof AppError && error.code === "invalid_input") {
      const fieldErrors: Record<string, string[]> = {};
      for (const field of Object.keys(error.fieldErrors ?? {})) {
        if (field === "name" || field === "email" || field === "password" || field === "workspaceName") fieldErrors[field] = [t(`auth.errors.${field}`)];
      }
      return { error: t("auth.fixFields"), fieldErrors, values };
    }
    throw error;
  }
  return signInWithPassword(input.email, input.password, "/orders");
}
