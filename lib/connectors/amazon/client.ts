import { message } from "@/lib/i18n/message";
import { requestJson } from "../http";
import { ConnectorError, defaultSleep, type PullOptions, type StoreConnection } from "../types";
import { amazonCredentials, forgetAccessToken, getAccessToken, type AmazonCredentials } from "./auth";
import { getOrderItemsResponseSchema, getOrdersResponseSchema, parseAmazonPayload, type AmazonOrder, type AmazonOrderItem } from "./payload";
import { bucketFor, GET_ORDER_ITEMS_PLAN, GET_ORDERS_PLAN, rateLimitWaitMs, type UsagePlan } from "./rate-limit";
import { forgetRestrictedDataToken, getRestrictedDataToken, GET_ORDERS_PII, type RestrictedResource } from "./restricted-data";

/** getOrders' largest page. */
export const AMAZON_PAGE_SIZE = 100;
/**
 * LastUpdatedBefore must be at least 2 minutes before Amazon's clock; the extra seconds allow for
 * our clock running a little ahead of Amazon's.
 */
export const AMAZON_MIN_LAG_MS = 2 * 60_000 + 10_000;

export type AmazonClientOptions = Pick<PullOptions, "signal" | "sleep" | "requestTimeoutMs">;

export interface OrdersPage {
  orders: AmazonOrder[];
  nextToken: string | null;
}

export type OrdersQuery =
  | { kind: "updated"; after: number; before: number }
  | { kind: "created"; after: number; pageSize: number }
  | { kind: "next"; nextToken: string };

/**
 * SP-API Orders v0 for one store: LWA access token in `x-amz-access-token` (a Restricted Data
 * Token instead for getOrders, whose buyer and address fields are PII), each operation paced by
 * its own token bucket, a 429 waited out for one token's worth of `x-amzn-RateLimit-Limit`.
 */
