/**
 * npm run bench:rating — quotes over every rate card of a workspace.
 *
 * The workspace has the two sample cards, two cards zoned by USPS zone charts (36 origins: the
 * real charts of ../shared/reference when present, else generated ones of the same shape) and a
 * card with its own zone chart of 1,000 ZIP3 rows and 2,000 5-digit exceptions: five cards
 * (BENCH_GENERATED_CHARTS=1 uses the generated charts even when the real ones are there).
 * In-process: 100,000 random parcels quoted with `quoteParcel` over the loaded cards and charts
 * (p50/p99 per quote, quotes/s), and 10,000 through `quoteRates` (the cache check included).
 * Over HTTP: `POST /api/v1/shipments/getrates` against `next start`, one client, beside the same
 * client's `GET /api/v1/stores` (the API's own floor: auth, rate limit, one query) in the same run.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { migrateToLatest } from "@/db/migrate-to-latest";
import { createApiKey } from "@/lib/auth/api-keys";
import { signUpUser } from "@/lib/auth/sign-up";
import { seededRandom } from "@/lib/demo/generate-orders";
import { quoteParcel } from "@/lib/rating/quote";
import { quoteRates } from "@/lib/rating/quote-rates";
import { parseRateCardCsv } from "@/lib/rating/rate-card-csv";
import { loadRateCards, saveRateCard } from "@/lib/rating/rate-cards";
import type { Parcel } from "@/lib/rating/types";
import { loadUspsZoneCharts, uploadUspsZoneChart } from "@/lib/rating/zone-charts";
import { freshDatabase, percentile, reportResults, round, startServer, stopServer } from "./support";

const QUOTES = Number(process.env.BENCH_QUOTES ?? 100_000);
const FULL_QUOTES = Math.min(QUOTES, 10_000);
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 2_000);
const PORT = 3213;
const DB = "bench/.data/rating.db";
const REAL_CHARTS = "../shared/reference/rating/usps-zone-charts";
const SHIP_DATE = "2026-12-07";

// Seeded, so every run quotes the same parcels.
const next = seededRandom(20261207);
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
const zip3 = (n: number) => String(n).padStart(3, "0");
/** A percentile in ms to the microsecond (the shared `percentile` rounds to 0.1 ms). */
function percentileMs(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return round(sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))], 3);
}

/** The 36 real USPS charts as the service returned them, or charts of the same shape made up for a fresh clone. */
function zoneChartFiles(): { texts: string[]; source: string } {
  if (existsSync(REAL_CHARTS) && !process.env.BENCH_GENERATED_CHARTS) {
    const files = readdirSync(REAL_CHARTS).filter((name) => name.endsWith(".json")).sort();
    return { texts: files.map((name) => readFileSync(`${REAL_CHARTS}/${name}`, "utf8")), source: `${files.length} real USPS charts (../shared/reference)` };
  }
  const origins = Array.from({ length: 36 }, (_, i) => zip3(10 + i * 27));
  const texts = origins.map((origin, index) => {
    const zip3s = [];
    for (let from = 5; from <= 999; from += 7) {
      const to = Math.min(999, from + 6);
      zip3s.push({ ZipCodes: `${zip3(from)}---${zip3(to)}`, Zone: String(1 + ((from + index * 13) % 8)) + (from % 5 === 0 ? "+" : ""), MailService: "" });
    }
    const zip5s = zip3s.filter((row) => row.Zone.endsWith("+")).map((row) => ({ ZipCodes: `${row.ZipCodes.slice(0, 3)}00---${row.ZipCodes.slice(0, 3)}49`, Zone: "7", MailService: "Priority Mail service" }));
    return JSON.stringify({ originMin: `${origin}00`, originMax: `${origin}99`, effectiveDateRaw: "April 1, 2024", zip3s, zip5s });
  });
  return { texts, source: "36 generated charts of the USPS shape" };
}

/** A price grid in the documented CSV layout: whole ounces to 15 oz, then whole pounds to 70 lb, zones 1–9. */
function priceRows(base: number, perLb: number): string[] {
  const zones = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const rows = [`Weight (oz),${zones.map((zone) => `Zone ${zone}`).join(",")}`];
  const price = (oz: number, zone: number) => (base + (oz / 16) * perLb * (1 + zone * 0.18) + zone * 0.35).toFixed(2);
  for (let oz = 1; oz <= 15; oz++) rows.push(`${oz},${zones.map((zone) => price(oz, zone)).join(",")}`);
  for (let lb = 1; lb <= 70; lb++) rows.push(`${lb * 16},${zones.map((zone) => price(lb * 16, zone)).join(",")}`);
  return rows;
}

