import { signIn } from "@/lib/auth/auth";
import { enabledOAuthProviders } from "@/lib/auth/oauth-providers";
import { getI18n } from "@/lib/i18n/server";

/** GitHub and Google sign-in, shown only when their credentials are configured. */
export async function OAuthButtons({ callbackUrl }: { callbackUrl: string }) {
  const providers = enabledOAuthProviders();
  if (providers.length === 0) return null;
  const { t } = await getI18n();
  return (
    <div className="mt-6 space-y-2">
      <p className="text-center text-xs uppercase tracking-wide text-slate-400">{t("auth.orContinueWith")}</p>
      {providers.map((provider) => (
        <form
          key={provider}
          action={async () => {
            "use server";
            await signIn(provider, { redirectTo: callbackUrl });
          }}
        >
          <button className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            {provider === "github" ? t("auth.continueWithGitHub") : t("auth.continueWithGoogle")}
          </button>
        </form>
      ))}
    </div>
  );
}
