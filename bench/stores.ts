/**
 * npm run bench:stores — a store import at scale.
 * A fake Shopify holds 50,000 orders (250 a page). Times the first import through the real
 * connector and importStore, then an incremental import after 100 orders change; in the same
 * run, the floor: the same orders, mapped, straight into importOrders in-process.
 */
import { db } from "@/db/database";
import { migrateToLatest } from "@/db/migrate-to-latest";
import { signUpUser } from "@/lib/auth/sign-up";
import { ensureAuthSecret } from "@/lib/config/local-env";
import { shopifyConnector } from "@/lib/connectors/shopify";
import type { Connector } from "@/lib/connectors/types";
import type { NormalizedOrder } from "@/lib/orders/schema";
import { importStore } from "@/lib/imports/import-store";
import { importOrders } from "@/lib/orders/import-orders";
import { createStore } from "@/lib/stores/manage-stores";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { freshDatabase, reportResults, round } from "./support";

// The fake Shopify listens on 127.0.0.1, which store imports refuse unless the operator allows it.
process.env.ALLOW_PRIVATE_STORE_URLS ??= "1";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 50_000);
const CHANGED = 100;
const TOKEN = "shpat_bench_0123456789abcdef";

ensureAuthSecret();

/** The fake Shopify in a child process; resolves once it holds its orders. */
async function startShopProcess() {
  const child = spawn("npx", ["tsx", "bench/stores-fake.ts", String(ORDERS), TOKEN], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => String((await lines.next()).value ?? "");
  const ready = await nextLine();
  if (!ready.startsWith("ready ")) throw new Error(`fake Shopify did not start: ${ready}`);
  return {
    url: ready.slice("ready ".length),
    async command(command: string, expected: string) {
      child.stdin!.write(`${command}\n`);
      const answer = await nextLine();
      if (answer !== expected) throw new Error(`fake Shopify answered ${answer}`);
    },
    quit: () => child.stdin!.write("quit\n"),
  };
}
const shop = await startShopProcess();
// Real Shopify allows 2 calls a second (200 pages ≥ 100 s); the fake's bucket is made large so the
// figure is Shipdeck's own speed, and any pause the connector asks for is skipped.
const sleep = async () => {};

const handle = freshDatabase("bench/.data/stores.db");
await migrateToLatest(handle.write);
const { workspaceId } = await signUpUser({ name: "Stores Bench", email: "stores@bench.test", password: "bench-password" });
const storeId = await createStore(workspaceId, { platform: "shopify", name: "Bench shop", baseUrl: shop.url, credentials: { accessToken: TOKEN } });

// The floor replays exactly what the import received.
const received: NormalizedOrder[] = [];
const recording: Connector = {
  ...shopifyConnector,
  async *pull(connection, options) {
    for await (const page of shopifyConnector.pull(connection, options)) {
      received.push(...page.orders);
      yield page;
    }
  },
};
const firstStart = performance.now();
const first = await importStore(workspaceId, storeId, { trigger: "manual", connector: recording, sleep });
const firstSeconds = (performance.now() - firstStart) / 1000;
if (first.status !== "succeeded" || first.created !== ORDERS) throw new Error(`first import: ${JSON.stringify(first)}`);
console.log(`First import: ${ORDERS} orders in ${firstSeconds.toFixed(1)} s`);

await shop.command(`change ${CHANGED}`, "changed");
const incrementalStart = performance.now();
const incremental = await importStore(workspaceId, storeId, { trigger: "schedule", connector: shopifyConnector, sleep, now: () => Date.now() + 1 });
const incrementalSeconds = (performance.now() - incrementalStart) / 1000;
const events = await db.read.selectFrom("order_events").select((eb) => eb.fn.countAll<number>().as("n")).where("action", "=", "updated").executeTakeFirstOrThrow();
await handle.close();
console.log(`Incremental import: ${incremental.updated} updated, ${incremental.unchanged} unchanged in ${incrementalSeconds.toFixed(2)} s`);

// The floor: the same orders, already mapped, into importOrders in pages of 250.
const floorHandle = freshDatabase("bench/.data/stores-floor.db");
await migrateToLatest(floorHandle.write);
const floorMerchant = await signUpUser({ name: "Floor", email: "floor@bench.test", password: "bench-password" });
const mapped = received;
const floorStart = performance.now();
for (let start = 0; start < mapped.length; start += 250) {
  await importOrders(floorMerchant.workspaceId, floorMerchant.manualStoreId, mapped.slice(start, start + 250), { source: "shopify" });
}
const floorSeconds = (performance.now() - floorStart) / 1000;
floorHandle.close();
shop.quit();

const firstRate = ORDERS / firstSeconds;
const floorRate = ORDERS / floorSeconds;
reportResults("stores", {
  command: "npm run bench:stores",
  orders: ORDERS,
  page_size: 250,
  first_s: round(firstSeconds, 2),
  first_orders_per_s: round(firstRate, 0),
  floor_orders_per_s: round(floorRate, 0),
  first_share_of_floor: round(firstRate / floorRate, 2),
  incremental_s: round(incrementalSeconds, 3),
  changed: CHANGED,
  incremental_writes: incremental.created + incremental.updated,
  incremental_unchanged_rereads: incremental.unchanged,
  update_events: Number(events.n),
  targets: { first_share_of_floor: 0.5, incremental_s: 1, incremental_writes: CHANGED },
  met: firstRate / floorRate >= 0.5 && incrementalSeconds <= 1 && incremental.created + incremental.updated === CHANGED,
});
