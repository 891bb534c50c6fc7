import { describe, expect, it } from "vitest";
import { enabledOAuthProviders } from "@/lib/auth/oauth-providers";

describe("enabledOAuthProviders", () => {
  it("offers none without configuration", () => {
    expect(enabledOAuthProviders({})).toEqual([]);
  });

  it("offers a provider only when both its id and secret are set", () => {
    expect(enabledOAuthProviders({ AUTH_GITHUB_ID: "id" })).toEqual([]);
    expect(enabledOAuthProviders({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret" })).toEqual(["github"]);
    expect(enabledOAuthProviders({ AUTH_GITHUB_ID: "a", AUTH_GITHUB_SECRET: "b", AUTH_GOOGLE_ID: "c", AUTH_GOOGLE_SECRET: "d" })).toEqual(["github", "google"]);
  });
});
