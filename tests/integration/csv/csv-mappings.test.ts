import { beforeEach, describe, expect, it, vi } from "vitest";
import { listCsvMappings, saveCsvMapping } from "@/lib/csv/csv-mappings";
import { headersSignature } from "@/lib/csv/suggest-mapping";
import { AppError } from "@/lib/errors";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));

useTestDatabase();

beforeEach(() => {
  signedIn.userId = null;
});

const SHOPIFY = headersSignature(["Name", "Created at", "Shipping Name", "Lineitem name", "Lineitem quantity"]);
const WOO = headersSignature(["Order Number", "Order Date", "Shipping First Name", "Shipping Last Name"]);

async function routes() {
  return import("@/app/api/csv-mappings/route");
}

describe("saved CSV mappings", () => {
  it("lists the workspace's mappings, those saved for the file's headers first", async () => {
    const { workspaceId } = await createMerchant();
    await saveCsvMapping(workspaceId, { name: "Amazon", headersSignature: "3-abc", mapping: { 0: "orderNumber", 1: "orderDate", 2: null } });
    await saveCsvMapping(workspaceId, { name: "Woo", headersSignature: WOO, mapping: { 0: "orderNumber", 2: "shipTo.firstName", 3: "shipTo.lastName" } });
    const { id: shopifyId } = await saveCsvMapping(workspaceId, { name: "Shopify", headersSignature: SHOPIFY, mapping: { 0: "orderNumber", 3: "item.name" } });

    const forShopify = await listCsvMappings(workspaceId, SHOPIFY);
    expect(forShopify.map((mapping) => mapping.name)).toEqual(["Shopify", "Amazon", "Woo"]);
    expect(forShopify[0]).toEqual({ id: shopifyId, name: "Shopify", headersSignature: SHOPIFY, mapping: { 0: "orderNumber", 3: "item.name" }, options: null, headers: null, createdAt: expect.any(Number) });
    expect((await listCsvMappings(workspaceId)).map((mapping) => mapping.name)).toEqual(["Amazon", "Shopify", "Woo"]);
  });

  it("replaces a mapping saved under the same name, keeping its id", async () => {
    const { workspaceId } = await createMerchant();
    const first = await saveCsvMapping(workspaceId, { name: "Shopify", headersSignature: SHOPIFY, mapping: { 0: "orderNumber" } });
    const second = await saveCsvMapping(workspaceId, { name: "  Shopify ", headersSignature: WOO, mapping: { 0: "orderNumber", 1: "orderDate" } });

    expect(second.id).toBe(first.id);
    expect(await listCsvMappings(workspaceId)).toEqual([
      { id: first.id, name: "Shopify", headersSignature: WOO, mapping: { 0: "orderNumber", 1: "orderDate" }, options: null, headers: null, createdAt: expect.any(Number) },
    ]);
  });

  it("keeps the options the file was read with, so reusing the mapping reads the file the same way", async () => {
    const { workspaceId } = await createMerchant();
    const options = { dateOrder: "DMY", weightUnit: "grams", decimalComma: true, blankCells: "clear", timeZone: "Europe/Berlin" } as const;
    await saveCsvMapping(workspaceId, { name: "Shop DE", headersSignature: WOO, mapping: { 0: "orderNumber" }, options });

    expect((await listCsvMappings(workspaceId))[0].options).toEqual(options);
    const refused = await saveCsvMapping(workspaceId, { name: "Bad", headersSignature: WOO, mapping: { 0: "orderNumber" }, options: { dateOrder: "YMD" } as never }).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ code: "invalid_input", fieldErrors: { "options.dateOrder": [expect.any(String)] } });
  });

  it("keeps each workspace's mappings to itself", async () => {
    const merchant = await createMerchant();
    const other = await createMerchant("Other Merchant");
    await saveCsvMapping(merchant.workspaceId, { name: "Shopify", headersSignature: SHOPIFY, mapping: { 0: "orderNumber" } });
    await saveCsvMapping(other.workspaceId, { name: "Shopify", headersSignature: SHOPIFY, mapping: { 0: "orderDate" } });

    expect((await listCsvMappings(merchant.workspaceId)).map((mapping) => mapping.mapping)).toEqual([{ 0: "orderNumber" }]);
    expect((await listCsvMappings(other.workspaceId)).map((mapping) => mapping.mapping)).toEqual([{ 0: "orderDate" }]);
  });

  it("refuses a mapping without a name, or to fields that do not exist", async () => {
    const { workspaceId } = await createMerchant();
    const error = await saveCsvMapping(workspaceId, { name: " ", headersSignature: SHOPIFY, mapping: { 0: "orderNumber", 1: "shoeSize", x: "orderDate" } as never }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fieldErrors ?? {}).sort()).toEqual(["mapping.1", "mapping.x", "name"]);
    expect(await listCsvMappings(workspaceId)).toEqual([]);
  });

  it("are listed and saved through /api/csv-mappings by the signed-in merchant", async () => {
    const { GET, POST } = await routes();
    const merchant = await createMerchant();

    expect((await callRoute(GET, "/api/csv-mappings")).status).toBe(401);
    expect((await callRoute(POST, "/api/csv-mappings", { method: "POST", body: { name: "Shopify", headersSignature: SHOPIFY, mapping: {} } })).status).toBe(401);

    signedIn.userId = merchant.userId;
    const saved = await callRoute(POST, "/api/csv-mappings", { method: "POST", body: { name: "Shopify", headersSignature: SHOPIFY, mapping: { 0: "orderNumber", 1: null } } });
    expect(saved).toMatchObject({ status: 201, json: { id: expect.any(Number) } });
    await callRoute(POST, "/api/csv-mappings", { method: "POST", body: { name: "Amazon", headersSignature: "9-zzz", mapping: { 0: "orderNumber" } } });

    const listed = await callRoute(GET, "/api/csv-mappings", { query: { headersSignature: SHOPIFY } });
    expect(listed).toMatchObject({ status: 200 });
    expect(listed.json).toEqual([
      { id: saved.json.id, name: "Shopify", headersSignature: SHOPIFY, mapping: { 0: "orderNumber", 1: null }, options: null, headers: null, createdAt: expect.any(Number) },
      { id: expect.any(Number), name: "Amazon", headersSignature: "9-zzz", mapping: { 0: "orderNumber" }, options: null, headers: null, createdAt: expect.any(Number) },
    ]);

    const invalid = await callRoute(POST, "/api/csv-mappings", { method: "POST", body: { name: "Broken", headersSignature: SHOPIFY, mapping: ["orderNumber"] } });
    expect(invalid).toMatchObject({ status: 400, json: { code: "invalid_input", fieldErrors: { mapping: expect.any(Array) } } });
    const malformed = await callRoute(POST, "/api/csv-mappings", { method: "POST", rawBody: "{name:" });
    expect(malformed).toMatchObject({ status: 400, json: { code: "invalid_input" } });
    const oversize = await callRoute(POST, "/api/csv-mappings", { method: "POST", rawBody: JSON.stringify({ name: "x".repeat(300 * 1024) }) });
    expect(oversize.status).toBe(413);
  });
});
