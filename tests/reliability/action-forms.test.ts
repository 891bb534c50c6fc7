import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { db } from "@/db/database";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { seededRandom } from "@/lib/demo/generate-orders";
import { AppError } from "@/lib/errors";
import { getStoreActivity } from "@/lib/imports/store-activity";
import { getOrderEditForm, getOrderOrThrow } from "@/lib/orders/get-order";
import { getOrdersPage } from "@/lib/orders/get-orders-page";
import { importOrders } from "@/lib/orders/import-orders";
import { parseOrderListQuery } from "@/lib/orders/list-query";
import { getOrderShippingChoice } from "@/lib/rating/order-parcel";
import { parseRateCardCsv } from "@/lib/rating/rate-card-csv";
import { getRateCardOrThrow, listRateCards, saveRateCard } from "@/lib/rating/rate-cards";
import { SAMPLE_RATE_CARD_CSVS } from "@/lib/rating/sample-rate-card";
import { listOriginZoneChartStatus, listShipFromLocations, saveShipFromLocation } from "@/lib/rating/ship-from-locations";
import { todayIn } from "@/lib/rating/today";
import { getStoreOrThrow } from "@/lib/stores/get-store";
import { createStore, listStoresWithHealth } from "@/lib/stores/manage-stores";
import { getApiTimeZone } from "@/lib/workspaces/api-time-zone";
import { signUpUser } from "@/lib/auth/sign-up";
import { listCsvMappings, saveCsvMapping } from "@/lib/csv/csv-mappings";
import { acceptInvitation, createInvitation, listInvitations } from "@/lib/workspaces/invitations";
import { listMembers } from "@/lib/workspaces/members";
import { getProfile } from "@/lib/auth/profile";
import { startShopifyFake, type ShopifyFake } from "../fakes/shopify/server";
import { startUspsZonesFake, type UspsZonesFake } from "../fakes/usps-zones/server";
import { useTestDatabase } from "../helpers/database";
import { buildOrder } from "../helpers/orders";
import { listServerActions, loadServerAction, signedIn } from "../helpers/server-actions";
import { createMerchant } from "../helpers/workspaces";
import { inputsPerSurface, mutate, mutateForm, NASTY_FORM_VALUES, NASTY_IDS, NASTY_VALUES, pick, toFormData, type FormFields, type Random } from "./mutate";
import { recordSurface } from "./record";

vi.mock("@/lib/auth/auth", async () => (await import("../helpers/server-actions")).requestEdge.auth);
vi.mock("next-auth", async () => (await import("../helpers/server-actions")).requestEdge.nextAuth);
vi.mock("next/headers", async () => (await import("../helpers/server-actions")).requestEdge.headers);
vi.mock("next/cache", async () => (await import("../helpers/server-actions")).requestEdge.cache);

useTestDatabase();

/** One workspace's things an action can be pointed at. */
interface Fixtures {
  userId: string;
  workspaceId: string;
  manualStoreId: number;
  orderId: number;
  orderForm: Record<string, string>;
  storeId: number;
  locationId: number;
  rateCardId: number;
  apiKeyId: number;
  mappingId: number;
  /** A second member (role member) of the workspace, for the members page's actions. */
  memberUserId: string;
  invitationId: number;
  invitationToken: string;
}

interface Fuzzed {
  /** The arguments the page binds before the form (ids, the platform, a flag), valid for the caller. */
  bound?: (ours: Fixtures) => unknown[];
  /** The form the page posts, valid; `i` makes what must be unique (an email) so. */
  form?: (ours: Fixtures, i: number) => FormFields;
  /** The language switcher posts its form alone; every other form comes after useActionState's previous state. */
  formOnly?: true;
  /** The order it is pointed at is on hold (Restore takes only such an order). */
  orderOnHold?: true;
  /** Sign-in and sign-up: called signed out, before any workspace. */
  signedOut?: true;
  /**
   * A connection test or a sweep that fails answers with an error and still records the attempt
   * (the store's health columns, an import run): by design, so those are left out of its comparison.
   */
  recordsAttempts?: true;
}

