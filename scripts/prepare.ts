import { openDatabase } from "../db/database";
import { migrateToLatest } from "../db/migrate-to-latest";
import { ensureAuthSecret, loadLocalEnv } from "../lib/config/local-env";

/**
 * What every way of running the app needs first: a secret for sessions and a migrated database.
 * It never creates users: the demo merchant exists only when `npm run demo` asks for it.
 */
export async function prepareEnvironment({ envFile = ".env.local" } = {}) {
  loadLocalEnv(envFile);
  if (ensureAuthSecret(envFile) === "generated") console.log(`Generated AUTH_SECRET into ${envFile}`);
  const handle = openDatabase();
  try {
    const applied = await migrateToLatest(handle.write);
    console.log(applied.length ? `Database migrated: ${applied.join(", ")}` : "Database is up to date");
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareEnvironment();
