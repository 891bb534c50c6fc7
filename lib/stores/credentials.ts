import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import type { StoreRow } from "@/db/schema";

const VERSION = "v1";

/**
 * The key store credentials are encrypted with: `STORE_CREDENTIALS_KEY` when set, else derived
 * from `AUTH_SECRET` (HKDF, its own label), so the default install encrypts with no extra setup.
 */
function encryptionKey(): Buffer {
  const secret = process.env.STORE_CREDENTIALS_KEY || process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET (or STORE_CREDENTIALS_KEY) is needed to encrypt store credentials");
  return Buffer.from(hkdfSync("sha256", secret, createHash("sha256").update("shipdeck").digest(), "store-credentials", 32));
}

/** What a store's encrypted credentials are bound to, so they cannot be moved to another store. */
export function credentialBinding(store: Pick<StoreRow, "id" | "workspace_id">): string {
  return `${store.workspace_id}:store:${store.id}`;
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts; the store id is bound as associated data. */
export function encryptCredentials(storeBinding: string, credentials: Record<string, string>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  cipher.setAAD(Buffer.from(storeBinding));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptCredentials(storeBinding: string, sealed: string): Record<string, string> {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Unreadable store credentials");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(storeBinding));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
  return JSON.parse(plaintext.toString("utf8")) as Record<string, string>;
}
