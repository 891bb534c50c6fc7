import { beforeAll, describe, expect, it } from "vitest";
import { startImportRun, finishImportRun } from "@/lib/imports/import-runs";
import { createStore } from "@/lib/stores/manage-stores";
import { getStoreOrThrow } from "@/lib/stores/get-store";
import { rejection } from "../../helpers/errors";
import { createMerchant } from "../../helpers/workspaces";
import { useTestDatabase } from "../../helpers/database";

useTestDatabase();

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

describe("getStoreOrThrow: a connected store as its page shows it", () => {
  it("gives the settings form's values (the saved username too) and the import history, and never a secret", async () => {
    const { workspaceId } = await createMerchant();
    const storeId = await createStore(workspaceId, {
      platform: "custom_store",
      name: "Legacy shop",
      baseUrl: "https://legacy.example/shipstation.php",
      credentials: { username: "ops", password: "hunter22" },
      statusMapping: { paid: "paid, processing", shipped: "sent" },
    });
    const runId = await startImportRun(workspaceId, storeId, "store", "manual", null, Date.UTC(2026, 10, 5, 9, 0, 0));
    await finishImportRun(workspaceId, runId, { status: "succeeded", cursorAfter: null }, Date.UTC(2026, 10, 5, 9, 0, 2, 500));

    const store = await getStoreOrThrow(workspaceId, storeId);
    expect(store).toMatchObject({ id: storeId, name: "Legacy shop", platform: "custom_store", active: true, acceptsWebhooks: false, lastError: null, lastSweep: null });
    // Renaming the store must not mean retyping the username: it is not a secret, so the form shows it; the password only as saved.
    expect(store.formValues).toEqual({ name: "Legacy shop", baseUrl: "https://legacy.example/shipstation.php", "credentials.username": "ops", "statusMapping.paid": "paid, processing", "statusMapping.shipped": "sent" });
    expect(store.savedSecrets).toEqual(["password"]);
    expect(store.imports).toEqual([
      { id: runId, trigger: "manual", status: "succeeded", startedAt: Date.UTC(2026, 10, 5, 9), durationMs: 2500, error: null, counts: { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 }, sweep: null },
    ]);
    const sent = JSON.stringify(store);
    expect(sent).not.toContain("hunter22");
    expect(sent).not.toContain('"credentials"');
    expect(sent).not.toContain("v1.");
  });

  it("answers another workspace's store and the Manual Orders store as not found", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const theirs = await createStore(other.workspaceId, { platform: "shopify", name: "Theirs", baseUrl: "https://theirs.example", credentials: { accessToken: "shpat_x" } });
    expect((await rejection(getStoreOrThrow(me.workspaceId, theirs))).code).toBe("not_found");
    expect((await rejection(getStoreOrThrow(me.workspaceId, me.manualStoreId))).code).toBe("not_found");
    expect((await getStoreOrThrow(other.workspaceId, theirs)).acceptsWebhooks).toBe(true);
  });
});
