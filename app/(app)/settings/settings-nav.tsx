import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";

export const SETTINGS_SECTIONS = [
  { key: "api-keys", href: "/settings/api-keys", label: "settingsNav.apiKeys" },
  { key: "locations", href: "/settings/locations", label: "settingsNav.locations" },
  { key: "rate-cards", href: "/settings/rate-cards", label: "settingsNav.rateCards" },
  { key: "csv-mappings", href: "/settings/csv-mappings", label: "settingsNav.csvMappings" },
  { key: "members", href: "/settings/members", label: "settingsNav.members" },
  { key: "profile", href: "/settings/profile", label: "settingsNav.profile" },
] as const;

export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]["key"];

/** The settings pages' own tabs; scrolls sideways on a phone rather than wrapping. */
export async function SettingsNav({ current }: { current: SettingsSection | null }) {
  const { t } = await getI18n();
  return (
    <nav aria-label={t("settingsNav.label")} className="-mx-4 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-4 text-sm whitespace-nowrap">
        {SETTINGS_SECTIONS.map((section) => (
          <li key={section.key}>
            <Link
              href={section.href}
              aria-current={section.key === current ? "page" : undefined}
              className={`-mb-px inline-block border-b-2 px-1 py-2 font-medium ${section.key === current ? "border-brand-600 text-slate-950" : "border-transparent text-slate-600 hover:text-slate-950"}`}
            >
              {t(section.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
