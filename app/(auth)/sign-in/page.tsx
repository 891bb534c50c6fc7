import Link from "next/link";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { AuthForm } from "../auth-form";
import { signInAction } from "../actions";
import { OAuthButtons } from "../oauth-buttons";

export const generateMetadata = () => titleMetadata("meta.signIn");

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { t } = await getI18n();
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  return (
    <>
      <h1 className="mb-6 text-lg font-semibold">{t("auth.signInTitle")}</h1>
      <AuthForm
        action={signInAction}
        submitLabel={t("auth.signIn")}
        hidden={{ callbackUrl: target }}
        fields={[
          { name: "email", label: t("auth.email"), type: "email", autoComplete: "email", required: true },
          { name: "password", label: t("auth.password"), type: "password", autoComplete: "current-password", required: true },
        ]}
      />
      <OAuthButtons callbackUrl={target} />
      <p className="mt-6 text-center text-sm text-slate-600">
        {t("auth.noAccount")}{" "}
        <Link href={target === "/orders" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(target)}`} className="font-medium text-brand-600 hover:underline">
          {t("auth.createAccount")}
        </Link>
      </p>
    </>
  );
}
