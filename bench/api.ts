/**
 * npm run bench:api — orders in through the REST API.
 * 100,000 orders as `POST /api/v1/orders/createorders` batches of 100 from 4 concurrent clients over
 * HTTP to `next start` (rate limit raised for the run), then the same batches again (all
 * unchanged). In the same run, the floor: `importOrders` in-process with the same batches.
 */
import { migrateToLatest } from "@/db/migrate-to-latest";
import { createApiKey } from "@/lib/auth/api-keys";
import { signUpUser } from "@/lib/auth/sign-up";
import { importOrders } from "@/lib/orders/import-orders";
import { shipStationOrderInputSchema, toNormalizedOrder } from "@/lib/orders/shipstation-order";
import { shipStationBatches } from "./api-bodies";
import { freshDatabase, percentile, reportResults, round, startServer, stopServer } from "./support";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const BATCH = 100;
const CLIENTS = 4;
const PORT = 3211;

const batches = shipStationBatches(ORDERS, BATCH);

// Over HTTP.
const HTTP_DB = "bench/.data/api.db";
const handle = freshDatabase(HTTP_DB);
await migrateToLatest(handle.write);
const { workspaceId } = await signUpUser({ name: "API Bench", email: "api@bench.test", password: "bench-password" });
const { key, secret } = await createApiKey(workspaceId, { name: "bench" });
await handle.close();

const authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
const url = `http://localhost:${PORT}/api/v1/orders/createorders`;

async function sendAll(label: string): Promise<{ seconds: number; latencies: number[]; outcomes: number }> {
  let next = 0;
  let successes = 0;
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const sent = performance.now();
        const response = await fetch(url, { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(batch) });
        const answer = (await response.json()) as { hasErrors: boolean; results: { success: boolean }[] };
        latencies.push(performance.now() - sent);
        if (response.status !== 200 || answer.hasErrors) throw new Error(`${label}: batch failed with ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
        successes += answer.results.length;
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, latencies, outcomes: successes };
}

const server = await startServer({ DATABASE_URL: `file:./${HTTP_DB}`, API_RATE_LIMIT_PER_MINUTE: "100000000" }, PORT);
let first: Awaited<ReturnType<typeof sendAll>>;
let resend: Awaited<ReturnType<typeof sendAll>>;
try {
  // A few batches of other orders warm the server's code paths; not timed.
  for (let i = 0; i < 5; i++) {
    await fetch(url, { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(batches[0].map((order) => ({ ...order, orderKey: `warm-${i}-${order.orderKey}` }))) });
  }
  first = await sendAll("first");
  resend = await sendAll("resend");
} finally {
  stopServer(server);
}
console.log(`HTTP: ${ORDERS} orders in ${first.seconds.toFixed(1)} s, re-sent in ${resend.seconds.toFixed(1)} s`);

// The floor: the same batches, parsed and converted as the route does, straight into importOrders.
const floorHandle = freshDatabase("bench/.data/api-floor.db");
await migrateToLatest(floorHandle.write);
const floorMerchant = await signUpUser({ name: "Floor", email: "floor@bench.test", password: "bench-password" });
const floorStart = performance.now();
for (const batch of batches) {
  const orders = batch.map((body) => toNormalizedOrder(shipStationOrderInputSchema.parse(body), { timeZone: "America/Los_Angeles", orderKey: body.orderKey }));
  await importOrders(floorMerchant.workspaceId, floorMerchant.manualStoreId, orders, { source: "api" });
}
const floorSeconds = (performance.now() - floorStart) / 1000;
floorHandle.close();

const ordersPerSecond = ORDERS / first.seconds;
const floorOrdersPerSecond = ORDERS / floorSeconds;
const resendSpeedup = first.seconds / resend.seconds;
const shareOfFloor = ordersPerSecond / floorOrdersPerSecond;
reportResults("api", {
  command: "npm run bench:api",
  orders: ORDERS,
  batch_size: BATCH,
  clients: CLIENTS,
  orders_per_s: round(ordersPerSecond, 0),
  floor_orders_per_s: round(floorOrdersPerSecond, 0),
  share_of_floor: round(shareOfFloor, 2),
  resend_orders_per_s: round(ORDERS / resend.seconds, 0),
  resend_speedup: round(resendSpeedup, 2),
  batch_p95_ms: percentile(first.latencies, 95),
  resend_batch_p95_ms: percentile(resend.latencies, 95),
  targets: { orders_per_s: 2000, share_of_floor: 0.4, resend_speedup: 2 },
  met: ordersPerSecond >= 2000 && shareOfFloor >= 0.4 && resendSpeedup >= 2,
});
