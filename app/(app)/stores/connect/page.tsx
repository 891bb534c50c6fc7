import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { PLATFORMS, platformKeys } from "@/lib/stores/platforms";

export const generateMetadata = () => titleMetadata("meta.connectStore");

export default async function ConnectStorePage() {
  const [, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  return (
    <div className="space-y-4">
      <Link href="/stores" className="text-sm text-brand-700 hover:underline">
        {t("stores.backToStores")}
      </Link>
      <h1 className="text-xl font-semibold">{t("stores.chooseTitle")}</h1>
      <p className="text-sm text-slate-600">{t("stores.chooseIntro")}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {Object.values(PLATFORMS).map((spec) => (
          <li key={spec.platform}>
            <Link href={`/stores/connect/${spec.platform}`} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
              <span className="font-semibold">{t(platformKeys.name(spec.platform))}</span>
              <span className="mt-1 block text-xs text-slate-500">{t(platformKeys.integration(spec.platform, "setup"))}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
