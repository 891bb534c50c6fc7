import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getI18n, titleMetadata } from "@/lib/i18n/server";
import { listStores } from "@/lib/stores/list-stores";
import { storeNameIn } from "../../stores/store-name";
import { csvLabels } from "./csv-labels";
import { ImportWizard } from "./import-wizard";

export const generateMetadata = () => titleMetadata("meta.importOrders");

export default async function ImportOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [session, params, { t, locale }] = await Promise.all([requireWorkspaceSession(), searchParams, getI18n()]);
  const stores = (await listStores(session.workspaceId))
    .filter((store) => store.active)
    .map((store) => ({ id: store.id, name: storeNameIn(store, t), manual: store.platform === "manual" }));
  const defaultStore = stores.find((store) => store.manual) ?? stores[0];
  const importId = typeof params.import === "string" && /^[\w-]{1,100}$/.test(params.import) ? params.import : null;

  return (
    <div className="max-w-5xl space-y-4">
      <Link href="/orders" className="text-sm text-brand-700 hover:underline">
        {t("order.backToOrders")}
      </Link>
      <h1 className="text-xl font-semibold">{t("csv.title")}</h1>
      <p className="text-sm text-slate-600">{t("csv.intro")}</p>
      <ImportWizard
        key={importId ?? "new"}
        labels={csvLabels(locale)}
        stores={stores.map(({ id, name }) => ({ id, name }))}
        defaultStoreId={defaultStore?.id ?? 0}
        initialImportId={importId}
      />
    </div>
  );
}
