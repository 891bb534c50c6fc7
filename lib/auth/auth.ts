import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { KyselyAdapter, type Database as AuthDatabase } from "@auth/kysely-adapter";
import type { Kysely } from "kysely";
import { db } from "@/db/database";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { baseAuthConfig } from "./auth.config";
import { clientAddress } from "./client-address";
import { enabledOAuthProviders } from "./oauth-providers";
import { lockedSignInCode } from "./throttle";
import { verifyCredentials } from "./verify-credentials";

/** Sign-in refused because the account or address tried too often; `code` reaches the sign-in form. */
class SignInLocked extends CredentialsSignin {
  constructor(lockedUntil: number | undefined) {
    super();
    this.code = lockedSignInCode(lockedUntil ?? Date.now());
  }
}

function config(): NextAuthConfig {
  return {
    ...baseAuthConfig,
    // Credentials sign-in needs JWT sessions; the adapter still stores OAuth users and accounts.
    adapter: KyselyAdapter(db.write as unknown as Kysely<AuthDatabase>),
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const check = await verifyCredentials(credentials, clientAddress(request?.headers));
          if (check.ok) return check.user;
          if (check.reason === "locked") throw new SignInLocked(check.lockedUntil);
          return null;
        },
      }),
      ...enabledOAuthProviders().map((id) => (id === "github" ? GitHub : Google)),
    ],
    events: {
      // A merchant who arrives through GitHub or Google gets a workspace like one who signed up.
      async createUser({ user }) {
        if (!user.id) return;
        await createWorkspace(db.write, { name: `${user.name || user.email || "My"}'s workspace`, ownerUserId: user.id });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);
