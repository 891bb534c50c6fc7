import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyWooCommerceSignature } from "@/lib/connectors/woocommerce/webhook";

/** The documented order, byte for byte; its signature with secret "test_secret" is recorded in the platform's SOURCES.md. */
const body = readFileSync(new URL("./woocommerce-documented-order-727.json", import.meta.url));
const SIGNATURE = "N5pqfsrchPSM5MXw45d70hiKd3lg4XLGlSpX+2mfPSE=";

describe("verifyWooCommerceSignature", () => {
  it("accepts the reference vector, as bytes and as text", () => {
    expect(verifyWooCommerceSignature(body, SIGNATURE, "test_secret")).toBe(true);
    expect(verifyWooCommerceSignature(body.toString("utf8"), SIGNATURE, "test_secret")).toBe(true);
  });

  it("refuses another secret, a changed body, or re-serialised JSON", () => {
    expect(verifyWooCommerceSignature(body, SIGNATURE, "test_secret2")).toBe(false);
    expect(verifyWooCommerceSignature(Buffer.concat([body, Buffer.from(" ")]), SIGNATURE, "test_secret")).toBe(false);
    expect(verifyWooCommerceSignature(JSON.stringify(JSON.parse(body.toString("utf8"))), SIGNATURE, "test_secret")).toBe(false);
  });

  it("refuses a missing, empty, truncated or non-base64 signature, and an empty secret", () => {
    expect(verifyWooCommerceSignature(body, null, "test_secret")).toBe(false);
    expect(verifyWooCommerceSignature(body, "", "test_secret")).toBe(false);
    expect(verifyWooCommerceSignature(body, SIGNATURE.slice(0, -4), "test_secret")).toBe(false);
    expect(verifyWooCommerceSignature(body, `${SIGNATURE}!!`, "test_secret")).toBe(false);
    expect(verifyWooCommerceSignature(body, SIGNATURE.toLowerCase(), "test_secret")).toBe(false);
    const withEmptySecret = createHmac("sha256", "").update(body).digest("base64");
    expect(verifyWooCommerceSignature(body, withEmptySecret, "")).toBe(false);
  });
});
