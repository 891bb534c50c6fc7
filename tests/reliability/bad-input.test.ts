import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { parseCsvText } from "@/lib/csv/parse";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import { suggestMapping } from "@/lib/csv/suggest-mapping";
import { AppError } from "@/lib/errors";
import { importStore } from "@/lib/imports/import-store";
import { connectorFor } from "@/lib/connectors/registry";
import { createStore } from "@/lib/stores/manage-stores";
import shopifyFixture from "../fakes/shopify/fixtures/order.json" with { type: "json" };
import { startCustomStoreFake, type CustomStoreFake } from "../fakes/custom-store/server";
import { callRoute, createApiCredentials, orderBody, type ApiCredentials } from "../helpers/api";
import { useTestDatabase } from "../helpers/database";
import { seededRandom } from "@/lib/demo/generate-orders";
import { createMerchant } from "../helpers/workspaces";
import { inputsPerSurface, mangleText, mutate, pick } from "./mutate";
import { recordSurface } from "./record";

useTestDatabase();

const N = inputsPerSurface();

/** A valid createorder body: every mutation of it is one malformed input. */
const VALID_ORDER = orderBody({ orderNumber: "FUZZ-0", orderKey: "fuzz-0" });

/** The custom store's status names, as the connect form asks for them. */
const CUSTOM_STORE_STATUSES = { unpaid: "pending", paid: "paid,processing", shipped: "shipped,complete", cancelled: "cancelled", onHold: "on-hold" };

let workspaceId: string;
let manualStoreId: number;
let api: ApiCredentials;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret";
  ({ workspaceId, manualStoreId } = await createMerchant("Fuzz Merchant"));
  api = await createApiCredentials(workspaceId);
  process.env.API_RATE_LIMIT_PER_MINUTE = "100000000";
  process.env.API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE = "100000000";
});
afterAll(() => {
  delete process.env.API_RATE_LIMIT_PER_MINUTE;
  delete process.env.API_RATE_LIMIT_PER_WORKSPACE_PER_MINUTE;
});

const statusCounts = (statuses: number[]) => Object.fromEntries([...new Set(statuses)].sort().map((status) => [status, statuses.filter((each) => each === status).length]));

/** Every stored order of the workspace reads back through the API, with as many items as its row count says. */
async function everyOrderReadable(): Promise<{ orders: number; unreadable: string[] }> {
  const { GET: list } = await import("@/app/api/v1/orders/route");
  const { GET: one } = await import("@/app/api/v1/orders/[orderId]/route");
  const unreadable: string[] = [];
  let orders = 0;
  for (let page = 1; ; page++) {
    const answer = await callRoute(list, "/api/v1/orders", { authorization: api.authorization, query: { page, pageSize: 500 } });
    if (answer.status !== 200) {
      unreadable.push(`list page ${page}: ${answer.status}`);
      break;
    }
    for (const order of answer.json.orders as { orderId: number }[]) {
      orders++;
      const read = await callRoute(one, `/api/v1/orders/${order.orderId}`, { authorization: api.authorization, params: { orderId: String(order.orderId) } });
      if (read.status !== 200) unreadable.push(`order ${order.orderId}: ${read.status}`);
    }
    if (page >= answer.json.pages) break;
  }
  return { orders, unreadable };
}

