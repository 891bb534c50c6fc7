import { LocaleSwitcher } from "../locale-switcher";
import { getI18n } from "@/lib/i18n/server";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const { t } = await getI18n();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 text-center">
        <p className="text-2xl font-bold tracking-tight text-brand-700">{t("app.name")}</p>
        <p className="text-sm text-slate-500">{t("app.tagline")}</p>
      </div>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      <div className="mt-6">
        <LocaleSwitcher />
      </div>
    </main>
  );
}
