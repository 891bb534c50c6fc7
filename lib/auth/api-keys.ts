import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/db/database";
import type { Role } from "@/db/schema";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { hashRandomSecret, matchesRandomSecretHash } from "./random-secret";

export const API_KEY_PREFIX = "sd_live_";
const KEY_RANDOM_LENGTH = 24;
const SECRET_BYTES = 32;
/** `last_used_at` is a hint for the merchant, not an audit log: one write a minute per key at most. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key.").max(100, "Use at most 100 characters."),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** The revoke button's form: the key's id, as posted. */
export const revokeApiKeySchema = z.object({ apiKeyId: z.coerce.number().int().positive() });

export interface CreatedApiKey {
  id: number;
  name: string;
  key: string;
  /** Shown once, at creation; only its hash is stored. */
  secret: string;
}

export interface ApiKeySummary {
  id: number;
  name: string;
  key: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** Owners and admins create and revoke keys; members see the list. */
export function canManageApiKeys(role: Role): boolean {
  return role === "owner" || role === "admin";
}

/** A new key for the workspace; the secret is returned here and never again. */
export async function createApiKey(workspaceId: string, input: CreateApiKeyInput & { createdBy?: string | null }, now = Date.now()): Promise<CreatedApiKey> {
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", "Check the highlighted fields", fieldErrorsOf(parsed.error.issues));
  const key = API_KEY_PREFIX + randomBase62(KEY_RANDOM_LENGTH);
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  const row = await db.write
    .insertInto("api_keys")
    .values({ workspace_id: workspaceId, name: parsed.data.name, key, secret_hash: hashRandomSecret(secret), created_by: input.createdBy ?? null, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, name: parsed.data.name, key, secret };
}

/** The workspace's keys, newest first, without their secrets or hashes. */
export async function listApiKeys(workspaceId: string): Promise<ApiKeySummary[]> {
  const rows = await db.read
    .selectFrom("api_keys")
    .select(["id", "name", "key", "created_at", "last_used_at", "revoked_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, key: row.key, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at }));
}

/** Revokes the key at once. Revoking twice keeps the first time; another workspace's key is not found. */
export async function revokeApiKey(workspaceId: string, apiKeyId: number, now = Date.now()): Promise<void> {
  const revoked = await db.write
    .updateTable("api_keys")
    .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(now)) }))
    .where("id", "=", apiKeyId)
    .where("workspace_id", "=", workspaceId)
    .returning("id")
    .executeTakeFirst();
  if (!revoked) throw notFound("API key not found");
}

/**
 * The workspace an active key and its secret belong to; null for an unknown or revoked key or a
 * wrong secret, alike. Reads only, except to move `last_used_at` when it is a minute old.
 */
export async function authenticateApiKey(key: string, secret: string, now = Date.now()): Promise<{ apiKeyId: number; workspaceId: string } | null> {
  const row =
    key.startsWith(API_KEY_PREFIX) && key.length <= 64
      ? await db.read.selectFrom("api_keys").select(["id", "workspace_id", "secret_hash", "last_used_at", "revoked_at"]).where("key", "=", key).executeTakeFirst()
      : undefined;
  // Compare even when there is no key, so an unknown key costs what a wrong secret does.
  const matches = matchesRandomSecretHash(secret, row?.secret_hash ?? DUMMY_HASH);
  if (!row || !matches || row.revoked_at !== null) return null;
  if (row.last_used_at === null || row.last_used_at <= now - LAST_USED_RESOLUTION_MS) {
    // The condition repeats in SQL so that concurrent requests write it once between them.
    await db.write
      .updateTable("api_keys")
      .set({ last_used_at: now })
      .where("id", "=", row.id)
      .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<=", now - LAST_USED_RESOLUTION_MS)]))
      .execute();
  }
  return { apiKeyId: row.id, workspaceId: row.workspace_id };
}

const DUMMY_HASH = hashRandomSecret("not-a-real-secret");

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Uniform base62 characters: bytes of 248 and above are dropped, so no character is likelier. */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}
