import { NextResponse, type NextRequest } from "next/server";
import { unstable_rethrow } from "next/navigation";
import { getWorkspaceSession, type WorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./api-route";

/** The signed-in merchant and their workspace, or null: no session, or a user without a workspace. */
export type SessionResolver = () => Promise<WorkspaceSession | null>;

export interface SessionRouteOptions {
  /** Defaults to the Auth.js session and the membership lookup of lib/auth/session.ts. */
  resolveSession?: SessionResolver;
}

type RouteContext<Params> = { params: Promise<Params> };

// Session answers must not be kept by a browser or shared cache.
const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * Every JSON route the signed-in browser calls: the session (401 JSON when there is none, not a
 * redirect), then the handler; AppErrors become `{message, code, fieldErrors?}` with their status
 * and nothing a client sends produces a 500. A handler returns the body (200) or a Response.
 * Writes from another site are refused, so the session cookie alone cannot make one.
 */
export function sessionRoute<Params = Record<string, never>>(
  handler: (request: NextRequest, session: WorkspaceSession, params: Params) => Promise<unknown>,
  options: SessionRouteOptions = {},
) {
  const resolveSession = options.resolveSession ?? getWorkspaceSession;
  return async (request: NextRequest, context: RouteContext<Params>): Promise<Response> => {
    try {
      if (isCrossSiteWrite(request)) return errorResponse("forbidden", "This request came from another site.", undefined, NO_STORE);
      const session = await resolveSession();
      if (!session) return errorResponse("unauthorized", "Sign in to continue.", undefined, NO_STORE);
      const result = await handler(request, session, await context.params);
      if (result instanceof Response) {
        result.headers.set("Cache-Control", NO_STORE["Cache-Control"]);
        return result;
      }
      return NextResponse.json(result, { headers: NO_STORE });
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error.code, error.message, error.fieldErrors, NO_STORE);
      unstable_rethrow(error);
      // Input never gets here (it fails as an AppError above); this is a bug or an outage.
      console.error(error);
      return NextResponse.json({ message: "Something went wrong on our side. Please retry.", code: "internal" }, { status: 500, headers: NO_STORE });
    }
  };
}

/** `201 Created` with a JSON body. */
export function created(body: unknown): Response {
  return NextResponse.json(body, { status: 201 });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write sent by a page of another site: the browser says so (Sec-Fetch-Site), or the Origin
 * is not this host (as forwarded by a proxy). Requests without either header (curl, tests) pass:
 * they carry no one else's cookie.
 */
function isCrossSiteWrite(request: NextRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host") || request.nextUrl.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
