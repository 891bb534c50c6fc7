import Link from "next/link";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { AuthForm } from "../auth-form";
import { signUpAction } from "../actions";
import { OAuthButtons } from "../oauth-buttons";

export const generateMetadata = () => titleMetadata("meta.signUp");

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { t } = await getI18n();
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  return (
    <>
      <h1 className="mb-6 text-lg font-semibold">{t("auth.signUpTitle")}</h1>
      <AuthForm
        action={signUpAction}
        submitLabel={t("auth.signUp")}
        hidden={{ callbackUrl: target }}
        fields={[
          { name: "name", label: t("auth.name"), autoComplete: "name", required: true },
          { name: "email", label: t("auth.email"), type: "email", autoComplete: "email", required: true },
          { name: "password", label: t("auth.password"), type: "password", autoComplete: "new-password", hint: t("auth.passwordHint"), required: true },
          { name: "workspaceName", label: t("auth.workspaceName"), autoComplete: "organization", hint: t("auth.workspaceNameHint") },
        ]}
      />
      <OAuthButtons callbackUrl={target} />
      <p className="mt-6 text-center text-sm text-slate-600">
        {t("auth.haveAccount")}{" "}
        <Link href={target === "/orders" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(target)}`} className="font-medium text-brand-600 hover:underline">
          {t("auth.signIn")}
        </Link>
      </p>
    </>
  );
}