describe("bad input, in general: a clear 4xx, never a 500, nothing half-written, every row readable", () => {
  it(`API createorder: ${N} malformed bodies`, async () => {
    const { POST } = await import("@/app/api/v1/orders/createorder/route");
    const random = seededRandom(1);
    const statuses: number[] = [];
    const halfWritten: string[] = [];
    for (let i = 0; i < N; i++) {
      const body = mutate({ ...VALID_ORDER, orderNumber: `FUZZ-${i}`, orderKey: `fuzz-${i}` }, random);
      const answer = await callRoute(POST, "/api/v1/orders/createorder", { method: "POST", authorization: api.authorization, body });
      statuses.push(answer.status);
      if (answer.status === 200) {
        const sentItems = Array.isArray((body as { items?: unknown }).items) ? ((body as { items: unknown[] }).items.length) : null;
        const stored = await db.read.selectFrom("order_items").select((eb) => eb.fn.countAll<number>().as("n")).where("order_id", "=", answer.json.orderId).executeTakeFirstOrThrow();
        if (sentItems !== null && Number(stored.n) > sentItems) halfWritten.push(`${answer.json.orderId}: ${stored.n} items for ${sentItems} sent`);
      } else if (answer.status >= 400 && answer.status < 500) {
        expect(typeof answer.json?.message, JSON.stringify(answer.json)).toBe("string");
      }
    }
    const readable = await everyOrderReadable();
    await recordSurface("API createorder", { tried: N, answers: statusCounts(statuses), server_errors: statuses.filter((s) => s >= 500).length, half_written: halfWritten.length, unreadable_after: readable.unreadable.length, stored_orders: readable.orders });
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(halfWritten).toEqual([]);
    expect(readable.unreadable).toEqual([]);
  });

  it(`API createorders: ${N} batches of 5 malformed orders`, async () => {
    const { POST } = await import("@/app/api/v1/orders/createorders/route");
    const random = seededRandom(2);
    const statuses: number[] = [];
    for (let i = 0; i < N; i++) {
      const body = random() < 0.2 ? mutate([VALID_ORDER], random) : Array.from({ length: 5 }, (_, j) => mutate({ ...VALID_ORDER, orderNumber: `BATCH-${i}-${j}`, orderKey: `batch-${i}-${j}` }, random));
      const answer = await callRoute(POST, "/api/v1/orders/createorders", { method: "POST", authorization: api.authorization, body });
      statuses.push(answer.status);
    }
    const readable = await everyOrderReadable();
    await recordSurface("API createorders", { tried: N, answers: statusCounts(statuses), server_errors: statuses.filter((s) => s >= 500).length, unreadable_after: readable.unreadable.length });
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(readable.unreadable).toEqual([]);
  });

  it(`API list query strings: ${N} malformed`, async () => {
    const { GET } = await import("@/app/api/v1/orders/route");
    const random = seededRandom(3);
    const keys = ["page", "pageSize", "orderStatus", "storeId", "customerName", "itemKeyword", "orderNumber", "createDateStart", "createDateEnd", "modifyDateStart", "sortBy", "sortDir", "paymentDateStart"];
    const statuses: number[] = [];
    for (let i = 0; i < N; i++) {
      const query: Record<string, string> = {};
      for (let j = 0; j < 1 + Math.floor(random() * 4); j++) query[pick(random, keys)] = String(pick(random, ["", "-1", "0", "1e9", "abc", "\u0000", "\ud800", "%", "x".repeat(5_000), "2026-02-30", "shipped", "awaiting_shipment", "9007199254740993", "[]", "null"]));
      const answer = await callRoute(GET, "/api/v1/orders", { authorization: api.authorization, query });
      statuses.push(answer.status);
    }
    await recordSurface("API list query strings", { tried: N, answers: statusCounts(statuses), server_errors: statuses.filter((s) => s >= 500).length });
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });

  it(`CSV files: ${N} malformed, read as the import page reads them`, async () => {
    const random = seededRandom(4);
    const header = "Order Number,Order Date,Ship To - Name,Ship To - Address 1,Ship To - City,Ship To - Postal Code,Ship To - Country,Item - Name,Item - Qty,Item - Unit Price";
    const good = `${header}\r\nC-1,2026-11-05,Ada,1 Main St,Boston,02134,US,Mug,2,12.50\r\nC-1,2026-11-05,Ada,1 Main St,Boston,02134,US,Tea,1,4.00\r\nC-2,11/05/2026,Bea,2 Side St,Lyon,69003,FR,Pen,1,"1,50"\r\n`;
    let crashes = 0;
    let rowErrors = 0;
    let unnamed = 0;
    for (let i = 0; i < N; i++) {
      const text = mangleText(good, random);
      try {
        const parsed = parseCsvText(text);
        if (parsed.headers.length === 0) continue;
        const mapping = suggestMapping(parsed.headers);
        const { errors } = rowsToOrders(parsed.rows, mapping, { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep", headers: parsed.headers, rowNumbers: parsed.rowNumbers });
        rowErrors += errors.length;
        unnamed += errors.filter((error) => !(error.row >= 1) || !error.message).length;
      } catch (error) {
        if (!(error instanceof AppError)) crashes++;
      }
    }
    await recordSurface("CSV files", { tried: N, row_errors_named: rowErrors, errors_without_row: unnamed, crashes });
    expect(crashes).toBe(0);
    expect(unnamed).toBe(0);
  });

  describe("custom store XML", () => {
    let fake: CustomStoreFake;
    let storeId: number;
    beforeAll(async () => {
      fake = await startCustomStoreFake();
      fake.add();
      storeId = Number(await createStore(workspaceId, { platform: "custom_store", name: "Fuzz XML", baseUrl: fake.endpoint, credentials: { username: "shipstation", password: "s3cret-Pa55word" }, statusMapping: CUSTOM_STORE_STATUSES }));
    });
    afterAll(() => fake.close());

    it(`${N} malformed export answers, an entity bomb among them`, async () => {
      const random = seededRandom(5);
      const sample = await (await fetch(`${fake.endpoint}?action=export&start_date=01/01/2000%2000:00&end_date=12/31/2099%2000:00&page=1`, { headers: { authorization: `Basic ${Buffer.from("shipstation:s3cret-Pa55word").toString("base64")}` } })).text();
      const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">]><Orders pages="1"><Order><OrderID>&lol6;</OrderID></Order></Orders>`;
      const outcomes: string[] = [];
      let thrown = 0;
      for (let i = 0; i < N; i++) {
        fake.respondNext(i === 0 ? bomb : mangleText(sample, random), "text/xml");
        try {
          const result = await importStore(workspaceId, storeId, { trigger: "manual", connector: connectorFor("custom_store"), sleep: async () => undefined });
          outcomes.push(result.status);
        } catch {
          thrown++;
        }
      }
      const readable = await everyOrderReadable();
      await recordSurface("custom store XML", { tried: N, outcomes: Object.fromEntries([...new Set(outcomes)].map((o) => [o, outcomes.filter((x) => x === o).length])), thrown, unreadable_after: readable.unreadable.length });
      expect(thrown).toBe(0);
      expect(readable.unreadable).toEqual([]);
    });
  });

  it(`webhook bodies: ${N} malformed, signed as Shopify signs them`, async () => {
    const { POST } = await import("@/app/api/webhooks/[platform]/[storeId]/route");
    const secret = "whsec_fuzz_0123456789";
    const storeId = Number(await createStore(workspaceId, { platform: "shopify", name: "Fuzz hooks", baseUrl: "https://fuzz.example", credentials: { accessToken: "shpat_x", webhookSecret: secret } }));
    const random = seededRandom(6);
    const statuses: number[] = [];
    for (let i = 0; i < N; i++) {
      const valid = { ...shopifyFixture, id: 7_000_000 + i, name: `#${7_000_000 + i}` };
      const body = random() < 0.5 ? JSON.stringify(mutate(valid, random)) : mangleText(JSON.stringify(valid), random);
      const signature = createHmac("sha256", secret).update(body).digest("base64");
      const answer = await callRoute(POST, `/api/webhooks/shopify/${storeId}`, {
        method: "POST",
        rawBody: body,
        params: { platform: "shopify", storeId: String(storeId) },
        headers: { "content-type": "application/json", "x-shopify-hmac-sha256": signature, "x-shopify-webhook-id": `fuzz-${i}`, "x-shopify-topic": "orders/updated" },
      }).catch(() => ({ status: 0 }));
      statuses.push(answer.status);
    }
    const readable = await everyOrderReadable();
    await recordSurface("webhook bodies", { tried: N, answers: statusCounts(statuses), server_errors: statuses.filter((s) => s >= 500 || s === 0).length, unreadable_after: readable.unreadable.length });
    expect(statuses.filter((status) => status >= 500 || status === 0)).toEqual([]);
    expect(readable.unreadable).toEqual([]);
  });

  it("the manual store is still the merchant's, untouched by all this", async () => {
    const store = await db.read.selectFrom("stores").select(["id", "workspace_id"]).where("id", "=", manualStoreId).executeTakeFirstOrThrow();
    expect(store.workspace_id).toBe(workspaceId);
  });
});
