import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/db/database";
import type { WorkspaceSession } from "@/lib/auth/session";
import type { FieldKey } from "@/lib/csv/fields";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import { AppError } from "@/lib/errors";
import { sessionRoute } from "@/lib/http/session-route";
import { callRoute, type CallOptions } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

// Auth.js reads its cookie from the request Next.js is serving; here the signed-in user is set by
// the test. Everything after it (the membership lookup, the workspace) is the real code.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));

useTestDatabase();

beforeEach(() => {
  signedIn.userId = null;
});

const HEADERS = ["Order #", "Date", "Recipient", "Street", "City", "State", "Zip", "Country", "Item", "Qty", "Price"];
const MAPPING: Record<number, FieldKey> = {
  0: "orderNumber", 1: "orderDate", 2: "shipTo.name", 3: "shipTo.street1", 4: "shipTo.city", 5: "shipTo.state", 6: "shipTo.postalCode",
  7: "shipTo.country", 8: "item.name", 9: "item.quantity", 10: "item.unitPrice",
};
const OPTIONS = { timeZone: "Europe/London", dateOrder: "DMY", weightUnit: "grams", blankCells: "keep" } as const;

function ordersOf(numbers: string[]) {
  const rows = numbers.map((number) => [number, "05/11/2026", "Ada Lovelace", "12 St James's Sq", "London", "", "SW1Y 4JH", "GB", "Notebook", "1", "9.50"]);
  return JSON.parse(JSON.stringify(rowsToOrders(rows, MAPPING, { ...OPTIONS, headers: HEADERS }).orders));
}

/** The browser's calls, each through the real route handler with a real NextRequest. */
const browser = {
  async start(body: unknown, options: CallOptions<Record<string, never>> = {}) {
    const { POST } = await import("@/app/api/csv-imports/route");
    return callRoute(POST, "/api/csv-imports", { method: "POST", body, ...options });
  },
  async get(importId: string) {
    const { GET } = await import("@/app/api/csv-imports/[importId]/route");
    return callRoute(GET, `/api/csv-imports/${importId}`, { params: { importId } });
  },
  async preview(body: unknown, options: CallOptions<Record<string, never>> = {}) {
    const { POST } = await import("@/app/api/csv-imports/preview/route");
    return callRoute(POST, "/api/csv-imports/preview", { method: "POST", body, ...options });
  },
  async chunk(importId: string, chunkIndex: string | number, body: unknown, options: CallOptions<{ importId: string; chunkIndex: string }> = {}) {
    const { PUT } = await import("@/app/api/csv-imports/[importId]/chunks/[chunkIndex]/route");
    const params = { importId, chunkIndex: String(chunkIndex) };
    return callRoute(PUT, `/api/csv-imports/${importId}/chunks/${chunkIndex}`, { method: "PUT", body, params, ...options });
  },
  async finish(importId: string) {
    const { POST } = await import("@/app/api/csv-imports/[importId]/finish/route");
    return callRoute(POST, `/api/csv-imports/${importId}/finish`, { method: "POST", params: { importId } });
  },
};

function startBody(storeId: number, totalChunks = 1) {
  return { storeId, fileName: "november.csv", options: OPTIONS, mapping: MAPPING, headers: HEADERS, totalChunks, totalRows: 2 };
}

