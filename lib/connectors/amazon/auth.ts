import { message, type Message } from "@/lib/i18n/message";
import { createHash } from "node:crypto";
import { requestJson } from "../http";
import { ConnectorError, type StoreConnection } from "../types";
import { lwaTokenResponseSchema, parseAmazonPayload } from "./payload";

export const DEFAULT_LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token";
/** Access tokens live an hour; stop using one this long before it expires. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export interface AmazonCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  marketplaceId: string;
  tokenUrl: string;
  /** Names this seller authorization without holding the refresh token itself (cache keys). */
  authorizationKey: string;
}

/** The store's credentials, or an auth error naming what is missing (never echoing a value). */
export function amazonCredentials(store: StoreConnection): AmazonCredentials {
  const value = (name: string) => store.credentials[name]?.trim() ?? "";
  const [clientId, clientSecret, refreshToken, marketplaceId] = ["clientId", "clientSecret", "refreshToken", "marketplaceId"].map(value);
  const missing = [
    !clientId && message("storeErrors.amazonClientIdLabel"),
    !clientSecret && message("storeErrors.amazonClientSecretLabel"),
    !refreshToken && message("storeErrors.amazonRefreshTokenLabel"),
    !marketplaceId && message("storeErrors.amazonMarketplaceIdLabel"),
  ].filter((label) => label !== false);
  if (missing.length) throw new ConnectorError(missingCredentials(missing), "auth");
  const tokenUrl = value("tokenUrl") || DEFAULT_LWA_TOKEN_URL;
  const authorizationKey = createHash("sha256").update(`${tokenUrl}\u0000${clientId}\u0000${refreshToken}`).digest("base64url");
  return { clientId, clientSecret, refreshToken, marketplaceId, tokenUrl, authorizationKey };
}

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}
const cachedTokens = new Map<string, CachedToken>();

export interface AccessTokenOptions {
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  requestTimeoutMs?: number;
  /** Skip the cache: SP-API just refused the cached token. */
  fresh?: boolean;
  now?: () => number;
}

/**
 * An LWA access token for the store's seller authorization: the cached one while it has a few
 * minutes left, else a refresh-token exchange (grant_type=refresh_token, form-encoded).
 */
export async function getAccessToken(credentials: AmazonCredentials, options: AccessTokenOptions = {}): Promise<string> {
  const now = options.now ?? Date.now;
  const cached = cachedTokens.get(credentials.authorizationKey);
  if (cached && !options.fresh && cached.expiresAt - EXPIRY_MARGIN_MS > now()) return cached.accessToken;

  const form = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: credentials.refreshToken,
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  let body: unknown;
  try {
    ({ body } = await requestJson<unknown>(
      credentials.tokenUrl,
      { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", accept: "application/json" }, body: form.toString() },
      { platformName: "Amazon", signal: options.signal, sleep: options.sleep, requestTimeoutMs: options.requestTimeoutMs },
    ));
  } catch (error) {
    throw lwaError(error);
  }
  const token = parseAmazonPayload(lwaTokenResponseSchema, body, message("storeErrors.amazonSignInAnswer"));
  cachedTokens.set(credentials.authorizationKey, { accessToken: token.access_token, expiresAt: now() + token.expires_in * 1000 });
  return token.access_token;
}

/** Forgets the authorization's access token (SP-API refused it). */
export function forgetAccessToken(credentials: AmazonCredentials): void {
  cachedTokens.delete(credentials.authorizationKey);
}

/**
 * LWA answers OAuth errors: 400 `{"error":"invalid_grant"}` for a refresh token that is wrong,
 * expired or revoked, 401 `invalid_client` for a wrong client id or secret. requestJson has made
 * them a bad_response or a generic auth error; say what the merchant should fix instead.
 */
function lwaError(error: unknown): unknown {
  if (!(error instanceof ConnectorError)) return error;
  if (error.kind === "auth") {
    return new ConnectorError(message("storeErrors.amazonBadClient"), "auth");
  }
  if (error.kind !== "bad_response") return error;
  const code = /"error"\s*:\s*"([a-z_]+)"/.exec(error.answer?.text ?? "")?.[1];
  if (code === "invalid_grant") {
    return new ConnectorError(message("storeErrors.amazonRefreshToken"), "auth");
  }
  if (code === "invalid_client" || code === "unauthorized_client") {
    return new ConnectorError(message("storeErrors.amazonBadClient"), "auth");
  }
  if (code) return new ConnectorError(message("storeErrors.amazonSignInRefused", { code }), "auth");
  return error;
}

/** "The Amazon store is missing its LWA client ID, refresh token." with each name in the merchant's language. */
function missingCredentials([a, b, c, d]: Message[]): Message {
  if (d) return message("storeErrors.amazonMissing4", { a, b, c, d });
  if (c) return message("storeErrors.amazonMissing3", { a, b, c });
  if (b) return message("storeErrors.amazonMissing2", { a, b });
  return message("storeErrors.amazonMissing1", { a });
}
