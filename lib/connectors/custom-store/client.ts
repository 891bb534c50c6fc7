import { inEnglish, message } from "@/lib/i18n/message";
import type { PullOptions, StoreConnection } from "../types";
import { ConnectorError } from "../types";
import { formatCustomStoreDate } from "./dates";
import { requestText } from "../http";
import { parseExportXml, type ExportDocument } from "./xml";

// Read back from the store's stored error like any platform's name, so it too shows in the merchant's language.
export const PLATFORM_NAME = inEnglish(message("storeErrors.customStoreName"));

/** The window ShipStation asks a custom store for: orders modified from `start` to `end`, one page of them. */
export interface ExportRequest {
  start: number;
  end: number;
  page: number;
}

/**
 * `{endpoint}?action=export&start_date=MM/dd/yyyy HH:mm&end_date=…&page=N`, dates in UTC. The
 * endpoint may carry its own query (`index.php?route=shipstation`); it is kept. Spaces go out as
 * %20, which every server decodes (some read `+` literally).
 */
export function buildExportUrl(baseUrl: string, request: ExportRequest): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConnectorError(message("storeErrors.customStoreBadAddress", { address: baseUrl }), "not_found");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConnectorError(message("storeErrors.customStoreNotHttps", { protocol: url.protocol }), "not_found");
  }
  url.searchParams.set("action", "export");
  url.searchParams.set("start_date", formatCustomStoreDate(request.start));
  url.searchParams.set("end_date", formatCustomStoreDate(request.end));
  url.searchParams.set("page", String(request.page));
  url.search = url.searchParams.toString().replace(/\+/g, "%20");
  return url.toString();
}

/** HTTP Basic with the username and password the merchant set on the store's endpoint. */
export function basicAuthorization(credentials: Record<string, string>): string {
  const { username, password } = credentials;
  if (!username || password === undefined) {
    throw new ConnectorError(message("storeErrors.customStoreNoCredentials"), "auth");
  }
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}

/** One page of `action=export`, read and checked: a well-formed <Orders> document or a ConnectorError. */
export async function fetchExportPage(
  store: StoreConnection,
  request: ExportRequest,
  options: Pick<PullOptions, "signal" | "sleep" | "requestTimeoutMs"> & { retries?: number } = {},
): Promise<ExportDocument> {
  const url = buildExportUrl(store.baseUrl, request);
  const { text } = await requestText(
    url,
    {
      method: "GET",
      headers: {
        authorization: basicAuthorization(store.credentials),
        accept: "application/xml, text/xml;q=0.9, */*;q=0.1",
        "user-agent": "Shipdeck (Custom Store import)",
      },
      // A login page behind a redirect is still a login page: follow, then read what came back.
      redirect: "follow",
    },
    { platformName: PLATFORM_NAME, signal: options.signal, sleep: options.sleep, retries: options.retries, requestTimeoutMs: options.requestTimeoutMs },
  );
  return parseExportXml(text);
}
