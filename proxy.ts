import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import { baseAuthConfig } from "@/lib/auth/auth.config";
import { pageSecurityHeaders } from "@/lib/http/security-headers";

const { auth } = NextAuth(baseAuthConfig);

const PUBLIC_PATHS = ["/sign-in", "/sign-up"];

/**
 * Pages other than sign-in and sign-up need a session; pages check it again on every read.
 * Every page answer carries the security headers and a fresh CSP nonce (`pageSecurityHeaders`).
 */
export const proxy = auth((request) => {
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

export const config = {
  // API routes answer 401 themselves; static assets need no session. Both get next.config.ts's headers.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
