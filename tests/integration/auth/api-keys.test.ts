import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { API_KEY_PREFIX, authenticateApiKey, canManageApiKeys, createApiKey, listApiKeys, revokeApiKey } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/errors";
import { recordQueries, useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function storedRow(id: number) {
  return db.read.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe("API keys", () => {
  it("creates a key whose secret authenticates as the workspace, and stores only the secret's hash", async () => {
    const { workspaceId, userId } = await createMerchant();

    const created = await createApiKey(workspaceId, { name: "  Warehouse system ", createdBy: userId });

    expect(created.name).toBe("Warehouse system");
    expect(created.key).toMatch(new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{24}$`));
    expect(Buffer.from(created.secret, "base64url").length).toBeGreaterThanOrEqual(32);
    const row = await storedRow(created.id);
    expect(row).toMatchObject({ workspace_id: workspaceId, name: "Warehouse system", key: created.key, created_by: userId, last_used_at: null, revoked_at: null });
    expect(row.secret_hash).not.toContain(created.secret);
    expect(JSON.stringify(row)).not.toContain(created.secret);

    expect(await authenticateApiKey(created.key, created.secret)).toEqual({ apiKeyId: created.id, workspaceId });
  });

  it("gives every key its own key and secret", async () => {
    const { workspaceId } = await createMerchant();
    const first = await createApiKey(workspaceId, { name: "One" });
    const second = await createApiKey(workspaceId, { name: "Two" });
    expect(second.key).not.toBe(first.key);
    expect(second.secret).not.toBe(first.secret);
  });

  it("refuses a name that is blank or too long", async () => {
    const { workspaceId } = await createMerchant();
    for (const name of ["   ", "x".repeat(101)]) {
      const error = await createApiKey(workspaceId, { name }).catch((error: unknown) => error);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid_input");
      expect(Object.keys((error as AppError).fieldErrors!)).toEqual(["name"]);
    }
    expect(await listApiKeys(workspaceId)).toEqual([]);
  });

  it("refuses a wrong secret, another key's secret, and an unknown key", async () => {
    const { workspaceId } = await createMerchant();
    const created = await createApiKey(workspaceId, { name: "Shop" });
    const other = await createApiKey(workspaceId, { name: "Other shop" });

    expect(await authenticateApiKey(created.key, `${created.secret.slice(0, -1)}x`)).toBeNull();
    expect(await authenticateApiKey(created.key, "")).toBeNull();
    expect(await authenticateApiKey(created.key, other.secret)).toBeNull();
    expect(await authenticateApiKey(`${API_KEY_PREFIX}${"A".repeat(24)}`, created.secret)).toBeNull();
    expect(await authenticateApiKey("not-a-key", created.secret)).toBeNull();
  });

  it("refuses a revoked key at once, and revoking again keeps the first time", async () => {
    const { workspaceId } = await createMerchant();
    const created = await createApiKey(workspaceId, { name: "Old integration" });
    expect(await authenticateApiKey(created.key, created.secret)).not.toBeNull();

    await revokeApiKey(workspaceId, created.id, 1_000);
    await revokeApiKey(workspaceId, created.id, 2_000);

    expect(await authenticateApiKey(created.key, created.secret)).toBeNull();
    expect((await storedRow(created.id)).revoked_at).toBe(1_000);
  });

  it("answers not found when another workspace revokes a key, and leaves the key working", async () => {
    const owner = await createMerchant("Owner");
    const stranger = await createMerchant("Stranger");
    const created = await createApiKey(owner.workspaceId, { name: "Mine" });

    const error = await revokeApiKey(stranger.workspaceId, created.id).catch((error: unknown) => error);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
    expect((await storedRow(created.id)).revoked_at).toBeNull();
    expect(await authenticateApiKey(created.key, created.secret)).toEqual({ apiKeyId: created.id, workspaceId: owner.workspaceId });
    await expect(revokeApiKey(owner.workspaceId, 999_999)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists the workspace's own keys, newest first, never with a secret or hash", async () => {
    const { workspaceId } = await createMerchant();
    const other = await createMerchant("Someone else");
    await createApiKey(other.workspaceId, { name: "Not yours" });
    const older = await createApiKey(workspaceId, { name: "Older" }, 1_000);
    const newer = await createApiKey(workspaceId, { name: "Newer" }, 2_000);
    await revokeApiKey(workspaceId, older.id, 3_000);

    const keys = await listApiKeys(workspaceId);

    expect(keys).toEqual([
      { id: newer.id, name: "Newer", key: newer.key, createdAt: 2_000, lastUsedAt: null, revokedAt: null },
      { id: older.id, name: "Older", key: older.key, createdAt: 1_000, lastUsedAt: null, revokedAt: 3_000 },
    ]);
    const listed = JSON.stringify(keys);
    const { secret_hash } = await storedRow(newer.id);
    for (const hidden of [newer.secret, older.secret, secret_hash, "secret", "hash"]) expect(listed).not.toContain(hidden);
  });

  it("records when a key was last used, writing at most once a minute", async () => {
    const { workspaceId } = await createMerchant();
    const created = await createApiKey(workspaceId, { name: "Busy shop" });
    const t0 = Date.UTC(2026, 10, 26, 12, 0, 0);

    await authenticateApiKey(created.key, created.secret, t0);
    expect((await storedRow(created.id)).last_used_at).toBe(t0);

    const recording = recordQueries();
    try {
      expect(await authenticateApiKey(created.key, created.secret, t0 + 1_000)).not.toBeNull();
      expect(await authenticateApiKey(created.key, created.secret, t0 + 59_999)).not.toBeNull();
      expect(recording.queries).toEqual(["read SelectQueryNode", "read SelectQueryNode"]);
    } finally {
      recording.stop();
    }
    expect((await storedRow(created.id)).last_used_at).toBe(t0);

    await authenticateApiKey(created.key, created.secret, t0 + 60_000);
    expect((await storedRow(created.id)).last_used_at).toBe(t0 + 60_000);

    // A failed attempt is not a use.
    await authenticateApiKey(created.key, "wrong", t0 + 500_000);
    expect((await storedRow(created.id)).last_used_at).toBe(t0 + 60_000);
    const [listed] = await listApiKeys(workspaceId);
    expect(listed.lastUsedAt).toBe(t0 + 60_000);
  });

  it("is managed by owners and admins; members only see the list", () => {
    expect(canManageApiKeys("owner")).toBe(true);
    expect(canManageApiKeys("admin")).toBe(true);
    expect(canManageApiKeys("member")).toBe(false);
  });

  it("goes with its workspace", async () => {
    const { workspaceId } = await createMerchant();
    const created = await createApiKey(workspaceId, { name: "Temporary" });
    await db.write.deleteFrom("workspaces").where("id", "=", workspaceId).execute();
    expect(await authenticateApiKey(created.key, created.secret)).toBeNull();
  });
});
