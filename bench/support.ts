import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { openDatabase, useDatabase } from "@/db/database";
import { cpus, totalmem } from "node:os";
import { dirname } from "node:path";

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, index)]);
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function machine() {
  return { cpu: cpus()[0]?.model.trim(), cores: cpus().length, memory_gib: round(totalmem() / 2 ** 30, 0), node: process.version };
}

/** Prints the figures as one JSON line and saves them to bench/results/<name>.json. */
export function reportResults(name: string, figures: Record<string, unknown>) {
  const result = { bench: name, date: new Date().toISOString(), machine: machine(), ...figures };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
}

/**
 * `npm start`'s path (migrate, build when stale, `next start`) against the given database;
 * resolves when it answers. BENCH_SERVER_PROFILE=<dir> runs `next start` itself (the build
 * must be current) under `node --cpu-prof`, writing the server's CPU profile there on stop.
 */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const profileDir = process.env.BENCH_SERVER_PROFILE;
  const command = profileDir
    ? ["node", ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "node_modules/next/dist/bin/next", "start", "-p", String(port)]] as const
    : ["npx", ["tsx", "scripts/start.ts"]] as const;
  const server = spawn(command[0], [...command[1]], {
    env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const response = await fetch(`http://localhost:${port}/sign-in`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("server did not start in 5 minutes");
}

export function stopServer(server: ChildProcess) {
  // SIGINT lets a profiled server write its profile before it exits.
  if (server.pid) process.kill(-server.pid, process.env.BENCH_SERVER_PROFILE ? "SIGINT" : "SIGTERM");
}

/** Signs in through Auth.js's own endpoints, as a browser would, and returns the session cookie header. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/orders` }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in failed with status ${response.status}`);
  return session;
}

/** Deletes a database file with its WAL and shared-memory files, leaving its folder ready for a new one. */
export function removeDatabaseFiles(path: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  mkdirSync(dirname(path), { recursive: true });
}

/** A new, empty database file (under the repository), installed as the process's database. */
export function freshDatabase(path: string) {
  removeDatabaseFiles(path);
  const handle = openDatabase(`file:./${path}`);
  useDatabase(handle);
  return handle;
}
