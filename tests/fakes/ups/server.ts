import { sendJson } from "../http-server";
import { bearerOf, fakeZone, startCarrierFake, type CarrierFake } from "../carrier-oauth";

export interface UpsFakeOptions {
  clientId?: string;
  clientSecret?: string;
}

export const UPS_FAKE_CLIENT_ID = "ups-client-id";
export const UPS_FAKE_CLIENT_SECRET = "ups-client-secret";

/** Cents: fixed, per billable pound, per zone; fuel 15 % of base; residential $5.50; signature $7, adult $9. */
export const UPS_FAKE_PRICING = {
  domestic: [
    { code: "03", fixed: 900, perLb: 80, perZone: 50, days: null },
    { code: "02", fixed: 1800, perLb: 160, perZone: 100, days: "2" },
    { code: "01", fixed: 3500, perLb: 300, perZone: 200, days: "1" },
  ],
  international: [
    { code: "11", fixed: 2500, perLb: 300, perZone: 100, days: null },
    { code: "65", fixed: 5000, perLb: 600, perZone: 200, days: "3" },
  ],
  fuelShare: 0.15,
  residentialCents: 550,
  confirmationCents: { "2": 700, "3": 900 } as Record<string, number>,
  /** Negotiated rates take this share of the published base. */
  negotiatedShare: 0.8,
};

/** UPS's error JSON: `{ response: { errors: [{ code, message }] } }`. */
export const upsError = (code: string, message: string) => ({ response: { errors: [{ code, message }] } });

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), value);
const money = (cents: number) => ({ CurrencyCode: "USD", MonetaryValue: (cents / 100).toFixed(2) });

/** UPS's OAuth (client credentials) and Rating API (Shop), as the developer portal documents them. */
export async function startUpsFake(options: UpsFakeOptions = {}): Promise<CarrierFake> {
  const clientId = options.clientId ?? UPS_FAKE_CLIENT_ID;
  const clientSecret = options.clientSecret ?? UPS_FAKE_CLIENT_SECRET;
  const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;

  return startCarrierFake("ups", (status) => upsError(status >= 500 ? "9999" : "111100", status >= 500 ? "System Error" : "The requested service is invalid from the selected origin."), (state, request, response, { url, body }) => {
    if (request.method === "POST" && url.pathname === "/security/v1/oauth/token") {
      const authorization = request.headers.authorization;
      if (!authorization?.startsWith("Basic ")) return sendJson(response, 401, upsError("10400", "Invalid/Missing Authorization Header"));
      if (authorization !== basic) return sendJson(response, 401, upsError("10401", "ClientId is Invalid"));
      if (new URLSearchParams(body).get("grant_type") !== "client_credentials") return sendJson(response, 400, upsError("10400", "Invalid grant_type"));
      return sendJson(response, 200, { token_type: "Bearer", issued_at: String(Date.now()), client_id: clientId, access_token: state.issueToken(), expires_in: "14399", status: "approved" });
    }
    const rating = /^\/api\/rating\/(v\d+)\/(Shop|Rate)$/.exec(url.pathname);
    if (request.method === "POST" && rating) {
      if (!state.validToken(bearerOf(request.headers.authorization))) return sendJson(response, 401, upsError("250002", "Invalid Authentication Information."));
      if (state.intercept(response)) return;
      let rateRequest: unknown;
      try {
        rateRequest = at(JSON.parse(body), "RateRequest");
      } catch {
        return sendJson(response, 400, upsError("250001", "Invalid request body."));
      }
      const shipment = at(rateRequest, "Shipment");
      const invalid = validate(rateRequest, shipment, rating[2]);
      if (invalid) return sendJson(response, 400, invalid);
      return sendJson(response, 200, rateResponse(shipment as Json));
    }
    sendJson(response, 404, upsError("404", "Resource not found"));
  });
}

