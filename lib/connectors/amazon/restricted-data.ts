import { requestJson } from "../http";
import { ConnectorError } from "../types";
import type { AmazonCredentials } from "./auth";
import { message } from "@/lib/i18n/message";
import { parseAmazonPayload, restrictedDataTokenResponseSchema } from "./payload";
import { bucketFor, CREATE_RDT_PLAN, rateLimitWaitMs } from "./rate-limit";

/**
 * One restricted operation's PII, as the Tokens API names it. A generic path (no order id, e.g.
 * `/orders/v0/orders` for getOrders) makes one token serve every call to that operation.
 */
export interface RestrictedResource {
  method: "GET";
  path: string;
  dataElements: string[];
}

/** getOrders with the buyer's name and email and the full shipping address: what a label needs. */
export const GET_ORDERS_PII: RestrictedResource = { method: "GET", path: "/orders/v0/orders", dataElements: ["buyerInfo", "shippingAddress"] };

/** RDTs live an hour; stop using one a minute before, so a call never goes out with a dying token. */
const RDT_EXPIRY_MARGIN_MS = 60_000;
/**
 * After Amazon refuses an RDT (the app lacks the restricted roles), orders are read without PII
 * for this long before asking again, rather than spending a Tokens call before every getOrders.
 */
export const RDT_REFUSAL_TTL_MS = 60 * 60_000;

type CachedRdt = { token: string; expiresAt: number } | { refusedUntil: number };
const cachedRdts = new Map<string, CachedRdt>();

const cacheKey = (credentials: AmazonCredentials, resource: RestrictedResource) =>
  `${credentials.authorizationKey}\u0000${resource.method} ${resource.path}\u0000${[...resource.dataElements].sort().join(",")}`;

export interface RestrictedDataTokenOptions {
  apiBase: string;
  /** The LWA access token that asks for the RDT (`fresh` after Amazon refused the cached one). */
  accessToken: (fresh: boolean) => Promise<string>;
  signal?: AbortSignal;
  sleep: (ms: number) => Promise<void>;
  requestTimeoutMs?: number;
  /** Skip the cache: SP-API just refused the cached RDT. */
  fresh?: boolean;
  now?: () => number;
}

/**
 * A Restricted Data Token for `resource` (Tokens API 2021-03-01, createRestrictedDataToken), cached
 * per seller authorization and resource until shortly before `expiresIn` runs out; null when
 * Amazon will not issue one (the app is not approved for the restricted roles), so orders still
 * import, without the buyer's name, street and phone.
 */
export async function getRestrictedDataToken(credentials: AmazonCredentials, resource: RestrictedResource, options: RestrictedDataTokenOptions): Promise<string | null> {
  const now = options.now ?? Date.now;
  const key = cacheKey(credentials, resource);
  const cached = cachedRdts.get(key);
  if (cached && !options.fresh) {
    if ("refusedUntil" in cached && cached.refusedUntil > now()) return null;
    if ("token" in cached && cached.expiresAt - RDT_EXPIRY_MARGIN_MS > now()) return cached.token;
  }

  for (let attempt = 0; ; attempt++) {
    await bucketFor(credentials.authorizationKey, CREATE_RDT_PLAN).take(options.sleep, options.signal);
    const accessToken = await options.accessToken(attempt > 0);
    try {
      const { body } = await requestJson<unknown>(
        `${options.apiBase}/tokens/2021-03-01/restrictedDataToken`,
        {
          method: "POST",
          headers: { "x-amz-access-token": accessToken, "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ restrictedResources: [resource] }),
        },
        { platformName: "Amazon", signal: options.signal, sleep: options.sleep, retryAfterMs: rateLimitWaitMs, requestTimeoutMs: options.requestTimeoutMs },
      );
      const answer = parseAmazonPayload(restrictedDataTokenResponseSchema, body, message("storeErrors.amazonRestrictedDataToken"));
      cachedRdts.set(key, { token: answer.restrictedDataToken, expiresAt: now() + answer.expiresIn * 1000 });
      return answer.restrictedDataToken;
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      // A 403 may only mean the cached access token expired: one more try with a fresh one.
      if (error.kind === "auth" && attempt === 0) continue;
      // 403 again, or 400 naming data elements the app may not read: Amazon will not give this app PII.
      if (error.kind === "auth" || error.kind === "bad_response") {
        cachedRdts.set(key, { refusedUntil: now() + RDT_REFUSAL_TTL_MS });
        return null;
      }
      throw error;
    }
  }
}

/** Forgets the RDT for `resource` (SP-API refused it: expired early, or revoked). */
export function forgetRestrictedDataToken(credentials: AmazonCredentials, resource: RestrictedResource): void {
  cachedRdts.delete(cacheKey(credentials, resource));
}
