import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Whether a webhook delivery is genuine when the platform signs it as base64(HMAC-SHA256(raw
 * body, secret)): Shopify's X-Shopify-Hmac-Sha256 and WooCommerce's X-WC-Webhook-Signature.
 * Pass the body exactly as received (re-serialised JSON would not match). Constant time.
 */
export function verifyHmacSha256Base64(rawBody: Buffer | string, signatureHeader: string | null, secret: string): boolean {
  if (!signatureHeader || !secret) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const received = Buffer.from(signatureHeader.trim(), "base64");
  // Buffer.from(…, "base64") skips characters it cannot read, so also insist on the canonical spelling.
  if (received.length !== expected.length || received.toString("base64") !== signatureHeader.trim()) return false;
  return timingSafeEqual(received, expected);
}
