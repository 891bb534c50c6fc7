/**
 * Security headers. Every answer (pages, API, assets) gets the static ones from next.config.ts;
 * pages also get a Content-Security-Policy with a fresh nonce from proxy.ts, which Next.js puts
 * on the inline scripts it streams (it reads the nonce from the request's CSP header), and HSTS
 * when the page was asked for over https.
 */

/** On every response: no MIME sniffing, no full URLs in Referer to other sites, no camera, microphone or location. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** API answers are per caller and never cached by a browser or a proxy on the way. */
export const API_SECURITY_HEADERS: Record<string, string> = { ...STATIC_SECURITY_HEADERS, "Cache-Control": "no-store" };

/** A year, with subdomains, as the HSTS preload list asks; sent only over https (browsers ignore it over http). */
const HSTS = "max-age=31536000; includeSubDomains";

export interface PagePolicyContext {
  nonce: string;
  /** `next dev` needs eval for React's debugging tools and fast refresh. */
  development: boolean;
}

/**
 * The pages' CSP. Scripts: only those carrying this response's nonce, and what they load
 * ('strict-dynamic'; 'self' for browsers without it). Styles allow inline ones: React's `style`
 * attributes and Next's injected styles carry no nonce, and styles cannot run code. The CSV
 * import parses in a Web Worker (a same-origin script; blob: for bundlers that inline workers).
 * No `form-action`: Chrome applies it to a form's redirects too, which would break OAuth sign-in.
 */
export function contentSecurityPolicy({ nonce, development }: PagePolicyContext): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce: 128 random bits, base64 (a CSP nonce-source). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Whether the page was asked for over https: directly, or through a proxy that says so (`X-Forwarded-Proto`, first hop). */
export function servedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : new URL(request.url).protocol === "https:";
}

/**
 * What a page request needs: the request headers Next.js renders with (the CSP, so it puts the
 * nonce on its scripts, and `x-nonce` for our own) and the headers of the answer.
 */
export function pageSecurityHeaders(request: Request, context: { development: boolean; nonce?: string }): { requestHeaders: Headers; responseHeaders: Headers } {
  const nonce = context.nonce ?? createNonce();
  const policy = contentSecurityPolicy({ nonce, development: context.development });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const responseHeaders = new Headers({ "Content-Security-Policy": policy, ...STATIC_SECURITY_HEADERS });
  if (servedOverHttps(request)) responseHeaders.set("Strict-Transport-Security", HSTS);
  return { requestHeaders, responseHeaders };
}
