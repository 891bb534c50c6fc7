import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { formatApiDate } from "@/lib/orders/api-dates";
import { apiClient, createApiCredentials } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

describe("GET /stores", () => {
  it("lists the Manual Orders store in ShipStation's shape", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const api = apiClient((await createApiCredentials(workspaceId)).authorization);
    const store = await db.read.selectFrom("stores").select(["created_at", "modified_at"]).where("id", "=", manualStoreId).executeTakeFirstOrThrow();

    const response = await api.listStores();

    expect(response.status).toBe(200);
    expect(response.json).toEqual([
      {
        storeId: manualStoreId,
        storeName: "Manual Orders",
        marketplaceId: null,
        marketplaceName: "Manual Orders",
        accountName: null,
        email: null,
        integrationUrl: null,
        active: true,
        companyName: "",
        phone: "",
        publicEmail: "",
        website: "",
        refreshDate: null,
        lastRefreshAttempt: null,
        createDate: formatApiDate(store.created_at, "America/Los_Angeles"),
        modifyDate: formatApiDate(store.modified_at, "America/Los_Angeles"),
        autoRefresh: false,
      },
    ]);
    expect(response.json[0].createDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
  });

  it("lists only this workspace's stores, and inactive ones only with showInactive=true", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    await createMerchant("Someone else");
    const now = Date.now();
    const [active, inactive] = await db.write
      .insertInto("stores")
      .values([
        { workspace_id: workspaceId, platform: "shopify", name: "Shopify shop", base_url: "https://shop.example", auto_import: 1, active: 1, created_at: now, modified_at: now, last_import_at: now },
        { workspace_id: workspaceId, platform: "woocommerce", name: "Old shop", auto_import: 1, active: 0, created_at: now, modified_at: now },
      ])
      .returning("id")
      .execute();
    const api = apiClient((await createApiCredentials(workspaceId)).authorization);

    const listed = await api.listStores();
    expect(listed.json.map((store: { storeId: number }) => store.storeId)).toEqual([manualStoreId, active.id]);
    expect(listed.json[1]).toMatchObject({ storeName: "Shopify shop", marketplaceName: "Shopify", integrationUrl: "https://shop.example", active: true, autoRefresh: true, refreshDate: formatApiDate(now) });

    const all = await api.listStores({ showInactive: "true" });
    expect(all.json.map((store: { storeId: number }) => store.storeId)).toEqual([manualStoreId, active.id, inactive.id]);
    expect(all.json[2]).toMatchObject({ storeName: "Old shop", marketplaceName: "WooCommerce", active: false });
  });
});
