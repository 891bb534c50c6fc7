import type { Metadata } from "next";
import { getProfile } from "@/lib/auth/profile";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { SettingsNav } from "../settings-nav";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Profile and password" };

export default async function ProfilePage() {
  const [session, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const profile = await getProfile(session.userId);
  return (
    <div className="max-w-3xl space-y-6">
      <SettingsNav current="profile" />
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t("profile.title")}</h1>
        <p className="text-sm text-slate-600">{t("profile.intro")}</p>
      </div>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <dl className="text-sm">
          <dt className="font-medium text-slate-700">{t("profile.email")}</dt>
          <dd className="break-all" data-testid="profile-email">
            {profile.email}
          </dd>
          <dd className="text-xs text-slate-500">{t("profile.emailHint")}</dd>
        </dl>
        <ProfileForm name={profile.name ?? ""} labels={{ name: t("profile.name"), save: t("profile.saveName"), saved: t("profile.nameSaved") }} />
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-base font-semibold">{t("profile.passwordTitle")}</h2>
        {profile.hasPassword ? (
          <PasswordForm
            labels={{
              currentPassword: t("profile.currentPassword"),
              newPassword: t("profile.newPassword"),
              newPasswordHint: t("profile.newPasswordHint"),
              confirmPassword: t("profile.confirmPassword"),
              submit: t("profile.changePassword"),
              changed: t("profile.passwordChanged"),
            }}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("profile.noPassword")}</p>
        )}
      </section>
    </div>
  );
}
