import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/database";
import { createApiKey } from "@/lib/auth/api-keys";
import { saveCsvMapping } from "@/lib/csv/csv-mappings";
import { getOrderEditForm } from "@/lib/orders/get-order";
import { importOrders } from "@/lib/orders/import-orders";
import { listRateCards } from "@/lib/rating/rate-cards";
import { saveShipFromLocation } from "@/lib/rating/ship-from-locations";
import { createStore } from "@/lib/stores/manage-stores";
import { createInvitation } from "@/lib/workspaces/invitations";
import { useTestDatabase } from "../../helpers/database";
import { buildOrder } from "../../helpers/orders";
import { formOf as form, listServerActions, loadServerAction, signedIn } from "../../helpers/server-actions";
import { createMerchant } from "../../helpers/workspaces";

// The signed-in user is the test's (Ada); everything after it is the real code (tests/helpers/server-actions.ts).
vi.mock("@/lib/auth/auth", async () => (await import("../../helpers/server-actions")).requestEdge.auth);
vi.mock("next-auth", async () => (await import("../../helpers/server-actions")).requestEdge.nextAuth);
vi.mock("next/headers", async () => (await import("../../helpers/server-actions")).requestEdge.headers);
vi.mock("next/cache", async () => (await import("../../helpers/server-actions")).requestEdge.cache);

useTestDatabase();

interface Theirs {
  orderId: number;
  orderForm: Record<string, string>;
  storeId: number;
  locationId: number;
  rateCardId: number;
  apiKeyId: number;
  mappingId: number;
  invitationId: number;
  userId: string;
}

const LOCATION = { name: "Ada's warehouse", street1: "1 Main St", city: "Boston", state: "MA", postalCode: "02134", country: "US" };

/**
 * How to call each server action with Bea's ids, or why it takes none. Every action exported by a
 * "use server" file must be listed, so a new action can't skip this check.
 */
