"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formValues, workspaceAction, type FormState } from "@/lib/http/action-client";
import { getI18n } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { importAllStores, importOneStore, summarizeImports } from "@/lib/imports/import-all-stores";
import type { StoreImportSummary } from "@/lib/imports/import-store";
import { createStore, deleteStore, setStoreActive, setStoreAutoImport, updateStore } from "@/lib/stores/manage-stores";
import type { MessageKey } from "@/lib/i18n/translate";
import { PLATFORMS, type ConnectablePlatform } from "@/lib/stores/platforms";
import { storeActiveSchema, storeAutoImportSchema, storeFormInput, storeFormSchema, storeFormValues, storeDeleteSchema, storeRefSchema, testSavedStore, testStoreConnection } from "@/lib/stores/store-form";
import { sweepDaysSchema, sweepStoreDays } from "@/lib/stores/store-sweeps";
import { dayRangeWords, sweepCountsWords } from "@/lib/stores/sweep-words";
import { localize } from "@/lib/i18n/message";

export interface ImportState extends FormState {
  message?: string;
  failed?: boolean;
  /** Stores another import already held: the button keeps showing that import until it ends. */
  busyStoreIds?: number[];
}

/** "12 new, 3 updated, 1 cancelled · 1 store failed: Shopify: …" */
function describeImport(summaries: StoreImportSummary[], t: Translate): ImportState {
  const summary = summarizeImports(summaries);
  if (summary.stores === 0) return { message: t("stores.noStores") };
  // When every store was already importing, this press imported nothing: say only that; the button then shows that import.
  const parts = summary.busy < summary.stores ? [t("stores.summary", { created: summary.created, updated: summary.updated, cancelled: summary.cancelled })] : [];
  if (summary.failed.length) parts.push(t("stores.summaryFailed", { count: summary.failed.length, details: summary.failed.map((store) => `${store.storeName}: ${localize(store.error ?? "", t)}`).join("; ") }));
  if (summary.busy) parts.push(t("stores.summaryBusy", { count: summary.busy }));
  const busyStoreIds = summaries.filter((store) => store.status === "busy").map((store) => store.storeId);
  return { message: parts.join(" · "), failed: summary.failed.length > 0, ...(busyStoreIds.length ? { busyStoreIds } : {}) };
}

export const importAllStoresAction = workspaceAction({ input: () => ({}), schema: z.object({}) }, async ({ workspaceId, t }): Promise<ImportState> => {
  const summaries = await importAllStores(workspaceId, "manual");
  revalidatePath("/orders");
  revalidatePath("/stores");
  return describeImport(summaries, t);
});

export const importStoreAction = workspaceAction({ input: (storeId: number) => ({ storeId }), schema: storeRefSchema }, async ({ workspaceId, input, t }): Promise<ImportState> => {
  const summary = await importOneStore(workspaceId, input.storeId, "manual");
  revalidatePath(`/stores/${input.storeId}`);
  return describeImport([summary], t);
});

export interface StoreFormState extends FormState {
  message?: string;
  /** Saved, but its connection test failed: said beside the success, not as a refusal. */
  warning?: string;
  /** The settings are saved: the form clears the secrets typed, which now show as saved. */
  saved?: boolean;
}

/**
 * One form, two buttons: "Test connection" checks it against the platform; "Save" stores it and
 * tests what it saved, so a store that cannot connect says so at once instead of looking OK.
 */
/** The store form's errors in the merchant's language, by the field they name (lib/stores/manage-stores.ts writes them in English). */
const STORE_FORM_ERRORS: Record<string, MessageKey> = {
  name: "stores.formErrors.name",
  baseUrl: "stores.formErrors.baseUrl",
  "statusMapping.paid": "stores.formErrors.statusMapping",
  ...Object.fromEntries(Object.values(PLATFORMS).flatMap((spec) => spec.credentials.map((field) => [`credentials.${field.name}`, "stores.formErrors.credential" as MessageKey]))),
};

