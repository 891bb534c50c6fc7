import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/db/database";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { AppError, parseJsonBody, type ErrorCode } from "@/lib/errors";
import { parseBasicAuth } from "./basic-auth";
import { apiRateLimitPerMinute, consumeRateLimit } from "./rate-limit";

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
  rate_limited: 429,
};

/** A JSON body is refused past this size (ShipStation's own ceiling is far lower per order; 100 orders fit easily). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function errorResponse(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>, headers?: HeadersInit) {
  return NextResponse.json({ message, code, ...(fieldErrors ? { fieldErrors } : {}) }, { status: STATUS_OF[code], headers });
}

/**
 * Every /api/v1 route: HTTP Basic with an API key, the per-key rate limit (its headers on every
 * answer), then the handler; AppErrors become `{message, code, fieldErrors?}` with their status,
 * and nothing a client sends can produce a 500.
 */
export function apiRoute<Params = Record<string, never>>(
  handler: (request: NextRequest, caller: ApiCaller, params: Params) => Promise<unknown>,
) {
  return async (request: NextRequest, context: { params: Promise<Params> }): Promise<Response> => {
    const credentials = parseBasicAuth(request.headers.get("authorization"));
    const key = credentials ? await authenticateApiKey(credentials.key, credentials.secret) : null;
    if (!key) {
      return errorResponse("unauthorized", "Missing or invalid API key and secret (HTTP Basic).", undefined, { "WWW-Authenticate": 'Basic realm="Shipdeck API"' });
    }
    const limit = await consumeRateLimit(`api-key:${key.apiKeyId}`, apiRateLimitPerMinute());
    const headers = {
      "X-Rate-Limit-Limit": String(limit.limit),
      "X-Rate-Limit-Remaining": String(limit.remaining),
      "X-Rate-Limit-Reset": String(limit.resetSeconds),
    };
    if (!limit.allowed) {
      return errorResponse("rate_limited", `Too many requests: ${limit.limit} a minute per API key. Try again in ${limit.resetSeconds} s.`, undefined, {
        ...headers,
        "Retry-After": String(limit.resetSeconds),
      });
    }
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

