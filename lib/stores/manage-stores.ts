import { message } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { z } from "zod";
import { db } from "@/db/database";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { credentialBinding, decryptCredentials, encryptCredentials } from "./credentials";
import type { ConnectionCheck } from "@/lib/connectors/types";
import { connectedColumn, healthOf, lastAutomaticImportColumn, STORE_HEALTH_COLUMNS } from "./store-health";
import { createTranslator } from "@/lib/i18n/translate";
import { PLATFORMS, platformKeys, STATUS_MAPPING_KEYS, type ConnectablePlatform } from "./platforms";

export const storeInputSchema = z.object({
  platform: z.enum(Object.keys(PLATFORMS) as [ConnectablePlatform, ...ConnectablePlatform[]]),
  name: z.string().trim().min(1, en.storeErrors.nameStore).max(100),
  baseUrl: z.url({ protocol: /^https?$/, error: en.storeErrors.fullAddress }),
  credentials: z.record(z.string(), z.string().trim().max(2000)),
  statusMapping: z.partialRecord(z.enum(STATUS_MAPPING_KEYS), z.string().trim().max(500)).optional(),
});
export type StoreInput = z.input<typeof storeInputSchema>;

/** Lib errors are in English, as the API answers them. */
const english = createTranslator("en");
/** "Consumer key" → "consumer key", but "LWA client ID" and "Admin API…" keep their capitals. */
const inSentence = (label: string) => (/^[A-Z][A-Z]/.test(label) || /^\w+ API\b/.test(label) ? label : label[0].toLowerCase() + label.slice(1));

/** Checks the platform's required fields; on edit, a blank secret means "keep the stored one". */
function validate(input: StoreInput, existing: Record<string, string> | null) {
  const parsed = storeInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", message("storeErrors.checkFields"), fieldErrorsOf(parsed.error.issues));
  const spec = PLATFORMS[parsed.data.platform];
  const credentials: Record<string, string> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const field of spec.credentials) {
    const value = parsed.data.credentials[field.name]?.trim() || (field.secret ? existing?.[field.name] : undefined) || "";
    if (field.required && !value) fieldErrors[`credentials.${field.name}`] = [`Enter the ${inSentence(english(platformKeys.field(parsed.data.platform, field.name, "label")))}`];
    if (value) credentials[field.name] = value;
  }
  if (spec.statusMapping && !STATUS_MAPPING_KEYS.some((key) => parsed.data.statusMapping?.[key])) {
    fieldErrors["statusMapping.paid"] = [en.storeErrors.listStatuses];
  }
  if (Object.keys(fieldErrors).length) throw new AppError("invalid_input", message("storeErrors.checkFields"), fieldErrors);
  return { ...parsed.data, credentials };
}

/** The connection a form describes, for "Test connection" before anything is saved. */
export function connectionFromInput(input: StoreInput, existing: Record<string, string> | null = null) {
  const valid = validate(input, existing);
  return { platform: valid.platform, baseUrl: valid.baseUrl, credentials: valid.credentials, statusMapping: valid.statusMapping ?? null };
}