export const saveStoreAction = workspaceAction(
  {
    input: (platform: ConnectablePlatform, storeId: number | null, _state: StoreFormState, formData: FormData) => ({ ...storeFormInput(platform, formValues(formData)), storeId }),
    values: (platform, _storeId, _state, formData) => storeFormValues(platform, formValues(formData)),
    schema: storeFormSchema,
    fieldErrors: STORE_FORM_ERRORS,
  },
  async ({ workspaceId, input: { storeId, intent, ...store }, values, t }): Promise<StoreFormState> => {
    if (intent === "test") {
      const check = await testStoreConnection(workspaceId, storeId, store);
      // A test of the saved settings is recorded: the page's connection state follows it.
      if (storeId) {
        revalidatePath(`/stores/${storeId}`);
        revalidatePath("/stores");
      }
      return check.ok ? { message: t("stores.connectionOk"), values } : { error: t("stores.connectionFailed", { message: localize(check.message, t) }), values };
    }
    if (storeId) {
      await updateStore(workspaceId, storeId, store);
      const check = await testSavedStore(workspaceId, storeId);
      revalidatePath(`/stores/${storeId}`);
      revalidatePath("/stores");
      return check.ok ? { message: t("stores.savedConnected"), values, saved: true } : { warning: t("stores.savedNotConnected", { message: check.message }), values, saved: true };
    }
    const created = await createStore(workspaceId, store);
    // Its page then says whether it connects; the test's failure is not the save's.
    await testSavedStore(workspaceId, created);
    revalidatePath("/stores");
    redirect(`/stores/${created}`);
  },
);

export type StoreDeleteState = FormState;

/** Delete a store: its orders stay, under "<name> (deleted)"; another workspace's store is not found. */
export const deleteStoreAction = workspaceAction({ input: (storeId: number) => ({ storeId }), schema: storeDeleteSchema }, async ({ workspaceId, input }): Promise<StoreDeleteState> => {
  await deleteStore(workspaceId, input.storeId);
  revalidatePath("/stores");
  revalidatePath("/orders");
  redirect("/stores");
});

export type StoreActiveState = FormState;

export const setStoreActiveAction = workspaceAction(
  { input: (storeId: number, active: boolean) => ({ storeId, active }), schema: storeActiveSchema },
  async ({ workspaceId, input }): Promise<StoreActiveState> => {
    await setStoreActive(workspaceId, input.storeId, input.active);
    revalidatePath(`/stores/${input.storeId}`);
    revalidatePath("/stores");
    return {};
  },
);

export type StoreAutoImportState = FormState;

/** The store page's automatic-import switch. */
export const setStoreAutoImportAction = workspaceAction(
  { input: (storeId: number, on: boolean) => ({ storeId, on }), schema: storeAutoImportSchema },
  async ({ workspaceId, input }): Promise<StoreAutoImportState> => {
    await setStoreAutoImport(workspaceId, input.storeId, input.on);
    revalidatePath(`/stores/${input.storeId}`);
    revalidatePath("/stores");
    return {};
  },
);

export interface SweepState extends FormState {
  /** What the sweep read and found: "Read Nov 1–Nov 30 again: 2 missed orders imported, 40 unchanged". */
  message?: string;
  /** Another import held the store, so nothing was swept: the merchant tries again in a moment. */
  busy?: boolean;
}

/**
 * "Sweep a date range": two days in the merchant's time zone, the last one included, read again
 * through `sweepStoreRange`. A range error is named on its field (From or To) in the page's words.
 */
export const sweepStoreRangeAction = workspaceAction(
  {
    input: (storeId: number, _state: SweepState, formData: FormData) => ({ storeId, from: String(formData.get("from") ?? ""), to: String(formData.get("to") ?? "") }),
    schema: ({ timeZone }) => sweepDaysSchema(timeZone),
    fieldErrors: { from: "stores.sweeps.errors.from", to: "stores.sweeps.errors.to" },
  },
  async ({ workspaceId, input, values, t }): Promise<SweepState> => {
    const { summary, firstDay, lastDay } = await sweepStoreDays(workspaceId, input);
    if (summary.status === "busy") return { message: t("stores.sweeps.busy"), busy: true, values };
    revalidatePath(`/stores/${input.storeId}`);
    if (summary.status === "failed") return { error: t("stores.sweeps.failed", { error: localize(summary.error ?? "", t) }), values };
    if (summary.status === "inactive") return { error: t("stores.sweeps.inactive"), values };
    const { format } = await getI18n();
    const range = dayRangeWords(firstDay, lastDay, { t, format, now: Date.now() });
    return { message: t("stores.sweeps.result", { range, counts: sweepCountsWords(summary, t) }), values };
  },
);
