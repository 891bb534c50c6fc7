import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/database";
import { startCsvImport } from "@/lib/csv/csv-imports";
import { importOrders } from "@/lib/orders/import-orders";
import { createStore } from "@/lib/stores/manage-stores";
import { callRoute, createApiCredentials, type ApiCredentials } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

// The session routes' signed-in user is the test's: Ada's, whatever ids she sends.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers({ "accept-language": "en" }),
}));

useTestDatabase();

/** Bea's things, which Ada asks for by id. */
interface Theirs {
  orderId: number;
  storeId: number;
  importId: string;
}

/** Ids no workspace has. */
const NOWHERE: Theirs = { orderId: 987_654_321, storeId: 987_654_321, importId: "00000000-0000-4000-8000-000000000000" };

/** How to call a route with another workspace's ids; every route file must have an entry, so a new route can't skip this. */
type Probe = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: (theirs: Theirs) => string;
  params?: (theirs: Theirs) => Record<string, string | string[]>;
  body?: (theirs: Theirs) => unknown;
  query?: (theirs: Theirs) => Record<string, string | number>;
  /**
   * A filter (a list's `storeId`) answers as it does for an id that exists nowhere (an empty
   * list, or the ids' own error) rather than 404: either way it tells nothing of Bea's.
   */
  asForMissing?: true;
};
type Entry = { probes: Probe[] } | { noWorkspaceIds: string };

const ROUTES: Record<string, Entry> = {
  "api/v1/orders/[orderId]": {
    probes: [
      { method: "GET", path: (t) => `/api/v1/orders/${t.orderId}`, params: (t) => ({ orderId: String(t.orderId) }) },
      { method: "DELETE", path: (t) => `/api/v1/orders/${t.orderId}`, params: (t) => ({ orderId: String(t.orderId) }) },
    ],
  },
  "api/v1/orders/holduntil": { probes: [{ method: "POST", path: () => "/api/v1/orders/holduntil", body: (t) => ({ orderId: t.orderId, holdUntilDate: "2099-01-01" }) }] },
  "api/v1/orders/markasshipped": { probes: [{ method: "POST", path: () => "/api/v1/orders/markasshipped", body: (t) => ({ orderId: t.orderId, carrierCode: "usps", shipDate: "2026-12-01" }) }] },
  "api/v1/orders/restorefromhold": { probes: [{ method: "POST", path: () => "/api/v1/orders/restorefromhold", body: (t) => ({ orderId: t.orderId }) }] },
  "api/v1/orders": { probes: [{ method: "GET", path: () => "/api/v1/orders", query: (t) => ({ storeId: t.storeId }), asForMissing: true }] },
  "api/v1/orders/createorder": { probes: [{ method: "POST", path: () => "/api/v1/orders/createorder", body: (t) => ({ ...shipStationOrder("X-1"), advancedOptions: { storeId: t.storeId } }), asForMissing: true }] },
  "api/v1/orders/createorders": { probes: [{ method: "POST", path: () => "/api/v1/orders/createorders", body: (t) => [{ ...shipStationOrder("X-2"), advancedOptions: { storeId: t.storeId } }], asForMissing: true }] },
  "api/v1/stores/refreshstore": { probes: [{ method: "POST", path: () => "/api/v1/stores/refreshstore", query: (t) => ({ storeId: t.storeId }) }] },
  "api/v1/stores/getrefreshstatus": { probes: [{ method: "GET", path: () => "/api/v1/stores/getrefreshstatus", query: (t) => ({ storeId: t.storeId }) }] },
  "api/v1/stores": { noWorkspaceIds: "lists the caller's own stores; takes no id" },
  "api/v1/carriers": { noWorkspaceIds: "the caller's own carriers" },
  "api/v1/carriers/getcarrier": { noWorkspaceIds: "a carrier code, not a workspace's id" },
  "api/v1/carriers/listpackages": { noWorkspaceIds: "a carrier code, not a workspace's id" },
  "api/v1/carriers/listservices": { noWorkspaceIds: "a carrier code, not a workspace's id" },
  "api/v1/rates": { noWorkspaceIds: "quotes the caller's own cards" },
  "api/v1/shipments/getrates": { noWorkspaceIds: "quotes the caller's own cards" },
  "api/v1/openapi.json": { noWorkspaceIds: "the public API description" },
  "api/v1/[...path]": { noWorkspaceIds: "answers 404 for every path" },
  "api/csv-imports/[importId]": { probes: [{ method: "GET", path: (t) => `/api/csv-imports/${t.importId}`, params: (t) => ({ importId: t.importId }) }] },
  "api/csv-imports/[importId]/finish": { probes: [{ method: "POST", path: (t) => `/api/csv-imports/${t.importId}/finish`, params: (t) => ({ importId: t.importId }) }] },
  "api/csv-imports/[importId]/chunks/[chunkIndex]": {
    probes: [{ method: "PUT", path: (t) => `/api/csv-imports/${t.importId}/chunks/0`, params: (t) => ({ importId: t.importId, chunkIndex: "0" }), body: () => ({ orders: [] }) }],
  },
  "api/csv-imports/preview": { probes: [{ method: "POST", path: () => "/api/csv-imports/preview", body: (t) => ({ storeId: t.storeId, orders: [] }) }] },
  "api/csv-imports": {
    probes: [
      {
        method: "POST",
        path: () => "/api/csv-imports",
        body: (t) => ({ storeId: t.storeId, fileName: "x.csv", options: { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" }, mapping: { 0: "orderNumber" }, headers: ["Order"], totalChunks: 1, totalRows: 1 }),
      },
    ],
  },
  "api/csv-mappings": { noWorkspaceIds: "the caller's own mappings, saved by name" },
  "api/stores/[storeId]/import-progress": { probes: [{ method: "GET", path: (t) => `/api/stores/${t.storeId}/import-progress`, params: (t) => ({ storeId: String(t.storeId) }) }] },
  "api/stores/import-progress": { noWorkspaceIds: "the caller's own stores" },
  "api/webhooks/[platform]/[storeId]": { noWorkspaceIds: "a platform's delivery, authenticated by the store's own webhook secret (tests/integration/connectors)" },
  "api/cron/import": { noWorkspaceIds: "the scheduler's entry, authenticated by CRON_SECRET" },
  "api/health": { noWorkspaceIds: "public health, no workspace data" },
  "api/auth/[...nextauth]": { noWorkspaceIds: "Auth.js" },
  "(app)/orders/export": {
    probes: [
      { method: "GET", path: () => "/orders/export", query: (t) => ({ store: t.storeId, status: "all" }), asForMissing: true },
      { method: "GET", path: () => "/orders/export", query: (t) => ({ ids: String(t.orderId), status: "all" }), asForMissing: true },
    ],
  },
  "(app)/settings/rate-cards/sample/[code]": { noWorkspaceIds: "the built-in sample cards, the same for everyone" },
};

function shipStationOrder(orderNumber: string) {
  return {
    orderNumber,
    orderKey: orderNumber,
    orderDate: "2026-11-05T10:00:00",
    orderStatus: "awaiting_shipment",
    billTo: { name: "Ada" },
    shipTo: { name: "Ada", street1: "1 Main St", city: "Boston", state: "MA", postalCode: "02134", country: "US" },
    items: [{ name: "Mug", quantity: 1, unitPrice: 10 }],
  };
}

/** Every route file under app/, as its path from app/ without "/route.ts". */
function routeFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === "route.ts") found.push(relative("app", dir).split(sep).join("/"));
    }
  };
  walk("app");
  return found.sort();
}

