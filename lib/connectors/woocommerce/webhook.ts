import { verifyHmacSha256Base64 } from "@/lib/http/webhook-signature";

/** WooCommerce signs deliveries as `X-WC-Webhook-Signature: base64(HMAC-SHA256(raw body, secret))`. */
export const verifyWooCommerceSignature = verifyHmacSha256Base64;
