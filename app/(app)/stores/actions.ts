"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { connectorFor } from "@/lib/connectors/registry";
import { AppError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { importAllStores, importOneStore } from "@/lib/imports/import-all-stores";
import type { StoreImportSummary } from "@/lib/imports/import-store";
import { connectionFromInput, createStore, setStoreActive, storedCredentials, updateStore, type StoreInput } from "@/lib/stores/manage-stores";
import { PLATFORMS, STATUS_MAPPING_KEYS, type ConnectablePlatform } from "@/lib/stores/platforms";

export interface ImportState {
  message?: string;
  failed?: boolean;
}

/** "12 new, 3 updated, 1 cancelled · 1 store failed: Shopify: …" */
function describeImport(summaries: StoreImportSummary[], t: Translate): ImportState {
  if (summaries.length === 0) return { message: t("stores.noStores") };
  const total = (key: "created" | "updated" | "cancelled") => summaries.reduce((sum, summary) => sum + summary[key], 0);
  const parts = [t("stores.summary", { created: total("created"), updated: total("updated"), cancelled: total("cancelled") })];
  const failed = summaries.filter((summary) => summary.status === "failed");
  const busy = summaries.filter((summary) => summary.status === "busy");
  if (failed.length) parts.push(t("stores.summaryFailed", { count: failed.length, details: failed.map((summary) => `${summary.storeName}: ${summary.error}`).join("; ") }));
  if (busy.length) parts.push(t("stores.summaryBusy", { count: busy.length }));
  return { message: parts.join(" · "), failed: failed.length > 0 };
}

export async function importAllStoresAction(): Promise<ImportState> {
  const [session, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const summaries = await importAllStores(session.workspaceId, "manual");
  revalidatePath("/orders");
  revalidatePath("/stores");
  return describeImport(summaries, t);
}

export async function importStoreAction(storeId: number): Promise<ImportState> {
  const [session, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const summary = await importOneStore(session.workspaceId, storeId, "manual");
  revalidatePath(`/stores/${storeId}`);
  return describeImport([summary], t);
}

export interface StoreFormState {
  error?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

function storeInputFrom(platform: ConnectablePlatform, formData: FormData): { input: StoreInput; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  const credentials: Record<string, string> = {};
  for (const field of PLATFORMS[platform].credentials) credentials[field.name] = values[`credentials.${field.name}`] ?? "";
  const statusMapping = PLATFORMS[platform].statusMapping
    ? Object.fromEntries(STATUS_MAPPING_KEYS.map((key) => [key, values[`statusMapping.${key}`] ?? ""]))
    : undefined;
  // Secrets are never sent back to the form, so they are not kept in its values either.
  const safeValues = Object.fromEntries(Object.entries(values).filter(([key]) => !PLATFORMS[platform].credentials.some((field) => field.secret && key === `credentials.${field.name}`)));
  return { input: { platform, name: values.name ?? "", baseUrl: values.baseUrl ?? "", credentials, statusMapping }, values: safeValues };
}

/** One form, two buttons: "Test connection" checks it against the platform; "Save" stores it. */
export async function saveStoreAction(platform: ConnectablePlatform, storeId: number | null, _state: StoreFormState, formData: FormData): Promise<StoreFormState> {
  const [session, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const { input, values } = storeInputFrom(platform, formData);
  try {
    if (formData.get("intent") === "test") {
      const existing = storeId ? await storedCredentials(session.workspaceId, storeId) : null;
      const check = await connectorFor(platform).testConnection(connectionFromInput(input, existing));
      return check.ok ? { message: t("stores.connectionOk"), values } : { error: t("stores.connectionFailed", { message: check.message }), values };
    }
    if (storeId) {
      await updateStore(session.workspaceId, storeId, input);
      revalidatePath(`/stores/${storeId}`);
      return { message: t("stores.saved"), values };
    }
    const created = await createStore(session.workspaceId, input);
    revalidatePath("/stores");
    redirect(`/stores/${created}`);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, fieldErrors: error.fieldErrors, values };
    throw error;
  }
}

export async function setStoreActiveAction(storeId: number, active: boolean) {
  const session = await requireWorkspaceSession();
  await setStoreActive(session.workspaceId, storeId, active);
  revalidatePath(`/stores/${storeId}`);
  revalidatePath("/stores");
}
