import { DEFAULT_DATABASE_URL, openDatabase } from "../db/database";
import { migrateToLatest } from "../db/migrate-to-latest";
import { checkDatabaseReachable, checkSettings, checkStoreCredentialsKey, ConfigError } from "../lib/config/check-config";
import { ensureAuthSecret, loadLocalEnv } from "../lib/config/local-env";

/**
 * What every way of running the app needs first: a secret for sessions and a migrated database.
 * It never creates users: the demo merchant exists only when `npm run demo` asks for it.
 */
export async function prepareEnvironment({ envFile = ".env.local" } = {}) {
  loadLocalEnv(envFile);
  checkSettings();
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const handle = openDatabase(url);
  try {
    await checkDatabaseReachable(handle, url);
    // Only once the database answers: a start that stops on a setting leaves nothing behind.
    if (ensureAuthSecret(envFile) === "generated") console.log(`Generated AUTH_SECRET into ${envFile}`);
    // Reachable, so a failing migration is a bug in it, not a setting: it keeps its message and stack.
    const applied = await migrateToLatest(handle.write);
    console.log(applied.length ? `Database migrated: ${applied.join(", ")}` : "Database is up to date");
    await checkStoreCredentialsKey(handle);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A setting that stops the start: one line naming it and why, and a non-zero exit; anything else is a bug and keeps its stack. */
export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(`Shipdeck cannot start. ${error.message}`);
    process.exit(1);
  }
  throw error;
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareEnvironment().catch(exitOnConfigError);
