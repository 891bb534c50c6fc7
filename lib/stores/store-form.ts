import { z } from "zod";
import { connectorFor } from "@/lib/connectors/registry";
import type { ConnectionCheck, StoreConnection } from "@/lib/connectors/types";
import { connectionFromInput, recordConnectionTest, sameConnection, storedConnection, storeInputSchema, type StoreInput } from "./manage-stores";
import { findPlatformSpec, PLATFORMS, STATUS_MAPPING_KEYS, type ConnectablePlatform } from "./platforms";
import { inEnglish, message } from "@/lib/i18n/message";

/**
 * The connect/edit form, posted flat (`name`, `baseUrl`, `credentials.accessToken`,
 * `statusMapping.paid`, and `intent`: the button pressed), as a store's input: the platform's
 * credential fields and, for custom stores, the status mapping.
 */
export function storeFormInput(platform: ConnectablePlatform, values: Record<string, string>): StoreInput & { intent: string | undefined } {
  // The page binds the platform, but the call can carry anything: what is no platform reads no fields, and the schema refuses it.
  const spec = findPlatformSpec(platform);
  const credentials: Record<string, string> = {};
  for (const field of spec?.credentials ?? []) credentials[field.name] = values[`credentials.${field.name}`] ?? "";
  const statusMapping = spec?.statusMapping ? Object.fromEntries(STATUS_MAPPING_KEYS.map((key) => [key, values[`statusMapping.${key}`] ?? ""])) : undefined;
  return { platform, name: values.name ?? "", baseUrl: values.baseUrl ?? "", credentials, statusMapping, intent: values.intent };
}

/** The form's values it may be shown again: secrets never go back to the browser. */
export function storeFormValues(platform: ConnectablePlatform, values: Record<string, string>): Record<string, string> {
  const spec = findPlatformSpec(platform);
  // Without a platform there is no telling its secrets from the rest: no credential goes back.
  const isSecret = (key: string) => (spec ? spec.credentials.some((field) => field.secret && key === `credentials.${field.name}`) : key.startsWith("credentials."));
  return Object.fromEntries(Object.entries(values).filter(([key]) => !isSecret(key)));
}

const storeId = z.number().int().positive();

/** An action on one store: import it now. */
export const storeRefSchema = z.object({ storeId });

/** Deactivate or reactivate a store. */
export const storeActiveSchema = z.object({ storeId, active: z.boolean() });

/** Switch a store's automatic import on or off. */
export const storeAutoImportSchema = z.object({ storeId, on: z.boolean() });

/** What the form's action parses: the store's input, the store being edited (null to connect one), and "Test connection" or "Save". */
export const storeFormSchema = storeInputSchema.extend({
  storeId: storeId.nullable(),
  // Any other button (or Enter) saves, as the form always has.
  intent: z.enum(["test", "save"]).catch("save"),
});

/** Delete a store; its orders stay. */
export const storeDeleteSchema = z.object({ storeId });

/** A test gives up after this long in all: the merchant is waiting on the form. */
export const CONNECTION_TEST_TIMEOUT_MS = 10_000;

/**
 * "Test connection": the form's settings against the platform, before anything is saved. On
 * edit, a secret left blank is the stored one; another workspace's store is not found. When what
 * was tested is what the store has saved, the result is recorded on the store.
 */
export async function testStoreConnection(workspaceId: string, storeId: number | null, input: StoreInput, options: { timeoutMs?: number } = {}): Promise<ConnectionCheck> {
  const saved = storeId ? await storedConnection(workspaceId, storeId) : null;
  const connection = connectionFromInput(input, saved?.credentials ?? null);
  const check = await checkConnection(connection, options.timeoutMs);
  if (storeId && saved && sameConnection(connection, saved)) await recordConnectionTest(workspaceId, storeId, check);
  return check;
}

/** Tests a store's saved settings and records the result: Save runs it, so a store that cannot connect never shows as OK. */
export async function testSavedStore(workspaceId: string, storeId: number, options: { timeoutMs?: number } = {}): Promise<ConnectionCheck> {
  const connection = await storedConnection(workspaceId, storeId);
  const check = await checkConnection(connection, options.timeoutMs);
  await recordConnectionTest(workspaceId, storeId, check);
  return check;
}

/** The connector's test within a time limit; running out of time is a failure in words, not an exception. */
async function checkConnection(connection: StoreConnection & { platform: ConnectablePlatform }, timeoutMs = CONNECTION_TEST_TIMEOUT_MS): Promise<ConnectionCheck> {
  const signal = AbortSignal.timeout(timeoutMs);
  const label = PLATFORMS[connection.platform].label;
  try {
    const check = await connectorFor(connection.platform).testConnection(connection, { signal });
    // A connector may have swallowed the abort into its own words; the timeout says it better.
    return !check.ok && signal.aborted ? timedOut(label, timeoutMs) : check;
  } catch (error) {
    if (signal.aborted) return timedOut(label, timeoutMs);
    // Connectors turn what a store answers into words; anything else is ours, logged and never shown as is.
    console.error(error);
    return { ok: false, message: inEnglish(message("storeErrors.testFailedOnOurSide")) };
  }
}

function timedOut(platform: string, timeoutMs: number): ConnectionCheck {
  return { ok: false, message: inEnglish(message("storeErrors.testTimedOut", { platform, seconds: Math.round(timeoutMs / 1000) })) };
}

