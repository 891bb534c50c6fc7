import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { SETTINGS_SECTIONS, SettingsNav } from "./settings-nav";

/** The settings home: each section, with what it is for. */
export default async function SettingsPage() {
  const [, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const about = {
    "api-keys": "settingsHome.apiKeys",
    locations: "settingsHome.locations",
    "rate-cards": "settingsHome.rateCards",
    "csv-mappings": "settingsHome.csvMappings",
    members: "settingsHome.members",
    profile: "settingsHome.profile",
  } as const;
  return (
    <div className="space-y-6">
      <SettingsNav current={null} />
      <h1 className="text-2xl font-semibold">{t("settingsHome.title")}</h1>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="settings-sections">
        {SETTINGS_SECTIONS.map((section) => (
          <li key={section.key} className="rounded-lg border border-slate-200 bg-white p-4">
            <Link href={section.href} className="font-semibold text-brand-700 hover:underline">
              {t(section.label)}
            </Link>
            <p className="mt-1 text-sm text-slate-600">{t(about[section.key])}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
