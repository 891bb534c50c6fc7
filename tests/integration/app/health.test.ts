import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { runImportTick } from "@/lib/imports/import-tick";
import { checkHealth } from "@/lib/health/check-health";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";

useTestDatabase();

describe("GET /api/health", () => {
  it("answers without a session: the database and the scheduler's last tick", async () => {
    const { GET } = await import("@/app/api/health/route");
    const before = await callRoute(GET, "/api/health");
    expect(before).toMatchObject({ status: 200, json: { status: "degraded", database: { ok: true }, scheduler: { lastTickAt: null, ok: false } } });

    await runImportTick({ budgetMs: 5_000 });
    const after = await callRoute(GET, "/api/health");
    expect(after).toMatchObject({ status: 200, json: { status: "ok", database: { ok: true }, scheduler: { driver: "in-process", ok: true, secondsSinceLastTick: expect.any(Number) } } });
    expect(Date.parse(after.json.scheduler.lastTickAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("says the scheduler is late after five missed ticks, and that a cron without CRON_SECRET can't get in", async () => {
    await runImportTick({ budgetMs: 5_000 });
    const tick = await db.read.selectFrom("scheduler_heartbeat").select("last_tick_at").executeTakeFirstOrThrow();
    expect((await checkHealth({}, tick.last_tick_at + 6 * 60_000)).scheduler).toMatchObject({ ok: false, secondsSinceLastTick: 360 });
    expect(await checkHealth({ VERCEL: "1" }, tick.last_tick_at)).toMatchObject({ status: "degraded", scheduler: { driver: "vercel-cron", cronSecretConfigured: false, ok: false } });
    expect(await checkHealth({ VERCEL: "1", CRON_SECRET: "x" }, tick.last_tick_at)).toMatchObject({ status: "ok" });
  });
});
