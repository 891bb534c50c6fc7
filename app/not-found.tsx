import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">{t("notFound.title")}</h1>
      <p className="mt-2 text-sm text-slate-500">{t("notFound.body")}</p>
      <Link href="/orders" className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline">
        {t("notFound.back")}
      </Link>
    </main>
  );
}
