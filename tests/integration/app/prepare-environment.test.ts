import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/db/database";
import { ensureAuthSecret } from "@/lib/config/local-env";
import { prepareEnvironment } from "@/scripts/prepare";

let dir: string;
const saved = { DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: process.env.AUTH_SECRET, PORT: process.env.PORT };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "shipdeck-prepare-"));
  delete process.env.AUTH_SECRET;
  process.env.DATABASE_URL = `file:${join(dir, "data", "shipdeck.db")}`;
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("preparing a fresh checkout to run", () => {
  it("generates AUTH_SECRET into the env file, migrates the database, and creates no user", async () => {
    const envFile = join(dir, ".env.local");
    await prepareEnvironment({ envFile });

    const secret = /^AUTH_SECRET=(\S+)$/m.exec(readFileSync(envFile, "utf8"))?.[1];
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(envFile).mode & 0o077).toBe(0);
    expect(existsSync(join(dir, "data", "shipdeck.db"))).toBe(true);

    const handle = openDatabase();
    try {
      const tables = await handle.read.selectFrom("kysely_migration" as never).selectAll().execute();
      expect(tables.length).toBeGreaterThan(0);
      const users = await handle.read.selectFrom("User").select("id").execute();
      expect(users).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it("keeps a secret that is already there, and running twice changes nothing", async () => {
    const envFile = join(dir, ".env.local");
    writeFileSync(envFile, "PORT=4000\nAUTH_SECRET=kept-secret\n");
    expect(ensureAuthSecret(envFile)).toBe("present");
    await prepareEnvironment({ envFile });
    await prepareEnvironment({ envFile });
    expect(readFileSync(envFile, "utf8")).toBe("PORT=4000\nAUTH_SECRET=kept-secret\n");
  });
});
