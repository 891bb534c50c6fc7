import { sendJson } from "../http-server";
import { bearerOf, fakeZone, startCarrierFake, type CarrierFake } from "../carrier-oauth";

export interface UspsPricesFakeOptions {
  clientId?: string;
  clientSecret?: string;
  /** Mail classes this fake answers "no rates" for (as USPS does for a class that does not serve a lane). */
  unavailableMailClasses?: string[];
}

export const USPS_FAKE_CLIENT_ID = "usps-consumer-key";
export const USPS_FAKE_CLIENT_SECRET = "usps-consumer-secret";

const MAIL_CLASSES = ["USPS_GROUND_ADVANTAGE", "PRIORITY_MAIL", "PRIORITY_MAIL_EXPRESS", "PARCEL_SELECT", "MEDIA_MAIL", "LIBRARY_MAIL"];
const REQUIRED = ["originZIPCode", "destinationZIPCode", "weight", "length", "width", "height", "mailClass", "processingCategory", "rateIndicator", "destinationEntryFacilityType", "priceType"];

/** Cents: a fixed part, per billable pound, per zone. The tests work prices out from these. */
export const USPS_FAKE_PRICING: Record<string, { fixed: number; perLb: number; perZone: number; description: string }> = {
  USPS_GROUND_ADVANTAGE: { fixed: 500, perLb: 60, perZone: 25, description: "USPS Ground Advantage Machinable Single-piece" },
  PRIORITY_MAIL: { fixed: 900, perLb: 90, perZone: 40, description: "Priority Mail Machinable Single-piece" },
  PRIORITY_MAIL_EXPRESS: { fixed: 2800, perLb: 150, perZone: 80, description: "Priority Mail Express Single-piece" },
};

/** USPS's error JSON (APIs v3): `{ apiVersion, error: { code, message, errors: [...] } }`. */
export function uspsError(status: number, message: string, detail?: string, parameter?: string) {
  return {
    apiVersion: "/prices/v3",
    error: {
      code: String(status),
      message,
      errors: detail ? [{ status: String(status), code: "010101", title: message, detail, ...(parameter ? { source: { parameter } } : {}) }] : [],
    },
  };
}

/** USPS APIs v3 as far as rating uses them: the OAuth token and the domestic base-rates search. */
export async function startUspsPricesFake(options: UspsPricesFakeOptions = {}): Promise<CarrierFake> {
  const clientId = options.clientId ?? USPS_FAKE_CLIENT_ID;
  const clientSecret = options.clientSecret ?? USPS_FAKE_CLIENT_SECRET;

  return startCarrierFake("usps", (status) => uspsError(status, status >= 500 ? "Internal Server Error" : "Bad Request"), (state, request, response, { url, body }) => {
    if (request.method === "POST" && url.pathname === "/oauth2/v3/token") {
      const fields = readBody(request.headers["content-type"], body);
      if (fields.grant_type !== "client_credentials") return sendJson(response, 400, { error: "unsupported_grant_type", error_description: "grant_type must be client_credentials" });
      if (fields.client_id !== clientId || fields.client_secret !== clientSecret) {
        return sendJson(response, 401, { error: "invalid_client", error_description: "Client authentication failed" });
      }
      const token = state.issueToken();
      return sendJson(response, 200, {
        access_token: token,
        token_type: "Bearer",
        issued_at: String(Date.now()),
        expires_in: "28799",
        status: "approved",
        scope: "prices",
        issuer: "api.usps.com",
        client_id: clientId,
      });
    }
    if (request.method === "POST" && url.pathname === "/prices/v3/base-rates/search") {
      if (!state.validToken(bearerOf(request.headers.authorization))) {
        return sendJson(response, 401, {
          apiVersion: "/prices/v3",
          error: { code: "401", message: "Missing or malformed access token.", errors: [{ title: "invalid_token", detail: "The access token presented with the request is expired or invalid.", source: "Access Token" }] },
        });
      }
      if (state.intercept(response)) return;
      let search: Record<string, unknown>;
      try {
        search = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return sendJson(response, 400, uspsError(400, "Request body is not valid JSON."));
      }
      const missing = REQUIRED.find((field) => search[field] === undefined || search[field] === null || search[field] === "");
      if (missing) return sendJson(response, 400, uspsError(400, "OpenAPI request validation failed.", `${missing} is required.`, missing));
      for (const field of ["originZIPCode", "destinationZIPCode"]) {
        if (!/^\d{5}$/.test(String(search[field]))) return sendJson(response, 400, uspsError(400, "OpenAPI request validation failed.", `${field} must be 5 digits.`, field));
      }
      const weight = Number(search.weight);
      if (!(weight > 0) || weight > 70) return sendJson(response, 400, uspsError(400, "OpenAPI request validation failed.", "weight must be more than 0 and at most 70 pounds.", "weight"));
      const mailClass = String(search.mailClass);
      if (!MAIL_CLASSES.includes(mailClass)) return sendJson(response, 400, uspsError(400, "OpenAPI request validation failed.", `mailClass ${mailClass} is not one of the allowed values.`, "mailClass"));
      const pricing = USPS_FAKE_PRICING[mailClass];
      if (!pricing || options.unavailableMailClasses?.includes(mailClass)) {
        return sendJson(response, 400, uspsError(400, "No rates found for the request.", `No ${mailClass} rates for this origin and destination.`));
      }
      return sendJson(response, 200, priceOf(search, pricing));
    }
    sendJson(response, 404, uspsError(404, "Resource not found"));
  });
}

function readBody(contentType: string | undefined, body: string): Record<string, string> {
  if ((contentType ?? "").includes("application/json")) {
    try {
      return JSON.parse(body) as Record<string, string>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

/** The documented answer, priced from the request: billable pounds (weight or DIM, /166 over 1 cu ft) and zone. */
function priceOf(search: Record<string, unknown>, pricing: (typeof USPS_FAKE_PRICING)[string]) {
  const [length, width, height] = [Number(search.length), Number(search.width), Number(search.height)];
  const weight = Number(search.weight);
  const volume = length * width * height;
  const dimWeight = volume > 1728 ? Math.ceil(volume / 166) : 0;
  const billableLb = Math.max(Math.ceil(weight), dimWeight);
  const zone = fakeZone(String(search.originZIPCode), String(search.destinationZIPCode));
  const priceCents = pricing.fixed + pricing.perLb * billableLb + pricing.perZone * zone;
  const fees = length > 22 ? [{ name: "Nonstandard Length > 22", SKU: "D811XUXXXXX0000", price: 4 }] : [];
  const feeCents = fees.reduce((sum, fee) => sum + fee.price * 100, 0);
  return {
    totalBasePrice: (priceCents + feeCents) / 100,
    rates: [
      {
        SKU: "DUXP0XXXXC04010",
        description: pricing.description,
        priceType: search.priceType,
        price: priceCents / 100,
        weight,
        dimWeight,
        fees,
        startDate: "2026-07-13",
        endDate: "",
        mailClass: search.mailClass,
        zone: `0${zone}`,
      },
    ],
  };
}
