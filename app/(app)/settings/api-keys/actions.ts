"use server";

import { revalidatePath } from "next/cache";
import { canManageApiKeys, createApiKey, createApiKeySchema, revokeApiKey } from "@/lib/auth/api-keys";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { updateApiTimeZone } from "@/lib/workspaces/api-time-zone";

const PAGE = "/settings/api-keys";

export interface CreateApiKeyState {
  error?: string;
  fieldErrors?: { name?: string[] };
  values?: { name: string };
  /** The new key with its secret: in this one response only, never stored or rendered again. */
  created?: { id: number; name: string; key: string; secret: string; title: string };
}

export interface RevokeApiKeyState {
  error?: string;
}

export async function createApiKeyAction(_state: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  const [session, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const values = { name: String(formData.get("name") ?? "") };
  if (!canManageApiKeys(session.role)) return { error: t("apiKeys.errors.forbidden"), values };
  const parsed = createApiKeySchema.safeParse(values);
  if (!parsed.success) return { error: t("auth.fixFields"), fieldErrors: { name: [t("apiKeys.errors.name")] }, values };
  const created = await createApiKey(session.workspaceId, { name: parsed.data.name, createdBy: session.userId });
  revalidatePath(PAGE);
  return { created: { ...created, title: t("apiKeys.createdTitle", { name: created.name }) } };
}

export async function revokeApiKeyAction(_state: RevokeApiKeyState, formData: FormData): Promise<RevokeApiKeyState> {
  const [session, { t }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  if (!canManageApiKeys(session.role)) return { error: t("apiKeys.errors.forbidden") };
  const apiKeyId = Number(formData.get("apiKeyId"));
  try {
    if (!Number.isSafeInteger(apiKeyId)) throw new AppError("not_found", "API key not found");
    await revokeApiKey(session.workspaceId, apiKeyId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { error: t("apiKeys.errors.notFound") };
    throw error;
  }
  revalidatePath(PAGE);
  return {};
}

export interface ApiTimeZoneState {
  error?: string;
  saved?: boolean;
}

export async function updateApiTimeZoneAction(_state: ApiTimeZoneState, formData: FormData): Promise<ApiTimeZoneState> {
  const session = await requireWorkspaceSession();
  const { t } = await getI18n();
  if (!canManageApiKeys(session.role)) return { error: t("apiKeys.errors.forbidden") };
  try {
    await updateApiTimeZone(session.workspaceId, { timeZone: String(formData.get("timeZone") ?? "") });
  } catch (error) {
    if (error instanceof AppError) return { error: t("apiKeys.timeZoneInvalid") };
    throw error;
  }
  revalidatePath(PAGE);
  return { saved: true };
}
