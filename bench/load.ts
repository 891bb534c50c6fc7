/**
 * npm run bench:load — the server under a busy hour, on the embedded database.
 *
 * 50 API clients for 60 s against `next start` (each loop: 60 % list a page of orders, 25 % get
 * one order, 15 % createorders with 20 new orders), while, at the same time, a merchant imports a
 * 20,000-order CSV the way the import page does and the cron route ticks every 10 s, importing a
 * fake Shopify store (its own process) of 5,000 orders. Throughput, p50/p99 per kind, the error
 * rate (every answer that is not 2xx and not 429 counts; target 0), and the server's memory at the
 * end against the start.
 */
import { execSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { migrateToLatest } from "@/db/migrate-to-latest";
import { createApiKey } from "@/lib/auth/api-keys";
import { signUpUser } from "@/lib/auth/sign-up";
import { decodeCsvBytes } from "@/lib/csv/decode";
import { parseCsvText } from "@/lib/csv/parse";
import { buildCsvChunk, CHUNKS_IN_FLIGHT, planCsvChunks } from "@/lib/csv/plan-chunks";
import { groupCsvRows } from "@/lib/csv/rows-to-orders";
import { suggestMapping } from "@/lib/csv/suggest-mapping";
import { toCsv } from "@/lib/csv/write-csv";
import { generateOrders } from "@/lib/demo/generate-orders";
import { importOrders } from "@/lib/orders/import-orders";
import { ensureAuthSecret } from "@/lib/config/local-env";
import { centsToDecimalString } from "@/lib/money";
import { createStore } from "@/lib/stores/manage-stores";
import { toShipStationBody } from "./api-bodies";
import { freshDatabase, percentile, reportResults, round, signInOverHttp, startServer, stopServer } from "./support";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const SEEDED = 20_000;
const CSV_ORDERS = 20_000;
const SHOP_ORDERS = 5_000;
const PORT = 3214;
const DB = "bench/.data/load.db";
const CRON_SECRET = "load-bench-cron-secret-0123456789";
const EMAIL = "load@bench.test";
const PASSWORD = "bench-password";

// The server reads the same secret from .env.local: the store's credentials must open there.
ensureAuthSecret();

// ── The workspace: orders already there, an API key, a Shopify store behind a fake. ──
const handle = freshDatabase(DB);
await migrateToLatest(handle.write);
const merchant = await signUpUser({ name: "Load Bench", email: EMAIL, password: PASSWORD });
for (let start = 0; start < SEEDED; start += 1_000) {
  const orders = [...generateOrders(1_000, { seed: 100 + start, numberPrefix: `SEED-${start}-` })];
  await importOrders(merchant.workspaceId, merchant.manualStoreId, orders, { source: "manual" });
}
const { key, secret } = await createApiKey(merchant.workspaceId, { name: "load" });
const SHOP_TOKEN = "shpat_fake_0123456789abcdef";
const shop = spawn("npx", ["tsx", "bench/stores-fake.ts", String(SHOP_ORDERS), SHOP_TOKEN], { stdio: ["pipe", "pipe", "inherit"] });
const ready = String((await createInterface({ input: shop.stdout! })[Symbol.asyncIterator]().next()).value ?? "");
if (!ready.startsWith("ready ")) throw new Error(`fake Shopify did not start: ${ready}`);
await createStore(merchant.workspaceId, { platform: "shopify", name: "Load Shop", baseUrl: ready.slice("ready ".length), credentials: { accessToken: SHOP_TOKEN } });
await handle.close();

// ── The CSV file the merchant imports meanwhile. ──
const csvRows: string[][] = [["Order Number", "Order Date", "Ship To - Name", "Ship To - Address 1", "Ship To - City", "Ship To - State", "Ship To - Postal Code", "Ship To - Country", "Item - SKU", "Item - Name", "Item - Qty", "Item - Unit Price"]];
for (const order of generateOrders(CSV_ORDERS, { seed: 7, numberPrefix: "LOADCSV-" })) {
  const ship = order.shipTo!;
  for (const item of order.items ?? []) {
    csvRows.push([order.orderNumber, new Date(order.orderDate).toISOString(), ship.name ?? "", ship.street1 ?? "", ship.city ?? "", ship.state ?? "", ship.postalCode ?? "", ship.country ?? "", item.sku ?? "", item.name, String(item.quantity), centsToDecimalString(item.unitPrice)]);
  }
}
const csvFile = Buffer.from(toCsv(csvRows), "utf8");

const server = await startServer(
  {
    DATABASE_URL: `file:./${DB}`,
    CRON_SECRET,
    AUTO_IMPORT_TICKER: "off",
    ALLOW_PRIVATE_STORE_URLS: "1",
    API_RATE_LIMIT_PER_MINUTE: "100000000",
    API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE: "100000000",
  },
  PORT,
);
const base = `http://localhost:${PORT}`;
const authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;

/** The resident memory of the server's processes (the start script, `next start` and its workers), in MB. */
function serverRssMb(): number {
  const kb = execSync(`ps -o rss= -g ${server.pid}`).toString().trim().split(/\s+/).map(Number).filter(Number.isFinite);
  return round(kb.reduce((sum, value) => sum + value, 0) / 1024, 0);
}

type Kind = "list" | "get" | "create";
const latencies: Record<Kind, number[]> = { list: [], get: [], create: [] };
const statuses = new Map<string, number>();
const errors: string[] = [];
let rateLimited = 0;
const count = (label: string) => statuses.set(label, (statuses.get(label) ?? 0) + 1);

async function timed(kind: Kind, path: string, init: RequestInit = {}): Promise<unknown> {
  const sent = performance.now();
  try {
    const response = await fetch(`${base}${path}`, { ...init, headers: { authorization, "content-type": "application/json", ...init.headers } });
    const body = await response.json().catch(() => null);
    latencies[kind].push(performance.now() - sent);
    count(String(response.status));
    if (response.status === 429) rateLimited++;
    else if (!response.ok) errors.push(`${kind} ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    return body;
  } catch (error) {
    count("network");
    errors.push(`${kind} ${(error as Error).message}`);
    return null;
  }
}

let createdBatch = 0;
async function client(id: number, until: number) {
  let seed = id * 7919;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  while (Date.now() < until) {
    const roll = next();
    if (roll < 0.6) {
      await timed("list", `/api/v1/orders?page=${1 + Math.floor(next() * 50)}&pageSize=100`);
    } else if (roll < 0.85) {
      const page = (await timed("list", `/api/v1/orders?page=${1 + Math.floor(next() * 20)}&pageSize=5`)) as { orders?: { orderId: number }[] } | null;
      const order = page?.orders?.[Math.floor(next() * (page.orders?.length ?? 0))];
      if (order) await timed("get", `/api/v1/orders/${order.orderId}`);
    } else {
      const batch = createdBatch++;
      const orders = [...generateOrders(20, { seed: 10_000 + batch, numberPrefix: `LOAD-${batch}-` })].map((order) => toShipStationBody(order));
      await timed("create", "/api/v1/orders/createorders", { method: "POST", body: JSON.stringify(orders) });
    }
  }
}

/** The CSV import as the page runs it: every chunk read and sent, CHUNKS_IN_FLIGHT at a time, then finish. */
async function importCsv(): Promise<{ seconds: number; counts: Record<string, number> }> {
  const started = performance.now();
  const cookie = await signInOverHttp(base, EMAIL, PASSWORD);
  const headers = { cookie, origin: base, "content-type": "application/json" };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = await response.json();
    if (!response.ok) throw new Error(`CSV ${method} ${path}: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
    return answer;
  };
  const parsed = parseCsvText(decodeCsvBytes(new Uint8Array(csvFile)).text);
  const mapping = suggestMapping(parsed.headers);
  const options = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep", decimalComma: false } as const;
  const readOptions = { ...options, rowNumbers: parsed.rowNumbers, headers: parsed.headers };
  const { groups } = groupCsvRows(parsed.rows, mapping, readOptions);
  const chunks = planCsvChunks(parsed.rows, groups, new Set());
  const { importId } = await call("POST", "/api/csv-imports", {
    storeId: merchant.manualStoreId, fileName: "load.csv", options, mapping, headers: parsed.headers, totalChunks: chunks.length, totalRows: parsed.rows.length,
  });
  let next = 0;
  await Promise.all(
    Array.from({ length: CHUNKS_IN_FLIGHT }, async () => {
      while (next < chunks.length) {
        const index = next++;
        const { entries } = buildCsvChunk(parsed.rows, mapping, readOptions, chunks[index], new Set());
        await call("PUT", `/api/csv-imports/${importId}/chunks/${index}`, { orders: entries });
      }
    }),
  );
  const finished = await call("POST", `/api/csv-imports/${importId}/finish`);
  return { seconds: (performance.now() - started) / 1000, counts: finished.counts };
}

const ticks: { status: number; imported?: number; ms?: number }[] = [];
async function cron(until: number) {
  while (Date.now() < until) {
    const response = await fetch(`${base}/api/cron/import`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    const body = (await response.json().catch(() => ({}))) as { imported?: number; ms?: number };
    ticks.push({ status: response.status, imported: body.imported, ms: body.ms });
    if (response.status !== 200) errors.push(`cron ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}

let csv: Awaited<ReturnType<typeof importCsv>> | null = null;
let rssStart = 0;
let rssEnd = 0;
let seconds = 0;
try {
  // Warm every route once, not timed.
  for (let i = 0; i < 20; i++) await timed("list", `/api/v1/orders?page=1&pageSize=100`);
  latencies.list.length = 0;
  statuses.clear();
  rssStart = serverRssMb();
  const started = Date.now();
  const until = started + SECONDS * 1000;
  const [csvResult] = await Promise.all([
    importCsv().catch((error: Error) => {
      errors.push(error.message);
      return null;
    }),
    cron(until),
    ...Array.from({ length: CLIENTS }, (_, id) => client(id + 1, until)),
  ]);
  csv = csvResult;
  seconds = (Date.now() - started) / 1000;
  rssEnd = serverRssMb();
} finally {
  stopServer(server);
  shop.stdin!.write("quit\n");
}

const requests = latencies.list.length + latencies.get.length + latencies.create.length;
const all = [...latencies.list, ...latencies.get, ...latencies.create];
const nonRateLimitErrors = errors.length;
if (errors.length) console.log(`First errors:\n${errors.slice(0, 10).join("\n")}`);
reportResults("load", {
  command: "npm run bench:load",
  clients: CLIENTS,
  seconds: round(seconds, 1),
  requests,
  requests_per_s: round(requests / seconds, 0),
  p50_ms: percentile(all, 50),
  p99_ms: percentile(all, 99),
  list_p50_ms: percentile(latencies.list, 50),
  list_p99_ms: percentile(latencies.list, 99),
  get_p50_ms: percentile(latencies.get, 50),
  get_p99_ms: percentile(latencies.get, 99),
  createorders_p50_ms: percentile(latencies.create, 50),
  createorders_p99_ms: percentile(latencies.create, 99),
  orders_created_over_api: latencies.create.length * 20,
  statuses: Object.fromEntries(statuses),
  rate_limited: rateLimited,
  errors: nonRateLimitErrors,
  error_rate: round(nonRateLimitErrors / Math.max(1, requests), 5),
  csv_import: csv ? { orders: CSV_ORDERS, seconds: round(csv.seconds, 1), counts: csv.counts } : "failed",
  cron_ticks: ticks.length,
  cron_imported_stores: ticks.reduce((sum, tick) => sum + (tick.imported ?? 0), 0),
  server_rss_start_mb: rssStart,
  server_rss_end_mb: rssEnd,
  targets: { errors: 0 },
  met: nonRateLimitErrors === 0,
});
