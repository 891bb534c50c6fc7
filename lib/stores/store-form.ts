import { z } from "zod";
import { connectorFor } from "@/lib/connectors/registry";
import type { ConnectionCheck } from "@/lib/connectors/types";
import { connectionFromInput, storedCredentials, storeInputSchema, type StoreInput } from "./manage-stores";
import { PLATFORMS, STATUS_MAPPING_KEYS, type ConnectablePlatform } from "./platforms";

/**
 * The connect/edit form, posted flat (`name`, `baseUrl`, `credentials.accessToken`,
 * `statusMapping.paid`, and `intent`: the button pressed), as a store's input: the platform's
 * credential fields and, for custom stores, the status mapping.
 */
export function storeFormInput(platform: ConnectablePlatform, values: Record<string, string>): StoreInput & { intent: string | undefined } {
  const spec = PLATFORMS[platform];
  const credentials: Record<string, string> = {};
  for (const field of spec.credentials) credentials[field.name] = values[`credentials.${field.name}`] ?? "";
  const statusMapping = spec.statusMapping ? Object.fromEntries(STATUS_MAPPING_KEYS.map((key) => [key, values[`statusMapping.${key}`] ?? ""])) : undefined;
  return { platform, name: values.name ?? "", baseUrl: values.baseUrl ?? "", credentials, statusMapping, intent: values.intent };
}

/** The form's values it may be shown again: secrets never go back to the browser. */
export function storeFormValues(platform: ConnectablePlatform, values: Record<string, string>): Record<string, string> {
  const secrets = new Set(PLATFORMS[platform].credentials.filter((field) => field.secret).map((field) => `credentials.${field.name}`));
  return Object.fromEntries(Object.entries(values).filter(([key]) => !secrets.has(key)));
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

/**
 * "Test connection": the form's settings against the platform, before anything is saved. On
 * edit, a secret left blank is the stored one; another workspace's store is not found.
 */
export async function testStoreConnection(workspaceId: string, storeId: number | null, input: StoreInput): Promise<ConnectionCheck> {
  const existing = storeId ? await storedCredentials(workspaceId, storeId) : null;
  try {
    // The merchant is waiting on the button: a store that never answers is "timed out", not a spinner.
    return await connectorFor(input.platform).testConnection(connectionFromInput(input, existing), { signal: AbortSignal.timeout(TEST_CONNECTION_TIMEOUT_MS) });
  } catch (error) {
    // Connectors turn what a store answers into words; anything else is ours, logged and never shown as is.
    console.error(error);
    return { ok: false, message: "Something went wrong on Shipdeck's side while testing the connection. Please try again." };
  }
}

const TEST_CONNECTION_TIMEOUT_MS = 20_000;