describe("sessionRoute", () => {
  const session: WorkspaceSession = { userId: "u1", name: "Ada", email: "ada@example.test", workspaceId: "w1", workspaceName: "Ada's", role: "owner" };
  type Route = (request: NextRequest, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
  const call = (route: Route, options: CallOptions<Record<string, never>> = {}) => callRoute(route, "/api/example", options);

  it("answers 401 JSON, not a redirect, when there is no session, and never runs the handler", async () => {
    const handler = vi.fn(async () => ({ ok: true }));
    const response = await call(sessionRoute(handler, { resolveSession: async () => null }), { method: "POST", body: {} });
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ message: "Sign in to continue.", code: "unauthorized" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("hands the handler the session and answers its result as JSON, not to be cached", async () => {
    const response = await call(sessionRoute(async (_request, caller) => ({ workspaceId: caller.workspaceId }), { resolveSession: async () => session }));
    expect(response).toMatchObject({ status: 200, json: { workspaceId: "w1" } });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("turns AppErrors into their status with the API's error shape, and anything else into a 500 without details", async () => {
    const resolveSession = async () => session;
    const invalid = await call(sessionRoute(async () => { throw new AppError("invalid_input", "Bad", { name: ["Required"] }); }, { resolveSession }));
    expect(invalid).toMatchObject({ status: 400, json: { message: "Bad", code: "invalid_input", fieldErrors: { name: ["Required"] } } });
    const notFound = await call(sessionRoute(async () => { throw new AppError("not_found", "Import not found"); }, { resolveSession }));
    expect(notFound).toMatchObject({ status: 404, json: { message: "Import not found", code: "not_found" } });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = await call(sessionRoute(async () => { throw new Error("SQLITE_BUSY at /srv/db"); }, { resolveSession }));
    spy.mockRestore();
    expect(broken).toMatchObject({ status: 500, json: { code: "internal" } });
    expect(JSON.stringify(broken.json)).not.toContain("SQLITE");
  });

  it("refuses a write sent from another site's page", async () => {
    const route = sessionRoute(async () => ({ ok: true }), { resolveSession: async () => session });
    const crossSite = await call(route, { method: "POST", body: {}, headers: { origin: "https://evil.example", host: "localhost" } });
    expect(crossSite.status).toBe(403);
    const fetchMetadata = await call(route, { method: "POST", body: {}, headers: { "sec-fetch-site": "cross-site" } });
    expect(fetchMetadata.status).toBe(403);
    const sameOrigin = await call(route, { method: "POST", body: {}, headers: { origin: "http://localhost", host: "localhost", "sec-fetch-site": "same-origin" } });
    expect(sameOrigin.status).toBe(200);
  });
});

describe("CSV import routes", () => {
  it("answer 401 without a session, or for a user with no workspace", async () => {
    const merchant = await createMerchant();
    const importId = "00000000-0000-4000-8000-000000000000";
    const answers = [
      await browser.start(startBody(merchant.manualStoreId)),
      await browser.get(importId),
      await browser.preview({ storeId: merchant.manualStoreId, orders: [] }),
      await browser.chunk(importId, 0, { orders: [] }),
      await browser.finish(importId),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[0].json).toMatchObject({ code: "unauthorized" });

    signedIn.userId = "a-user-without-a-membership";
    expect((await browser.start(startBody(merchant.manualStoreId))).status).toBe(401);
    expect(await db.read.selectFrom("import_runs").selectAll().where("workspace_id", "=", merchant.workspaceId).execute()).toEqual([]);
  });

  it("take an import from start to finish", async () => {
    const merchant = await createMerchant();
    signedIn.userId = merchant.userId;

    const started = await browser.start(startBody(merchant.manualStoreId));
    expect(started.status).toBe(201);
    const { importId } = started.json;
    expect(importId).toEqual(expect.any(String));

    const orders = ordersOf(["L-1", "AUTO"]);
    const preview = await browser.preview({ storeId: merchant.manualStoreId, orders });
    expect(preview).toMatchObject({ status: 200, json: { created: 2, updated: 0, unchanged: 0, skipped: 0, failed: 0 } });
    expect(preview.json.results).toEqual([
      { orderNumber: "L-1", rowNumbers: [2], outcome: "created" },
      { orderNumber: "AUTO", rowNumbers: [3], outcome: "created" },
    ]);

    const applied = await browser.chunk(importId, 0, { orders });
    expect(applied).toMatchObject({ status: 200, json: { chunkIndex: 0, applied: true, counts: { created: 2 } } });
    // Only the AUTO order is listed, with the number it got; L-1 is in the counts.
    expect(applied.json.results).toEqual([{ orderNumber: "1", rowNumbers: [3], outcome: "created" }]);
    const resent = await browser.chunk(importId, 0, { orders });
    expect(resent.json).toEqual({ ...applied.json, applied: false });

    const finished = await browser.finish(importId);
    expect(finished).toMatchObject({ status: 200, json: { status: "succeeded", counts: { created: 2, updated: 0, unchanged: 0, skipped: 0, failed: 0 } } });
    // The same file again: its numbered order is found unchanged by its fingerprint.
    const byFingerprint = orders
      .filter((order: { digest?: string; auto: boolean }) => order.digest && !order.auto)
      .map((order: { order: { orderNumber: string }; digest: string; rowNumbers: number[] }) => ({ orderNumber: order.order.orderNumber, digest: order.digest, rowNumbers: order.rowNumbers }));
    const asked = await browser.preview({ storeId: merchant.manualStoreId, orders: byFingerprint });
    expect(asked).toMatchObject({ status: 200, json: { unchanged: 1, results: [{ orderNumber: "L-1", outcome: "unchanged" }] } });
    const shown = await browser.get(importId);
    expect(shown).toMatchObject({
      status: 200,
      json: { id: importId, status: "succeeded", fileName: "november.csv", storeId: merchant.manualStoreId, totalChunks: 1, chunksDone: 1, totalRows: 2, counts: { created: 2 } },
    });
    expect(new Date(shown.json.createdAt).getTime()).toBeGreaterThan(0);

    const events = await db.read.selectFrom("order_events").select(["actor", "source"]).where("workspace_id", "=", merchant.workspaceId).execute();
    expect(events).toEqual([{ actor: merchant.userId, source: "csv" }, { actor: merchant.userId, source: "csv" }]);
  });

  it("write a chunk on the import's own thread, which waits its turn while the app's thread writes, past SQLite's busy timeout", async () => {
    const merchant = await createMerchant();
    signedIn.userId = merchant.userId;
    // The import's thread is up and has written once.
    const warmUp = (await browser.start(startBody(merchant.manualStoreId))).json.importId;
    expect(await browser.chunk(warmUp, 0, { orders: ordersOf(["W-1"]) })).toMatchObject({ status: 200 });
    const { importId } = (await browser.start(startBody(merchant.manualStoreId))).json;

    // Held past SQLite's 2 s busy timeout: waiting on SQLite's own lock instead, the chunk would fail.
    let release!: () => void;
    const held = db.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    let answered = false;
    const applying = browser.chunk(importId, 0, { orders: ordersOf(["T-1", "T-2"]) }).finally(() => (answered = true));
    await sleep(2_200);
    expect(answered).toBe(false);
    release();
    await held;

    expect(await applying).toMatchObject({ status: 200, json: { applied: true, counts: { created: 2, failed: 0 } } });
    const stored = await db.read.selectFrom("orders").select("order_number").where("workspace_id", "=", merchant.workspaceId).orderBy("order_number").execute();
    expect(stored.map((row) => row.order_number)).toEqual(["T-1", "T-2", "W-1"]);
  });

  it("answer 404 for another workspace's import or store", async () => {
    const merchant = await createMerchant();
    const other = await createMerchant("Other Merchant");
    signedIn.userId = merchant.userId;
    const { importId } = (await browser.start(startBody(merchant.manualStoreId))).json;

    signedIn.userId = other.userId;
    const orders = ordersOf(["X-1"]);
    const answers = [
      await browser.get(importId),
      await browser.preview({ storeId: merchant.manualStoreId, orders }),
      await browser.chunk(importId, 0, { orders }),
      await browser.finish(importId),
      await browser.start(startBody(merchant.manualStoreId)),
      await browser.preview({ storeId: merchant.manualStoreId, orders: [] }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(answers[0].json).toEqual({ message: "Import not found", code: "not_found" });
    expect(answers[4].json).toEqual({ message: "Store not found", code: "not_found" });
    expect(await db.read.selectFrom("orders").selectAll().where("workspace_id", "in", [merchant.workspaceId, other.workspaceId]).execute()).toEqual([]);
  });

  it("refuse oversize, malformed and invalid bodies with 413 or 400, writing nothing", async () => {
    const merchant = await createMerchant();
    signedIn.userId = merchant.userId;
    const { importId } = (await browser.start(startBody(merchant.manualStoreId, 2))).json;
    const [order] = ordersOf(["B-1"]);

    const oversize = await browser.chunk(importId, 0, undefined, { rawBody: JSON.stringify({ orders: [order], padding: "x".repeat(4 * 1024 * 1024) }) });
    expect(oversize).toMatchObject({ status: 413, json: { code: "payload_too_large" } });
    const declared = await browser.preview(undefined, { rawBody: "{}", headers: { "content-length": String(5 * 1024 * 1024) } });
    expect(declared.status).toBe(413);

    // 5,000 levels in about 10 KB: refused before anything recursive (JSON.parse, the schema) sees it.
    const deep = `{"orders": [${"[".repeat(5000)}${"]".repeat(5000)}]}`;
    for (const response of [await browser.chunk(importId, 0, undefined, { rawBody: deep }), await browser.preview(undefined, { rawBody: deep })]) {
      expect(response).toMatchObject({ status: 400, json: { code: "invalid_input", message: expect.stringContaining("nests deeper than") } });
    }

    const malformed = await browser.chunk(importId, 0, undefined, { rawBody: '{"orders": [' });
    expect(malformed).toMatchObject({ status: 400, json: { code: "invalid_input", message: expect.stringContaining("Malformed JSON") } });
    const empty = await browser.start(undefined, { rawBody: "" });
    expect(empty).toMatchObject({ status: 400, json: { code: "invalid_input" } });

    const tooMany = await browser.chunk(importId, 0, { orders: Array.from({ length: 1001 }, () => order) });
    expect(tooMany).toMatchObject({ status: 400, json: { code: "invalid_input", fieldErrors: { orders: [expect.stringContaining("1000")] } } });
    const notAList = await browser.preview({ storeId: merchant.manualStoreId, orders: "all of them" });
    expect(notAList).toMatchObject({ status: 400, json: { fieldErrors: { orders: expect.any(Array) } } });
    const badIndex = await browser.chunk(importId, "first", { orders: [order] });
    expect(badIndex).toMatchObject({ status: 400, json: { fieldErrors: { chunkIndex: expect.any(Array) } } });
    const pastTheEnd = await browser.chunk(importId, 2, { orders: [order] });
    expect(pastTheEnd).toMatchObject({ status: 400, json: { fieldErrors: { chunkIndex: ["This import has chunks 0 to 1."] } } });
    const badStart = await browser.start({ ...startBody(merchant.manualStoreId), options: { ...OPTIONS, dateOrder: "YMD" }, totalChunks: -1 });
    expect(badStart).toMatchObject({ status: 400, json: { fieldErrors: { "options.dateOrder": expect.any(Array), totalChunks: expect.any(Array) } } });

    expect(await db.read.selectFrom("orders").selectAll().where("workspace_id", "=", merchant.workspaceId).execute()).toEqual([]);
    expect((await browser.get(importId)).json).toMatchObject({ chunksDone: 0, counts: { created: 0, failed: 0 } });
  });
});
