import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { connectorFor } from "@/lib/connectors/registry";
import { importStore } from "@/lib/imports/import-store";
import { INTERRUPTED_RUN_ERROR, listImportRuns, startImportRun } from "@/lib/imports/import-runs";
import { claimStore, keepLeases, LEASE_MS } from "@/lib/imports/store-lease";
import { createStore } from "@/lib/stores/manage-stores";
import { startShopifyFake, type ShopifyFake } from "../../fakes/shopify/server";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

let shop: ShopifyFake;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  process.env.ALLOW_PRIVATE_STORE_URLS = "1";
  shop = await startShopifyFake({ startAt: Date.now() - 86_400_000, bucketSize: 1_000_000 });
  for (let i = 0; i < 3; i++) shop.add({});
});
afterAll(() => shop.close());

async function connectShop() {
  const { workspaceId } = await createMerchant();
  const storeId = Number(await createStore(workspaceId, { platform: "shopify", name: "Leased Shop", baseUrl: shop.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } }));
  return { workspaceId, storeId };
}

const leaseOf = (storeId: number) => db.read.selectFrom("stores").select(["lease_owner", "lease_until"]).where("id", "=", storeId).executeTakeFirstOrThrow();

describe("a store's import lease", () => {
  it("lets the Import button take over a few minutes after the import holding the store was killed, and closes that import's run", async () => {
    const { workspaceId, storeId } = await connectShop();
    const killedAt = Date.now();
    // What a killed import leaves: its claim, never renewed or released, and its run still "running".
    expect(await claimStore(storeId, "a-killed-process", killedAt)).toBe(true);
    const killedRun = await startImportRun(workspaceId, storeId, "store", "manual", null, killedAt);

    const meanwhile = await importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor("shopify"), now: () => killedAt + 60_000 });
    expect(meanwhile.status).toBe("busy");
    const minutesLater = await importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor("shopify"), now: () => killedAt + 3 * 60_000 });
    expect(minutesLater).toMatchObject({ status: "succeeded", created: 3 });

    const runs = await listImportRuns(workspaceId, storeId);
    expect(runs.find((run) => run.id === killedRun)).toMatchObject({ status: "failed", error: INTERRUPTED_RUN_ERROR, finished_at: killedAt + 3 * 60_000 });
    expect(await leaseOf(storeId)).toEqual({ lease_owner: null, lease_until: null });
  });

  it("stays with a live importer however long it waits, renewed by its heartbeat, and runs out once the heartbeat stops", async () => {
    const { storeId } = await connectShop();
    let clock = Date.now();
    expect(await claimStore(storeId, "a-live-import", clock)).toBe(true);
    const stop = keepLeases("a-live-import", () => clock, 5);

    // The importer waits far past its first lease (a platform's long Retry-After): its heartbeat renews it.
    clock += 10 * LEASE_MS;
    while ((await leaseOf(storeId)).lease_until! <= clock) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await claimStore(storeId, "another-import", clock)).toBe(false);

    stop();
    clock += LEASE_MS + 1;
    expect(await claimStore(storeId, "another-import", clock)).toBe(true);
    expect((await leaseOf(storeId)).lease_owner).toBe("another-import");
  });

  it("renews only the leases its owner holds, not one another import took over", async () => {
    const [mine, taken] = [await connectShop(), await connectShop()];
    const now = Date.now();
    expect(await claimStore(mine.storeId, "an-import", now)).toBe(true);
    await db.write.updateTable("stores").set({ lease_owner: "someone-else", lease_until: now + 1_000 }).where("id", "=", taken.storeId).execute();
    const stop = keepLeases("an-import", () => now + 60_000, 5);
    while ((await leaseOf(mine.storeId)).lease_until !== now + 60_000 + LEASE_MS) await new Promise((resolve) => setTimeout(resolve, 5));
    stop();
    expect(await leaseOf(taken.storeId)).toEqual({ lease_owner: "someone-else", lease_until: now + 1_000 });
  });
});
