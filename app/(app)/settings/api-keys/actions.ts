"use server";

import { revalidatePath } from "next/cache";
import { canManageApiKeys, createApiKey, createApiKeySchema, revokeApiKey, revokeApiKeySchema } from "@/lib/auth/api-keys";
import { formValues, workspaceAction, type FormState } from "@/lib/http/action-client";
import { apiTimeZoneSchema, updateApiTimeZone } from "@/lib/workspaces/api-time-zone";

const PAGE = "/settings/api-keys";

export interface CreateApiKeyState extends FormState {
  /** The new key with its secret: in this one response only, never stored or rendered again. */
  created?: { id: number; name: string; key: string; secret: string; title: string };
}

export type RevokeApiKeyState = FormState;

export const createApiKeyAction = workspaceAction(
  {
    input: (_state: CreateApiKeyState, formData: FormData) => formValues(formData),
    schema: createApiKeySchema,
    allow: canManageApiKeys,
    errors: { forbidden: "apiKeys.errors.forbidden" },
    fieldErrors: { name: "apiKeys.errors.name" },
  },
  async ({ workspaceId, userId, input, t }): Promise<CreateApiKeyState> => {
    const created = await createApiKey(workspaceId, { name: input.name, createdBy: userId });
    revalidatePath(PAGE);
    return { created: { ...created, title: t("apiKeys.createdTitle", { name: created.name }) } };
  },
);

export const revokeApiKeyAction = workspaceAction(
  {
    input: (_state: RevokeApiKeyState, formData: FormData) => ({ apiKeyId: formData.get("apiKeyId") }),
    schema: revokeApiKeySchema,
    allow: canManageApiKeys,
    // A key id that is not a number is a key that does not exist.
    errors: { forbidden: "apiKeys.errors.forbidden", not_found: "apiKeys.errors.notFound", invalid_input: "apiKeys.errors.notFound" },
  },
  async ({ workspaceId, input }): Promise<RevokeApiKeyState> => {
    await revokeApiKey(workspaceId, input.apiKeyId);
    revalidatePath(PAGE);
    return {};
  },
);

export interface ApiTimeZoneState extends FormState {
  saved?: boolean;
}

export const updateApiTimeZoneAction = workspaceAction(
  {
    input: (_state: ApiTimeZoneState, formData: FormData) => formValues(formData),
    schema: apiTimeZoneSchema,
    allow: canManageApiKeys,
    errors: { forbidden: "apiKeys.errors.forbidden", invalid_input: "apiKeys.timeZoneInvalid" },
  },
  async ({ workspaceId, input }): Promise<ApiTimeZoneState> => {
    await updateApiTimeZone(workspaceId, input);
    revalidatePath(PAGE);
    return { saved: true };
  },
);
