/**
 * npm run bench:csv — a 100,000-order CSV (≈200,000 rows, ≈45 MB) imported as the import page
 * does: decode, papaparse parse, suggested mapping, grouping, fingerprinting a sample of the
 * orders and asking which are unchanged (the rest fingerprinted and asked about only when some
 * of the sample are), then each chunk read and fingerprinted just before it is sent over HTTP to
 * `next start` (as many in flight as the page sends), to the last committed order; then the same
 * file again. In the same run, the floor: papaparse parse plus multi-row INSERT of the same orders
 * and items into a bare libSQL file in one transaction. Each of ROUNDS rounds imports into a new
 * workspace; the figures are medians. Also the server's peak RSS.
 */
import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { createClient } from "@libsql/client";
import { migrateToLatest } from "@/db/migrate-to-latest";
import { signUpUser } from "@/lib/auth/sign-up";
import { decodeCsvBytes } from "@/lib/csv/decode";
import { parseCsvText } from "@/lib/csv/parse";
import type { CsvFingerprint, CsvOrderResult } from "@/lib/csv/import-protocol";
import { buildCsvChunk, CHUNKS_IN_FLIGHT, findUnchangedOrders, fingerprintsOf, planCsvChunks, splitFingerprintSample } from "@/lib/csv/plan-chunks";
import { groupCsvRows, type CsvRowGroup } from "@/lib/csv/rows-to-orders";
import { suggestMapping } from "@/lib/csv/suggest-mapping";
import { toCsv } from "@/lib/csv/write-csv";
import { generateOrders } from "@/lib/demo/generate-orders";
import { centsToDecimalString } from "@/lib/money";
import { percentile, reportResults, round, signInOverHttp, startServer, stopServer, freshDatabase, removeDatabaseFiles } from "./support";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? CHUNKS_IN_FLIGHT);
/** Each round imports the file twice into its own new workspace; the figures are the rounds' medians. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = 3212;
const DB_PATH = "bench/.data/csv.db";

// ── The file: ShipStation-style columns, one row per item (≈2 items per order). ──
const HEADERS = [
  "Order Number", "Order Date", "Order Status", "Customer Email", "Ship To - Name", "Ship To - Address 1", "Ship To - City",
  "Ship To - State", "Ship To - Postal Code", "Ship To - Country", "Ship To - Phone", "Amount Paid", "Tax Paid", "Shipping Paid",
  "Requested Service", "Item - SKU", "Item - Name", "Item - Qty", "Item - Unit Price", "Item - Weight (oz)",
];
const money = (cents: number | null | undefined) => (cents == null ? "" : centsToDecimalString(cents));
/** The file's bytes, as a merchant would pick it; the rows it was written from are not kept, as no browser holds them. */
function writeBenchFile(): { file: Buffer; rowCount: number } {
  const rows: string[][] = [HEADERS];
  for (const order of generateOrders(ORDERS, { seed: 11, numberPrefix: "CSV-" })) {
    for (const item of order.items ?? []) {
      const ship = order.shipTo!;
      rows.push([
        order.orderNumber, new Date(order.orderDate).toISOString(), order.status === "shipped" || order.status === "cancelled" ? "awaiting_shipment" : order.status,
        order.customerEmail ?? "", ship.name ?? "", ship.street1 ?? "", ship.city ?? "", ship.state ?? "", ship.postalCode ?? "", ship.country ?? "", ship.phone ?? "",
        money(order.amountPaid), money(order.taxAmount), money(order.shippingAmount), order.requestedShippingService ?? "",
        item.sku ?? "", item.name, String(item.quantity), money(item.unitPrice), String(item.weightOz ?? ""),
      ]);
    }
  }
  return { file: Buffer.from(toCsv(rows), "utf8"), rowCount: rows.length - 1 };
}
const { file, rowCount } = writeBenchFile();
console.log(`File: ${ORDERS.toLocaleString()} orders, ${rowCount.toLocaleString()} rows, ${(file.length / 1e6).toFixed(1)} MB`);