const ACTIONS: Record<string, ((t: Theirs) => unknown[]) | { noWorkspaceIds: string }> = {
  "(app)/orders/actions.ts#createOrderAction": { noWorkspaceIds: "creates an order in the caller's own manual store" },
  // The whole edit form as Bea's own page would post it, so only the ownership check can refuse it.
  "(app)/orders/actions.ts#updateOrderAction": (t) => [t.orderId, {}, form({ ...t.orderForm, "shipTo.name": "Changed" })],
  "(app)/orders/actions.ts#cancelOrderAction": (t) => [t.orderId],
  "(app)/orders/actions.ts#holdOrderAction": (t) => [t.orderId, {}, form({ holdUntil: "2099-01-01" })],
  "(app)/orders/actions.ts#restoreOrderAction": (t) => [t.orderId],
  "(app)/orders/actions.ts#markShippedAction": (t) => [t.orderId, {}, form({ shipDate: "2026-12-01", carrierCode: "usps" })],
  "(app)/orders/actions.ts#createReplacementAction": (t) => [t.orderId],
  "(app)/orders/bulk-actions.ts#bulkOrdersAction": (t) => [{}, form({ action: "cancel", orderId: String(t.orderId) })],
  "(app)/orders/[orderId]/rate-actions.ts#quoteOrderRatesAction": (t) => [t.orderId],
  "(app)/orders/[orderId]/rate-actions.ts#chooseOrderRateAction": (t) => [t.orderId, { carrierCode: "sample", serviceCode: "sample_ground", packageCode: "package" }],
  "(app)/rates/actions.ts#quoteRatesAction": (t) => [{}, form({ locationId: String(t.locationId), toPostalCode: "10001", toCountry: "US", "weight.value": "1", "weight.units": "pounds" })],
  "(app)/stores/actions.ts#importAllStoresAction": { noWorkspaceIds: "imports the caller's own stores" },
  "(app)/stores/actions.ts#importStoreAction": (t) => [t.storeId],
  "(app)/stores/actions.ts#saveStoreAction": (t) => ["shopify", t.storeId, {}, form({ name: "Taken", baseUrl: "https://x.example", "credentials.accessToken": "shpat_x", intent: "save" })],
  "(app)/stores/actions.ts#setStoreActiveAction": (t) => [t.storeId, false],
  "(app)/stores/actions.ts#deleteStoreAction": (t) => [t.storeId],
  "(app)/stores/actions.ts#setStoreAutoImportAction": (t) => [t.storeId, false],
  "(app)/stores/actions.ts#sweepStoreRangeAction": (t) => [t.storeId, {}, form({ from: "2026-11-01", to: "2026-11-05" })],
  "(app)/settings/api-keys/actions.ts#createApiKeyAction": { noWorkspaceIds: "creates a key for the caller's workspace" },
  "(app)/settings/api-keys/actions.ts#revokeApiKeyAction": (t) => [{}, form({ apiKeyId: String(t.apiKeyId) })],
  "(app)/settings/api-keys/actions.ts#updateApiTimeZoneAction": { noWorkspaceIds: "the caller's workspace setting" },
  "(app)/settings/locations/actions.ts#saveLocationAction": (t) => [t.locationId, null, {}, form(LOCATION)],
  "(app)/settings/locations/actions.ts#makeDefaultLocationAction": (t) => [t.locationId],
  "(app)/settings/locations/actions.ts#deleteLocationAction": (t) => [t.locationId],
  "(app)/settings/locations/actions.ts#fetchZoneChartAction": { noWorkspaceIds: "an origin ZIP3, stored for the caller" },
  "(app)/settings/locations/actions.ts#uploadZoneChartAction": { noWorkspaceIds: "an origin ZIP3, stored for the caller" },
  "(app)/settings/rate-cards/actions.ts#uploadRateCardAction": { noWorkspaceIds: "adds a card to the caller's workspace" },
  "(app)/settings/rate-cards/actions.ts#setRateCardActiveAction": (t) => [{}, form({ rateCardId: String(t.rateCardId), active: "false" })],
  "(app)/settings/rate-cards/actions.ts#deleteRateCardAction": (t) => [{}, form({ rateCardId: String(t.rateCardId) })],
  "(app)/settings/csv-mappings/actions.ts#renameCsvMappingAction": (t) => [{}, form({ mappingId: String(t.mappingId), name: "Ada's now" })],
  "(app)/settings/csv-mappings/actions.ts#deleteCsvMappingAction": (t) => [{}, form({ mappingId: String(t.mappingId) })],
  "(app)/settings/members/actions.ts#createInvitationAction": { noWorkspaceIds: "invites to the caller's workspace" },
  "(app)/settings/members/actions.ts#revokeInvitationAction": (t) => [{}, form({ invitationId: String(t.invitationId) })],
  "(app)/settings/members/actions.ts#changeMemberRoleAction": (t) => [{}, form({ userId: t.userId, role: "member" })],
  "(app)/settings/members/actions.ts#removeMemberAction": (t) => [{}, form({ userId: t.userId })],
  "(app)/settings/profile/actions.ts#updateProfileAction": { noWorkspaceIds: "the caller's own name" },
  "(app)/settings/profile/actions.ts#changePasswordAction": { noWorkspaceIds: "the caller's own password" },
  "(auth)/invite/[token]/actions.ts#acceptInvitationAction": { noWorkspaceIds: "a random token, checked against the signed-in email (tests/integration/workspaces/invitations.test.ts)" },
  "(auth)/invite/[token]/actions.ts#signOutForInvitationAction": { noWorkspaceIds: "signs the caller out" },
  "(app)/layout.tsx#default": { noWorkspaceIds: "the layout's inline sign-out" },
  "(auth)/actions.ts#*": { noWorkspaceIds: "sign-in and sign-up, before any workspace" },
  "(auth)/oauth-buttons.tsx#*": { noWorkspaceIds: "OAuth sign-in, before any workspace" },
  "locale-actions.ts#*": { noWorkspaceIds: "the visitor's language cookie" },
};

