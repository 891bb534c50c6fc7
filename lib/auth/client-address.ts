import { isIP } from "node:net";

/**
 * The caller's address, when one can be trusted; null when it can't (then nothing is limited
 * per address: only per account). Next.js does not expose the socket's address to route code,
 * so the address comes from a header, and a header is only as trustworthy as whoever wrote it:
 *
 * - On Vercel (`VERCEL=1`), the edge sets `x-real-ip` to the address it accepted the connection
 *   from and overwrites any value the client sent: the value `ipAddress()` of
 *   `@vercel/functions` returns, read here without the dependency.
 * - Elsewhere, `TRUSTED_PROXY_HOPS` says how many proxies of ours stand in front of the app, each
 *   appending the address it saw to X-Forwarded-For (nginx's `proxy_add_x_forwarded_for`). The
 *   client's address is then the entry that many places from the right; anything left of it is
 *   whatever the client wrote. A request with fewer entries did not come through them: null.
 * - `TRUSTED_PROXY_HOPS=0` (the default: `npm start` facing the network) trusts no header at all,
 *   since every one of them is the client's own writing.
 */
export function clientAddress(headers: Headers | undefined, env: Record<string, string | undefined> = process.env): string | null {
  if (!headers) return null;
  if (env.VERCEL === "1") return validAddress(headers.get("x-real-ip"));
  const hops = trustedProxyHops(env);
  if (hops === 0) return null;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim());
  if (forwarded.length < hops) return null;
  return validAddress(forwarded[forwarded.length - hops]);
}

/** `TRUSTED_PROXY_HOPS`: a whole number of proxies, 0 (none) when unset or not one. */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/** An IPv4 or IPv6 address as written, else null: a header can't smuggle arbitrary keys in. */
function validAddress(value: string | null | undefined): string | null {
  const address = value?.trim().toLowerCase();
  return address && isIP(address) ? address : null;
}