function uspsZonedCard(code: string, name: string, service: "priority" | "ground_advantage", base: number): string {
  return [
    "[card]", "Carrier code,usps", "Carrier name,USPS (bench prices)", `Service code,${code}`, `Service name,${name}`, "Effective from,2024-04-01",
    "Zone source,usps", `USPS service,${service}`, "DIM divisor,166", "DIM applies above (cu in),1728",
    "[prices]", ...priceRows(base, 1.9),
    "[surcharges]", "Surcharge,Amount,Confirmation", "confirmation,3.65,signature", "confirmation,9.10,adult_signature",
    "[delivery days]", "Zone,Days", "1,2", "2,2", "3,3", "4,3", "5,4", "6,4", "7,5", "8,5", "9,6",
  ].join("\n");
}

/** A regional carrier's card with its own chart: 1,000 ZIP3 rows from 36 origin blocks and 2,000 5-digit exceptions. */
function regionalCard(): string {
  const zones = ["[zones]", "Origin ZIP3,Destination ZIP3,Zone"];
  for (let block = 0; block < 36; block++) {
    const origin = `${zip3(block * 27 + 5)}-${zip3(block * 27 + 31)}`;
    for (let row = 0; row < 28; row++) {
      const from = 5 + row * 35;
      zones.push(`${origin},${zip3(from)}-${zip3(Math.min(999, from + 34))},${1 + ((row + block) % 8)}`);
    }
  }
  const exceptions = ["[zip5 exceptions]", "Origin ZIP3,Destination ZIP5,Zone"];
  for (let i = 0; i < 2_000; i++) exceptions.push(`${zip3((i % 36) * 27 + 5)}-${zip3((i % 36) * 27 + 31)},${String(1000 + i * 47).padStart(5, "0")},9`);
  return [
    "[card]", "Carrier code,regional_co", "Carrier name,Regional Parcel Co. (bench prices)", "Service code,regional_ground", "Service name,Regional Ground",
    "Effective from,2024-01-01", "Zone source,card", "DIM divisor,139", "DIM applies above (cu in),0",
    "[prices]", ...priceRows(6.1, 1.4),
    ...zones, ...exceptions,
    "[surcharges]", "Surcharge,Amount,Confirmation,ZIP codes,Longest side over (in),Second side over (in),Weight over (lb),Length + girth over (in),Fuel applies to",
    "residential,5.10,,,,,,,", "fuel,14.5%,,,,,,,", "delivery_area,3.95,,967 995-999 00600-00999,,,,,", "additional_handling,18.00,,,48,30,50,,", "oversize,95.00,,,,,,130,",
    "[delivery days]", "Zone,Days", "1,1", "2,2", "3,2", "4,3", "5,3", "6,4", "7,4", "8,5", "9,5",
  ].join("\n");
}

function parcels(count: number, origins: string[]): Parcel[] {
  const countries = ["CA", "MX", "DE", "FR", "GB", "JP", "AU"];
  return Array.from({ length: count }, () => {
    const international = next() < 0.05;
    const heavy = next() < 0.2;
    return {
      fromPostalCode: `${pick(origins)}${String(between(0, 99)).padStart(2, "0")}`,
      fromCountry: "US",
      toPostalCode: international ? "A1A1A1" : `${zip3(between(5, 999))}${String(between(0, 99)).padStart(2, "0")}`,
      toCountry: international ? pick(countries) : "US",
      toCity: null,
      toState: null,
      residential: next() < 0.5,
      weightOz: heavy ? between(16, 70 * 16) : between(1, 32) + round(next(), 2),
      dimensions: next() < 0.6 ? { lengthIn: between(4, 40), widthIn: between(3, 24), heightIn: between(2, 20) } : null,
      confirmation: next() < 0.8 ? "none" : pick(["delivery", "signature", "adult_signature"] as const),
      packageCode: "package",
      shipDate: SHIP_DATE,
      carrierCode: null,
      serviceCode: null,
    };
  });
}

