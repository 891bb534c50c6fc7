import { inEnglish, type Message } from "@/lib/i18n/message";
import type { Platform } from "@/db/schema";
import type { NormalizedOrder } from "@/lib/orders/schema";

/** What a connector needs to reach one store: its base URL and its decrypted credentials. */
export interface StoreConnection {
  platform: Platform;
  /** Per store, so tests point a connector at a local fake server that behaves like the platform. */
  baseUrl: string;
  credentials: Record<string, string>;
  /** Custom stores: the merchant's status names per Shipdeck status (comma-separated lists, case-sensitive). */
  statusMapping?: Record<string, string> | null;
}

export interface PullOptions {
  /** Orders modified at or after this instant (epoch ms): the store's cursor minus an overlap. */
  since: number;
  /** Orders modified before this instant (epoch ms); platforms that need it (Amazon) get it ≥ 2 minutes in the past. */
  until: number;
  signal?: AbortSignal;
  /** Waits between retries and for rate limits; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
  /** How long one request to the platform may take (default REQUEST_TIMEOUT_MS); tests pass a short one. */
  requestTimeoutMs?: number;
}

/** One page of a pull, committed before the next one is asked for. */
export interface PulledPage {
  orders: NormalizedOrder[];
  /**
   * How far the store's cursor may advance once this page is committed (epoch ms), or null when
   * it may not move yet (a platform whose pages are not in modification order moves it only after
   * its last page, to `until`).
   */
  cursorAfter: number | null;
}

export type ConnectionCheck = { ok: true } | { ok: false; message: string };

/** A platform's protocol: testing a connection and pulling changed orders, page by page. */
export interface Connector {
  platform: Exclude<Platform, "manual">;
  /**
   * For a platform whose pages are not in modification order (so the cursor moves only when a
   * pull ends): the longest window one pull covers. A long first import then moves the cursor
   * window by window, and an interrupted one resumes instead of starting over.
   */
  pullWindowMs?: number;
  testConnection(store: StoreConnection, options?: { signal?: AbortSignal }): Promise<ConnectionCheck>;
  pull(store: StoreConnection, options: PullOptions): AsyncIterable<PulledPage>;
}

/** A platform's answer the import cannot go past; `retryAfterMs` when the platform said when to come back. */
/** Built from a `Message` (`storeErrors.*`), its `message` is the English the API and the stored last error keep; pages read it back in the merchant's language. */
export class ConnectorError extends Error {
  constructor(
    said: string | Message,
    readonly kind: "auth" | "rate_limited" | "unavailable" | "bad_response" | "not_found",
    readonly retryAfterMs?: number,
    /** The platform's answer to a refused request, for connectors that read their platform's error shape; never shown as is. */
    readonly answer?: { status: number; text: string },
  ) {
    super(typeof said === "string" ? said : inEnglish(said));
    this.name = "ConnectorError";
  }
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
