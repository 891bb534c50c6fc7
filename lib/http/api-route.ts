import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/db/database";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { AppError, parseJsonBody, type ErrorCode } from "@/lib/errors";
import { clientAddress } from "@/lib/auth/client-address";
import { parseBasicAuth } from "./basic-auth";
import { apiRateLimitPerMinute, apiRateLimitPerWorkspacePerMinute, consumeRateLimit, isRateLimited, type RateLimitResult } from "./rate-limit";

/** Who is calling: the workspace an API key belongs to, and the zone its timestamps are read in. */
export interface ApiCaller {
  workspaceId: string;
  apiKeyId: number;
  /** Timestamps without an offset are read, and responses written, in this zone (ShipStation uses Pacific time). */
  timeZone: string;
  actor: string;
}

const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 400, // ShipStation answers 400 when a shipped or cancelled order is updated.
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

/** A JSON body is refused past this size (ShipStation's own ceiling is far lower per order; 100 orders fit easily). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function errorResponse(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>, headers?: HeadersInit) {
  return NextResponse.json({ message, code, ...(fieldErrors ? { fieldErrors } : {}) }, { status: STATUS_OF[code], headers });
}

/**
 * Every /api/v1 route: HTTP Basic with an API key (failed attempts limited per client address),
 * the rate limits per key and per workspace (the tighter one's headers on every answer), a JSON
 * Content-Type on writes, then the handler; AppErrors become `{message, code, fieldErrors?}` with
 * their status, and nothing a client sends can produce a 500.
 */
export function apiRoute<Params = Record<string, never>>(
  handler: (request: NextRequest, caller: ApiCaller, params: Params) => Promise<unknown>,
) {
  return async (request: NextRequest, context: { params: Promise<Params> }): Promise<Response> => {
    // Failed authentications count per client address (when one can be trusted), and an address
    // past the limit is refused before its key is even checked, so guessing can't go faster.
    const address = clientAddress(request.headers);
    const failuresKey = address ? `api-auth-failures:${address}` : null;
    const failureLimit = apiRateLimitPerMinute();
    if (failuresKey && (await isRateLimited(failuresKey, failureLimit))) return tooManyFailures(failureLimit);
    const credentials = parseBasicAuth(request.headers.get("authorization"));
    const key = credentials ? await authenticateApiKey(credentials.key, credentials.secret) : null;
    if (!key) {
      if (failuresKey && !(await consumeRateLimit(failuresKey, failureLimit)).allowed) return tooManyFailures(failureLimit);
      // No `WWW-Authenticate: Basic` challenge: it makes a browser prompt for, then remember, the
      // key and secret and send them on its own with any later request, a form another site
      // posts included. API clients send their credentials up front and need no challenge.
      return errorResponse("unauthorized", "Missing or invalid API key and secret (HTTP Basic).");
    }
    // Per key, and per workspace, so creating more keys doesn't multiply what one workspace may send.
    const perKey = await consumeRateLimit(`api-key:${key.apiKeyId}`, apiRateLimitPerMinute());
    const perWorkspace = await consumeRateLimit(`api-workspace:${key.workspaceId}`, apiRateLimitPerWorkspacePerMinute());
    const limit = perWorkspace.remaining < perKey.remaining ? perWorkspace : perKey;
    const headers = {
      "X-Rate-Limit-Limit": String(limit.limit),
      "X-Rate-Limit-Remaining": String(limit.remaining),
      "X-Rate-Limit-Reset": String(limit.resetSeconds),
    };
    const refused: [RateLimitResult, string] | null = !perKey.allowed ? [perKey, "API key"] : !perWorkspace.allowed ? [perWorkspace, "account (all its API keys together)"] : null;
    if (refused) {
      const [result, per] = refused;
      return errorResponse("rate_limited", `Too many requests: ${result.limit} a minute per ${per}. Try again in ${result.resetSeconds} s.`, undefined, {
        ...headers,
        "X-Rate-Limit-Limit": String(result.limit),
        "X-Rate-Limit-Remaining": "0",
        "X-Rate-Limit-Reset": String(result.resetSeconds),
        "Retry-After": String(result.resetSeconds),
      });
    }
    const mediaTypeProblem = jsonContentTypeProblem(request);
    if (mediaTypeProblem) return errorResponse("unsupported_media_type", mediaTypeProblem, undefined, headers);
    try {
      const workspace = await db.read.selectFrom("workspaces").select("api_time_zone").where("id", "=", key.workspaceId).executeTakeFirstOrThrow();
      const caller = { workspaceId: key.workspaceId, apiKeyId: key.apiKeyId, timeZone: workspace.api_time_zone, actor: `api-key:${key.apiKeyId}` };
      const result = await handler(request, caller, await context.params);
      return result instanceof Response ? withHeaders(result, headers) : NextResponse.json(result, { headers });
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error.code, error.message, error.fieldErrors, headers);
      // Input never gets here (it fails as an AppError above); this is a bug or an outage.
      console.error(error);
      return NextResponse.json({ message: "Something went wrong on our side. Please retry.", code: "internal" }, { status: 500, headers });
    }
  };
}

function tooManyFailures(limit: number): Response {
  return errorResponse("rate_limited", `Too many failed authentications from this address: ${limit} a minute. Try again in a minute.`, undefined, { "Retry-After": "60" });
}

const WRITES = new Set(["POST", "PUT", "PATCH"]);

/**
 * Why a write's body is not declared as JSON, or null. A body must say `application/json`
 * (parameters such as `charset=utf-8` are fine): a browser lets any site post a `text/plain` or
 * form body cross-origin without asking, never a JSON one. A write without a body (refreshstore
 * takes its query string) needs no type: no declared length, or a length of 0, is no body.
 */
export function jsonContentTypeProblem(request: Request): string | null {
  if (!WRITES.has(request.method)) return null;
  const length = request.headers.get("content-length");
  const contentType = request.headers.get("content-type");
  const hasBody = length !== null ? Number(length) !== 0 : request.headers.has("transfer-encoding") || contentType !== null;
  if (!hasBody) return null;
  const [mediaType, ...parameters] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  if (mediaType !== "application/json") return `Send the body as JSON with Content-Type: application/json (got ${contentType ? `"${contentType.slice(0, 100)}"` : "none"}).`;
  const charset = parameters.find((parameter) => parameter.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  if (charset && charset !== "utf-8" && charset !== "utf8") return `Send the JSON body in UTF-8, as Content-Type: application/json; charset=utf-8 (got charset=${charset.slice(0, 40)}).`;
  return null;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The body as JSON, refusing an oversize body (413) and malformed JSON (400) with a clear message. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  return parseJsonBody(await readTextBody(request, maxBytes));
}

/** The body as text, refusing an oversize or empty one; parse it with `parseJsonBody`. */
export async function readTextBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);
  const reader = request.body?.getReader();
  if (!reader) throw new AppError("invalid_input", "The request needs a JSON body.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError("invalid_input", "The request needs a JSON body.");
  return text;
}

