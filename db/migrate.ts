import { openDatabase } from "./database";
import { migrateToLatest } from "./migrate-to-latest";
import { loadLocalEnv } from "../lib/config/local-env";

loadLocalEnv();
const handle = openDatabase();
try {
  const applied = await migrateToLatest(handle.write);
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
