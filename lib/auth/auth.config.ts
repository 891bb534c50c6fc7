import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js config that needs no database: enough for the proxy to read the
 * session cookie. `auth.ts` adds the adapter and providers.
 */
export const baseAuthConfig = {
  session: { strategy: "jwt" },
  trustHost: true,
  pages: { signIn: "/sign-in" },
  providers: [],
  logger: {
    // A wrong password is an answer, not a server error; everything else is still logged.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