const LOCATION: FormFields = [["name", "Warehouse"], ["company", ""], ["street1", "1 Main St"], ["street2", ""], ["city", "Boston"], ["state", "MA"], ["postalCode", "02134"], ["country", "US"], ["phone", ""], ["isDefault", "on"]];
const SHOPIFY_TOKEN = "shpat_fuzz_0123456789";
const SAMPLE_CSV = Object.values(SAMPLE_RATE_CARD_CSVS)[0];
const ZONE_CHART = JSON.stringify({ ZIPCodeError: "", EffectiveDate: "April 1, 2024", Column0: [{ ZipCodes: "005---089", Zone: "8", MailService: "" }], Zip5Digit: [] });

let shopify: ShopifyFake;
let usps: UspsZonesFake;

const fields = (values: Record<string, string>): FormFields => Object.entries(values);
/** createMerchant's password: a password change to the same one keeps the next call's form valid. */
const PASSWORD = "correct horse battery";
const newOrderForm = (ours: Fixtures): FormFields => fields({ ...ours.orderForm, orderNumber: "", storeId: String(ours.manualStoreId) });

/**
 * Every server action, with the call its page makes. An action exported by a "use server" file
 * that is not here fails the first test, so a new one is fuzzed too.
 */
const FUZZ: Record<string, Fuzzed | { noInput: string }> = {
  "(app)/orders/actions.ts#createOrderAction": { form: newOrderForm },
  "(app)/orders/actions.ts#updateOrderAction": { bound: (o) => [o.orderId], form: (o) => fields(o.orderForm) },
  "(app)/orders/actions.ts#cancelOrderAction": { bound: (o) => [o.orderId] },
  "(app)/orders/actions.ts#holdOrderAction": { bound: (o) => [o.orderId], form: () => [["holdUntil", "2099-01-01"]] },
  "(app)/orders/actions.ts#restoreOrderAction": { bound: (o) => [o.orderId], orderOnHold: true },
  "(app)/orders/actions.ts#markShippedAction": { bound: (o) => [o.orderId], form: () => [["shipDate", "2026-12-01"], ["carrierCode", "usps"], ["trackingNumber", "9400 1000 0000 0000 0000 00"]] },
  "(app)/orders/actions.ts#createReplacementAction": { bound: (o) => [o.orderId] },
  "(app)/orders/bulk-actions.ts#bulkOrdersAction": { form: (o) => [["orderId", String(o.orderId)], ["holdUntil", "2099-01-01"], ["shipDate", ""], ["carrierCode", ""], ["action", "hold"]] },
  "(app)/orders/[orderId]/rate-actions.ts#quoteOrderRatesAction": { bound: (o) => [o.orderId] },
  "(app)/orders/[orderId]/rate-actions.ts#chooseOrderRateAction": { bound: (o) => [o.orderId, { carrierCode: "sample", serviceCode: "sample_ground", packageCode: "package" }] },
  "(app)/rates/actions.ts#quoteRatesAction": {
    form: (o) => fields({ locationId: String(o.locationId), toPostalCode: "10001", toCountry: "US", toCity: "", toState: "", residential: "on", "weight.value": "1.5", "weight.units": "pounds", "dimensions.length": "10", "dimensions.width": "8", "dimensions.height": "4", "dimensions.units": "inches", confirmation: "none", packageCode: "package" }),
  },
  "(app)/stores/actions.ts#importAllStoresAction": { form: () => [] },
  "(app)/stores/actions.ts#importStoreAction": { bound: (o) => [o.storeId] },
  "(app)/stores/actions.ts#saveStoreAction": {
    bound: (o) => ["shopify", o.storeId],
    form: () => fields({ name: "Fuzz shop", baseUrl: shopify.url, "credentials.accessToken": SHOPIFY_TOKEN, "credentials.webhookSecret": "", "credentials.apiVersion": "", intent: "save" }),
    recordsAttempts: true,
  },
  "(app)/stores/actions.ts#setStoreActiveAction": { bound: (o) => [o.storeId, false] },
  "(app)/stores/actions.ts#deleteStoreAction": { bound: (o) => [o.storeId] },
  "(app)/stores/actions.ts#setStoreAutoImportAction": { bound: (o) => [o.storeId, false] },
  "(app)/stores/actions.ts#sweepStoreRangeAction": { bound: (o) => [o.storeId], form: () => [["from", "2026-11-01"], ["to", "2026-11-05"]], recordsAttempts: true },
  "(app)/settings/api-keys/actions.ts#createApiKeyAction": { form: () => [["name", "Fuzz key"]] },
  "(app)/settings/api-keys/actions.ts#revokeApiKeyAction": { form: (o) => [["apiKeyId", String(o.apiKeyId)]] },
  "(app)/settings/api-keys/actions.ts#updateApiTimeZoneAction": { form: () => [["timeZone", "America/New_York"]] },
  "(app)/settings/locations/actions.ts#saveLocationAction": { bound: (o) => [o.locationId, null], form: () => LOCATION },
  "(app)/settings/locations/actions.ts#makeDefaultLocationAction": { bound: (o) => [o.locationId] },
  "(app)/settings/locations/actions.ts#deleteLocationAction": { bound: (o) => [o.locationId] },
  "(app)/settings/locations/actions.ts#fetchZoneChartAction": { bound: () => ["021"] },
  "(app)/settings/locations/actions.ts#uploadZoneChartAction": { bound: () => ["021"], form: () => [["intent", "upload"], ["file", { file: ZONE_CHART, name: "021.json", type: "application/json" }]] },
  "(app)/settings/rate-cards/actions.ts#uploadRateCardAction": { form: () => [["file", { file: SAMPLE_CSV, name: "card.csv", type: "text/csv" }]] },
  "(app)/settings/rate-cards/actions.ts#setRateCardActiveAction": { form: (o) => [["rateCardId", String(o.rateCardId)], ["active", "false"]] },
  "(app)/settings/rate-cards/actions.ts#deleteRateCardAction": { form: (o) => [["rateCardId", String(o.rateCardId)]] },
  "(app)/settings/csv-mappings/actions.ts#renameCsvMappingAction": { form: (o, i) => [["mappingId", String(o.mappingId)], ["name", `Renamed ${i}`]] },
  "(app)/settings/csv-mappings/actions.ts#deleteCsvMappingAction": { form: (o) => [["mappingId", String(o.mappingId)]] },
  "(app)/settings/members/actions.ts#createInvitationAction": { form: (_o, i) => [["email", `invitee-${i}@example.test`], ["role", "member"]] },
  "(app)/settings/members/actions.ts#revokeInvitationAction": { form: (o) => [["invitationId", String(o.invitationId)]] },
  "(app)/settings/members/actions.ts#changeMemberRoleAction": { form: (o) => [["userId", o.memberUserId], ["role", "admin"]] },
  "(app)/settings/members/actions.ts#removeMemberAction": { form: (o) => [["userId", o.memberUserId]] },
  "(app)/settings/profile/actions.ts#updateProfileAction": { form: () => [["name", "Fuzz Merchant"]] },
  "(app)/settings/profile/actions.ts#changePasswordAction": { form: () => [["currentPassword", PASSWORD], ["newPassword", PASSWORD], ["confirmPassword", PASSWORD]] },
  // The caller is not the invitee (another email, already in a workspace): every call is refused, by design of the check.
  "(auth)/invite/[token]/actions.ts#acceptInvitationAction": { bound: (o) => [o.invitationToken], form: () => [] },
  "(auth)/invite/[token]/actions.ts#signOutForInvitationAction": { bound: (o) => [o.invitationToken] },
  "(auth)/actions.ts#signInAction": { form: () => [["email", "ada@example.test"], ["password", "correct horse battery"], ["callbackUrl", "/orders"]], signedOut: true },
  "(auth)/actions.ts#signUpAction": { form: (_o, i) => [["name", "Fuzz Merchant"], ["email", `fuzz-${i}@example.test`], ["password", "correct horse battery"], ["workspaceName", "Fuzz shop"]], signedOut: true },
  "locale-actions.ts#setLocaleAction": { form: () => [["locale", "fr"]], formOnly: true },
  "(app)/layout.tsx#default": { noInput: "the layout's inline sign-out: no form fields, no arguments" },
  "(auth)/oauth-buttons.tsx#default": { noInput: "OAuth sign-in: the provider is the server's closure, not the form's" },
};

