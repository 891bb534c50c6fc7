import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Connector, PulledPage } from "@/lib/connectors/types";
import { getImportProgress, listImportProgress } from "@/lib/imports/import-progress";
import { finishImportRun, startImportRun } from "@/lib/imports/import-runs";
import { importStore } from "@/lib/imports/import-store";
import { createStore, setStoreActive } from "@/lib/stores/manage-stores";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

// Auth.js reads its cookie from the request Next.js serves; here the test says who is signed in.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));

useTestDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});
beforeEach(() => {
  signedIn.userId = null;
});

/** A connector that hands over its first page, then waits for `release()` before the second. */
function pausingConnector(first: PulledPage, second: PulledPage) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let paused!: () => void;
  const pausedAt = new Promise<void>((resolve) => (paused = resolve));
  const connector: Connector = {
    platform: "shopify",
    testConnection: async () => ({ ok: true }),
    async *pull() {
      yield first;
      paused();
      await released;
      yield second;
    },
  };
  return { connector, release, pausedAt };
}

async function connectShop(workspaceId: string, name = "Night Shop") {
  return createStore(workspaceId, { platform: "shopify", name, baseUrl: "https://shop.example", credentials: { accessToken: "shpat_secret" } });
}

/** Until the first page is committed (the run counts it), or a second. */
async function untilPages(workspaceId: string, storeId: number, pages: number) {
  for (let i = 0; i < 200; i++) {
    const progress = await getImportProgress(workspaceId, storeId);
    if ((progress.run?.pages ?? 0) >= pages) return progress;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the import did not commit its page");
}

describe("an import's progress, as an Import button polls it", () => {
  it("shows a scheduled import's pages and orders while it holds the store; an Import now meanwhile is busy; then its result", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    expect(await getImportProgress(workspaceId, storeId)).toEqual({ storeId, storeName: "Night Shop", importing: false, run: null });

    const { connector, release, pausedAt } = pausingConnector(
      { orders: [buildOrder(), buildOrder(), buildOrder()], cursorAfter: Date.now() - 60_000 },
      { orders: [buildOrder()], cursorAfter: Date.now() - 30_000 },
    );
    const scheduled = importStore(workspaceId, storeId, { trigger: "schedule", connector });
    await pausedAt;
    const during = await untilPages(workspaceId, storeId, 1);
    expect(during).toMatchObject({ importing: true, run: { trigger: "schedule", status: "running", pages: 1, orders: 3, created: 3, finishedAt: null } });
    expect(await listImportProgress(workspaceId)).toEqual([during]);

    // The merchant presses Import now: the scheduled import holds the store.
    const pressed = await importStore(workspaceId, storeId, { trigger: "manual", connector: pausingConnector({ orders: [], cursorAfter: null }, { orders: [], cursorAfter: null }).connector });
    expect(pressed.status).toBe("busy");

    release();
    expect(await scheduled).toMatchObject({ status: "succeeded", created: 4 });
    expect(await getImportProgress(workspaceId, storeId)).toMatchObject({
      importing: false,
      run: { id: during.run!.id, trigger: "schedule", status: "succeeded", pages: 2, orders: 4, created: 4, updated: 0, finishedAt: expect.any(Number), error: null },
    });
  });

  it("follows the store's own imports, not the webhook deliveries that do not hold it", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await connectShop(workspaceId);
    const { connector, release } = pausingConnector({ orders: [buildOrder()], cursorAfter: null }, { orders: [], cursorAfter: null });
    const manual = importStore(workspaceId, storeId, { trigger: "manual", connector });
    const during = await untilPages(workspaceId, storeId, 1);
    // A webhook delivery records a run of its own, newer, without the store's lease.
    const delivery = await startImportRun(workspaceId, storeId, "store", "webhook", null);
    await finishImportRun(workspaceId, delivery, { status: "succeeded", cursorAfter: null });
    expect(await getImportProgress(workspaceId, storeId)).toMatchObject({ importing: true, run: { id: during.run!.id, trigger: "manual", status: "running" } });
    release();
    await manual;
  });

  it("lists the workspace's connected active stores only; another workspace's store is not found", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const a = await connectShop(me.workspaceId, "A shop");
    const paused = await connectShop(me.workspaceId, "Paused shop");
    await setStoreActive(me.workspaceId, paused, false);
    const theirs = await connectShop(other.workspaceId, "Theirs");

    expect((await listImportProgress(me.workspaceId)).map((store) => store.storeId)).toEqual([a]);
    expect((await rejection(getImportProgress(me.workspaceId, theirs))).code).toBe("not_found");
    expect((await rejection(getImportProgress(me.workspaceId, me.manualStoreId))).code).toBe("not_found");
    expect((await rejection(getImportProgress(me.workspaceId, Number.NaN))).code).toBe("not_found");
  });
});

describe("the progress routes the Import buttons poll", () => {
  it("answer the signed-in merchant's stores, never cached, and 404 for another workspace's store", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const mine = await connectShop(me.workspaceId, "Mine");
    const theirs = await connectShop(other.workspaceId, "Theirs");
    const { GET: one } = await import("@/app/api/stores/[storeId]/import-progress/route");
    const { GET: all } = await import("@/app/api/stores/import-progress/route");

    expect((await callRoute(one, `/api/stores/${mine}/import-progress`, { params: { storeId: String(mine) } })).status).toBe(401);
    signedIn.userId = me.userId;
    const response = await callRoute(one, `/api/stores/${mine}/import-progress`, { params: { storeId: String(mine) } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.json).toEqual({ storeId: mine, storeName: "Mine", importing: false, run: null });
    expect((await callRoute(one, `/api/stores/${theirs}/import-progress`, { params: { storeId: String(theirs) } })).status).toBe(404);
    expect((await callRoute(one, "/api/stores/abc/import-progress", { params: { storeId: "abc" } })).status).toBe(404);
    expect((await callRoute(all, "/api/stores/import-progress", { params: {} })).json.map((store: { storeName: string }) => store.storeName)).toEqual(["Mine"]);
  });

  it("say a failed import's error in the merchant's language: the locale cookie, else Accept-Language", async () => {
    const me = await createMerchant();
    const shop = await connectShop(me.workspaceId, "Night Shop");
    const runId = await startImportRun(me.workspaceId, shop, "store", "manual", null);
    await finishImportRun(me.workspaceId, runId, { status: "failed", cursorAfter: null, error: "Shopify answered 503 (server error)." });
    const { GET: one } = await import("@/app/api/stores/[storeId]/import-progress/route");
    const { GET: all } = await import("@/app/api/stores/import-progress/route");
    signedIn.userId = me.userId;
    const errorIn = async (headers: Record<string, string>) =>
      (await callRoute(one, `/api/stores/${shop}/import-progress`, { params: { storeId: String(shop) }, headers })).json.run.error;

    expect(await errorIn({})).toBe("Shopify answered 503 (server error).");
    expect(await errorIn({ cookie: "theme=dark; locale=fr" })).toBe("Shopify a répondu 503 (erreur du serveur).");
    expect(await errorIn({ "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" })).toBe("Shopify a répondu 503 (erreur du serveur).");
    expect(await errorIn({ cookie: "locale=en", "accept-language": "fr" })).toBe("Shopify answered 503 (server error).");
    const [listed] = (await callRoute(all, "/api/stores/import-progress", { params: {}, headers: { cookie: "locale=fr" } })).json;
    expect(listed.run.error).toBe("Shopify a répondu 503 (erreur du serveur).");
  });
});