const OPTIONS = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" } as const;

/** What the browser does with the file before anything is read: decode, parse, map, group. */
function prepare(bytes: Uint8Array) {
  const { text } = decodeCsvBytes(bytes);
  const parsed = parseCsvText(text);
  const mapping = suggestMapping(parsed.headers);
  const readOptions = { ...OPTIONS, headers: parsed.headers, rowNumbers: parsed.rowNumbers };
  const grouped = groupCsvRows(parsed.rows, mapping, readOptions);
  if (grouped.errors.length) throw new Error(`row errors: ${JSON.stringify(grouped.errors.slice(0, 3))}`);
  return { parsed, mapping, readOptions, groups: grouped.groups };
}

// ── The floor: parse, then one transaction of multi-row INSERTs into a bare libSQL file. ──
const FLOOR_PATH = "bench/.data/csv-floor.db";
async function measureFloor(): Promise<number> {
  removeDatabaseFiles(FLOOR_PATH);
  const floorClient = createClient({ url: `file:./${FLOOR_PATH}` });
  await floorClient.execute("PRAGMA journal_mode=WAL");
  await floorClient.execute(`CREATE TABLE orders (id INTEGER PRIMARY KEY, number TEXT, order_date TEXT, status TEXT, email TEXT, name TEXT, street1 TEXT,
    city TEXT, state TEXT, postal_code TEXT, country TEXT, phone TEXT, amount_paid TEXT, tax TEXT, shipping TEXT, service TEXT)`);
  await floorClient.execute("CREATE TABLE items (order_id INTEGER, sku TEXT, name TEXT, quantity TEXT, unit_price TEXT, weight TEXT)");
  const floorStart = performance.now();
  const floorRows = parseCsvText(decodeCsvBytes(file).text).rows;
  const orderIds = new Map<string, number>();
  const orderValues: string[][] = [];
  const itemValues: (string | number)[][] = [];
  for (const row of floorRows) {
    let id = orderIds.get(row[0]);
    if (id === undefined) {
      id = orderIds.size + 1;
      orderIds.set(row[0], id);
      orderValues.push([String(id), ...row.slice(0, 15)]);
    }
    itemValues.push([id, ...row.slice(15)]);
  }
  const multiRow = (table: string, width: number, values: (string | number)[][]) => {
    const statements = [];
    const per = Math.floor(30_000 / width);
    for (let i = 0; i < values.length; i += per) {
      const chunk = values.slice(i, i + per);
      statements.push({ sql: `INSERT INTO ${table} VALUES ${chunk.map(() => `(${Array(width).fill("?").join(",")})`).join(",")}`, args: chunk.flat() });
    }
    return statements;
  };
  await floorClient.batch([...multiRow("orders", 16, orderValues), ...multiRow("items", 6, itemValues)], "write");
  const seconds = (performance.now() - floorStart) / 1000;
  floorClient.close();
  return seconds;
}
// Measured first, while this process holds little else, so the floor is not slowed by the imports' garbage.
const floors: number[] = [];
for (let round = 0; round < ROUNDS; round++) floors.push(await measureFloor());

// ── Over HTTP to next start. ──
const handle = freshDatabase(DB_PATH);
await migrateToLatest(handle.write);
const merchants = [];
for (let round = 0; round < ROUNDS; round++) merchants.push(await signUpUser({ name: `CSV Bench ${round}`, email: `csv${round}@bench.test`, password: "bench-password" }));
await handle.close();

