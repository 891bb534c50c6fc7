import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStore } from "@/lib/imports/import-store";
import type { Connector } from "@/lib/connectors/types";
import { getStoreOrThrow } from "@/lib/stores/get-store";
import { createStore, listStoresWithHealth, updateStore } from "@/lib/stores/manage-stores";
import { testSavedStore, testStoreConnection } from "@/lib/stores/store-form";
import { startShopifyFake, type ShopifyFake } from "../../fakes/shopify/server";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const TOKEN = "shpat_right_0123456789abcdef";
let shop: ShopifyFake;
/** A port that accepts connections and never answers. */
let silent: Server;
const sockets: Socket[] = [];

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  shop = await startShopifyFake({ accessToken: TOKEN, startAt: Date.now() - 3_600_000 });
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await shop.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

/** A local port nobody listens on: a server's, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function shopify(baseUrl: string, accessToken = TOKEN) {
  return { platform: "shopify" as const, name: "Night Shop", baseUrl, credentials: { accessToken } };
}

async function healthOf(workspaceId: string, storeId: number) {
  const store = (await listStoresWithHealth(workspaceId)).find((row) => row.id === storeId);
  if (!store) throw new Error("store not listed");
  return store;
}

describe("Test connection says what failed in plain words", () => {
  it("a closed port: connection refused, named with its address", async () => {
    const { workspaceId } = await createMerchant();
    const port = await closedPort();
    const check = await testStoreConnection(workspaceId, null, shopify(`http://127.0.0.1:${port}`));
    expect(check).toEqual({ ok: false, message: `Shopify could not be reached: connection refused by 127.0.0.1:${port}: nothing answers at that address and port.` });
  });

  it("a name that does not exist: DNS name not found", async () => {
    const { workspaceId } = await createMerchant();
    const check = await testStoreConnection(workspaceId, null, shopify("https://no-such-shop.invalid"));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/^Shopify could not be reached: the name no-such-shop\.invalid (was not found \(DNS\): check the address|could not be looked up just now \(DNS\))\.$/);
  });

  it("an address that never answers: gives up after the time limit, and says so", async () => {
    const { workspaceId } = await createMerchant();
    const { port } = silent.address() as AddressInfo;
    const check = await testStoreConnection(workspaceId, null, shopify(`http://127.0.0.1:${port}`), { timeoutMs: 1_000 });
    expect(check).toEqual({ ok: false, message: "Shopify did not answer within 1 s. Check the address, or try again if the store is slow." });
  });

  it("wrong credentials: the platform refused them", async () => {
    const { workspaceId } = await createMerchant();
    const check = await testStoreConnection(workspaceId, null, shopify(shop.url, "shpat_wrong"));
    expect(check).toEqual({ ok: false, message: "Shopify refused the credentials (401). Check them in the store's settings." });
  });

  it("an address that is not the platform's API", async () => {
    const { workspaceId } = await createMerchant();
    shop.malformNext("html");
    const check = await testStoreConnection(workspaceId, null, shopify(shop.url));
    expect(check).toEqual({ ok: false, message: "The address answered, but not like Shopify's API (the answer is not JSON). Check the store's address." });
  });
});

describe("a store's connection as the Stores list and its page show it", () => {
  it("is 'untested' until tested, 'failed' with the reason after a failed test, and ok once a test passes", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await createStore(workspaceId, shopify(shop.url, "shpat_wrong"));
    expect(await healthOf(workspaceId, storeId)).toMatchObject({ connection: "untested", connectionError: null });

    expect(await testSavedStore(workspaceId, storeId)).toMatchObject({ ok: false });
    expect(await healthOf(workspaceId, storeId)).toMatchObject({ connection: "failed", connectionError: "Shopify refused the credentials (401). Check them in the store's settings." });
    expect((await getStoreOrThrow(workspaceId, storeId)).health).toMatchObject({ connection: "failed" });

    // New credentials: the old test says nothing of them.
    await updateStore(workspaceId, storeId, { name: "Night Shop", baseUrl: shop.url, credentials: { accessToken: TOKEN } });
    expect(await healthOf(workspaceId, storeId)).toMatchObject({ connection: "untested" });
    expect(await testSavedStore(workspaceId, storeId)).toEqual({ ok: true });
    expect(await healthOf(workspaceId, storeId)).toMatchObject({ connection: "ok", connectionError: null });
  });

  it("renaming a store keeps its test; a test of other settings than the saved ones is not recorded", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await createStore(workspaceId, shopify(shop.url));
    await testSavedStore(workspaceId, storeId);
    await updateStore(workspaceId, storeId, { name: "Renamed", baseUrl: shop.url, credentials: { accessToken: "" } });
    expect(await healthOf(workspaceId, storeId)).toMatchObject({ name: "Renamed", connection: "ok" });

    // Trying another token in the form: the store's own settings are not what was tested.
    expect(await testStoreConnection(workspaceId, storeId, shopify(shop.url, "shpat_other"))).toMatchObject({ ok: false });
    expect(await healthOf(workspaceId, storeId)).toMatchObject({ connection: "ok" });
  });

  it("a test of the saved settings, the secret left blank, tests the stored secret and is recorded", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await createStore(workspaceId, shopify(shop.url, "shpat_wrong"));
    const check = await testStoreConnection(workspaceId, storeId, shopify(shop.url, ""));
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining("refused the credentials") });
    expect(shop.requests.at(-1)?.headers["x-shopify-access-token"]).toBe("shpat_wrong");
    expect(await healthOf(workspaceId, storeId)).toMatchObject({ connection: "failed" });
  });

  it("a failed test stops counting once an import works", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await createStore(workspaceId, shopify(shop.url, "shpat_wrong"));
    await testSavedStore(workspaceId, storeId);
    expect(await healthOf(workspaceId, storeId)).toMatchObject({ connection: "failed" });
    const empty: Connector = { platform: "shopify", testConnection: async () => ({ ok: true }), async *pull() {} };
    const summary = await importStore(workspaceId, storeId, { trigger: "manual", connector: empty });
    expect(summary.status).toBe("succeeded");
    expect(await healthOf(workspaceId, storeId)).toMatchObject({ connection: "ok" });
  });

  it("another workspace's store is not found, and nothing is tested or recorded", async () => {
    const { workspaceId } = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const theirs = await createStore(other.workspaceId, shopify(shop.url));
    const before = shop.requests.length;
    expect((await rejection(testSavedStore(workspaceId, theirs))).code).toBe("not_found");
    expect((await rejection(testStoreConnection(workspaceId, theirs, shopify(shop.url)))).code).toBe("not_found");
    expect(shop.requests.length).toBe(before);
    expect(await healthOf(other.workspaceId, theirs)).toMatchObject({ connection: "untested" });
  });
});
