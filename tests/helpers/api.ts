import { NextRequest } from "next/server";
import { createApiKey } from "@/lib/auth/api-keys";
import { basicAuth } from "./api-payloads";

export { basicAuth, orderBody } from "./api-payloads";

/** A route handler as `apiRoute` exports it. */
type RouteHandler<Params> = (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response>;

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Untyped, as the API's JSON is to its clients. */
  json: any;
}

export interface ApiCredentials {
  id: number;
  key: string;
  secret: string;
  /** The `Authorization` header a ShipStation client sends: `Basic base64(key:secret)`. */
  authorization: string;
}

/** A new API key for the workspace, with its Authorization header ready. */
export async function createApiCredentials(workspaceId: string, name = "Custom store"): Promise<ApiCredentials> {
  const created = await createApiKey(workspaceId, { name });
  return { id: created.id, key: created.key, secret: created.secret, authorization: basicAuth(created.key, created.secret) };
}

export interface CallOptions<Params> {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** The whole Authorization header; omitted means none is sent. */
  authorization?: string | null;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, instead of `body` (malformed JSON, oversize bodies). */
  rawBody?: string | Uint8Array;
  query?: Record<string, string | number>;
  headers?: Record<string, string>;
  params?: Params;
}

/**
 * Calls an exported route handler with a real NextRequest, as Next.js would, and reads the answer.
 * `path` is the API path ("/api/v1/orders/createorder").
 */
export async function callRoute<Params = Record<string, never>>(handler: RouteHandler<Params>, path: string, options: CallOptions<Params> = {}): Promise<ApiResponse> {
  const url = new URL(path, "http://localhost");
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
  const headers: Record<string, string> = { ...options.headers };
  if (options.authorization) headers.authorization = options.authorization;
  let body: string | Uint8Array | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  const request = new NextRequest(url, { method, headers, body: body as BodyInit | undefined });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as Params) });
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  }
  return { status: response.status, headers: response.headers, json };
}

/** The three rate-limit headers every authenticated answer carries. */
export function rateLimitHeaders(response: ApiResponse) {
  return {
    limit: response.headers.get("x-rate-limit-limit"),
    remaining: response.headers.get("x-rate-limit-remaining"),
    reset: response.headers.get("x-rate-limit-reset"),
  };
}

/**
 * A client for one API key: the ShipStation v1 calls a custom store makes, each through the real
 * route handler. Routes are imported lazily so each test file's database is installed first.
 */
export function apiClient(authorization: string | null) {
  return {
    async createOrder(body: unknown, rawBody?: string) {
      const { POST } = await import("@/app/api/v1/orders/createorder/route");
      return callRoute(POST, "/api/v1/orders/createorder", { method: "POST", authorization, body, rawBody });
    },
    async createOrders(body: unknown, rawBody?: string | Uint8Array) {
      const { POST } = await import("@/app/api/v1/orders/createorders/route");
      return callRoute(POST, "/api/v1/orders/createorders", { method: "POST", authorization, body, rawBody });
    },
    async listOrders(query: Record<string, string | number> = {}) {
      const { GET } = await import("@/app/api/v1/orders/route");
      return callRoute(GET, "/api/v1/orders", { authorization, query });
    },
    async getOrder(orderId: number | string) {
      const { GET } = await import("@/app/api/v1/orders/[orderId]/route");
      return callRoute(GET, `/api/v1/orders/${orderId}`, { authorization, params: { orderId: String(orderId) } });
    },
    async deleteOrder(orderId: number | string) {
      const { DELETE } = await import("@/app/api/v1/orders/[orderId]/route");
      return callRoute(DELETE, `/api/v1/orders/${orderId}`, { method: "DELETE", authorization, params: { orderId: String(orderId) } });
    },
    async holdUntil(body: unknown) {
      const { POST } = await import("@/app/api/v1/orders/holduntil/route");
      return callRoute(POST, "/api/v1/orders/holduntil", { method: "POST", authorization, body });
    },
    async restoreFromHold(body: unknown) {
      const { POST } = await import("@/app/api/v1/orders/restorefromhold/route");
      return callRoute(POST, "/api/v1/orders/restorefromhold", { method: "POST", authorization, body });
    },
    async markAsShipped(body: unknown) {
      const { POST } = await import("@/app/api/v1/orders/markasshipped/route");
      return callRoute(POST, "/api/v1/orders/markasshipped", { method: "POST", authorization, body });
    },
    async listStores(query: Record<string, string> = {}) {
      const { GET } = await import("@/app/api/v1/stores/route");
      return callRoute(GET, "/api/v1/stores", { authorization, query });
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
