import Link from "next/link";
import { signOut } from "@/lib/auth/auth";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { LocaleSwitcher } from "../locale-switcher";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [session, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-[1400px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/orders" className="text-lg font-bold tracking-tight text-brand-700">
            {t("app.name")}
          </Link>
          {/* On a phone the links take a line of their own below the name, language and Sign out. */}
          <nav aria-label={t("nav.mainNavigation")} className="order-last flex w-full flex-wrap gap-x-4 gap-y-1 text-sm sm:order-none sm:w-auto">
            <Link href="/orders" className="font-medium text-slate-700 hover:text-slate-950">
              {t("nav.orders")}
            </Link>
            <Link href="/rates" className="font-medium text-slate-700 hover:text-slate-950">
              {t("nav.rates")}
            </Link>
            <Link href="/stores" className="font-medium text-slate-700 hover:text-slate-950">
              {t("nav.stores")}
            </Link>
            <Link href="/settings" className="font-medium text-slate-700 hover:text-slate-950">
              {t("nav.settings")}
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-2 text-sm sm:gap-4">
            <LocaleSwitcher />
            <span className="hidden text-slate-500 sm:inline" data-testid="signed-in-as">
              {session.workspaceName} · {session.email}
            </span>
            <form
              action={async () => {
                "use server";
                await signOut({ redirectTo: "/sign-in" });
              }}
            >
              <button className="rounded-md border border-slate-300 px-3 py-1.5 font-medium whitespace-nowrap hover:bg-slate-50">{t("nav.signOut")}</button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-[1400px] px-4 py-6">{children}</main>
    </div>
  );
}
