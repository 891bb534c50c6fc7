/**
 * npm run bench:cron — auto-import's tick at scale. 2,000 Shopify stores across 20 workspaces,
 * all due, pointing at a fake Shopify in its own process (3 orders each, one page; its call
 * bucket made large, as the figure is Shipdeck's). Times the claim (reading the due stores,
 * ordering them fairly, one conditional UPDATE … RETURNING) with all 2,000 due, then runs ticks
 * back to back, as the cron would, until every store is imported: stores imported per minute.
 */
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { db } from "@/db/database";
import { migrateToLatest } from "@/db/migrate-to-latest";
import { signUpUser } from "@/lib/auth/sign-up";
import { ensureAuthSecret } from "@/lib/config/local-env";
import { claimDueStores, runImportTick } from "@/lib/imports/import-tick";
import { TICK_BUDGET_MS } from "@/lib/imports/import-ticker";
import { createStore } from "@/lib/stores/manage-stores";
import { freshDatabase, percentile, reportResults, round } from "./support";

// The fake Shopify listens on 127.0.0.1, which store imports refuse unless the operator allows it.
process.env.ALLOW_PRIVATE_STORE_URLS ??= "1";

const WORKSPACES = 20;
const STORES_PER_WORKSPACE = Number(process.env.BENCH_STORES_PER_WORKSPACE ?? 100);
const STORES = WORKSPACES * STORES_PER_WORKSPACE;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TOKEN = "shpat_bench_0123456789abcdef";
const CLAIM_SAMPLES = 50;

ensureAuthSecret();

const shop = spawn("npx", ["tsx", "bench/stores-fake.ts", "3", TOKEN], { stdio: ["pipe", "pipe", "inherit"] });
const ready = String((await createInterface({ input: shop.stdout! })[Symbol.asyncIterator]().next()).value ?? "");
if (!ready.startsWith("ready ")) throw new Error(`fake Shopify did not start: ${ready}`);
const shopUrl = ready.slice("ready ".length);

const handle = freshDatabase("bench/.data/cron.db");
await migrateToLatest(handle.write);
const setupStart = performance.now();
for (let w = 0; w < WORKSPACES; w++) {
  const { workspaceId } = await signUpUser({ name: `Cron ${w}`, email: `cron${w}@bench.test`, password: "bench-password" });
  for (let s = 0; s < STORES_PER_WORKSPACE; s++) {
    await createStore(workspaceId, { platform: "shopify", name: `Shop ${w}-${s}`, baseUrl: shopUrl, credentials: { accessToken: TOKEN } });
  }
}
console.log(`${STORES} stores in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

// The claim with every store due, a batch as a tick claims it (two per import slot): claimed, then given back, CLAIM_SAMPLES times.
const claimTimes: number[] = [];
for (let i = 0; i < CLAIM_SAMPLES; i++) {
  const owner = `bench:${randomUUID()}`;
  const started = performance.now();
  const claimed = await claimDueStores(owner, Date.now(), CONCURRENCY * 2);
  claimTimes.push(performance.now() - started);
  if (claimed.length !== CONCURRENCY * 2) throw new Error(`claimed ${claimed.length}`);
  await db.write.updateTable("stores").set({ lease_owner: null, lease_until: null }).where("lease_owner", "=", owner).execute();
}

// Ticks back to back until every store is imported.
const sleep = async () => {};
const ticks = [];
const importStart = performance.now();
for (;;) {
  const tick = await runImportTick({ budgetMs: TICK_BUDGET_MS, concurrency: CONCURRENCY, sleep });
  if (tick.claimed === 0) break;
  ticks.push(tick);
}
const seconds = (performance.now() - importStart) / 1000;
const imported = ticks.reduce((sum, tick) => sum + tick.imported, 0);
const failed = ticks.reduce((sum, tick) => sum + tick.failed, 0);
const orders = Number((await db.read.selectFrom("orders").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
shop.stdin!.write("quit\n");
await handle.close();

reportResults("cron", {
  command: "npm run bench:cron",
  stores: STORES,
  workspaces: WORKSPACES,
  concurrency: CONCURRENCY,
  claim_ms: percentile(claimTimes, 50),
  claim_p95_ms: percentile(claimTimes, 95),
  ticks: ticks.length,
  stores_per_tick: round(imported / ticks.length, 1),
  imported,
  failed,
  orders,
  import_s: round(seconds, 1),
  stores_per_min: Math.round((imported / seconds) * 60),
  tick_ms_p95: percentile(ticks.map((tick) => tick.ms), 95),
});
