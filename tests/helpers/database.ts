import { afterAll, beforeAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, useDatabase, type DatabaseHandle } from "@/db/client";
import { migrateToLatest } from "@/db/migrate-to-latest";

/** A fresh, migrated libSQL file for this test file, installed as the process's database. */
export function useTestDatabase(): { readonly handle: DatabaseHandle } {
  const state = {} as { handle: DatabaseHandle; dir: string };
  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), "shipdeck-test-"));
    state.handle = openDatabase(`file:${join(state.dir, "test.db")}`);
    useDatabase(state.handle);
    await migrateToLatest(state.handle.db);
  });
  afterAll(() => {
    state.handle?.close();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return {
    get handle() {
      return state.handle;
    },
  };
}
