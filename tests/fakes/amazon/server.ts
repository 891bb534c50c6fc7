import { randomBytes, randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startFakeServer, type FakeServer } from "../http-server";
import { handleGetOrderItems, handleGetOrders, type ListingState } from "./listing";
import { FakeAmazonOrders } from "./orders";

export { amazonDate, amazonFixture, amazonFixtures, type FakeAmazonEntry } from "./orders";

export interface AmazonFakeOptions {
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  /** The marketplaces the seller sells in; the first is the store's. */
  marketplaceIds?: string[];
  /** Caps getOrders' page size below what MaxResultsPerPage asks, to get several pages from a few orders. */
  maxPageSize?: number;
  /** getOrderItems page size (Amazon does not document one). Lower it to get several pages. */
  itemsPageSize?: number;
  /**
   * The restricted data elements the app's roles allow (Direct-to-Consumer Delivery for
   * shippingAddress, Tax Remittance/Invoicing for buyerInfo); all of them unless a test says less.
   */
  approvedDataElements?: string[];
}

export type AmazonOperation = "getOrders" | "getOrderItems";
export type Malformation = "html" | "no-orders-list" | "order-without-id";

export interface AmazonFake extends FakeServer {
  /** Credentials the fake accepts, tokenUrl included: a StoreConnection's `credentials`. */
  credentials: Record<string, string>;
  orders: FakeAmazonOrders;
  add: FakeAmazonOrders["add"];
  update: FakeAmazonOrders["update"];
  cancel: FakeAmazonOrders["cancel"];
  reactivate: FakeAmazonOrders["reactivate"];
  /** The fake's clock: real time plus everything passed to `elapse`. */
  now(): number;
  /** Lets time pass for the fake (usage-plan buckets, token expiry, the 2-minute rule); tests' `sleep` calls it. */
  elapse(ms: number): void;
  /** The next `count` calls to `operation` (any SP-API call when omitted) answer 429 QuotaExceeded whatever the bucket holds. */
  rateLimitNext(count?: number, operation?: AmazonOperation): void;
  /** The next `count` SP-API calls answer `status` (500 InternalFailure or 503 ServiceUnavailable). */
  failNext(count?: number, status?: number): void;
  /** The next SP-API call answers 200 with a body a client must not trust. */
  malformNext(kind: Malformation): void;
  /** Every access token issued so far expires now (SP-API then answers 403). */
  expireAccessTokens(): void;
  /** The seller removes the app's authorization: access tokens stop working, the refresh token is refused. */
  revokeAuthorization(): void;
  /** How many refresh-token exchanges LWA has answered with a token. */
  tokenExchanges(): number;
  /** How many Restricted Data Tokens the Tokens API has issued. */
  restrictedDataTokensIssued(): number;
  /** Every RDT issued so far expires now (SP-API then answers 403). */
  expireRestrictedDataTokens(): void;
}

/** SP-API's usage plans (Orders v0 defaults): requests per second and burst. */
export const USAGE_PLANS: Record<AmazonOperation, { rate: number; burst: number }> = {
  getOrders: { rate: 0.0167, burst: 20 },
  getOrderItems: { rate: 0.5, burst: 30 },
};

const ACCESS_TOKEN_SECONDS = 3600;
const RDT_SECONDS = 3600;
const DATA_ELEMENTS = ["buyerInfo", "shippingAddress", "buyerTaxInformation"];
/** ShippingAddress fields that only an RDT with `shippingAddress` reveals; city, region, postcode and country are always there. */
const RESTRICTED_ADDRESS_FIELDS = ["Name", "CompanyName", "AddressLine1", "AddressLine2", "AddressLine3", "Phone", "AddressType"];

interface RestrictedGrant {
  method: string;
  path: string;
  dataElements: string[];
}

