import { afterEach, describe, expect, it, vi } from "vitest";
import { sql } from "kysely";
import { db, getDatabase, openDatabase, useDatabase, type DatabaseHandle } from "@/db/database";
import { apiRateLimitPerMinute, consumeRateLimit } from "@/lib/http/rate-limit";
import { useTestDatabase } from "../../helpers/database";

const test = useTestDatabase();

/** 12:00:00.000 UTC: the start of a window. */
const MINUTE = Date.UTC(2026, 10, 26, 12, 0, 0);
let keys = 0;
const freshKey = () => `api-key:${++keys}`;

async function consumeMany(key: string, times: number, limit: number, now: number) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await consumeRateLimit(key, limit, now));
  return results;
}

async function windowsOf(key: string) {
  return db.read.selectFrom("rate_limit_windows").select(["window_start", "count"]).where("key", "=", key).orderBy("window_start").execute();
}

/**
 * Starts `work` as another app instance would: through its own handle on the same database file.
 * consumeRateLimit takes the process's handle before its first await, so the swap can end at once
 * and calls started side by side each keep their own handle.
 */
function asInstance<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  const previous = getDatabase();
  useDatabase(handle);
  try {
    return work();
  } finally {
    useDatabase(previous);
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("apiRateLimitPerMinute", () => {
  it("is 120 unless API_RATE_LIMIT_PER_MINUTE says otherwise", () => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "");
    expect(apiRateLimitPerMinute()).toBe(120);
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "40");
    expect(apiRateLimitPerMinute()).toBe(40);
  });

  it("ignores a value that is not a positive whole number", () => {
    for (const value of ["0", "-5", "2.5", "lots"]) {
      vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", value);
      expect(apiRateLimitPerMinute()).toBe(120);
    }
  });
});

describe("consumeRateLimit", () => {
  it("counts requests within a window and refuses the 121st with nothing remaining", async () => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "");
    const limit = apiRateLimitPerMinute();
    const key = freshKey();

    const results = await consumeMany(key, 121, limit, MINUTE + 5_000);

    expect(results[0]).toEqual({ allowed: true, limit: 120, remaining: 119, resetSeconds: 55 });
    expect(results[119]).toEqual({ allowed: true, limit: 120, remaining: 0, resetSeconds: 55 });
    expect(results[120]).toEqual({ allowed: false, limit: 120, remaining: 0, resetSeconds: 55 });
    expect(results.map((result) => result.remaining)).toEqual([...Array.from({ length: 120 }, (_, i) => 119 - i), 0]);
    expect(await windowsOf(key)).toEqual([{ window_start: MINUTE, count: 121 }]);
  });

  it("keeps refusing past the limit until the window ends", async () => {
    const key = freshKey();
    await consumeMany(key, 3, 3, MINUTE);
    expect(await consumeRateLimit(key, 3, MINUTE + 30_000)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await consumeRateLimit(key, 3, MINUTE + 59_999)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it("reports the whole seconds left until the window ends", async () => {
    const key = freshKey();
    expect((await consumeRateLimit(key, 10, MINUTE)).resetSeconds).toBe(60);
    expect((await consumeRateLimit(key, 10, MINUTE + 1)).resetSeconds).toBe(60);
    expect((await consumeRateLimit(key, 10, MINUTE + 1_000)).resetSeconds).toBe(59);
    expect((await consumeRateLimit(key, 10, MINUTE + 30_500)).resetSeconds).toBe(30);
    expect((await consumeRateLimit(key, 10, MINUTE + 59_001)).resetSeconds).toBe(1);
    expect((await consumeRateLimit(key, 10, MINUTE + 59_999)).resetSeconds).toBe(1);
  });

  it("starts over in the next window and drops the key's ended windows", async () => {
    const key = freshKey();
    await consumeMany(key, 5, 5, MINUTE + 10_000);
    expect(await consumeRateLimit(key, 5, MINUTE + 59_999)).toMatchObject({ allowed: false });

    const next = await consumeRateLimit(key, 5, MINUTE + 60_000);

    expect(next).toEqual({ allowed: true, limit: 5, remaining: 4, resetSeconds: 60 });
    expect(await windowsOf(key)).toEqual([{ window_start: MINUTE + 60_000, count: 1 }]);
  });

  it("counts each key on its own", async () => {
    const busy = freshKey();
    const quiet = freshKey();
    await consumeMany(busy, 3, 3, MINUTE);
    expect(await consumeRateLimit(busy, 3, MINUTE)).toMatchObject({ allowed: false });
    expect(await consumeRateLimit(quiet, 3, MINUTE)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("now and then sweeps ended windows of keys that were never seen again", async () => {
    const gone = freshKey();
    const active = freshKey();
    await consumeRateLimit(gone, 10, MINUTE);
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    await consumeRateLimit(active, 10, MINUTE + 60_000);
    expect(await windowsOf(gone)).toHaveLength(1);

    vi.spyOn(Math, "random").mockReturnValue(0);
    await consumeRateLimit(active, 10, MINUTE + 120_000);

    expect(await windowsOf(gone)).toEqual([]);
    expect(await windowsOf(active)).toEqual([{ window_start: MINUTE + 120_000, count: 1 }]);
  });

  it("shares one count between app instances on the same database", async () => {
    const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(test.handle.read);
    const file = rows.find((row) => row.name === "main")!.file;
    const other = openDatabase(`file:${file}`);
    try {
      const key = freshKey();
      const results = [];
      for (let i = 0; i < 6; i++) {
        results.push(await asInstance(i % 2 === 0 ? test.handle : other, () => consumeRateLimit(key, 5, MINUTE + 1_000)));
      }
      expect(results.map((result) => result.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
      expect(results.map((result) => result.allowed)).toEqual([true, true, true, true, true, false]);

      // Both at once, as two servers taking requests side by side.
      const burst = freshKey();
      const together = await Promise.all(
        Array.from({ length: 20 }, (_, i) => asInstance(i % 2 === 0 ? test.handle : other, () => consumeRateLimit(burst, 10, MINUTE + 1_000))),
      );
      expect(together.filter((result) => result.allowed)).toHaveLength(10);
      expect(together.map((result) => result.remaining).sort((a, b) => b - a)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, ...Array(11).fill(0)]);
      expect(await windowsOf(burst)).toEqual([{ window_start: MINUTE, count: 20 }]);
    } finally {
      await other.close();
    }
  });
});
