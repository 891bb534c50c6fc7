import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import NextAuth from "next-auth";
import { baseAuthConfig } from "@/lib/auth/auth.config";
import { pageSecurityHeaders } from "@/lib/http/security-headers";

const { auth } = NextAuth(baseAuthConfig);

const PUBLIC_PATHS = ["/sign-in", "/sign-up"];

/**
 * Pages other than sign-in and sign-up need a session; pages check it again on every read.
 * Every page answer carries the security headers and a fresh CSP nonce (`pageSecurityHeaders`).
 */
const pageWithSession = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const { requestHeaders, responseHeaders } = pageSecurityHeaders(request, { development: process.env.NODE_ENV === "development" });
  let response: NextResponse;
  if (request.auth || PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const signIn = new URL("/sign-in", request.nextUrl);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  }
  responseHeaders.forEach((value, name) => response.headers.set(name, value));
  return response;
});

/**
 * Auth.js's wrapper re-issues the session cookie on every answer it passes. An answer that was
 * on its way when the merchant signed out (a link's prefetch, the sign-out post itself) would then
 * set the cookie again and undo the sign-out, so the proxy keeps the session as it is: it lasts
 * its 30 days from sign-in, and signing out ends it.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const response = (await pageWithSession(request, event as never)) as Response;
  const cookies = response.headers.getSetCookie();
  const renewals = cookies.filter((cookie) => /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/.test(cookie));
  if (renewals.length === 0) return response;
  response.headers.delete("set-cookie");
  for (const cookie of cookies) if (!renewals.includes(cookie)) response.headers.append("set-cookie", cookie);
  return response;
}

export const config = {
  // API routes answer 401 themselves; static assets need no session. Both get next.config.ts's headers.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
