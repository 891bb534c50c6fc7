import { beforeAll, describe, expect, it } from "vitest";
import { decryptCredentials, encryptCredentials } from "@/lib/stores/credentials";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret-for-credentials";
});

describe("store credentials at rest", () => {
  it("round-trips, and the stored text reveals nothing of the secret", () => {
    const sealed = encryptCredentials("store:7", { accessToken: "shpat_very_secret" });
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("shpat");
    expect(decryptCredentials("store:7", sealed)).toEqual({ accessToken: "shpat_very_secret" });
  });

  it("never encrypts the same way twice", () => {
    expect(encryptCredentials("store:7", { a: "b" })).not.toBe(encryptCredentials("store:7", { a: "b" }));
  });

  it("refuses credentials moved to another store or tampered with", () => {
    const sealed = encryptCredentials("store:7", { accessToken: "x" });
    expect(() => decryptCredentials("store:8", sealed)).toThrow();
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptCredentials("store:7", [v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });
});
