import { openDatabase } from "./client";
import { migrateToLatest } from "./migrate-to-latest";
import { loadLocalEnv } from "../lib/config/local-env";

loadLocalEnv();
const handle = openDatabase();
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  handle.close();
}