// ─── The workspace ─────────────────────────────────────────────────────────────────────────────
const handle = freshDatabase(DB);
await migrateToLatest(handle.write);
const { workspaceId } = await signUpUser({ name: "Rating Bench", email: "rating@bench.test", password: "bench-password" });
const charts = zoneChartFiles();
const origins: string[] = [];
for (const text of charts.texts) origins.push((await uploadUspsZoneChart(workspaceId, text)).originZip3);
for (const csv of [uspsZonedCard("usps_ground_advantage", "Ground Advantage (bench)", "ground_advantage", 4.4), uspsZonedCard("usps_priority_mail", "Priority Mail (bench)", "priority", 7.9), regionalCard()]) {
  const parsed = parseRateCardCsv(csv);
  if (!parsed.ok) throw new Error(`bench card refused: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  await saveRateCard(workspaceId, parsed.card);
}
const cards = await loadRateCards(workspaceId);
const zoneCharts = await loadUspsZoneCharts(workspaceId);
const originZip3s = [...new Set(origins)];
console.log(`${cards.length} cards, ${originZip3s.length} origins (${charts.source})`);

// ─── In-process ────────────────────────────────────────────────────────────────────────────────
const sample = parcels(QUOTES, originZip3s);
for (const parcel of sample.slice(0, 2_000)) quoteParcel(cards, zoneCharts, parcel); // warm the JIT, not timed
const perQuote = new Float64Array(QUOTES);
let quotesReturned = 0;
const started = performance.now();
for (let i = 0; i < QUOTES; i++) {
  const before = performance.now();
  const result = quoteParcel(cards, zoneCharts, sample[i]);
  perQuote[i] = performance.now() - before;
  quotesReturned += result.quotes.length;
}
const inProcessSeconds = (performance.now() - started) / 1000;
const inProcess = Array.from(perQuote);

const full: number[] = [];
for (const parcel of sample.slice(0, FULL_QUOTES)) {
  const before = performance.now();
  await quoteRates(workspaceId, parcel, { live: false });
  full.push(performance.now() - before);
}
const { key, secret } = await createApiKey(workspaceId, { name: "bench" });
await handle.close();
console.log(`in-process: ${QUOTES} parcels in ${inProcessSeconds.toFixed(2)} s, ${round(quotesReturned / QUOTES, 2)} quotes each`);

// ─── Over HTTP ─────────────────────────────────────────────────────────────────────────────────
const authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
const base = `http://localhost:${PORT}`;
const httpBodies = sample.slice(0, HTTP_REQUESTS).map((parcel, index) => ({
  carrierCode: ["stamps_com", "regional_co", "sample"][index % 3],
  fromPostalCode: parcel.fromPostalCode,
  toPostalCode: parcel.toCountry === "US" ? parcel.toPostalCode : "90210",
  toCountry: "US",
  weight: { value: parcel.weightOz, units: "ounces" },
  ...(parcel.dimensions ? { dimensions: { units: "inches", length: parcel.dimensions.lengthIn, width: parcel.dimensions.widthIn, height: parcel.dimensions.heightIn } } : {}),
  confirmation: parcel.confirmation,
  residential: parcel.residential,
}));

const server = await startServer({ DATABASE_URL: `file:./${DB}`, API_RATE_LIMIT_PER_MINUTE: "100000000", AUTO_IMPORT_TICKER: "off" }, PORT);
const getrates: number[] = [];
const floor: number[] = [];
let answered = 0;
try {
  const post = (body: unknown) => fetch(`${base}/api/v1/shipments/getrates`, { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body) });
  for (const body of httpBodies.slice(0, 200)) await (await post(body)).arrayBuffer(); // warm the routes, not timed
  for (let i = 0; i < 200; i++) await (await fetch(`${base}/api/v1/stores`, { headers: { authorization } })).arrayBuffer();
  for (const body of httpBodies) {
    let before = performance.now();
    const response = await post(body);
    const answer = (await response.json()) as unknown;
    getrates.push(performance.now() - before);
    if (response.status === 200 && Array.isArray(answer)) answered++;
    else if (response.status !== 400) throw new Error(`getrates answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
    before = performance.now();
    await (await fetch(`${base}/api/v1/stores`, { headers: { authorization } })).arrayBuffer();
    floor.push(performance.now() - before);
  }
} finally {
  stopServer(server);
}

const inProcessP99 = percentileMs(inProcess, 99);
const httpP95 = percentile(getrates, 95);
reportResults("rating", {
  command: "npm run bench:rating",
  cards: cards.length,
  zone_charts: charts.source,
  quotes: QUOTES,
  quotes_per_parcel: round(quotesReturned / QUOTES, 2),
  in_process_p50_ms: percentileMs(inProcess, 50),
  in_process_p99_ms: inProcessP99,
  quotes_per_s: round(QUOTES / inProcessSeconds, 0),
  quote_rates_p50_ms: percentileMs(full, 50),
  quote_rates_p99_ms: percentileMs(full, 99),
  http_requests: HTTP_REQUESTS,
  http_answered_with_rates: answered,
  http_p50_ms: percentile(getrates, 50),
  http_p95_ms: httpP95,
  http_floor_p50_ms: percentile(floor, 50),
  http_floor_p95_ms: percentile(floor, 95),
  targets: { in_process_p99_ms: 1, http_p95_ms: 25 },
  met: inProcessP99 <= 1 && httpP95 <= 25,
});
