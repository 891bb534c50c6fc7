import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { findPlatformSpec, platformKeys } from "@/lib/stores/platforms";
import { saveStoreAction } from "../../actions";
import { storeFormFields, storeFormLabels } from "../../form-fields";
import { StoreForm } from "../../store-form";

export const generateMetadata = () => titleMetadata("meta.connectStore");

export default async function ConnectPlatformPage({ params }: { params: Promise<{ platform: string }> }) {
  const [, { platform }, { t }] = await Promise.all([requireWorkspaceSession(), params, getI18n()]);
  const spec = findPlatformSpec(platform);
  if (!spec) notFound();
  const { fields, statusFields } = storeFormFields(spec.platform, t);
  const name = t(platformKeys.name(spec.platform));
  return (
    <div className="space-y-4">
      <Link href="/stores/connect" className="text-sm text-brand-700 hover:underline">
        {t("stores.otherPlatforms")}
      </Link>
      <h1 className="text-xl font-semibold">{t("stores.connectTitle", { platform: name })}</h1>
      <p className="max-w-2xl text-sm text-slate-600">{t(platformKeys.integration(spec.platform, "setup"))}</p>
      <StoreForm
        action={saveStoreAction.bind(null, spec.platform, null)}
        fields={fields}
        statusFields={statusFields}
        initial={{ name }}
        labels={storeFormLabels(t)}
        cancelHref="/stores"
      />
    </div>
  );
}
