// Not marked server-only: the self-hosted ticker (instrumentation.ts) refreshes zone charts, outside React Server Components.
import { AppError } from "@/lib/errors";
import { parseUspsZoneChartJson, type UspsZoneChart } from "./usps-zone-chart";
import { message, type Message } from "@/lib/i18n/message";

export const DEFAULT_USPS_ZONE_CHART_URL = "https://postcalc.usps.com";
export const DEFAULT_USPS_ZONE_CHART_TIMEOUT_MS = 10_000;

/** USPS_ZONE_CHART_TIMEOUT_MS, else 10 s; a value that is not a positive number is ignored. */
export function uspsZoneChartTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.USPS_ZONE_CHART_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_USPS_ZONE_CHART_TIMEOUT_MS;
}

/** The service's base URL: USPS's own unless `USPS_ZONE_CHART_URL` names another (a mirror, or a test's fake). */
export function uspsZoneChartBaseUrl(): string {
  return (process.env.USPS_ZONE_CHART_URL || DEFAULT_USPS_ZONE_CHART_URL).replace(/\/+$/, "");
}

/** YYYY-MM-DD → M/D/YYYY, the form USPS's page sends. */
export function uspsShippingDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${month}/${day}/${year}`;
}

/** The URL asked for a chart, as stored beside it (the service's, never a secret). */
export function uspsZoneChartUrl(originZip3: string, shippingDate: string): string {
  const query = new URLSearchParams({ zipCode3Digit: originZip3, shippingDate: uspsShippingDate(shippingDate) });
  return `${uspsZoneChartBaseUrl()}/DomesticZoneChart/GetZoneChart?${query}`;
}

function unavailable(said: Message): AppError {
  // Not the merchant's input that is wrong, but the form shows it as a reason like any other.
  return new AppError("invalid_input", said);
}

/**
 * The chart in force on `shippingDate` (YYYY-MM-DD) for an origin ZIP3, from USPS's public Domestic
 * Zone Chart service. Failures are AppErrors in the merchant's words; the service's body is never echoed.
 */
export async function fetchUspsZoneChartFromService(originZip3: string, shippingDate: string): Promise<{ chart: UspsZoneChart; sourceUrl: string }> {
  if (!/^\d{3}$/.test(originZip3)) throw new AppError("invalid_input", `Origin ZIP3 "${originZip3}" is not 3 digits.`);
  const sourceUrl = uspsZoneChartUrl(originZip3, shippingDate);
  const timeoutMs = uspsZoneChartTimeoutMs();
  const timedOut = () => unavailable(message("ratingErrors.serviceTimedOut", { seconds: timeoutMs / 1000 }));
  let response: Response;
  try {
    response = await fetch(sourceUrl, {
      headers: { accept: "application/json", "x-requested-with": "XMLHttpRequest" },
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") throw timedOut();
    throw unavailable(message("ratingErrors.serviceUnreachable"));
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw unavailable(message("ratingErrors.serviceNoChart404", { origin: originZip3 }));
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw unavailable(message("ratingErrors.serviceAnswered", { status: response.status }));
  }
  const contentType = response.headers.get("content-type") ?? "";
  if (!/json/i.test(contentType)) {
    await response.body?.cancel();
    throw unavailable(contentType ? message("ratingErrors.serviceNotJson", { type: contentType.split(";")[0] }) : message("ratingErrors.serviceNoContentType"));
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    if ((error as Error).name === "TimeoutError") throw timedOut();
    throw unavailable(message("ratingErrors.serviceMalformedJson"));
  }
  if (!json || (typeof json === "object" && Object.keys(json).length === 0)) throw unavailable(message("ratingErrors.serviceNoChart", { origin: originZip3 }));
  try {
    return { chart: parseUspsZoneChartJson(json, { originZip3 }), sourceUrl };
  } catch (error) {
    if (error instanceof AppError) throw unavailable(message("ratingErrors.serviceBadChart", { origin: originZip3, reason: error.key ? { key: error.key, params: error.params } : error.message }));
    throw error;
  }
}
