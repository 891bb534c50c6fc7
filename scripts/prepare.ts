import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate-to-latest";
import { ensureAuthSecret, loadLocalEnv } from "../lib/config/local-env";

/** What every way of running the app needs first: a secret for sessions and a migrated database. */
export async function prepareEnvironment() {
  loadLocalEnv();
  if (ensureAuthSecret() === "generated") console.log("Generated AUTH_SECRET into .env.local");
  const handle = openDatabase();
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Database migrated: ${applied.join(", ")}` : "Database is up to date");
  } finally {
    handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareEnvironment();
