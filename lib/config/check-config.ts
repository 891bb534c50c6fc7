import { sql } from "kysely";
import type { DatabaseHandle } from "@/db/database";
import { credentialBinding, decryptCredentials } from "@/lib/stores/credentials";

/** A setting that keeps Shipdeck from starting, and why, in one line a person can act on. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    readonly cause: string,
  ) {
    super(`${setting}: ${cause}`);
    this.name = "ConfigError";
  }
}

const DATABASE_SCHEMES = ["file:", "libsql:", "http:", "https:", "ws:", "wss:"];

/**
 * What can be told wrong from the settings alone, before anything is opened: a DATABASE_URL that
 * is not one the seam opens, a Turso database without its token, a STORE_CREDENTIALS_KEY too short
 * to be a key. Throws the first problem as a ConfigError.
 */
export function checkSettings(env: Record<string, string | undefined> = process.env): void {
  const url = env.DATABASE_URL;
  if (url !== undefined) {
    if (!url.trim()) throw new ConfigError("DATABASE_URL", "is set but empty; leave it unset for the embedded file (file:./data/shipdeck.db)");
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
    if (!scheme || !DATABASE_SCHEMES.includes(scheme)) {
      throw new ConfigError("DATABASE_URL", `"${redact(url)}" is not a libSQL URL; use file:./data/shipdeck.db, or libsql://<database>.turso.io with DATABASE_AUTH_TOKEN`);
    }
    if (scheme === "file:" && url.length <= "file:".length) throw new ConfigError("DATABASE_URL", "names no file; use file:./data/shipdeck.db");
    if (scheme !== "file:") {
      let host: string;
      try {
        host = new URL(url).hostname;
      } catch {
        throw new ConfigError("DATABASE_URL", `"${redact(url)}" is not a valid URL`);
      }
      if (host.endsWith(".turso.io") && !env.DATABASE_AUTH_TOKEN) {
        throw new ConfigError("DATABASE_AUTH_TOKEN", `is missing: Turso (${host}) answers every request without it with 401; create one with \`turso db tokens create\``);
      }
    }
  }
  const key = env.STORE_CREDENTIALS_KEY;
  if (key !== undefined && key.length < 32) {
    throw new ConfigError("STORE_CREDENTIALS_KEY", `is ${key.length} characters; use at least 32 random characters (e.g. \`openssl rand -base64 32\`)`);
  }
}

/** Whether the database answers, within `timeoutMs`; a ConfigError naming DATABASE_URL (or its token) when not. */
export async function checkDatabaseReachable(handle: DatabaseHandle, url: string, timeoutMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([sql`SELECT 1`.execute(handle.read), timeout]);
  } catch (error) {
    throw databaseProblem(error, url);
  } finally {
    clearTimeout(timer);
  }
}

/** A failure opening or migrating the database, as the setting to fix and why. */
export function databaseProblem(error: unknown, url: string): ConfigError {
  if (error instanceof ConfigError) return error;
  const message = causeOf(error);
  if (/\b401\b|unauthori[sz]ed|token/i.test(message)) {
    return new ConfigError("DATABASE_AUTH_TOKEN", `${redact(url)} refused it (${message}); set a valid token for this database`);
  }
  if (url.startsWith("file:")) return new ConfigError("DATABASE_URL", `cannot open ${redact(url)} (${message}); check the folder exists and is writable`);
  return new ConfigError("DATABASE_URL", `cannot reach ${redact(url)} (${message})`);
}

/** The innermost message ("fetch failed" is only the outside of ECONNREFUSED). */
function causeOf(error: unknown): string {
  let current: unknown = error;
  let message = "unknown error";
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      message = typeof code === "string" && !current.message.includes(code) ? `${current.message}: ${code}` : current.message;
      current = (current as { cause?: unknown }).cause;
    } else break;
  }
  return message.split("\n")[0];
}

/** A URL without its credentials or query (a token may ride in either). */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//").replace(/\?.*$/, "");
}

/**
 * Whether the key in use opens the stores' saved credentials: a STORE_CREDENTIALS_KEY (or
 * AUTH_SECRET it is derived from) changed since they were saved would fail every import later.
 */
export async function checkStoreCredentialsKey(handle: DatabaseHandle): Promise<void> {
  const store = await handle.read.selectFrom("stores").select(["id", "workspace_id", "credentials"]).where("credentials", "is not", null).limit(1).executeTakeFirst();
  if (!store?.credentials) return;
  try {
    decryptCredentials(credentialBinding(store), store.credentials);
  } catch {
    const setting = process.env.STORE_CREDENTIALS_KEY ? "STORE_CREDENTIALS_KEY" : "AUTH_SECRET";
    throw new ConfigError(setting, "cannot decrypt the stores' saved credentials: it is not the key they were saved with (was it changed?); restore it, or reconnect the stores");
  }
}
