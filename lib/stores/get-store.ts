import { db } from "@/db/database";
import { notFound } from "@/lib/errors";
import { message } from "@/lib/i18n/message";
import { listImportRuns } from "@/lib/imports/import-runs";
import { credentialBinding, decryptCredentials } from "./credentials";
import { countStoreOrders } from "./manage-stores";
import { acceptsWebhooks, PLATFORMS, STATUS_MAPPING_KEYS, type ConnectablePlatform } from "./platforms";
import { connectedColumn, healthOf, lastAutomaticImportColumn, STORE_HEALTH_COLUMNS, type StoreHealth } from "./store-health";
import { lastSweepOf, type LastSweep } from "./store-sweeps";

/** One import of the store, as its history lists it. */
export interface StoreImportView {
  id: number;
  trigger: "manual" | "schedule" | "webhook" | "api";
  status: "running" | "succeeded" | "failed" | "partial";
  startedAt: number;
  /** Null while it runs. */
  durationMs: number | null;
  error: string | null;
  counts: { created: number; updated: number; unchanged: number; skipped: number; failed: number };
  /** Set on a sweep (the daily one, or a range the merchant asked for): the window it read again, [from, until). */
  sweep: { from: number; until: number } | null;
}

/** A connected store as its page shows it. Never its credentials, not even encrypted. */
export interface StoreView {
  id: number;
  name: string;
  platform: ConnectablePlatform;
  active: boolean;
  lastError: string | null;
  /** Its imports: last, last automatic, next and why, failures and what to do; `autoImport` is the switch. */
  health: StoreHealth;
  /** Shopify, WooCommerce and BigCommerce push order changes to `/api/webhooks/{platform}/{id}`. */
  acceptsWebhooks: boolean;
  /** The settings form's initial values: name, address, the credentials that are not secret (a username, a consumer key) and status mapping; secrets are never sent back. */
  formValues: Record<string, string>;
  /** The secret fields that have a saved value: the form says "saved" for them, never what it is. */
  savedSecrets: string[];
  /** Its orders as the lists count them: they stay if the store is deleted. */
  orders: number;
  /** The last sweep: when, over what, and how many orders it found that the regular imports had missed; null before the first. */
  lastSweep: LastSweep | null;
  /** Newest first. */
  imports: StoreImportView[];
}

/** A connected store of this workspace with its import history; another workspace's store, or Manual Orders, is not found. */
export async function getStoreOrThrow(workspaceId: string, storeId: number, now = Date.now()): Promise<StoreView> {
  if (!Number.isSafeInteger(storeId) || storeId <= 0) throw notFound(message("storeErrors.storeNotFound"));
  const store = await db.read
    .selectFrom("stores")
    .select(["stores.id", "stores.name", "stores.platform", "stores.base_url", "stores.active", "stores.status_mapping", "stores.last_sweep_at", "stores.last_sweep_missed", "stores.workspace_id", "stores.credentials", ...STORE_HEALTH_COLUMNS, connectedColumn])
    .select(lastAutomaticImportColumn(workspaceId))
    .where("stores.id", "=", storeId)
    .where("stores.workspace_id", "=", workspaceId)
    .where("stores.deleted_at", "is", null)
    .executeTakeFirst();
  if (!store || store.platform === "manual") throw notFound(message("storeErrors.storeNotFound"));
  const [runs, lastSweep, orders] = await Promise.all([listImportRuns(workspaceId, store.id), lastSweepOf(workspaceId, store.id, store), countStoreOrders(workspaceId, store.id)]);
  const mapping = store.status_mapping ? (JSON.parse(store.status_mapping) as Record<string, string>) : {};
  const formValues: Record<string, string> = { name: store.name, baseUrl: store.base_url ?? "" };
  for (const key of STATUS_MAPPING_KEYS) if (mapping[key]) formValues[`statusMapping.${key}`] = mapping[key];
  const credentials = store.credentials ? decryptCredentials(credentialBinding({ id: store.id, workspace_id: store.workspace_id }), store.credentials) : {};
  const savedSecrets: string[] = [];
  for (const field of PLATFORMS[store.platform].credentials) {
    if (!credentials[field.name]) continue;
    if (field.secret) savedSecrets.push(field.name);
    else formValues[`credentials.${field.name}`] = credentials[field.name];
  }
  return {
    id: store.id,
    name: store.name,
    platform: store.platform,
    active: store.active === 1,
    lastError: store.last_error,
    health: healthOf(store, store.last_automatic_import_at ?? null, now),
    acceptsWebhooks: acceptsWebhooks(store.platform),
    formValues,
    savedSecrets,
    orders,
    lastSweep,
    imports: runs.map((run) => ({
      id: run.id,
      trigger: run.trigger,
      status: run.status,
      startedAt: run.started_at,
      durationMs: run.finished_at == null ? null : run.finished_at - run.started_at,
      error: run.error,
      counts: { created: run.created, updated: run.updated, unchanged: run.unchanged, skipped: run.skipped, failed: run.failed },
      sweep: run.sweep_from !== null && run.sweep_until !== null ? { from: run.sweep_from, until: run.sweep_until } : null,
    })),
  };
}