/** Everything of Bea's an action could change. */
async function snapshotOf(workspaceId: string) {
  const tables = ["orders", "stores", "ship_from_locations", "rate_cards", "api_keys", "import_runs", "csv_mappings", "memberships", "workspace_invitations"] as const;
  const rows = await Promise.all(tables.map((table) => db.read.selectFrom(table).selectAll().where("workspace_id" as never, "=", workspaceId as never).execute()));
  const items = await db.read.selectFrom("order_items").innerJoin("orders", "orders.id", "order_items.order_id").selectAll("order_items").where("orders.workspace_id", "=", workspaceId).execute();
  return { ...Object.fromEntries(tables.map((table, index) => [table, rows[index]])), items };
}

describe("another workspace's ids, on every server action", () => {
  let adaUserId: string;
  let beaWorkspace: string;
  let theirs: Theirs;

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "test-secret";
    process.env.USPS_ZONE_CHART_URL = "http://127.0.0.1:9";
    adaUserId = (await createMerchant("Ada Merchant")).userId;
    const bea = await createMerchant("Bea Merchant");
    beaWorkspace = bea.workspaceId;
    const storeId = await createStore(bea.workspaceId, { platform: "shopify", name: "Bea's shop", baseUrl: "https://bea.example", credentials: { accessToken: "shpat_secret" } });
    const [order] = await importOrders(bea.workspaceId, bea.manualStoreId, [buildOrder({ orderKey: "BEA-1", orderNumber: "BEA-1", weightOz: 12 })], { source: "manual" });
    const { location } = await saveShipFromLocation(bea.workspaceId, null, { ...LOCATION, name: "Bea's warehouse", isDefault: true });
    const [card] = await listRateCards(bea.workspaceId);
    const key = await createApiKey(bea.workspaceId, { name: "Bea's key" });
    const mapping = await saveCsvMapping(bea.workspaceId, { name: "Bea's mapping", headersSignature: "1-abc", mapping: { 0: "orderNumber" } });
    const invitation = await createInvitation(bea.workspaceId, { userId: bea.userId, role: "owner" }, { email: "bea-friend@example.test", role: "member" });
    const edit = await getOrderEditForm(bea.workspaceId, order.orderId!, "UTC");
    theirs = {
      orderId: order.orderId!,
      orderForm: edit.initial as unknown as Record<string, string>,
      storeId: Number(storeId),
      locationId: location.id,
      rateCardId: card.id,
      apiKeyId: key.id,
      mappingId: mapping.id,
      invitationId: invitation.id,
      userId: bea.userId,
    };
  });

  it("has an entry for every server action, so a new action is checked too", () => {
    const actions = listServerActions(new Set(Object.keys(ACTIONS)));
    expect(actions.filter((action) => !(action in ACTIONS)), "server actions without an isolation entry").toEqual([]);
    expect(Object.keys(ACTIONS).filter((action) => !actions.includes(action)), "entries for actions that no longer exist").toEqual([]);
  });

  for (const [name, entry] of Object.entries(ACTIONS)) {
    if (typeof entry !== "function") continue;
    it(`${name} with Bea's ids changes nothing of hers and says not found`, async () => {
      const action = await loadServerAction(name);
      const before = await snapshotOf(beaWorkspace);
      signedIn.userId = adaUserId;
      const state = await action(...(entry(theirs) as never[])).finally(() => (signedIn.userId = null));
      // "Choose a ship-from location": the calculator's own list has no such location, as for a made-up id.
      expect(JSON.stringify(state), "the action's answer").toMatch(/not found|no longer exists|doesn't exist|does not exist|no such|Choose a ship-from location/i);
      expect(await snapshotOf(beaWorkspace)).toEqual(before);
    });
  }
});
