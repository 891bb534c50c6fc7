import { z } from "zod";
import { db } from "@/db/database";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { credentialBinding, decryptCredentials, encryptCredentials } from "./credentials";
import { connectedColumn, healthOf, lastAutomaticImportColumn, STORE_HEALTH_COLUMNS } from "./store-health";
import { PLATFORMS, STATUS_MAPPING_KEYS, type ConnectablePlatform } from "./platforms";

export const storeInputSchema = z.object({
  platform: z.enum(Object.keys(PLATFORMS) as [ConnectablePlatform, ...ConnectablePlatform[]]),
  name: z.string().trim().min(1, "Name the store").max(100),
  baseUrl: z.url({ protocol: /^https?$/, error: "Enter the full address, starting with https://" }),
  credentials: z.record(z.string(), z.string().trim().max(2000)),
  statusMapping: z.partialRecord(z.enum(STATUS_MAPPING_KEYS), z.string().trim().max(500)).optional(),
});
export type StoreInput = z.input<typeof storeInputSchema>;

/** Checks the platform's required fields; on edit, a blank secret means "keep the stored one". */
function validate(input: StoreInput, existing: Record<string, string> | null) {
  const parsed = storeInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", "Check the highlighted fields", fieldErrorsOf(parsed.error.issues));
  const spec = PLATFORMS[parsed.data.platform];
  const credentials: Record<string, string> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const field of spec.credentials) {
    const value = parsed.data.credentials[field.name]?.trim() || (field.secret ? existing?.[field.name] : undefined) || "";
    if (field.required && !value) fieldErrors[`credentials.${field.name}`] = [`Enter the ${field.label.toLowerCase()}`];
    if (value) credentials[field.name] = value;
  }
  if (spec.statusMapping && !STATUS_MAPPING_KEYS.some((key) => parsed.data.statusMapping?.[key])) {
    fieldErrors["statusMapping.paid"] = ["List at least one of your statuses"];
  }
  if (Object.keys(fieldErrors).length) throw new AppError("invalid_input", "Check the highlighted fields", fieldErrors);
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

async function loadStore(workspaceId: string, storeId: number) {
  const store = await db.read.selectFrom("stores").selectAll().where("id", "=", storeId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!store || store.platform === "manual") throw notFound("Store not found");
  return store;
}

/** The stored credentials of a connectable store, decrypted, for a test or an import. */
export async function storedCredentials(workspaceId: string, storeId: number): Promise<Record<string, string>> {
  const store = await loadStore(workspaceId, storeId);
  return store.credentials ? decryptCredentials(credentialBinding(store), store.credentials) : {};
}

export async function updateStore(workspaceId: string, storeId: number, input: Omit<StoreInput, "platform">, now = Date.now()) {
  const store = await loadStore(workspaceId, storeId);
  const existing = await storedCredentials(workspaceId, storeId);
  const valid = validate({ ...input, platform: store.platform as ConnectablePlatform }, existing);
  await db.write
    .updateTable("stores")
    .set({
      name: valid.name,
      base_url: valid.baseUrl,
      credentials: encryptCredentials(credentialBinding(store), valid.credentials),
      status_mapping: valid.statusMapping ? JSON.stringify(valid.statusMapping) : null,
      modified_at: now,
    })
    .where("id", "=", storeId)
    .where("workspace_id", "=", workspaceId)
    .execute();
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
