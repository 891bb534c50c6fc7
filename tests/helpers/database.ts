import { afterAll, beforeAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KyselyPlugin } from "kysely";
import { getDatabase, openDatabase, useDatabase, type DatabaseHandle } from "@/db/database";
import { migrateToLatest } from "@/db/migrate-to-latest";

/** A fresh, migrated libSQL file for this test file, installed as the process's database. */
export function useTestDatabase(): { readonly handle: DatabaseHandle } {
  const state = {} as { handle: DatabaseHandle; dir: string };
  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), "shipdeck-test-"));
    state.handle = openDatabase(`file:${join(state.dir, "test.db")}`);
    useDatabase(state.handle);
    await migrateToLatest(state.handle.write);
  });
  afterAll(async () => {
    await state.handle?.close();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return {
    get handle() {
      return state.handle;
    },
  };
}

/**
 * Records every query sent through the process's handle, as "read SelectQueryNode", "write
 * UpdateQueryNode"… until `stop()`. Transactions' queries are not seen.
 */
export function recordQueries(): { queries: string[]; stop(): void } {
  const handle = getDatabase();
  const { read, write } = handle;
  const queries: string[] = [];
  const recorder = (intent: string): KyselyPlugin => ({
    transformQuery: ({ node }) => (queries.push(`${intent} ${node.kind}`), node),
    transformResult: async ({ result }) => result,
  });
  handle.read = read.withPlugin(recorder("read"));
  handle.write = write.withPlugin(recorder("write"));
  return {
    queries,
    stop() {
      handle.read = read;
      handle.write = write;
    },
  };
}