const fuzzed = Object.entries(FUZZ).filter((entry): entry is [string, Fuzzed] => !("noInput" in entry[1]));
const PER_ACTION = Math.max(50, Math.ceil(inputsPerSurface() / fuzzed.length));

/** A workspace with one of everything an action can be pointed at. */
async function createFixtures(name: string, options: { orderOnHold?: boolean } = {}): Promise<Fixtures> {
  const merchant = await createMerchant(name);
  return { ...merchant, ...(await createTargets(merchant.workspaceId, merchant.userId, merchant.manualStoreId, options)) };
}

/**
 * A new order, store, location and key (and a rate card when none is left) in the workspace: after
 * a call that succeeded, the next starts from things that are still there and open.
 */
async function createTargets(workspaceId: string, ownerId: string, manualStoreId: number, options: { orderOnHold?: boolean } = {}): Promise<Omit<Fixtures, "userId" | "workspaceId" | "manualStoreId">> {
  const [order] = await importOrders(workspaceId, manualStoreId, [buildOrder({ weightOz: 12, ...(options.orderOnHold ? { status: "on_hold" } : {}) })], { source: "manual" });
  const storeId = Number(await createStore(workspaceId, { platform: "shopify", name: "Fuzz shop", baseUrl: shopify.url, credentials: { accessToken: SHOPIFY_TOKEN } }));
  const { location } = await saveShipFromLocation(workspaceId, null, { name: "Warehouse", street1: "1 Main St", city: "Boston", state: "MA", postalCode: "02134", country: "US", isDefault: true });
  const [card] = await listRateCards(workspaceId);
  const rateCardId = card?.id ?? (await saveRateCard(workspaceId, (parseRateCardCsv(SAMPLE_CSV) as { card: Parameters<typeof saveRateCard>[1] }).card));
  const key = await createApiKey(workspaceId, { name: "Fuzz key" });
  const edit = await getOrderEditForm(workspaceId, order.orderId!, "UTC");
  const mapping = await saveCsvMapping(workspaceId, { name: "Fuzz mapping", headersSignature: "2-fuzz", mapping: { 0: "orderNumber", 1: "orderDate" }, headers: ["Order", "Date"] });
  const owner = { userId: ownerId, role: "owner" as const };
  const invitation = await createInvitation(workspaceId, owner, { email: `open-invite-${workspaceId}@example.test`, role: "member" });
  return {
    orderId: order.orderId!, orderForm: edit.initial!, storeId, locationId: location.id, rateCardId, apiKeyId: key.id,
    mappingId: mapping.id, memberUserId: await memberOf(workspaceId, owner), invitationId: invitation.id, invitationToken: invitation.token,
  };
}