export async function createStore(workspaceId: string, input: StoreInput, now = Date.now()) {
  const valid = validate(input, null);
  return db.transaction(async (tx) => {
    const store = await tx.db
      .insertInto("stores")
      .values({
        workspace_id: workspaceId,
        platform: valid.platform,
        name: valid.name,
        base_url: valid.baseUrl,
        status_mapping: valid.statusMapping ? JSON.stringify(valid.statusMapping) : null,
        next_import_at: now,
        created_at: now,
        modified_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const sealed = encryptCredentials(credentialBinding({ id: store.id, workspace_id: workspaceId }), valid.credentials);
    await tx.db.updateTable("stores").set({ credentials: sealed }).where("id", "=", store.id).execute();
    return store.id;
  });
}

/** A connectable store of this workspace; another workspace's, Manual Orders and a deleted store are not found. */
async function loadStore(workspaceId: string, storeId: number) {
  const store = await db.read.selectFrom("stores").selectAll().where("id", "=", storeId).where("workspace_id", "=", workspaceId).where("deleted_at", "is", null).executeTakeFirst();
  if (!store || store.platform === "manual") throw notFound(message("storeErrors.storeNotFound"));
  return store;
}

/** The stored credentials of a connectable store, decrypted, for a test or an import. */
export async function storedCredentials(workspaceId: string, storeId: number): Promise<Record<string, string>> {
  const store = await loadStore(workspaceId, storeId);
  return store.credentials ? decryptCredentials(credentialBinding(store), store.credentials) : {};
}

/** What a connector needs to reach a saved store: its address and decrypted credentials. */
export async function storedConnection(workspaceId: string, storeId: number) {
  const store = await loadStore(workspaceId, storeId);
  return {
    platform: store.platform as ConnectablePlatform,
    baseUrl: store.base_url ?? "",
    credentials: store.credentials ? decryptCredentials(credentialBinding(store), store.credentials) : {},
    statusMapping: store.status_mapping ? (JSON.parse(store.status_mapping) as Record<string, string>) : null,
  };
}

/** Whether two connections reach the same place with the same credentials (a test of one then describes the other). */
export function sameConnection(a: { baseUrl: string; credentials: Record<string, string> }, b: { baseUrl: string; credentials: Record<string, string> }): boolean {
  const keys = new Set([...Object.keys(a.credentials), ...Object.keys(b.credentials)]);
  return a.baseUrl === b.baseUrl && [...keys].every((key) => (a.credentials[key] ?? "") === (b.credentials[key] ?? ""));
}

export async function updateStore(workspaceId: string, storeId: number, input: Omit<StoreInput, "platform">, now = Date.now()) {
  const store = await loadStore(workspaceId, storeId);
  const existing = await storedCredentials(workspaceId, storeId);
  const valid = validate({ ...input, platform: store.platform as ConnectablePlatform }, existing);
  // A test of the old address or credentials says nothing of the new ones.
  const retest = !sameConnection({ baseUrl: store.base_url ?? "", credentials: existing }, valid);
  await db.write
    .updateTable("stores")
    .set({
      name: valid.name,
      base_url: valid.baseUrl,
      credentials: encryptCredentials(credentialBinding(store), valid.credentials),
      status_mapping: valid.statusMapping ? JSON.stringify(valid.statusMapping) : null,
      modified_at: now,
      ...(retest ? { connection_tested_at: null, connection_error: null } : {}),
    })
    .where("id", "=", storeId)
    .where("workspace_id", "=", workspaceId)
    .execute();
}

/** The result of testing the store's saved settings, shown on the Stores page until an import says more. */
export async function recordConnectionTest(workspaceId: string, storeId: number, check: ConnectionCheck, now = Date.now()) {
  await db.write
    .updateTable("stores")
    .set({ connection_tested_at: now, connection_error: check.ok ? null : check.message })
    .where("id", "=", storeId)
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .execute();
}

/** The suffix a deleted store's name takes, so its orders say where they came from. */
export const DELETED_SUFFIX = " (deleted)";

/**
 * Deletes a store but not its orders: they reference it, and a merchant may still ship them. The
 * row stays, renamed "<name> (deleted)" so the orders lists name it; it leaves the Stores page and
 * the API, is never imported again (inactive, no schedule), and its credentials are erased, which
 * also makes its webhooks answer 404. Returns its name and how many orders stay.
 */
export async function deleteStore(workspaceId: string, storeId: number, now = Date.now()): Promise<{ name: string; orders: number }> {
  const store = await loadStore(workspaceId, storeId);
  const orders = await countStoreOrders(workspaceId, storeId);
  await db.write
    .updateTable("stores")
    .set({
      deleted_at: now,
      name: `${store.name}${DELETED_SUFFIX}`,
      active: 0,
      auto_import: 0,
      credentials: null,
      next_import_at: null,
      modified_at: now,
    })
    .where("id", "=", storeId)
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .execute();
  return { name: store.name, orders };
}

/** The store's orders as the lists count them (deleted orders left out). */
export async function countStoreOrders(workspaceId: string, storeId: number): Promise<number> {
  const row = await db.read.selectFrom("order_counts").select((eb) => eb.fn.sum<number>("n").as("orders")).where("workspace_id", "=", workspaceId).where("store_id", "=", storeId).executeTakeFirst();
  return Number(row?.orders ?? 0);
}

/** Deactivating stops imports and keeps every order; reactivating imports again from where it stopped. */
export async function setStoreActive(workspaceId: string, storeId: number, active: boolean, now = Date.now()) {
  await loadStore(workspaceId, storeId);
  await db.write
    .updateTable("stores")
    .set({ active: active ? 1 : 0, modified_at: now, ...(active ? { next_import_at: now } : {}) })
    .where("id", "=", storeId)
    .where("workspace_id", "=", workspaceId)
    .execute();
}

/**
 * Switches a store's automatic import on or off: the merchant's switch, and the only thing that
 * turns it off (a failing store is retried and flagged, never switched off). On, it is due now,
 * so the next tick imports it.
 */
export async function setStoreAutoImport(workspaceId: string, storeId: number, on: boolean, now = Date.now()) {
  await loadStore(workspaceId, storeId);
  await db.write
    .updateTable("stores")
    .set({ auto_import: on ? 1 : 0, modified_at: now, ...(on ? { next_import_at: now } : {}) })
    .where("id", "=", storeId)
    .where("workspace_id", "=", workspaceId)
    .execute();
}

/**
 * Every store with what the Stores page shows: platform, order count, and its imports' health
 * (last, last automatic, next and why, failures and what to do). Never credentials.
 */
export async function listStoresWithHealth(workspaceId: string, now = Date.now()) {
  const stores = await db.read
    .selectFrom("stores")
    .leftJoin(
      (eb) => eb.selectFrom("order_counts").select(["store_id", (e) => e.fn.sum<number>("n").as("orders")]).where("workspace_id", "=", workspaceId).groupBy("store_id").as("counts"),
      (join) => join.onRef("counts.store_id", "=", "stores.id"),
    )
    .select(["stores.id", "stores.name", "stores.platform", "stores.active", "stores.base_url", "counts.orders", ...STORE_HEALTH_COLUMNS, connectedColumn])
    .select(lastAutomaticImportColumn(workspaceId))
    .where("stores.workspace_id", "=", workspaceId)
    .where("stores.deleted_at", "is", null)
    .orderBy("stores.platform", "asc")
    .orderBy("stores.name", "asc")
    .execute();
  return stores.map((store) => ({
    id: store.id,
    name: store.name,
    platform: store.platform,
    active: store.active === 1,
    baseUrl: store.base_url,
    orders: Number(store.orders ?? 0),
    ...healthOf(store, store.last_automatic_import_at ?? null, now),
  }));
}