/** A restricted resource's path: specific (`/orders/v0/orders/902-…/address`) or generic (`/orders/v0/orders/{orderId}/address`). */
function pathMatches(grantPath: string, requestPath: string): boolean {
  const pattern = grantPath.split(/\{[^/}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("[^/]+");
  return new RegExp(`^${pattern}$`).test(requestPath);
}

/** getOrders as Amazon answers it: PII only for the data elements the caller's RDT names. */
function redactOrder(order: Record<string, unknown>, dataElements: string[]) {
  const address = order.ShippingAddress as Record<string, unknown> | undefined;
  if (address && !dataElements.includes("shippingAddress")) for (const field of RESTRICTED_ADDRESS_FIELDS) delete address[field];
  if (!dataElements.includes("buyerInfo")) delete order.BuyerInfo;
}
const spError = (code: string, message: string, details = "") => ({ errors: [{ code, message, details }] });

/**
 * Login with Amazon's token endpoint and SP-API Orders v0 (getOrders, getOrderItems) for one
 * seller, as far as Shipdeck uses them: OAuth errors, 403 for a missing or expired access token,
 * usage-plan token buckets answering 429 with x-amzn-RateLimit-Limit, 400 InvalidInput for the
 * date rules, NextToken pagination, `{"errors":[…]}` bodies.
 */
export async function startAmazonFake(options: AmazonFakeOptions = {}): Promise<AmazonFake> {
  const clientId = options.clientId ?? "amzn1.application-oa2-client.5f1c0e2d9b8a4f7e93c6d1a2b3c4d5e6";
  const clientSecret = options.clientSecret ?? "amzn1.oa2-cs.v1.3e9f1c7a5b2d8e4f6a0c9b1d3e5f7a2c4b6d8e0f1a3c5e7b9d2f4a6c8e0b1d3f5";
  const refreshToken = options.refreshToken ?? "Atzr|IwEBIKq3FakeRefreshTokenForShipdeckTests0123456789abcdefghijklmnopqrstuvwxyz";
  const marketplaceIds = options.marketplaceIds ?? ["ATVPDKIKX0DER", "A1F83G8C2ARO7P"];
  let elapsed = 0;
  const now = () => Date.now() + elapsed;
  const orders = new FakeAmazonOrders(now, marketplaceIds[0]);
  const accessTokens = new Map<string, number>();
  const restrictedTokens = new Map<string, { expiresAt: number; grants: RestrictedGrant[] }>();
  const approved = options.approvedDataElements ?? DATA_ELEMENTS;
  let exchanges = 0;
  let rdtsIssued = 0;
  let revoked = false;
  const buckets = Object.fromEntries(Object.entries(USAGE_PLANS).map(([op, plan]) => [op, { tokens: plan.burst, at: now() }])) as Record<AmazonOperation, { tokens: number; at: number }>;
  const forced429: { operation?: AmazonOperation }[] = [];
  const failures: number[] = [];
  const malformations: Malformation[] = [];
  const listing: ListingState = { orders, now, marketplaceIds, itemsPageSize: options.itemsPageSize ?? 50, maxPageSize: options.maxPageSize ?? 100, orderTokens: new Map(), itemTokens: new Map() };

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    sendJson(response, status, body, { "x-amzn-RequestId": randomUUID(), ...headers });

  /** Takes a token from the operation's bucket, or says how to answer a 429. */
  function throttle(operation: AmazonOperation): boolean {
    const forced = forced429.findIndex((entry) => !entry.operation || entry.operation === operation);
    if (forced >= 0) {
      forced429.splice(forced, 1);
      return false;
    }
    const plan = USAGE_PLANS[operation];
    const bucket = buckets[operation];
    const t = now();
    bucket.tokens = Math.min(plan.burst, bucket.tokens + ((t - bucket.at) / 1000) * plan.rate);
    bucket.at = t;
    // A hair of tolerance: float dust must not turn an exactly-paced client away.
    if (bucket.tokens < 1 - 1e-9) return false;
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    return true;
  }

  function exchangeToken(response: ServerResponse, contentType: string | undefined, body: string) {
    if (!contentType?.startsWith("application/x-www-form-urlencoded")) {
      return send(response, 400, { error: "invalid_request", error_description: "The request must be form-encoded (application/x-www-form-urlencoded)." });
    }
    const form = new URLSearchParams(body);
    for (const name of ["grant_type", "client_id", "client_secret"]) {
      if (!form.get(name)) return send(response, 400, { error: "invalid_request", error_description: `The request is missing a required parameter : ${name}` });
    }
    if (form.get("grant_type") !== "refresh_token") {
      return send(response, 400, { error: "unsupported_grant_type", error_description: "The authorization grant type is not supported by the authorization server" });
    }
    if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
      return send(response, 401, { error: "invalid_client", error_description: "Client authentication failed" });
    }
    if (form.get("refresh_token") !== refreshToken || revoked) {
      const description = `The request has an invalid grant parameter : refresh_token${revoked ? ". User may have revoked or didn't grant the permission." : ""}`;
      return send(response, 400, { error: "invalid_grant", error_description: description });
    }
    const accessToken = `Atza|${randomBytes(24).toString("base64url")}`;
    accessTokens.set(accessToken, now() + ACCESS_TOKEN_SECONDS * 1000);
    exchanges++;
    send(response, 200, { access_token: accessToken, refresh_token: refreshToken, token_type: "bearer", expires_in: ACCESS_TOKEN_SECONDS });
  }

  /** Tokens API 2021-03-01 createRestrictedDataToken, called with an LWA access token. */
  function createRestrictedDataToken(response: ServerResponse, accessToken: unknown, body: string) {
    const expiresAt = typeof accessToken === "string" ? accessTokens.get(accessToken) : undefined;
    if (expiresAt === undefined || expiresAt <= now()) return send(response, 403, spError("Unauthorized", "Access to requested resource is denied."));
    let request: { restrictedResources?: unknown };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return send(response, 400, spError("InvalidInput", "The request body is not valid JSON."));
    }
    const resources = request.restrictedResources;
    if (!Array.isArray(resources) || resources.length === 0 || resources.length > 50) {
      return send(response, 400, spError("InvalidInput", "restrictedResources must list 1 to 50 restricted resources."));
    }
    const grants: RestrictedGrant[] = [];
    for (const resource of resources as Record<string, unknown>[]) {
      const { method, path, dataElements } = resource ?? {};
      if (!["GET", "PUT", "POST", "DELETE"].includes(String(method)) || typeof path !== "string" || !path.startsWith("/")) {
        return send(response, 400, spError("InvalidInput", "Each restricted resource needs a method and a path."));
      }
      const elements = dataElements === undefined ? [] : dataElements;
      if (!Array.isArray(elements) || elements.some((element) => !DATA_ELEMENTS.includes(element))) {
        return send(response, 400, spError("InvalidInput", `dataElements must be among ${DATA_ELEMENTS.join(", ")}.`));
      }
      if (path.startsWith("/orders/v0/orders") && elements.length === 0) {
        return send(response, 400, spError("InvalidInput", "dataElements is required for Orders API operations."));
      }
      const refused = elements.filter((element) => !approved.includes(element));
      if (refused.length) {
        return send(response, 403, spError("Unauthorized", "Application does not have access to one or more requested data elements", refused.join(", ")));
      }
      grants.push({ method: String(method), path, dataElements: elements as string[] });
    }
    const token = `Atz.sprdt|${randomBytes(24).toString("base64url")}`;
    restrictedTokens.set(token, { expiresAt: now() + RDT_SECONDS * 1000, grants });
    rdtsIssued++;
    send(response, 200, { restrictedDataToken: token, expiresIn: RDT_SECONDS });
  }

  const server = await startFakeServer((request, response, { url, body }) => {
    if (request.method === "POST" && url.pathname === "/auth/o2/token") return exchangeToken(response, request.headers["content-type"], body);
    if (request.method === "POST" && url.pathname === "/tokens/2021-03-01/restrictedDataToken") return createRestrictedDataToken(response, request.headers["x-amz-access-token"], body);

    const itemsRoute = /^\/orders\/v0\/orders\/([^/]+)\/orderItems$/.exec(url.pathname);
    const operation: AmazonOperation | null = url.pathname === "/orders/v0/orders" ? "getOrders" : itemsRoute ? "getOrderItems" : null;
    if (request.method !== "GET" || !operation) return send(response, 404, spError("NotFound", "The requested resource was not found."));

    const failure = failures.shift();
    if (failure) {
      return send(response, failure, failure === 503 ? spError("ServiceUnavailable", "Service temporarily unavailable. Please try again later.") : spError("InternalFailure", "We encountered an internal error. Please try again."));
    }
    const token = request.headers["x-amz-access-token"];
    // An RDT stands in for the access token, but only on the paths it was issued for.
    const rdt = typeof token === "string" ? restrictedTokens.get(token) : undefined;
    const grant = rdt?.grants.find((candidate) => candidate.method === request.method && pathMatches(candidate.path, url.pathname));
    if (rdt && !grant) return send(response, 403, spError("Unauthorized", "Access to requested resource is denied.", "The Restricted Data Token does not authorize this resource."));
    const expiresAt = rdt ? rdt.expiresAt : typeof token === "string" ? accessTokens.get(token) : undefined;
    if (expiresAt === undefined) return send(response, 403, spError("Unauthorized", "Access to requested resource is denied."));
    if (expiresAt <= now()) return send(response, 403, spError("Unauthorized", "The access token you provided has expired."));
    const dataElements = grant?.dataElements ?? [];

    const rateHeader = { "x-amzn-RateLimit-Limit": String(USAGE_PLANS[operation].rate) };
    if (!throttle(operation)) return send(response, 429, spError("QuotaExceeded", "You exceeded your quota for the requested resource."), rateHeader);

    const malformation = malformations.shift();
    if (malformation === "html") {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html><body>Service Unavailable</body></html>");
      return;
    }
    const answer = operation === "getOrders" ? handleGetOrders(listing, url.searchParams) : handleGetOrderItems(listing, decodeURIComponent(itemsRoute![1]), url.searchParams);
    if (operation === "getOrders" && answer.status === 200) {
      for (const order of (answer.body as { payload: { Orders: Record<string, unknown>[] } }).payload.Orders) redactOrder(order, dataElements);
    }
    if (malformation === "no-orders-list") return send(response, 200, { payload: { NextToken: "x" } }, rateHeader);
    if (malformation === "order-without-id" && answer.status === 200) {
      const payload = (answer.body as { payload: Record<string, { AmazonOrderId?: string; OrderItemId?: string }[]> }).payload;
      for (const list of [payload.Orders, payload.OrderItems]) list?.forEach((entry) => (delete entry.AmazonOrderId, delete entry.OrderItemId));
    }
    send(response, answer.status, answer.body, rateHeader);
  });

  return {
    ...server,
    credentials: { clientId, clientSecret, refreshToken, marketplaceId: marketplaceIds[0], tokenUrl: `${server.url}/auth/o2/token` },
    orders,
    add: orders.add.bind(orders),
    update: orders.update.bind(orders),
    cancel: orders.cancel.bind(orders),
    reactivate: orders.reactivate.bind(orders),
    now,
    elapse: (ms) => void (elapsed += ms),
    rateLimitNext: (count = 1, operation) => forced429.push(...Array.from({ length: count }, () => ({ operation }))),
    failNext: (count = 1, status = 500) => failures.push(...Array<number>(count).fill(status)),
    malformNext: (kind) => void malformations.push(kind),
    expireAccessTokens: () => accessTokens.forEach((_, token) => accessTokens.set(token, now())),
    revokeAuthorization: () => {
      revoked = true;
      accessTokens.clear();
      restrictedTokens.clear();
    },
    tokenExchanges: () => exchanges,
    restrictedDataTokensIssued: () => rdtsIssued,
    expireRestrictedDataTokens: () => restrictedTokens.forEach((entry) => (entry.expiresAt = now())),
  };
}
