/** Longer headers are not ours (a key and secret encode to about 110 characters); don't decode them. */
const MAX_HEADER_LENGTH = 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The key and secret from an `Authorization: Basic base64(key:secret)` header, as ShipStation's
 * API v1 clients send them; null for anything else. The key ends at the first colon (RFC 7617:
 * a user-id has none), so a secret may contain one.
 */
export function parseBasicAuth(header: string | null | undefined): { key: string; secret: string } | null {
  if (!header || header.length > MAX_HEADER_LENGTH) return null;
  const match = /^\s*basic\s+(\S+)\s*$/i.exec(header);
  if (!match || !BASE64.test(match[1]) || match[1].length % 4 === 1) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  const key = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  return secret ? { key, secret } : null;
}