export class AmazonClient {
  readonly credentials: AmazonCredentials;
  private readonly apiBase: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    store: StoreConnection,
    private readonly options: AmazonClientOptions = {},
  ) {
    this.credentials = amazonCredentials(store);
    this.apiBase = amazonApiBase(store.baseUrl);
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Exchanges the refresh token now, so a bad one is reported before any order call. */
  async signIn(): Promise<void> {
    const { signal, requestTimeoutMs } = this.options;
    await getAccessToken(this.credentials, { signal, sleep: this.sleep, requestTimeoutMs });
  }

  /**
   * One page of getOrders. A NextToken page carries MarketplaceIds (a required parameter) and the
   * token only: Amazon retrieves the next page from the token "instead of other criteria".
   */
  async getOrders(query: OrdersQuery): Promise<OrdersPage> {
    const params = new URLSearchParams({ MarketplaceIds: this.credentials.marketplaceId });
    if (query.kind === "next") {
      params.set("NextToken", query.nextToken);
    } else if (query.kind === "updated") {
      params.set("LastUpdatedAfter", new Date(query.after).toISOString());
      params.set("LastUpdatedBefore", new Date(query.before).toISOString());
      params.set("MaxResultsPerPage", String(AMAZON_PAGE_SIZE));
    } else {
      params.set("CreatedAfter", new Date(query.after).toISOString());
      params.set("MaxResultsPerPage", String(query.pageSize));
    }
    // Without an RDT Amazon leaves out the buyer's name, street lines and phone: no label could be bought.
    const body = await this.get(`/orders/v0/orders?${params}`, GET_ORDERS_PLAN, GET_ORDERS_PII);
    const { payload } = parseAmazonPayload(getOrdersResponseSchema, body, message("storeErrors.amazonOrderList"));
    return { orders: payload.Orders, nextToken: payload.NextToken || null };
  }

  /** Every item of one order, following getOrderItems' NextToken. */
  async getOrderItems(amazonOrderId: string): Promise<AmazonOrderItem[]> {
    const items: AmazonOrderItem[] = [];
    let nextToken: string | null = null;
    do {
      const query: string = nextToken ? `?${new URLSearchParams({ NextToken: nextToken })}` : "";
      const body = await this.get(`/orders/v0/orders/${encodeURIComponent(amazonOrderId)}/orderItems${query}`, GET_ORDER_ITEMS_PLAN);
      const { payload } = parseAmazonPayload(getOrderItemsResponseSchema, body, message("storeErrors.amazonOrderItems", { order: amazonOrderId }));
      items.push(...payload.OrderItems);
      nextToken = payload.NextToken || null;
    } while (nextToken);
    return items;
  }

  /**
   * A GET with the access token (or the RDT for `restricted`, when Amazon issues one), after a
   * token from the operation's bucket. A 403 with a cached token is tried once more with fresh
   * ones: Amazon answers an expired access token or RDT with 403.
   */
  private async get(path: string, plan: UsagePlan, restricted?: RestrictedResource): Promise<unknown> {
    const { signal, requestTimeoutMs } = this.options;
    for (let attempt = 0; ; attempt++) {
      const fresh = attempt > 0;
      const restrictedToken = restricted ? await this.restrictedDataToken(restricted, fresh) : null;
      await bucketFor(this.credentials.authorizationKey, plan).take(this.sleep, signal);
      const accessToken = restrictedToken ?? (await getAccessToken(this.credentials, { signal, sleep: this.sleep, requestTimeoutMs, fresh }));
      try {
        const { body } = await requestJson<unknown>(
          `${this.apiBase}${path}`,
          { method: "GET", headers: { "x-amz-access-token": accessToken, accept: "application/json" } },
          { platformName: "Amazon", signal, sleep: this.sleep, retryAfterMs: rateLimitWaitMs, requestTimeoutMs },
        );
        return body;
      } catch (error) {
        if (error instanceof ConnectorError && error.kind === "auth") {
          forgetAccessToken(this.credentials);
          if (restricted) forgetRestrictedDataToken(this.credentials, restricted);
          if (attempt === 0) continue;
          throw new ConnectorError(message("storeErrors.amazonAccessRefused"), "auth");
        }
        throw describeAmazonError(error);
      }
    }
  }

  private restrictedDataToken(resource: RestrictedResource, fresh: boolean): Promise<string | null> {
    const { signal, requestTimeoutMs } = this.options;
    return getRestrictedDataToken(this.credentials, resource, {
      apiBase: this.apiBase,
      accessToken: (freshAccess) => getAccessToken(this.credentials, { signal, sleep: this.sleep, requestTimeoutMs, fresh: fresh || freshAccess }),
      signal,
      sleep: this.sleep,
      requestTimeoutMs,
      fresh,
    });
  }
}

/** The SP-API endpoint without a trailing slash, or a plain-words error. */
export function amazonApiBase(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConnectorError(message("storeErrors.amazonBadEndpoint"), "not_found");
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * SP-API errors are `{"errors":[{code,message,details}]}`; requestJson kept the body out of its
 * message for a 4xx. Give the merchant Amazon's own words instead of JSON.
 */
function describeAmazonError(error: unknown): unknown {
  if (!(error instanceof ConnectorError) || error.kind !== "bad_response") return error;
  if (!error.answer) return error;
  let first: { code?: unknown; message?: unknown; details?: unknown } | undefined;
  try {
    first = (JSON.parse(error.answer.text) as { errors?: (typeof first)[] }).errors?.[0];
  } catch {
    return error; // not SP-API's error shape: requestJson's words (the status) stand
  }
  if (!first) return error;
  // Only SP-API's documented error fields, and not at length: the rest of the body is never shown.
  const said = [first.message, first.details].filter((part): part is string => typeof part === "string" && part.trim() !== "").map((part) => part.slice(0, 300));
  const words = said.length ? said.join(" ") : message("storeErrors.noReasonGiven");
  const code = typeof first.code === "string" && /^\w{1,60}$/.test(first.code) ? first.code : null;
  return new ConnectorError(code ? message("storeErrors.amazonRefusedCode", { code, words }) : message("storeErrors.amazonRefused", { words }), "bad_response");
}
