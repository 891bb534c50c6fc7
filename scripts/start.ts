/**
 * `npm start`: secret, migrations, a production build when the sources are newer than the last
 * one, then `next start`. `npm run demo` (--demo) also seeds the demo merchant; `--fresh` starts
 * from an empty database file (the e2e tests use it).
 */
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_DATABASE_URL, openDatabase, useDatabase } from "../db/database";
import { loadLocalEnv } from "../lib/config/local-env";
import { exitOnConfigError, prepareEnvironment } from "./prepare";

const flags = new Set(process.argv.slice(2));
loadLocalEnv();
const databaseUrl = (process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL);

if (flags.has("--fresh")) {
  if (!databaseUrl.startsWith("file:")) throw new Error("--fresh only deletes a local file database");
  const path = databaseUrl.slice("file:".length);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}

await prepareEnvironment().catch(exitOnConfigError);

if (flags.has("--demo")) {
  const { seedDemoWorkspace } = await import("../lib/demo/seed-demo-workspace");
  const handle = openDatabase();
  useDatabase(handle);
  const demo = await seedDemoWorkspace(Number(process.env.DEMO_ORDER_COUNT) || 3000);
  await handle.close();
  console.log(`${demo.created ? "Seeded" : "Found"} the demo workspace. Sign in as ${demo.email} / ${demo.password}`);
}

const SOURCE_DIRS = ["app", "lib", "db", "public"];
const SOURCE_FILES = ["next.config.ts", "proxy.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestSourceChange(): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  [...SOURCE_DIRS, ...SOURCE_FILES].forEach(visit);
  return newest;
}

const buildId = join(".next", "BUILD_ID");
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceChange()) {
  console.log("Building the app (next build)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT || "3000";
console.log(`Shipdeck is starting on http://localhost:${port}`);
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
