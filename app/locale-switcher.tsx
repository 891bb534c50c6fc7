import { getI18n } from "@/lib/i18n/server";
import { LOCALES } from "@/lib/i18n/translate";
import { setLocaleAction } from "./locale-actions";

/** Language buttons that work without JavaScript: each posts the locale to a server action. */
export async function LocaleSwitcher() {
  const { locale, t } = await getI18n();
  return (
    <form action={setLocaleAction} className="flex items-center gap-1 text-xs" aria-label={t("nav.language")}>
      {LOCALES.map((option) => (
        <button
          key={option}
          name="locale"
          value={option}
          aria-pressed={option === locale}
          className={`rounded px-2 py-1 ${option === locale ? "bg-slate-200 font-semibold text-slate-900" : "text-slate-500 hover:text-slate-900"}`}
        >
          {t(`locale.${option}`)}
        </button>
      ))}
    </form>
  );
}
