"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { changePassword, changePasswordSchema, PasswordLocked, updateDisplayName, updateProfileSchema } from "@/lib/auth/profile";
import { formValues, workspaceAction, type FormState } from "@/lib/http/action-client";

export interface ProfileState extends FormState {
  saved?: boolean;
}

export const updateProfileAction = workspaceAction(
  {
    input: (_state: ProfileState, formData: FormData) => formValues(formData),
    schema: updateProfileSchema,
    fieldErrors: { name: "profile.errors.name" },
  },
  async ({ userId, input }): Promise<ProfileState> => {
    await updateDisplayName(userId, input);
    // The header shows the name on every page.
    revalidatePath("/", "layout");
    return { saved: true };
  },
);

export const changePasswordAction = workspaceAction(
  {
    input: (_state: ProfileState, formData: FormData) => formValues(formData),
    schema: changePasswordSchema,
    // Passwords never go back to the form.
    values: (_state: ProfileState, _formData: FormData) => undefined,
    errors: {
      rate_limited: (error, t) => t("profile.errors.locked", { minutes: error instanceof PasswordLocked ? error.minutes : 15 }),
      conflict: "profile.errors.noPassword",
    },
    fieldErrors: { currentPassword: "profile.errors.currentPassword", newPassword: "profile.errors.newPassword", confirmPassword: "profile.errors.confirmPassword" },
  },
  async ({ userId, input }): Promise<ProfileState> => {
    await changePassword(userId, input, clientAddress(await headers()));
    return { saved: true };
  },
);
