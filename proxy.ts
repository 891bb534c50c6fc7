import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import { baseAuthConfig } from "@/lib/auth/auth.config";

const { auth } = NextAuth(baseAuthConfig);

const PUBLIC_PATHS = ["/sign-in", "/sign-up"];

/** Pages other than sign-in and sign-up need a session; pages check it again on every read. */
export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth || PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.nextUrl);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
});

export const config = {
  // API routes answer 401 themselves; static assets need no session.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
