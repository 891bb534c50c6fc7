import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkSettings, ConfigError, databaseProblem } from "@/lib/config/check-config";

const problemOf = (env: Record<string, string | undefined>) => {
  try {
    checkSettings(env);
    return null;
  } catch (error) {
    return error instanceof ConfigError ? `${error.setting}: ${error.cause}` : error;
  }
};

describe("settings that stop a start, each named with its cause", () => {
  it("accepts the defaults, a file and a Turso URL with its token", () => {
    expect(problemOf({})).toBeNull();
    expect(problemOf({ DATABASE_URL: "file:./data/shipdeck.db" })).toBeNull();
    expect(problemOf({ DATABASE_URL: "libsql://shop.turso.io", DATABASE_AUTH_TOKEN: "token" })).toBeNull();
    expect(problemOf({ DATABASE_URL: "http://127.0.0.1:8080" })).toBeNull();
  });

  it("names DATABASE_URL when it is not a libSQL URL, and DATABASE_AUTH_TOKEN when Turso's is missing", () => {
    expect(problemOf({ DATABASE_URL: "postgres://user:pw@db/x" })).toMatch(/^DATABASE_URL: "postgres:\/\/db\/x" is not a libSQL URL/);
    expect(problemOf({ DATABASE_URL: " " })).toMatch(/^DATABASE_URL: is set but empty/);
    expect(problemOf({ DATABASE_URL: "libsql://shop.turso.io" })).toMatch(/^DATABASE_AUTH_TOKEN: is missing/);
    expect(problemOf({ STORE_CREDENTIALS_KEY: "short" })).toMatch(/^STORE_CREDENTIALS_KEY: is 5 characters/);
  });

  it("reads an unreachable database as DATABASE_URL's problem and a refused token as the token's, never echoing a token", () => {
    const refused = Object.assign(new Error("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5999"), { code: "ECONNREFUSED" }) });
    expect(databaseProblem(refused, "http://127.0.0.1:5999").message).toBe("DATABASE_URL: cannot reach http://127.0.0.1:5999 (connect ECONNREFUSED 127.0.0.1:5999)");
    expect(databaseProblem(new Error("SERVER_ERROR: 401 Unauthorized"), "libsql://shop.turso.io?authToken=secret").message).toMatch(/^DATABASE_AUTH_TOKEN: libsql:\/\/shop\.turso\.io refused it/);
    expect(databaseProblem(new Error("x"), "libsql://shop.turso.io?authToken=secret").message).not.toContain("secret");
  });

  it("stops `npm start`'s preparation with one line and exit code 1", () => {
    const run = spawnSync("npx", ["tsx", "scripts/prepare.ts"], { env: { ...process.env, DATABASE_URL: "http://127.0.0.1:5999" }, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("Shipdeck cannot start. DATABASE_URL: cannot reach http://127.0.0.1:5999 (connect ECONNREFUSED 127.0.0.1:5999)");
    expect(run.stdout).toBe("");
  });
});