/** The workspace's member (role member, or the admin a role change made), or a new one who joined by invitation. */
async function memberOf(workspaceId: string, owner: { userId: string; role: "owner" }): Promise<string> {
  const existing = (await listMembers(workspaceId)).find((member) => member.role !== "owner");
  if (existing) return existing.userId;
  const email = `member-${crypto.randomUUID()}@example.test`;
  const { token } = await createInvitation(workspaceId, owner, { email, role: "member" });
  const user = await signUpUser({ name: "Fuzz Member", email, password: PASSWORD });
  await acceptInvitation({ userId: user.userId, email }, token);
  return user.userId;
}

/** The store columns that record imports and connection tests, not the merchant's settings. */
const STORE_RECORD_COLUMNS = ["cursor", "last_import_at", "last_new_order_at", "next_import_at", "lease_owner", "lease_until", "consecutive_failures", "last_error", "schedule", "next_import_reason", "orders_per_hour", "last_error_kind", "last_sweep_at", "last_sweep_missed", "connection_tested_at", "connection_error"];

/** Everything of a workspace an action could change (without one: the accounts sign-up makes). */
async function snapshotOf(workspaceId: string | null, options: { recordsAttempts?: boolean } = {}) {
  if (workspaceId === null) {
    const count = async (table: "User" | "workspaces" | "memberships" | "stores") => Number((await db.read.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    return { users: await count("User"), workspaces: await count("workspaces"), memberships: await count("memberships"), stores: await count("stores") };
  }
  const rowsOf = (table: "orders" | "stores" | "ship_from_locations" | "rate_cards" | "api_keys" | "import_runs" | "usps_zone_charts" | "workspaces" | "memberships" | "csv_mappings" | "workspace_invitations") =>
    db.read.selectFrom(table).selectAll().where(table === "workspaces" ? "id" : ("workspace_id" as never), "=", workspaceId as never).orderBy((table === "memberships" ? "user_id" : table === "usps_zone_charts" ? "origin_zip3" : "id") as never).execute();
  const ofOrders = (table: "order_items" | "order_events") => db.read.selectFrom(table).innerJoin("orders", "orders.id", `${table}.order_id`).selectAll(table).where("orders.workspace_id", "=", workspaceId).orderBy(`${table}.id`).execute();
  const stores = (await rowsOf("stores")).map((store) => (options.recordsAttempts ? Object.fromEntries(Object.entries(store).filter(([column]) => !STORE_RECORD_COLUMNS.includes(column))) : store));
  return {
    orders: await rowsOf("orders"), items: await ofOrders("order_items"), events: await ofOrders("order_events"), stores,
    locations: await rowsOf("ship_from_locations"), rateCards: await rowsOf("rate_cards"), apiKeys: await rowsOf("api_keys"), zoneCharts: await rowsOf("usps_zone_charts"),
    workspace: await rowsOf("workspaces"), memberships: await rowsOf("memberships"),
    csvMappings: await rowsOf("csv_mappings"), invitations: await rowsOf("workspace_invitations"),
    users: await db.read.selectFrom("User").innerJoin("memberships", "memberships.user_id", "User.id").selectAll("User").where("memberships.workspace_id", "=", workspaceId).orderBy("User.id").execute(),
    importRuns: options.recordsAttempts ? null : await rowsOf("import_runs"),
  };
}

type Outcome = "ok" | "refused" | "redirected" | "not_found" | "thrown";

/** How a call ended: its state, Next's redirect or notFound (control flow, not failures), or an error nobody meant. */
async function attempt(call: () => Promise<unknown>): Promise<{ outcome: Outcome; state?: unknown; redirectedTo?: string; error?: unknown }> {
  try {
    const state = await call();
    const refused = Boolean(state && typeof state === "object" && "error" in state);
    return { outcome: refused ? "refused" : "ok", state };
  } catch (error) {
    if (isRedirectError(error)) return { outcome: "redirected", redirectedTo: getURLFromRedirectError(error) };
    if (isHTTPAccessFallbackError(error)) return { outcome: "not_found" };
    return { outcome: "thrown", error };
  }
}

/** A refusal's words: a message, and each field it names with its own. Internals in them are the 500 of a form. */
function refusalFault(state: unknown): string | null {
  const { error, fieldErrors } = state as { error?: unknown; fieldErrors?: Record<string, unknown> };
  if (typeof error !== "string" || !error.trim()) return "no message";
  if (fieldErrors !== undefined) {
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (!field || !Array.isArray(messages) || messages.length === 0 || messages.some((message) => typeof message !== "string" || !message.trim())) return `field ${JSON.stringify(field)} without its message`;
    }
  }
  return null;
}

const INTERNALS = /TypeError|ReferenceError|RangeError|SyntaxError|SQLITE_|LibsqlError|Cannot read prop|is not a function|is not iterable|\[object Object\]|\n\s+at /;

/** The item rows the order form posted, as the form reads them: a row counts when any of its cells is filled. */
function itemRowsOf(form: FormData): number {
  const rows = new Map<string, boolean>();
  const last = new Map<string, string>();
  for (const [name, value] of form.entries()) if (typeof value === "string") last.set(name, value);
  for (const [name, value] of last) {
    const row = /^items\.(\d+)\./.exec(name)?.[1];
    if (row !== undefined) rows.set(String(Number(row)), (rows.get(String(Number(row))) ?? false) || Boolean(value.trim()));
  }
  return [...rows.values()].filter(Boolean).length;
}

async function itemCount(workspaceId: string, orderId: number): Promise<number> {
  const row = await db.read.selectFrom("order_items").innerJoin("orders", "orders.id", "order_items.order_id").select((eb) => eb.fn.countAll<number>().as("n")).where("orders.workspace_id", "=", workspaceId).where("orders.id", "=", orderId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Orders of the workspace without a single item: a write cut in half. */
async function ordersWithoutItems(workspaceId: string): Promise<number[]> {
  const rows = await db.read
    .selectFrom("orders")
    .leftJoin("order_items", "order_items.order_id", "orders.id")
    .select("orders.id")
    .where("orders.workspace_id", "=", workspaceId)
    .groupBy("orders.id")
    .having((eb) => eb.fn.count("order_items.id"), "=", 0)
    .execute();
  return rows.map((row) => row.id);
}

/** Every stored row of the workspace, read as its pages read it; what fails to read, by what it is. */
async function unreadableRowsOf(workspaceId: string): Promise<string[]> {
  const unreadable: string[] = [];
  const read = async (what: string, reader: () => Promise<unknown>) => {
    try {
      await reader();
    } catch (error) {
      unreadable.push(`${what}: ${(error as Error).message}`);
    }
  };
  const today = todayIn("UTC");
  for (let after: string | undefined, page = 0; page === 0 || after; page++) {
    await read(`orders list page ${page + 1}`, async () => {
      after = (await getOrdersPage(workspaceId, parseOrderListQuery({ status: "all", size: "500", after }), "UTC")).page.nextCursor ?? undefined;
    });
  }
  const orders = await db.read.selectFrom("orders").select("id").where("workspace_id", "=", workspaceId).where("deleted_at", "is", null).execute();
  for (const { id } of orders) {
    await read(`order ${id}`, () => getOrderOrThrow(workspaceId, id));
    await read(`order ${id}'s shipping choice`, () => getOrderShippingChoice(workspaceId, id, today));
    await read(`order ${id}'s edit form`, () => getOrderEditForm(workspaceId, id, "UTC"));
  }
  await read("stores", () => listStoresWithHealth(workspaceId));
  // Manual Orders has no store page of its own.
  const stores = await db.read.selectFrom("stores").select("id").where("workspace_id", "=", workspaceId).where("platform", "!=", "manual").where("deleted_at", "is", null).execute();
  for (const { id } of stores) {
    await read(`store ${id}`, () => getStoreOrThrow(workspaceId, id));
    await read(`store ${id}'s activity`, () => getStoreActivity(workspaceId, id));
  }
  await read("locations", async () => {
    const locations = await listShipFromLocations(workspaceId);
    await listOriginZoneChartStatus(workspaceId, locations.map((location) => location.postalCode.slice(0, 3)), today);
  });
  await read("rate cards", async () => {
    for (const card of await listRateCards(workspaceId)) await getRateCardOrThrow(workspaceId, card.id);
  });
  await read("api keys", () => listApiKeys(workspaceId));
  await read("api time zone", () => getApiTimeZone(workspaceId));
  await read("csv mappings", () => listCsvMappings(workspaceId));
  await read("members", () => listMembers(workspaceId));
  await read("invitations", () => listInvitations(workspaceId));
  await read("profiles", async () => {
    for (const member of await listMembers(workspaceId)) await getProfile(member.userId);
  });
  return unreadable;
}

/** A bound argument in place of the page's: a nasty id, a real id of the wrong kind or workspace, a nasty value; an object mutated. */
function mutateArgument(value: unknown, random: Random, ids: number[]): unknown {
  if (value && typeof value === "object") return mutate(value, random);
  const roll = random();
  if (roll < 0.25) return pick(random, ids);
  if (roll < 0.7) return pick(random, NASTY_IDS);
  return pick(random, NASTY_VALUES);
}

/**
 * One malformed call of the action: its bound arguments or its form (or both) mutated. An action
 * that takes no form is called as its page calls it one time in five, so its success is tried too.
 */
function malformedCall(entry: Fuzzed, ours: Fixtures, theirs: Fixtures, i: number, random: Random): { args: unknown[]; form: FormData | null; control: boolean } {
  // The caller's ids first, then another workspace's.
  const idsOf = (fixtures: Fixtures) => [fixtures.orderId, fixtures.manualStoreId, fixtures.storeId, fixtures.locationId, fixtures.rateCardId, fixtures.apiKeyId, fixtures.mappingId, fixtures.invitationId];
  const ids = [...idsOf(ours), ...idsOf(theirs)];
  const oursIds = idsOf(ours).map(String);
  // Users are named by id: the caller, their member, and another workspace's.
  const userIds = [ours.userId, ours.memberUserId, theirs.userId, theirs.memberUserId];
  const bound = entry.bound?.(ours) ?? [];
  let form = entry.form?.(ours, i) ?? null;
  const control = !form && random() < 0.2;
  const mutateBound = bound.length > 0 && !control && (!form || random() < 0.35);
  if (mutateBound) {
    const times = 1 + Math.floor(random() * Math.min(2, bound.length));
    for (let t = 0; t < times; t++) {
      const at = Math.floor(random() * bound.length);
      bound[at] = mutateArgument(bound[at], random, ids);
    }
  }
  if (form && (!mutateBound || random() < 0.3)) form = mutateForm(form, random, [...NASTY_FORM_VALUES, ...ids.map(String), ...userIds]);
  // A form's id field (a key's, a card's, an order's) is given another real one: the lookup, not the schema, must refuse it.
  const idFields = form?.filter(([, value]) => typeof value === "string" && oursIds.includes(value)) ?? [];
  if (idFields.length && random() < 0.3) pick(random, idFields)[1] = String(pick(random, ids));
  const userFields = form?.filter(([, value]) => typeof value === "string" && value === ours.memberUserId) ?? [];
  if (userFields.length && random() < 0.3) pick(random, userFields)[1] = pick(random, userIds);
  const data = form ? toFormData(form) : null;
  const args = data ? [...bound, ...(entry.formOnly ? [] : [{}]), data] : bound;
  return { args, form: data, control };
}

describe("server action forms: a refusal that names the field, never a crash, nothing half-written, every row readable", () => {
  let theirs: Fixtures;
  let theirsBefore: Awaited<ReturnType<typeof snapshotOf>>;
  const workspaces: string[] = [];

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "test-secret";
    shopify = await startShopifyFake({ accessToken: SHOPIFY_TOKEN, bucketSize: 1_000_000_000, startAt: Date.now() - 3_600_000 });
    shopify.add();
    usps = await startUspsZonesFake();
    usps.addChart("021", { effectiveDate: "2024-04-01", zip3s: [["005---089", "8"], ["100---149", "4"]] });
    process.env.USPS_ZONE_CHART_URL = usps.url;
    theirs = await createFixtures("Bea Merchant");
    theirsBefore = await snapshotOf(theirs.workspaceId);
  });
  afterAll(async () => {
    delete process.env.USPS_ZONE_CHART_URL;
    await Promise.all([shopify?.close(), usps?.close()]);
  });

  it("has a fuzz entry for every server action, so a new action is fuzzed too", () => {
    const actions = listServerActions();
    expect(actions.filter((action) => !(action in FUZZ)), "server actions without a fuzz entry").toEqual([]);
    expect(Object.keys(FUZZ).filter((action) => !actions.includes(action)), "entries for actions that no longer exist").toEqual([]);
  });

  it(`${PER_ACTION} malformed calls of each of the ${fuzzed.length} actions with inputs`, async () => {
    const random = seededRandom(14);
    const answers: Record<Outcome, number> = { ok: 0, refused: 0, redirected: 0, not_found: 0, thrown: 0 };
    const thrown: string[] = [];
    const internals: string[] = [];
    const unnamed: string[] = [];
    const halfWritten: string[] = [];
    let controls = 0;

    for (const [name, entry] of fuzzed) {
      const action = await loadServerAction(name);
      let ours = await createFixtures(`Fuzz ${name.split("#")[1]}`, entry);
      workspaces.push(ours.workspaceId);
      const scope = entry.signedOut ? null : ours.workspaceId;
      for (let i = 0; i < PER_ACTION; i++) {
        const { args, form, control } = malformedCall(entry, ours, theirs, i, random);
        if (control) controls++;
        const before = await snapshotOf(scope, entry);
        signedIn.userId = entry.signedOut ? null : ours.userId;
        const result = await attempt(() => action(...(args as never[]))).finally(() => (signedIn.userId = null));
        answers[result.outcome]++;
        const call = `${name} #${i}`;
        if (result.outcome === "thrown") {
          const error = result.error as Error;
          thrown.push(`${call}: ${error instanceof AppError ? "AppError escaped: " : ""}${error?.name}: ${String(error?.message).slice(0, 200)}`);
        }
        if (result.outcome === "refused") {
          const fault = refusalFault(result.state);
          if (fault) unnamed.push(`${call}: ${fault}`);
        }
        if (result.state && INTERNALS.test(JSON.stringify(result.state))) internals.push(`${call}: ${JSON.stringify(result.state).slice(0, 300)}`);
        if (result.outcome !== "ok" && result.outcome !== "redirected") {
          const after = await snapshotOf(scope, entry);
          const changed = Object.keys(after).filter((part) => !isDeepStrictEqual(after[part as keyof typeof after], before[part as keyof typeof before]));
          if (changed.length) halfWritten.push(`${call}: ${result.outcome} (${JSON.stringify(result.state ?? String(result.error)).slice(0, 200)}), yet its ${changed.join(", ")} changed`);
        }
        const orderId = Number(/^\/orders\/(\d+)$/.exec(result.redirectedTo ?? "")?.[1]);
        if (form && orderId && /#(createOrderAction|updateOrderAction)$/.test(name)) {
          const stored = await itemCount(ours.workspaceId, orderId);
          if (stored !== itemRowsOf(form)) halfWritten.push(`${call}: order ${orderId} has ${stored} items for ${itemRowsOf(form)} posted`);
        }
        if (!entry.signedOut && (result.outcome === "ok" || result.outcome === "redirected")) ours = { ...ours, ...(await createTargets(ours.workspaceId, ours.userId, ours.manualStoreId, entry)) };
      }
      if (!entry.signedOut) for (const orderId of await ordersWithoutItems(ours.workspaceId)) halfWritten.push(`${name}: order ${orderId} has no items`);
    }

    const unreadable: string[] = [];
    for (const workspaceId of [...workspaces, theirs.workspaceId]) unreadable.push(...(await unreadableRowsOf(workspaceId)));
    const theirsChanged = !isDeepStrictEqual(await snapshotOf(theirs.workspaceId), theirsBefore);

    await recordSurface("Server action forms", {
      tried: PER_ACTION * fuzzed.length,
      actions: fuzzed.length,
      per_action: PER_ACTION,
      valid_controls: controls,
      answers: Object.fromEntries(Object.entries(answers).filter(([outcome]) => outcome !== "thrown")),
      thrown: thrown.length,
      server_errors: internals.length,
      refusals_unnamed: unnamed.length,
      half_written: halfWritten.length + (theirsChanged ? 1 : 0),
      unreadable_after: unreadable.length,
    });
    expect.soft(thrown, "errors that are not the app's refusals nor Next's redirect or notFound").toEqual([]);
    expect.soft(internals, "answers that show the server's internals").toEqual([]);
    expect.soft(unnamed, "refusals that name no field and give no message").toEqual([]);
    expect.soft(halfWritten).toEqual([]);
    expect.soft(theirsChanged, "another workspace's rows changed").toBe(false);
    expect.soft(unreadable).toEqual([]);
  });
});
