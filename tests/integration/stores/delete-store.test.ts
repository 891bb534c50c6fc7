import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { importAllStores, importOneStore } from "@/lib/imports/import-all-stores";
import { claimDueStores } from "@/lib/imports/import-tick";
import { receiveWebhook } from "@/lib/imports/receive-webhook";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { getOrdersPage } from "@/lib/orders/get-orders-page";
import { importOrders } from "@/lib/orders/import-orders";
import { parseOrderListQuery } from "@/lib/orders/list-query";
import { getStoreOrThrow } from "@/lib/stores/get-store";
import { listApiStores } from "@/lib/stores/list-api-stores";
import { createStore, deleteStore, listStoresWithHealth, setStoreActive, updateStore } from "@/lib/stores/manage-stores";
import { storesToRefresh } from "@/lib/stores/refresh-status";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

const WEBHOOK_SECRET = "whsec_night";

async function connectShop(workspaceId: string, name = "Night Shop") {
  return createStore(workspaceId, { platform: "shopify", name, baseUrl: "https://night.example", credentials: { accessToken: "shpat_night", webhookSecret: WEBHOOK_SECRET } });
}

async function storeRow(storeId: number) {
  return db.read.selectFrom("stores").selectAll().where("id", "=", storeId).executeTakeFirstOrThrow();
}

describe("deleteStore: the store goes, its orders stay", () => {
  it("keeps its orders visible under '<name> (deleted)' and says how many stayed", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const [first] = await importOrders(workspaceId, storeId, [buildOrder(), buildOrder(), buildOrder({ status: "cancelled" })], { source: "shopify", actor: "test" });

    expect(await deleteStore(workspaceId, storeId)).toEqual({ name: "Night Shop", orders: 3 });

    const page = await getOrdersPage(workspaceId, parseOrderListQuery({ status: "all" }), "UTC");
    expect(page.page.orders.filter((row) => row.storeId === storeId)).toHaveLength(3);
    expect(page.stores.find((store) => store.id === storeId)?.name).toBe("Night Shop (deleted)");
    expect((await getOrderOrThrow(workspaceId, first.orderId!)).storeName).toBe("Night Shop (deleted)");
  });

  it("leaves the Stores page, its own page and the API; erases its credentials", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    await deleteStore(workspaceId, storeId);

    expect((await listStoresWithHealth(workspaceId)).map((store) => store.id)).not.toContain(storeId);
    expect((await rejection(getStoreOrThrow(workspaceId, storeId))).code).toBe("not_found");
    expect((await listApiStores(workspaceId, "UTC", true)).map((store) => store.storeId)).not.toContain(storeId);
    expect((await rejection(storesToRefresh(workspaceId, storeId))).code).toBe("not_found");
    expect(await storeRow(storeId)).toMatchObject({ credentials: null, active: 0, auto_import: 0, next_import_at: null, deleted_at: expect.any(Number) });
    // Not a second time, and not editable.
    expect((await rejection(deleteStore(workspaceId, storeId))).code).toBe("not_found");
    expect((await rejection(updateStore(workspaceId, storeId, { name: "Back", baseUrl: "https://night.example", credentials: { accessToken: "x" } }))).code).toBe("not_found");
    expect((await rejection(setStoreActive(workspaceId, storeId, true))).code).toBe("not_found");
  });

  it("is never imported again: not by the Import button, the store's Import, the scheduler or a webhook", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    await deleteStore(workspaceId, storeId);

    expect((await importAllStores(workspaceId, "manual")).map((summary) => summary.storeId)).not.toContain(storeId);
    expect(await importOneStore(workspaceId, storeId, "manual")).toMatchObject({ status: "inactive", runId: null });
    expect((await claimDueStores("test-tick", Date.now() + 86_400_000, 100)).map((store) => store.id)).not.toContain(storeId);
    const body = JSON.stringify({ id: 1 });
    const signature = createHmac("sha256", WEBHOOK_SECRET).update(body).digest("base64");
    const request = new Request(`http://localhost/api/webhooks/shopify/${storeId}`, { method: "POST", headers: { "x-shopify-hmac-sha256": signature, "x-shopify-webhook-id": "d-1" }, body });
    const outcome = await receiveWebhook("shopify", String(storeId), request);
    // A deleted store's webhooks are refused like any unknown store's (its secret is erased).
    expect(outcome.status).toBe(401);
  });

  it("answers another workspace's store, and Manual Orders, as not found, and deletes nothing", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const theirs = await connectShop(other.workspaceId);
    expect((await rejection(deleteStore(me.workspaceId, theirs))).code).toBe("not_found");
    expect((await rejection(deleteStore(me.workspaceId, me.manualStoreId))).code).toBe("not_found");
    expect(await storeRow(theirs)).toMatchObject({ name: "Night Shop", deleted_at: null, active: 1 });
  });
});
