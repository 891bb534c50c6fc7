import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/database";
import { ORDER_MESSAGES } from "@/lib/orders/limits";
import { apiClient, createApiCredentials } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { formOf as form, redirectOf } from "../../helpers/server-actions";
import { createMerchant } from "../../helpers/workspaces";

// Outside Next.js there is no request: the signed-in user is the test's; the rest is the real code.
const request = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (request.userId ? { user: { id: request.userId } } : null) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers({ "accept-language": "en" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

useTestDatabase();

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});
beforeEach(() => {
  request.userId = null;
});



const DAY = 24 * 60 * 60 * 1000;
/** A day as a date input gives it, `days` from today (UTC, the test workspace's zone). */
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
/** An API date `days` from now. */
const apiDateFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 19);

const newOrder = {
  orderNumber: "",
  status: "awaiting_shipment",
  orderDate: "2026-11-05T10:30",
  "shipTo.name": "Katherine Johnson",
  "shipTo.street1": "1 NASA Dr",
  "shipTo.city": "Hampton",
  "shipTo.state": "VA",
  "shipTo.postalCode": "23681",
  "shipTo.country": "United States",
  billToSameAsShipTo: "on",
  "items.0.name": "Desk globe",
  "items.0.quantity": "1",
  "items.0.unitPrice": "49.00",
};

async function signedIn() {
  const merchant = await createMerchant();
  request.userId = merchant.userId;
  const actions = await import("@/app/(app)/orders/actions");
  const create = async (fields: Record<string, string> = {}) =>
    Number((await redirectOf(actions.createOrderAction({}, form({ ...newOrder, storeId: String(merchant.manualStoreId), ...fields })))).split("/").at(-1));
  return { ...merchant, actions, create };
}

describe("the new-order form", () => {
  it("reads a country's name as its code, and refuses a number the store already has, linking to that order", async () => {
    const { actions, create, manualStoreId } = await signedIn();
    const first = await create({ orderNumber: "PHONE-1" });
    const row = await db.read.selectFrom("orders").select("ship_to_country").where("id", "=", first).executeTakeFirstOrThrow();
    expect(row.ship_to_country).toBe("US");

    const again = await actions.createOrderAction({}, form({ ...newOrder, storeId: String(manualStoreId), orderNumber: "PHONE-1" }));
    expect(again.fieldErrors?.orderNumber?.[0]).toMatch(/^Order PHONE-1 already exists in this store/);
    expect(again.fieldErrors?.["orderNumber.existingOrderId"]).toEqual([String(first)]);
    // A blank number still takes the next one.
    expect(await create()).toBeGreaterThan(first);
  });

  it("the edit form refuses another order's number, keeps its own, and puts a refusal of the stored order on its inputs", async () => {
    const { actions, create, manualStoreId } = await signedIn();
    const first = await create({ orderNumber: "EDIT-1" });
    const second = await create({ orderNumber: "EDIT-2" });
    const edit = (orderId: number, fields: Record<string, string>) =>
      actions.updateOrderAction(orderId, {}, form({ ...newOrder, storeId: String(manualStoreId), ...fields }));

    const taken = await edit(second, { orderNumber: "EDIT-1" });
    expect(taken.fieldErrors?.orderNumber?.[0]).toMatch(/^Order EDIT-1 already exists in this store/);
    expect(taken.fieldErrors?.["orderNumber.existingOrderId"]).toEqual([String(first)]);
    expect(await redirectOf(edit(second, { orderNumber: "EDIT-2", "shipTo.city": "Newport News" }))).toBe(`/orders/${second}`);

    // A channel's total stored out of range before the bounds (kept as sent, not recomputed): the edit says so on the items, not on no input at all.
    await db.write.updateTable("orders").set({ order_total: 100_000_000_000_000_860, order_total_computed: 0 }).where("id", "=", first).execute();
    const stored = await edit(first, { orderNumber: "EDIT-1" });
    expect(stored.fieldErrors?.items?.[0]).toMatch(/at most \$10,000,000\.00/);
  });

  it("names the form's own inputs for what the schema refuses, the weight included", async () => {
    const { actions, manualStoreId } = await signedIn();
    const state = await actions.createOrderAction(
      {},
      form({ ...newOrder, storeId: String(manualStoreId), weight: "624999", weightUnit: "pounds", "items.0.quantity": "0", customerEmail: "bob@@example" }),
    );
    expect(state.error).toBe("Check the highlighted fields.");
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["customerEmail", "items.0.quantity", "weight"]);
  });
});

describe("order actions' dates and carrier", () => {
  it("Hold refuses a day that has passed, on the page and through the API", async () => {
    const { actions, create, workspaceId } = await signedIn();
    const orderId = await create();
    expect(await actions.holdOrderAction(orderId, {}, form({ holdUntil: dayFromToday(-1) }))).toMatchObject({ error: "Choose a hold date in the future: the order is held until then." });
    expect(await actions.holdOrderAction(orderId, {}, form({ holdUntil: dayFromToday(0) }))).toMatchObject({ error: expect.stringContaining("future") });

    const api = apiClient((await createApiCredentials(workspaceId)).authorization);
    const past = await api.holdUntil({ orderId, holdUntilDate: apiDateFromNow(-30) });
    expect(past.status).toBe(400);
    expect(past.json.fieldErrors).toEqual({ holdUntilDate: [ORDER_MESSAGES.holdInPast] });
    const row = await db.read.selectFrom("orders").select("status").where("id", "=", orderId).executeTakeFirstOrThrow();
    expect(row.status).toBe("awaiting_shipment");

    expect(await actions.holdOrderAction(orderId, {}, form({ holdUntil: dayFromToday(2) }))).toEqual({ done: true });
  });

  it("Mark as shipped requires a carrier and a ship date no later than tomorrow, on the page and through the API", async () => {
    const { actions, create, workspaceId } = await signedIn();
    const orderId = await create();
    const ship = (fields: Record<string, string>) => actions.markShippedAction(orderId, {}, form({ shipDate: "", carrierCode: "", trackingNumber: "", ...fields }));

    expect(await ship({})).toMatchObject({ error: "Enter the carrier that shipped it (usps, ups, fedex…)." });
    expect(await ship({ carrierCode: "ups", shipDate: dayFromToday(2 * 365) })).toMatchObject({ error: "Choose a ship date no later than tomorrow." });

    const api = apiClient((await createApiCredentials(workspaceId)).authorization);
    const noCarrier = await api.markAsShipped({ orderId });
    expect(noCarrier.status).toBe(400);
    expect(noCarrier.json.fieldErrors).toEqual({ carrierCode: [ORDER_MESSAGES.carrierRequired] });
    const ahead = await api.markAsShipped({ orderId, carrierCode: "usps", shipDate: apiDateFromNow(3) });
    expect(ahead.status).toBe(400);
    expect(ahead.json.fieldErrors).toEqual({ shipDate: [ORDER_MESSAGES.shipDateAhead] });
    expect((await db.read.selectFrom("orders").select("status").where("id", "=", orderId).executeTakeFirstOrThrow()).status).toBe("awaiting_shipment");

    expect(await ship({ carrierCode: "ups", shipDate: dayFromToday(1) })).toEqual({ done: true });
    const shipped = await db.read.selectFrom("orders").select(["status", "carrier_code"]).where("id", "=", orderId).executeTakeFirstOrThrow();
    expect(shipped).toEqual({ status: "shipped", carrier_code: "ups" });
  });
});
