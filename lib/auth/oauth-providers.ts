export type OAuthProviderId = "github" | "google";

/** GitHub and Google sign-in are offered only when both their id and secret are configured. */
export function enabledOAuthProviders(env: Record<string, string | undefined> = process.env): OAuthProviderId[] {
  const providers: OAuthProviderId[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) providers.push("github");
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) providers.push("google");
  return providers;
}
