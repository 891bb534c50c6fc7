import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/database";
import { getStoreOrThrow } from "@/lib/stores/get-store";
import { createStore, storedCredentials } from "@/lib/stores/manage-stores";
import { startShopifyFake, type ShopifyFake } from "../../fakes/shopify/server";
import { useTestDatabase } from "../../helpers/database";
import { formOf as form, redirectOf } from "../../helpers/server-actions";
import { createMerchant } from "../../helpers/workspaces";

// Outside Next.js there is no request: the signed-in user is the test's; the rest is the real code.
const request = vi.hoisted(() => ({ userId: null as string | null, language: "en" }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (request.userId ? { user: { id: request.userId } } : null) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers({ "accept-language": request.language }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

useTestDatabase();

const TOKEN = "shpat_right_0123456789abcdef";
let shop: ShopifyFake;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  shop = await startShopifyFake({ accessToken: TOKEN, startAt: Date.now() - 3_600_000 });
});
afterAll(() => shop.close());
beforeEach(() => {
  request.userId = null;
  request.language = "en";
});



async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe("saving a store's settings", () => {
  it("names each missing field in the merchant's language", async () => {
    const me = await createMerchant();
    request.userId = me.userId;
    request.language = "fr";
    const { saveStoreAction } = await import("@/app/(app)/stores/actions");
    const state = await saveStoreAction("woocommerce", null, {}, form({ name: "", baseUrl: "shop", "credentials.consumerKey": "", "credentials.consumerSecret": "", intent: "save" }));
    expect(state.fieldErrors).toMatchObject({ name: ["Nommez la boutique."], baseUrl: ["Saisissez l’adresse complète, qui commence par https://"] });
    const keyless = await saveStoreAction("woocommerce", null, {}, form({ name: "Boutique", baseUrl: "https://shop.example", "credentials.consumerKey": "", "credentials.consumerSecret": "", intent: "save" }));
    expect(keyless.fieldErrors).toMatchObject({ "credentials.consumerKey": ["Renseignez ce champ\u00a0: la plateforme en a besoin."] });
  });

  it("keeps a stored secret left blank, never sends it back, and says the saved store connects", async () => {
    const me = await createMerchant();
    request.userId = me.userId;
    const storeId = await createStore(me.workspaceId, { platform: "shopify", name: "Night Shop", baseUrl: shop.url, credentials: { accessToken: TOKEN, apiVersion: "2024-04" } });
    const { saveStoreAction } = await import("@/app/(app)/stores/actions");

    const state = await saveStoreAction("shopify", storeId, {}, form({ name: "Night Shop EU", baseUrl: shop.url, "credentials.accessToken": "", "credentials.apiVersion": "2024-04", intent: "save" }));
    expect(state).toMatchObject({ message: "Saved. Connection works.", saved: true });
    expect(JSON.stringify(state)).not.toContain(TOKEN);
    expect(await storedCredentials(me.workspaceId, storeId)).toEqual({ accessToken: TOKEN, apiVersion: "2024-04" });
    const store = await getStoreOrThrow(me.workspaceId, storeId);
    expect(store).toMatchObject({ name: "Night Shop EU", savedSecrets: ["accessToken"], health: { connection: "ok" } });
    expect(store.formValues["credentials.apiVersion"]).toBe("2024-04");
  });

  it("saves a store whose test fails, but says so, and the store shows the failure instead of OK", async () => {
    const me = await createMerchant();
    request.userId = me.userId;
    const { saveStoreAction } = await import("@/app/(app)/stores/actions");
    const dead = await closedPortUrl();

    const path = await redirectOf(saveStoreAction("shopify", null, {}, form({ name: "Dead Shop", baseUrl: dead, "credentials.accessToken": TOKEN, intent: "save" })));
    const storeId = Number(path.split("/").at(-1));
    const store = await getStoreOrThrow(me.workspaceId, storeId);
    expect(store.health).toMatchObject({ connection: "failed", connectionError: expect.stringContaining("connection refused") });

    const again = await saveStoreAction("shopify", storeId, {}, form({ name: "Dead Shop", baseUrl: dead, "credentials.accessToken": "", intent: "save" }));
    expect(again).toMatchObject({ saved: true, warning: expect.stringMatching(/^Saved, but the connection test failed: Shopify could not be reached: connection refused/) });
    expect(again.error).toBeUndefined();
  });

  it("refuses a platform that is none (a forged call's bound argument) by its field, never a crash, and sends no credential back", async () => {
    const me = await createMerchant();
    request.userId = me.userId;
    const { saveStoreAction } = await import("@/app/(app)/stores/actions");
    const stores = async () => (await db.read.selectFrom("stores").select("id").where("workspace_id", "=", me.workspaceId).execute()).length;
    const before = await stores();

    for (const platform of ["__proto__", "constructor", "toString", "magento"]) {
      const state = await saveStoreAction(platform as never, null, {}, form({ name: "Forged", baseUrl: shop.url, "credentials.accessToken": TOKEN, intent: "save" }));
      expect(state, platform).toMatchObject({ error: "Check the highlighted fields.", fieldErrors: { platform: [expect.any(String)] }, values: { name: "Forged", baseUrl: shop.url } });
      expect(JSON.stringify(state), platform).not.toContain(TOKEN);
    }
    expect(await stores()).toBe(before);
  });
});

describe("deleting a store", () => {
  it("deletes the merchant's own store and goes back to the Stores list", async () => {
    const me = await createMerchant();
    request.userId = me.userId;
    const storeId = await createStore(me.workspaceId, { platform: "shopify", name: "Night Shop", baseUrl: shop.url, credentials: { accessToken: TOKEN } });
    const { deleteStoreAction } = await import("@/app/(app)/stores/actions");
    expect(await redirectOf(deleteStoreAction(storeId))).toBe("/stores");
    const row = await db.read.selectFrom("stores").select(["deleted_at", "name"]).where("id", "=", storeId).executeTakeFirstOrThrow();
    expect(row).toEqual({ deleted_at: expect.any(Number), name: "Night Shop (deleted)" });
  });

  it("answers another workspace's store, or a missing one, as not found", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const theirs = await createStore(other.workspaceId, { platform: "shopify", name: "Their Shop", baseUrl: shop.url, credentials: { accessToken: TOKEN } });
    request.userId = me.userId;
    const { deleteStoreAction } = await import("@/app/(app)/stores/actions");
    expect(await deleteStoreAction(theirs)).toEqual({ error: "Store not found" });
    expect(await deleteStoreAction(999_999)).toEqual({ error: "Store not found" });
    const row = await db.read.selectFrom("stores").select("deleted_at").where("id", "=", theirs).executeTakeFirstOrThrow();
    expect(row.deleted_at).toBeNull();
  });
});
