/**
 * The caller's address for throttling: the right-most X-Forwarded-For entry, which the nearest
 * proxy (Vercel, or nginx with `proxy_add_x_forwarded_for`) wrote, rather than the left-most,
 * which the client can write itself. Next.js does not expose the socket address to route code,
 * so an app served without a proxy in front gets whatever the client sends; the per-account
 * limit holds either way.
 */
export function clientAddress(headers: Headers | undefined): string | null {
  const forwarded = headers?.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1) || headers?.get("x-real-ip")?.trim() || null;
}