const server = await startServer({ DATABASE_URL: `file:./${DB_PATH}` }, PORT);
const base = `http://localhost:${PORT}`;
type Run = { seconds: number; latencies: number[]; counts: Record<string, number> };
const firsts: Run[] = [];
const agains: Run[] = [];
let peakRssMb = 0;
try {
  for (const [round, merchant] of merchants.entries()) {
    const cookie = await signInOverHttp(base, `csv${round}@bench.test`, "bench-password");
    const headers = { cookie, origin: base, "content-type": "application/json" };
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const answer = await response.json();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
      return answer;
    };

    const importFile = async () => {
      const start = performance.now();
      const { parsed, mapping, readOptions, groups } = prepare(file);
      // Which orders are as this file last imported them, asked as the import page asks.
      const fingerprints = (list: CsvRowGroup[]) => fingerprintsOf(parsed.rows, mapping, readOptions, list);
      const { sample, rest } = splitFingerprintSample(groups.filter((group) => group.number !== null));
      const ask = async (orders: CsvFingerprint[]) =>
        ((await call("POST", "/api/csv-imports/preview", { storeId: merchant.manualStoreId, orders })).results as CsvOrderResult[])
          .filter((result) => result.outcome === "unchanged")
          .map((result) => result.orderNumber);
      const unchanged = new Set(await findUnchangedOrders(fingerprints(sample), () => fingerprints(rest), ask));
      const chunks = planCsvChunks(parsed.rows, groups, unchanged);
      const { importId } = await call("POST", "/api/csv-imports", {
        storeId: merchant.manualStoreId, fileName: "bench.csv", options: OPTIONS, mapping, headers: parsed.headers, totalChunks: chunks.length, totalRows: parsed.rows.length,
      });
      // Each chunk is read just before it is sent, so reading overlaps the server's work on the chunks before.
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < chunks.length) {
            const index = next++;
            const { entries, errors } = buildCsvChunk(parsed.rows, mapping, readOptions, chunks[index], unchanged);
            if (errors.length) throw new Error(`row errors: ${JSON.stringify(errors.slice(0, 3))}`);
            const sent = performance.now();
            await call("PUT", `/api/csv-imports/${importId}/chunks/${index}`, { orders: entries });
            latencies.push(performance.now() - sent);
          }
        }),
      );
      const finished = await call("POST", `/api/csv-imports/${importId}/finish`);
      return { seconds: (performance.now() - start) / 1000, latencies, counts: finished.counts as Record<string, number> };
    };

    const first = await importFile();
    console.log(`Round ${round + 1}, first import: ${first.seconds.toFixed(1)} s ${JSON.stringify(first.counts)}`);
    const again = await importFile();
    console.log(`Round ${round + 1}, re-import: ${again.seconds.toFixed(1)} s ${JSON.stringify(again.counts)}`);
    firsts.push(first);
    agains.push(again);
  }
  // The peak resident set of the Next.js server process over the whole run.
  const pid = execSync(`pgrep -f "next-server" | head -1`).toString().trim();
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  peakRssMb = hwm ? Number(hwm[1]) / 1024 : 0;
} finally {
  stopServer(server);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const floorSeconds = median(floors);
const firstSeconds = median(firsts.map((run) => run.seconds));
const againSeconds = median(agains.map((run) => run.seconds));
const samples = (values: number[]) => values.map((value) => round(value, 2));

reportResults("csv", {
  command: "npm run bench:csv",
  orders: ORDERS,
  rows: rowCount,
  file_mb: round(file.length / 1e6, 1),
  rounds: ROUNDS,
  chunks_in_flight: IN_FLIGHT,
  floor_s: round(floorSeconds, 2),
  first_s: round(firstSeconds, 2),
  reimport_s: round(againSeconds, 2),
  first_ratio: round(firstSeconds / floorSeconds, 2),
  reimport_ratio: round(againSeconds / floorSeconds, 2),
  peak_rss_mb: round(peakRssMb, 0),
  floor_samples_s: samples(floors),
  first_samples_s: samples(firsts.map((run) => run.seconds)),
  reimport_samples_s: samples(agains.map((run) => run.seconds)),
  chunk_p95_ms: percentile(firsts.flatMap((run) => run.latencies), 95),
  first_counts: firsts[0].counts,
  reimport_counts: agains[0].counts,
  targets: { first_ratio: 2.5, reimport_ratio: 1.5, peak_rss_mb: 700 },
  met: firstSeconds / floorSeconds <= 2.5 && againSeconds / floorSeconds <= 1.5 && peakRssMb <= 700,
});
