import type { ServerResponse } from "node:http";
import { sendJson, startFakeServer, type FakeServer } from "../http-server";

/** A chart a test writes: rows as USPS lists them. */
export interface FakeZoneChart {
  /** YYYY-MM-DD: the fake answers, for a shipping date, the latest chart effective on or before it. */
  effectiveDate: string;
  /** `["005---089", "8"]`, `["090---099", "8+"]`, `["900", "1*"]`. */
  zip3s: [string, string][];
  /** `["09000---09999", "7", "Priority Mail service"]`. */
  zip5s?: [string, string, string][];
}

export interface UspsZonesFake extends FakeServer {
  addChart(originZip3: string, chart: FakeZoneChart): void;
  /** The next `count` requests answer `status` (USPS's 503 when busy). */
  failNext(count?: number, status?: number): void;
  /** The next `count` requests never answer (until the fake closes): a client must time out. */
  hangNext(count?: number): void;
  /** The next request answers 200 with this body and content type. */
  respondNext(body: string, contentType?: string): void;
  /** The chart requests seen, as `{ zipCode3Digit, shippingDate }`. */
  chartRequests(): { zipCode3Digit: string | null; shippingDate: string | null }[];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const PATH = "/DomesticZoneChart/GetZoneChart";

/** 2024-04-01 → "April 1, 2024", as the service writes it. */
function uspsWords(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** M/D/YYYY → YYYY-MM-DD, or null when the date is not in USPS's format. */
function isoOf(shippingDate: string | null): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(shippingDate ?? "");
  if (!match) return null;
  return `${match[3]}-${match[1].padStart(2, "0")}-${match[2].padStart(2, "0")}`;
}

/** USPS's answer shape: error fields (empty when fine), the ZIP3 rows split over four columns, the 5-digit exceptions. */
function render(chart: FakeZoneChart | null, errors: { ZIPCodeError?: string; ShippingDateError?: string } = {}) {
  const rows = (chart?.zip3s ?? []).map(([ZipCodes, Zone]) => ({ ZipCodes, Zone, MailService: "" }));
  const quarter = Math.ceil(rows.length / 4);
  return {
    ZIPCodeError: errors.ZIPCodeError ?? "",
    ShippingDateError: errors.ShippingDateError ?? "",
    PageError: "",
    EffectiveDate: chart ? uspsWords(chart.effectiveDate) : "",
    Column0: rows.slice(0, quarter),
    Column1: rows.slice(quarter, 2 * quarter),
    Column2: rows.slice(2 * quarter, 3 * quarter),
    Column3: rows.slice(3 * quarter),
    Zip5Digit: (chart?.zip5s ?? []).map(([ZipCodes, Zone, MailService]) => ({ ZipCodes, Zone, MailService })),
  };
}

/**
 * USPS's public Domestic Zone Chart service (postcalc.usps.com): `GET /DomesticZoneChart/GetZoneChart
 * ?zipCode3Digit=902&shippingDate=M/D/YYYY` answers JSON. An origin it has no chart for, or a date in
 * another format, gets its error fields filled and no rows, as the service does.
 */
export async function startUspsZonesFake(): Promise<UspsZonesFake> {
  const charts = new Map<string, FakeZoneChart[]>();
  const failures: number[] = [];
  let hanging = 0;
  const canned: { body: string; contentType: string }[] = [];
  const held: ServerResponse[] = [];

  const server = await startFakeServer((_request, response, { url }) => {
    if (url.pathname !== PATH) return void sendJson(response, 404, { error: "not found" });
    if (hanging > 0) {
      hanging--;
      held.push(response);
      return;
    }
    const status = failures.shift();
    if (status) {
      response.writeHead(status, { "content-type": "text/html" });
      return void response.end(`<html><body>Service Unavailable ${"x".repeat(50)}</body></html>`);
    }
    const next = canned.shift();
    if (next) {
      response.writeHead(200, { "content-type": next.contentType });
      return void response.end(next.body);
    }
    const origin = url.searchParams.get("zipCode3Digit") ?? "";
    const date = isoOf(url.searchParams.get("shippingDate"));
    if (!date) return void sendJson(response, 200, render(null, { ShippingDateError: "Please enter a valid date." }));
    const inEffect = (charts.get(origin) ?? []).filter((chart) => chart.effectiveDate <= date).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
    const chart = inEffect.at(-1);
    if (!chart) return void sendJson(response, 200, render(null, { ZIPCodeError: "Please enter a valid ZIP Code." }));
    sendJson(response, 200, render(chart));
  });

  return {
    ...server,
    addChart(originZip3, chart) {
      charts.set(originZip3, [...(charts.get(originZip3) ?? []), chart]);
    },
    failNext(count = 1, status = 503) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    hangNext(count = 1) {
      hanging += count;
    },
    respondNext(body, contentType = "application/json") {
      canned.push({ body, contentType });
    },
    chartRequests() {
      return server.requests.filter((request) => request.url.pathname === PATH).map((request) => ({ zipCode3Digit: request.url.searchParams.get("zipCode3Digit"), shippingDate: request.url.searchParams.get("shippingDate") }));
    },
    async close() {
      for (const response of held.splice(0)) response.destroy();
      await server.close();
    },
  };
}
