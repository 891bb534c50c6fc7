import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { createStore } from "@/lib/stores/manage-stores";
import { startShopifyFake } from "../../fakes/shopify/server";
import { callRoute, createApiCredentials } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

let fake: Awaited<ReturnType<typeof startShopifyFake>>;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  // The shop's clock near now: a first import reaches 30 days back.
  fake = await startShopifyFake({ startAt: Date.now() - 86_400_000 });
});
afterAll(() => fake.close());

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("refreshing stores through the API", () => {
  it("starts an import that answers at once, and reports its status", async () => {
    const { workspaceId } = await createMerchant();
    const { authorization } = await createApiCredentials(workspaceId);
    fake.add({});
    fake.add({});
    const storeId = await createStore(workspaceId, { platform: "shopify", name: "Shop", baseUrl: fake.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } });
    const { POST } = await import("@/app/api/v1/stores/refreshstore/route");
    const { GET } = await import("@/app/api/v1/stores/getrefreshstatus/route");

    const started = await callRoute(POST, "/api/v1/stores/refreshstore", { method: "POST", authorization, query: { storeId } });
    expect(started.status).toBe(200);
    expect(started.json).toEqual({ success: true, message: "A store refresh has been initiated for the selected store." });

    await waitFor(async () => (await db.read.selectFrom("stores").select("last_import_at").where("id", "=", storeId).executeTakeFirstOrThrow()).last_import_at != null);
    const status = await callRoute(GET, "/api/v1/stores/getrefreshstatus", { authorization, query: { storeId } });
    expect(status.json).toMatchObject({ storeId, refreshStatusId: 1, refreshStatus: "Idle", lastRefreshAttempt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    const orders = await db.read.selectFrom("orders").select("id").where("store_id", "=", storeId).execute();
    expect(orders.length).toBeGreaterThanOrEqual(2);
  });

  it("answers 404 for another workspace's store and requires storeId for the status", async () => {
    const { workspaceId } = await createMerchant("Mine");
    const { authorization } = await createApiCredentials(workspaceId);
    const other = await createMerchant("Theirs");
    const theirStore = await createStore(other.workspaceId, { platform: "shopify", name: "Theirs", baseUrl: fake.url, credentials: { accessToken: "x" } });
    const { POST } = await import("@/app/api/v1/stores/refreshstore/route");
    const { GET } = await import("@/app/api/v1/stores/getrefreshstatus/route");
    expect((await callRoute(POST, "/api/v1/stores/refreshstore", { method: "POST", authorization, query: { storeId: theirStore } })).status).toBe(404);
    expect((await callRoute(GET, "/api/v1/stores/getrefreshstatus", { authorization, query: { storeId: theirStore } })).status).toBe(404);
    expect((await callRoute(GET, "/api/v1/stores/getrefreshstatus", { authorization })).status).toBe(400);
  });
});
