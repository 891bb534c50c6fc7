"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { signedInAction, type FormState } from "@/lib/http/action-client";
import { acceptInvitation, acceptInvitationSchema, AlreadyMember, InvitationUnusable, WrongInvitee } from "@/lib/workspaces/invitations";

export type AcceptInvitationState = FormState;

export const acceptInvitationAction = signedInAction(
  {
    input: (token: string, _state: AcceptInvitationState, _formData: FormData) => ({ token }),
    schema: acceptInvitationSchema,
    values: (_token: string, _state: AcceptInvitationState, _formData: FormData) => undefined,
    errors: {
      not_found: "invitation.notFound",
      invalid_input: "invitation.notFound",
      conflict: (error, t) => (error instanceof InvitationUnusable ? t(`invitation.states.${error.state}`) : error instanceof AlreadyMember ? t("invitation.alreadyMember") : error.message),
      // The page says whose invitation it is before anyone clicks; this is the server's own check.
      forbidden: (error, t) => (error instanceof WrongInvitee ? t("invitation.wrongEmail", { email: error.invitedEmail }) : error.message),
    },
  },
  async ({ userId, email, input }): Promise<AcceptInvitationState> => {
    await acceptInvitation({ userId, email }, input.token);
    // The workspace joined last is the one the user acts in (lib/auth/session.ts).
    redirect("/orders");
  },
);

/** Signs out the wrong account and comes back to the invitation through sign-in (or sign-up); a token no link has just signs out. */
export async function signOutForInvitationAction(token: string) {
  const link = acceptInvitationSchema.safeParse({ token });
  await signOut({ redirectTo: link.success ? `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${link.data.token}`)}` : "/sign-in" });
}
