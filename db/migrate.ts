import { openDatabase } from "./database";
import { migrateToLatest } from "./migrate-to-latest";
import { checkDatabaseReachable, checkSettings, ConfigError } from "../lib/config/check-config";
import { loadLocalEnv } from "../lib/config/local-env";

loadLocalEnv();
const handle = openDatabase();
try {
  checkSettings();
  await checkDatabaseReachable(handle, process.env.DATABASE_URL || "file:./data/shipdeck.db");
  const applied = await migrateToLatest(handle.write);
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date");
} catch (error) {
  console.error(error instanceof ConfigError ? `Shipdeck cannot migrate. ${error.message}` : error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close().catch(() => undefined);
}
