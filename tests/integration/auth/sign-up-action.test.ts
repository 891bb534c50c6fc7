import { beforeEach, describe, expect, it, vi } from "vitest";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { db } from "@/db/database";
import { recordSignInFailure, SIGN_IN_LIMITS, throttleKeys } from "@/lib/auth/throttle";
import { useTestDatabase } from "../../helpers/database";
import { formOf as form } from "../../helpers/server-actions";

// Outside Next.js, Auth.js can't run: its signIn is replaced by what its Credentials provider
// does here (lib/auth/auth.ts), the real verifyCredentials, throwing Auth.js's errors.
const auth = vi.hoisted(() => ({ refuseEverySignIn: false }));
vi.mock("next-auth", () => ({
  AuthError: class AuthError extends Error {
    constructor(
      readonly type: string,
      readonly code?: string,
    ) {
      super(type);
    }
  },
}));
vi.mock("@/lib/auth/auth", () => ({
  signIn: async (_provider: string, options: { email: string; password: string; redirectTo: string }) => {
    const { AuthError } = (await import("next-auth")) as unknown as { AuthError: new (type: string, code?: string) => Error };
    const { verifyCredentials } = await import("@/lib/auth/verify-credentials");
    const check = await verifyCredentials({ email: options.email, password: options.password }, null);
    if (auth.refuseEverySignIn) throw new AuthError("CallbackRouteError");
    if (check.ok) (await import("next/navigation")).redirect(options.redirectTo);
    if (!check.ok) throw new AuthError("CredentialsSignin", check.reason === "locked" ? "locked" : "credentials");
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers({ "accept-language": "en" }),
}));

useTestDatabase();

beforeEach(() => {
  auth.refuseEverySignIn = false;
});


async function signUp(email: string, extra: Record<string, string> = {}) {
  const { signUpAction } = await import("@/app/(auth)/actions");
  try {
    return { state: await signUpAction({}, form({ name: "Ada", email, password: "correct horse battery", ...extra })), redirectedTo: null };
  } catch (error) {
    if (isRedirectError(error)) return { state: null, redirectedTo: getURLFromRedirectError(error) };
    throw error;
  }
}

const accountsOf = (email: string) => db.read.selectFrom("User").select("id").where("email", "=", email).execute();

describe("signUpAction", () => {
  it("signs the new merchant in even when that email was throttled before the account existed", async () => {
    // Someone (or a typo) failed signing in as this email, past the account-wide limit, before it existed.
    for (let i = 0; i < SIGN_IN_LIMITS.account + 5; i++) await recordSignInFailure(throttleKeys("early@example.com", null));

    const { redirectedTo } = await signUp("early@example.com");

    expect(redirectedTo).toBe("/orders");
    expect(await accountsOf("early@example.com")).toHaveLength(1);
  });

  it("says the account was created when the sign-in after it fails, never that the sign-up failed", async () => {
    auth.refuseEverySignIn = true;

    const { state } = await signUp("created@example.com");

    expect(state?.error).toMatch(/account was created/);
    expect(state?.values).toEqual({ email: "created@example.com" });
    expect(await accountsOf("created@example.com")).toHaveLength(1);
  });

  it("goes back where the sign-up was asked for (an invitation link), but only to a page of this site", async () => {
    expect((await signUp("invited@example.com", { callbackUrl: "/invite/abc" })).redirectedTo).toBe("/invite/abc");
    expect((await signUp("elsewhere@example.com", { callbackUrl: "https://evil.example/x" })).redirectedTo).toBe("/orders");
  });
});
