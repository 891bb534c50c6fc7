import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { getInvitationPreview } from "@/lib/workspaces/invitations";
import { AcceptInvitationForm } from "./accept-invitation-form";
import { signOutForInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

/**
 * An invitation link. Signed out, the proxy sends its holder to sign in (or sign up) and back
 * here; signed in, the page says whose invitation it is, and Join adds the membership.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, { t }] = await Promise.all([params, getI18n()]);
  const user = await getSignedInUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  const invitation = await getInvitationPreview(token);
  const message = (text: string) => (
    <div className="space-y-4" data-testid="invitation">
      <h1 className="text-lg font-semibold">{t("invitation.title")}</h1>
      <p role="alert" className="text-sm text-slate-700">
        {text}
      </p>
      <Link href="/orders" className="inline-block text-sm font-medium text-brand-700 hover:underline">
        {t("invitation.goToOrders")}
      </Link>
    </div>
  );
  if (!invitation) return message(t("invitation.notFound"));
  if (invitation.state !== "pending") return message(t(`invitation.states.${invitation.state}`));

  const workspace = invitation.workspaceName;
  return (
    <div className="space-y-4" data-testid="invitation">
      <h1 className="text-lg font-semibold break-words">{t("invitation.heading", { workspace })}</h1>
      <p className="text-sm text-slate-700">
        {t("invitation.body", { inviter: invitation.invitedBy ?? t("invitation.someone"), email: invitation.email, workspace, role: t(`members.roles.${invitation.role}`) })}
      </p>
      <p className="text-sm text-slate-500">{t("invitation.signedInAs", { email: user.email })}</p>
      {user.email === invitation.email ? (
        <>
          <p className="text-xs text-slate-500">{t("invitation.afterAccept")}</p>
          <AcceptInvitationForm token={token} label={t("invitation.accept", { workspace })} />
        </>
      ) : (
        <>
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("invitation.wrongEmail", { email: invitation.email })}
          </p>
          <form action={signOutForInvitationAction.bind(null, token)}>
            <button className="w-full rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50">{t("invitation.signOut")}</button>
          </form>
        </>
      )}
    </div>
  );
}
