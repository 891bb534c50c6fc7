import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { redirect } from "next/navigation";
import { db } from "@/db/database";
import type { Role } from "@/db/schema";
import { listApiKeys } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/errors";
import { formValues, workspaceAction, type FormState } from "@/lib/http/action-client";
import { createStore } from "@/lib/stores/manage-stores";
import { createFormatter } from "@/lib/i18n/format";
import { importOneStore } from "@/lib/imports/import-all-stores";
import { dayOf } from "@/lib/stores/store-sweeps";
import { startShopifyFake } from "../../fakes/shopify/server";
import { useTestDatabase } from "../../helpers/database";
import { formOf as form, redirectOf } from "../../helpers/server-actions";
import { createMerchant } from "../../helpers/workspaces";

// Outside Next.js there is no request: the signed-in user and the request's cookies are the
// test's. Everything after them (the membership lookup, the translator, lib) is the real code.
const request = vi.hoisted(() => ({ userId: null as string | null, cookies: {} as Record<string, string> }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (request.userId ? { user: { id: request.userId } } : null),
  // Auth.js ends a successful sign-in with Next's redirect.
  signIn: async (_provider: string, options: { redirectTo: string }) => (await import("next/navigation")).redirect(options.redirectTo),
}));
// next-auth's own module does not load outside Next.js; the actions only need its error class.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name in request.cookies ? { name, value: request.cookies[name] } : undefined) }),
  headers: async () => new Headers({ "accept-language": "en" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

useTestDatabase();

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

beforeEach(() => {
  request.userId = null;
  request.cookies = {};
});



/** A user who joins the workspace with a role, as an invitation would add them. */
async function addMember(workspaceId: string, role: Role) {
  const userId = randomUUID();
  await db.write.insertInto("User").values({ id: userId, name: "Bo Member", email: `${userId}@example.test`, emailVerified: null, image: null }).execute();
  await db.write.insertInto("memberships").values({ workspace_id: workspaceId, user_id: userId, role, created_at: Date.now() }).execute();
  return userId;
}

function connectShopify(workspaceId: string) {
  return createStore(workspaceId, { platform: "shopify", name: "Trail Shop", baseUrl: "https://trail.example", credentials: { accessToken: "shpat_secret" } });
}

/** An action built for the test: owners only, one required field. */
function ownersAction(handler = vi.fn(async (): Promise<FormState> => ({}))) {
  const action = workspaceAction(
    { input: (_state: FormState, formData: FormData) => formValues(formData), schema: z.object({ name: z.string().trim().min(1, "Name it") }), allow: (role) => role === "owner" },
    handler,
  );
  return { action, handler };
}

describe("the action builder", () => {
  it("refuses a signed-out caller with a form error, keeping the form's values, and never runs the handler", async () => {
    const { action, handler } = ownersAction();
    expect(await action({}, form({ name: "Ada" }))).toEqual({ error: "Your session has ended. Sign in again to continue.", values: { name: "Ada" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a signed-in user who is a member of no workspace", async () => {
    const userId = randomUUID();
    await db.write.insertInto("User").values({ id: userId, name: "Nobody", email: `${userId}@example.test`, emailVerified: null, image: null }).execute();
    request.userId = userId;
    const { action, handler } = ownersAction();
    expect(await action({}, form({ name: "Ada" }))).toMatchObject({ error: "Your session has ended. Sign in again to continue." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a member whose role is not allowed, before reading the input", async () => {
    const { workspaceId } = await createMerchant();
    request.userId = await addMember(workspaceId, "member");
    const { action, handler } = ownersAction();
    expect(await action({}, form({ name: "" }))).toEqual({ error: "Your role in this workspace doesn't allow this.", values: { name: "" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("hands the handler the caller, their workspace and role, the parsed input and a translator", async () => {
    const { userId, workspaceId } = await createMerchant();
    request.userId = userId;
    const { action, handler } = ownersAction();
    await action({}, form({ name: "  Ada  ", $ACTION_ID_1: "" }));
    expect(handler).toHaveBeenCalledOnce();
    const [context] = handler.mock.calls[0] as unknown as [Record<string, unknown> & { t: (key: string) => string }];
    expect(context).toMatchObject({ workspaceId, userId, role: "owner", input: { name: "Ada" }, values: { name: "  Ada  " } });
    expect(context.t("actions.fixFields")).toBe("Check the highlighted fields.");
  });

  it("answers invalid input with errors naming each field, in the merchant's language", async () => {
    const { userId } = await createMerchant();
    request.userId = userId;
    request.cookies.locale = "fr";
    const { action, handler } = ownersAction();
    expect(await action({}, form({ name: " " }))).toEqual({ error: "Vérifiez les champs signalés.", fieldErrors: { name: ["Name it"] }, values: { name: " " } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers a lib AppError with its message, and rethrows anything else", async () => {
    const { userId } = await createMerchant();
    request.userId = userId;
    const conflict = ownersAction(vi.fn(async (): Promise<FormState> => Promise.reject(new AppError("conflict", "Already done."))));
    expect(await conflict.action({}, form({ name: "Ada" }))).toEqual({ error: "Already done.", values: { name: "Ada" } });
    const broken = ownersAction(vi.fn(async (): Promise<FormState> => Promise.reject(new Error("disk full"))));
    await expect(broken.action({}, form({ name: "Ada" }))).rejects.toThrow("disk full");
  });

  it("lets a handler's redirect() through", async () => {
    const { userId } = await createMerchant();
    request.userId = userId;
    const { action } = ownersAction(vi.fn(async (): Promise<FormState> => redirect("/orders/42")));
    expect(await redirectOf(action({}, form({ name: "Ada" })))).toBe("/orders/42");
  });
});

describe("the stores' actions", () => {
  it("answer another workspace's store, or a missing one, with a form error rather than a 500", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    const theirs = await connectShopify(other.workspaceId);
    request.userId = me.userId;
    const { importStoreAction, setStoreActiveAction } = await import("@/app/(app)/stores/actions");

    expect(await importStoreAction(theirs)).toEqual({ error: "Store not found" });
    expect(await importStoreAction(999_999)).toEqual({ error: "Store not found" });
    expect(await setStoreActiveAction(theirs, false)).toEqual({ error: "Store not found" });
    expect(await setStoreActiveAction(999_999, false)).toEqual({ error: "Store not found" });
    const store = await db.read.selectFrom("stores").select("active").where("id", "=", theirs).executeTakeFirstOrThrow();
    expect(store.active).toBe(1);
  });

  it("deactivate the merchant's own store", async () => {
    const me = await createMerchant();
    const mine = await connectShopify(me.workspaceId);
    request.userId = me.userId;
    const { setStoreActiveAction } = await import("@/app/(app)/stores/actions");
    expect(await setStoreActiveAction(mine, false)).toEqual({});
    const store = await db.read.selectFrom("stores").select("active").where("id", "=", mine).executeTakeFirstOrThrow();
    expect(store.active).toBe(0);
  });

  it("save a new store and send the browser to it; a rejected form keeps every value but the secrets", async () => {
    const me = await createMerchant();
    request.userId = me.userId;
    const { saveStoreAction } = await import("@/app/(app)/stores/actions");
    const fields = { name: "Trail Shop", baseUrl: "https://trail.example", "credentials.accessToken": "shpat_secret", intent: "save" };

    const rejected = await saveStoreAction("shopify", null, {}, form({ ...fields, baseUrl: "trail.example" }));
    expect(rejected).toMatchObject({ error: "Check the highlighted fields.", fieldErrors: { baseUrl: [expect.any(String)] } });
    expect(rejected.values).toEqual({ name: "Trail Shop", baseUrl: "trail.example", intent: "save" });

    const path = await redirectOf(saveStoreAction("shopify", null, {}, form(fields)));
    expect(path).toMatch(/^\/stores\/\d+$/);
  });
});

describe("the sweep action", () => {
  const DAY = 86_400_000;
  const zone = "America/New_York";

  it("sweeps the merchant's days in their time zone and says what it read and found", async () => {
    const fake = await startShopifyFake({ startAt: Date.now() - 2 * DAY });
    try {
      fake.add({});
      fake.add({});
      const me = await createMerchant();
      const storeId = await createStore(me.workspaceId, { platform: "shopify", name: "Trail Shop", baseUrl: fake.url, credentials: { accessToken: "shpat_fake_0123456789abcdef" } });
      await importOneStore(me.workspaceId, storeId, "manual");
      // Committed late, behind the cursor's overlap: the regular imports miss it.
      fake.add({}, { at: Date.now() - 3 * DAY });
      request.userId = me.userId;
      request.cookies = { tz: zone };
      const { sweepStoreRangeAction } = await import("@/app/(app)/stores/actions");
      const now = Date.now();
      const fields = { from: dayOf(now - 4 * DAY, zone), to: dayOf(now, zone) };
      const day = createFormatter("en", zone).day;

      expect(await sweepStoreRangeAction(storeId, {}, form(fields))).toEqual({
        message: `Read ${day(now - 4 * DAY)}–${day(now)} again: 1 missed order imported, 2 unchanged`,
        values: fields,
      });
    } finally {
      await fake.close();
    }
  });

  it("names the wrong field in the page's words, and says when another import holds the store", async () => {
    const me = await createMerchant();
    const storeId = await createStore(me.workspaceId, { platform: "shopify", name: "Trail Shop", baseUrl: "https://trail.example", credentials: { accessToken: "shpat_secret" } });
    request.userId = me.userId;
    request.cookies = { tz: zone };
    const { sweepStoreRangeAction } = await import("@/app/(app)/stores/actions");
    const now = Date.now();
    const backwards = { from: dayOf(now, zone), to: dayOf(now - 3 * DAY, zone) };
    expect(await sweepStoreRangeAction(storeId, {}, form(backwards))).toEqual({ error: "Check the highlighted fields.", fieldErrors: { to: ["Choose a day, on or after From."] }, values: backwards });
    const tooLong = { from: dayOf(now - 100 * DAY, zone), to: dayOf(now, zone) };
    request.cookies.locale = "fr";
    expect(await sweepStoreRangeAction(storeId, {}, form(tooLong))).toEqual({
      error: "Vérifiez les champs signalés.",
      fieldErrors: { from: ["Choisissez un jour, au plus tard aujourd’hui et au plus 90 jours avant «\u00a0Au\u00a0»."] },
      values: tooLong,
    });

    request.cookies.locale = "en";
    await db.write.updateTable("stores").set({ lease_owner: "a-scheduled-import", lease_until: now + 60_000 }).where("id", "=", storeId).execute();
    const week = { from: dayOf(now - 6 * DAY, zone), to: dayOf(now, zone) };
    expect(await sweepStoreRangeAction(storeId, {}, form(week))).toEqual({ message: "An import is running for this store right now: try again in a moment.", busy: true, values: week });
  });
});

describe("the API keys' actions", () => {
  it("refuse a member who is not an owner or admin, in the page's words, and create nothing", async () => {
    const { workspaceId } = await createMerchant();
    request.userId = await addMember(workspaceId, "member");
    const { createApiKeyAction, revokeApiKeyAction, updateApiTimeZoneAction } = await import("@/app/(app)/settings/api-keys/actions");
    expect(await createApiKeyAction({}, form({ name: "Warehouse" }))).toEqual({ error: "Only owners and admins can manage API keys.", values: { name: "Warehouse" } });
    expect(await revokeApiKeyAction({}, form({ apiKeyId: "1" }))).toMatchObject({ error: "Only owners and admins can manage API keys." });
    expect(await updateApiTimeZoneAction({}, form({ timeZone: "Europe/Paris" }))).toMatchObject({ error: "Only owners and admins can manage API keys." });
    expect(await listApiKeys(workspaceId)).toEqual([]);
  });

  it("let an admin create a key; a blank name is a field error in the page's words", async () => {
    const { workspaceId } = await createMerchant();
    request.userId = await addMember(workspaceId, "admin");
    const { createApiKeyAction } = await import("@/app/(app)/settings/api-keys/actions");
    expect(await createApiKeyAction({}, form({ name: " " }))).toEqual({
      error: "Check the highlighted fields.",
      fieldErrors: { name: ["Name the key (at most 100 characters)."] },
      values: { name: " " },
    });
    const { created } = await createApiKeyAction({}, form({ name: "Warehouse" }));
    expect(created).toMatchObject({ name: "Warehouse", title: 'Key "Warehouse" created' });
    expect((await listApiKeys(workspaceId)).map((key) => key.name)).toEqual(["Warehouse"]);
  });

  it("answer another workspace's key as one that no longer exists", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    request.userId = other.userId;
    const { createApiKeyAction, revokeApiKeyAction } = await import("@/app/(app)/settings/api-keys/actions");
    const { created } = await createApiKeyAction({}, form({ name: "Theirs" }));
    request.userId = me.userId;
    expect(await revokeApiKeyAction({}, form({ apiKeyId: String(created!.id) }))).toMatchObject({ error: "This key no longer exists." });
    expect(await revokeApiKeyAction({}, form({ apiKeyId: "not-a-number" }))).toMatchObject({ error: "This key no longer exists." });
    expect((await listApiKeys(other.workspaceId))[0].revokedAt).toBeNull();
  });
});

describe("the orders' actions", () => {
  const newOrder = {
    storeId: "",
    orderNumber: "",
    status: "awaiting_shipment",
    orderDate: "2026-11-05T10:30",
    "shipTo.name": "Katherine Johnson",
    "shipTo.street1": "1 NASA Dr",
    "shipTo.city": "Hampton",
    "shipTo.state": "VA",
    "shipTo.postalCode": "23681",
    "shipTo.country": "US",
    billToSameAsShipTo: "on",
    "items.0.name": "Desk globe",
    "items.0.quantity": "2",
    "items.0.unitPrice": "12.50",
  };

  it("create an order and send the browser to it; a form missing its items says which field", async () => {
    const { userId, manualStoreId } = await createMerchant();
    request.userId = userId;
    const { createOrderAction } = await import("@/app/(app)/orders/actions");
    const fields = { ...newOrder, storeId: String(manualStoreId) };

    const { "items.0.name": _name, "items.0.quantity": _quantity, "items.0.unitPrice": _price, ...withoutItems } = fields;
    const rejected = await createOrderAction({}, form(withoutItems));
    expect(rejected).toMatchObject({ error: "Check the highlighted fields.", fieldErrors: { items: ["Add at least one item"] }, values: withoutItems });

    const dateless = await createOrderAction({}, form({ ...fields, orderDate: "" }));
    expect(dateless.fieldErrors).toEqual({ orderDate: ["Enter the order date"] });

    expect(await redirectOf(createOrderAction({}, form(fields)))).toMatch(/^\/orders\/\d+$/);
  });

  it("answer another workspace's order as not found", async () => {
    const me = await createMerchant();
    const other = await createMerchant("Other Merchant");
    request.userId = other.userId;
    const { createOrderAction, cancelOrderAction, updateOrderAction } = await import("@/app/(app)/orders/actions");
    const theirs = Number((await redirectOf(createOrderAction({}, form({ ...newOrder, storeId: String(other.manualStoreId) })))).split("/").at(-1));

    request.userId = me.userId;
    expect(await cancelOrderAction(theirs)).toEqual({ error: "Order not found" });
    expect(await updateOrderAction(theirs, {}, form({ ...newOrder, storeId: String(me.manualStoreId) }))).toMatchObject({ error: "Order not found" });
  });

  it("hold an order until a day, and say so when the day is missing", async () => {
    const { userId, manualStoreId } = await createMerchant();
    request.userId = userId;
    const { createOrderAction, holdOrderAction } = await import("@/app/(app)/orders/actions");
    const orderId = Number((await redirectOf(createOrderAction({}, form({ ...newOrder, storeId: String(manualStoreId) })))).split("/").at(-1));
    expect(await holdOrderAction(orderId, {}, form({ holdUntil: "" }))).toMatchObject({ error: "Hold until" });
    expect(await holdOrderAction(orderId, {}, form({ holdUntil: "2036-12-01" }))).toEqual({ done: true });
    const row = await db.read.selectFrom("orders").select(["status", "hold_until_date"]).where("id", "=", orderId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "on_hold", hold_until_date: Date.UTC(2036, 11, 1) });
  });
});

describe("sign-up, which has no session yet", () => {
  it("names the taken email in the form's words and keeps every value but the password", async () => {
    const { signUpAction } = await import("@/app/(auth)/actions");
    const email = `${randomUUID()}@example.test`;
    const fields = { name: "Ada", email, password: "correct horse battery", workspaceName: "" };
    expect(await redirectOf(signUpAction({}, form(fields)))).toBe("/orders");
    expect(await signUpAction({}, form(fields))).toEqual({
      error: "An account with this email already exists.",
      fieldErrors: { email: ["An account with this email already exists."] },
      values: { name: "Ada", email, workspaceName: "" },
    });
  });

  it("answers invalid fields with the page's translated message per field", async () => {
    const { signUpAction } = await import("@/app/(auth)/actions");
    expect(await signUpAction({}, form({ name: "", email: "not-an-email", password: "short" }))).toEqual({
      error: "Check the highlighted fields.",
      fieldErrors: { name: ["Enter your name."], email: ["Enter a valid email address."], password: ["Use at least 8 characters."] },
      values: { name: "", email: "not-an-email", workspaceName: "" },
    });
  });
});