function validate(rateRequest: unknown, shipment: unknown, option: string) {
  if (!rateRequest || !shipment) return upsError("250001", "Missing RateRequest.Shipment.");
  if (at(rateRequest, "Request", "RequestOption") !== option) return upsError("111500", `RequestOption must be ${option}.`);
  for (const party of ["Shipper", "ShipTo"]) {
    if (!at(shipment, party, "Address", "PostalCode")) return upsError("111285", `The ${party} postal code is missing.`);
    if (!/^[A-Z]{2}$/.test(String(at(shipment, party, "Address", "CountryCode")))) return upsError("111286", `The ${party} country code is missing or invalid.`);
  }
  const packages = at(shipment, "Package");
  const first = Array.isArray(packages) ? packages[0] : packages;
  const weight = Number(at(first, "PackageWeight", "Weight"));
  if (at(first, "PackageWeight", "UnitOfMeasurement", "Code") !== "LBS" || !(weight > 0) || weight > 150) return upsError("111546", "Invalid Weight");
  return null;
}

function rateResponse(shipment: Json) {
  const packages = shipment.Package;
  const parcel = (Array.isArray(packages) ? packages[0] : packages) as Json;
  const weight = Number(at(parcel, "PackageWeight", "Weight"));
  const dims = at(parcel, "Dimensions");
  const volume = dims ? Number(at(dims, "Length")) * Number(at(dims, "Width")) * Number(at(dims, "Height")) : 0;
  const billableLb = Math.max(Math.ceil(weight), Math.ceil(volume / 139));
  const fromCountry = String(at(shipment, "Shipper", "Address", "CountryCode"));
  const toCountry = String(at(shipment, "ShipTo", "Address", "CountryCode"));
  const domestic = fromCountry === toCountry;
  const zone = domestic ? fakeZone(String(at(shipment, "Shipper", "Address", "PostalCode")), String(at(shipment, "ShipTo", "Address", "PostalCode"))) : 9;
  const residential = at(shipment, "ShipTo", "Address", "ResidentialAddressIndicator") !== undefined;
  const confirmationCents = UPS_FAKE_PRICING.confirmationCents[String(at(parcel, "PackageServiceOptions", "DeliveryConfirmation", "DCISType"))] ?? 0;
  const negotiated = Boolean(at(shipment, "Shipper", "ShipperNumber")) && at(shipment, "ShipmentRatingOptions", "NegotiatedRatesIndicator") !== undefined;

  const RatedShipment = (domestic ? UPS_FAKE_PRICING.domestic : UPS_FAKE_PRICING.international).map((service) => {
    const base = service.fixed + service.perLb * billableLb + service.perZone * zone;
    const fuel = Math.round(base * UPS_FAKE_PRICING.fuelShare);
    const residentialCents = residential ? UPS_FAKE_PRICING.residentialCents : 0;
    const itemized = [{ Code: "375", ...money(fuel) }, ...(residential ? [{ Code: "270", ...money(residentialCents) }] : [])];
    const total = base + fuel + residentialCents + confirmationCents;
    const negotiatedBase = Math.round(base * UPS_FAKE_PRICING.negotiatedShare);
    const negotiatedFuel = Math.round(negotiatedBase * UPS_FAKE_PRICING.fuelShare);
    return {
      Service: { Code: service.code, Description: "" },
      RatedShipmentAlert: [{ Code: "110971", Description: "Your invoice may vary from the displayed reference rates" }],
      BillingWeight: { UnitOfMeasurement: { Code: "LBS", Description: "Pounds" }, Weight: billableLb.toFixed(1) },
      TransportationCharges: money(base + fuel + residentialCents),
      BaseServiceCharge: money(base),
      ItemizedCharges: itemized,
      ServiceOptionsCharges: money(confirmationCents),
      TotalCharges: money(total),
      ...(negotiated
        ? {
            NegotiatedRateCharges: {
              BaseServiceCharge: money(negotiatedBase),
              ItemizedCharges: [{ Code: "375", ...money(negotiatedFuel) }, ...(residential ? [{ Code: "270", ...money(residentialCents) }] : [])],
              TotalCharge: money(negotiatedBase + negotiatedFuel + residentialCents + confirmationCents),
            },
          }
        : {}),
      ...(service.days ? { GuaranteedDelivery: { BusinessDaysInTransit: service.days } } : {}),
      RatedPackage: [{ Weight: weight.toFixed(1), BillingWeight: { UnitOfMeasurement: { Code: "LBS" }, Weight: billableLb.toFixed(1) } }],
    };
  });
  return {
    RateResponse: {
      Response: { ResponseStatus: { Code: "1", Description: "Success" } },
      RatedShipment,
    },
  };
}