/** Everything of Bea's a request could change, as rows to compare. */
async function snapshotOf(workspaceId: string) {
  const [orders, stores, imports, events] = await Promise.all([
    db.read.selectFrom("orders").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute(),
    db.read.selectFrom("stores").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute(),
    db.read.selectFrom("csv_imports").selectAll().where("workspace_id", "=", workspaceId).execute(),
    db.read.selectFrom("order_events").select(["id"]).where("workspace_id", "=", workspaceId).execute(),
  ]);
  return { orders, stores, imports, events };
}

describe("another workspace's ids, on every route", () => {
  let ada: Awaited<ReturnType<typeof createMerchant>> & { credentials: ApiCredentials };
  let beaWorkspace: string;
  let theirs: Theirs;

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "test-secret";
    const merchant = await createMerchant("Ada Merchant");
    ada = { ...merchant, credentials: await createApiCredentials(merchant.workspaceId) };
    const bea = await createMerchant("Bea Merchant");
    beaWorkspace = bea.workspaceId;
    const storeId = await createStore(bea.workspaceId, { platform: "shopify", name: "Bea's shop", baseUrl: "https://bea.example", credentials: { accessToken: "shpat_secret" } });
    const [result] = await importOrders(bea.workspaceId, bea.manualStoreId, [buildOrder({ orderKey: "BEA-1", orderNumber: "BEA-1" })], { source: "manual" });
    const { importId } = await startCsvImport(bea.workspaceId, {
      storeId: bea.manualStoreId, fileName: "bea.csv", options: { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" }, mapping: { 0: "orderNumber" }, headers: ["Order"], totalChunks: 1, totalRows: 1,
    });
    theirs = { orderId: result.orderId!, storeId: Number(storeId), importId };
  });

  it("has an entry for every route file, so a new route is checked too", () => {
    const files = routeFiles();
    expect(files.filter((route) => !(route in ROUTES)), "routes without an isolation entry").toEqual([]);
    expect(Object.keys(ROUTES).filter((route) => !files.includes(route)), "entries for routes that no longer exist").toEqual([]);
  });

  for (const [route, entry] of Object.entries(ROUTES)) {
    if (!("probes" in entry)) continue;
    for (const probe of entry.probes) {
      it(`${probe.method} ${route} answers not found for Bea's ids and changes nothing of hers`, async () => {
        const module = (await import(`@/app/${route}/route`)) as Record<string, Parameters<typeof callRoute>[0]>;
        const call = (ids: Theirs) =>
          callRoute(module[probe.method], probe.path(ids), {
            method: probe.method,
            authorization: route.startsWith("api/v1/") ? ada.credentials.authorization : undefined,
            headers: route.startsWith("api/v1/") ? {} : { origin: "http://localhost" },
            params: probe.params?.(ids),
            body: probe.body?.(ids),
            query: probe.query?.(ids),
          }).catch((error: Error) => ({ status: 0, json: error.message.replace(/\d{6,}|BEA-\d+/g, "<id>") }));
        const before = await snapshotOf(beaWorkspace);
        signedIn.userId = ada.userId;
        const answer = await call(theirs);
        const missing = probe.asForMissing ? await call(NOWHERE) : null;
        signedIn.userId = null;
        // The same answer, the ids a message quotes aside ("No store 3 in this account").
        const shown = (reply: { status: number; json: unknown }, ids: Theirs) =>
          Object.values(ids).reduce<string>(
            (text, id) => text.replace(new RegExp(`\\b(store|order|import) ${id}\\b`, "gi"), "$1 <id>"),
            JSON.stringify({ status: reply.status, json: reply.json }),
          );
        if (missing) expect(shown(answer, theirs)).toBe(shown(missing, NOWHERE));
        else expect(answer.status, JSON.stringify(answer.json)).toBe(404);
        expect(await snapshotOf(beaWorkspace)).toEqual(before);
      });
    }
  }
});
