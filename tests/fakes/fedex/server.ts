import { randomUUID } from "node:crypto";
import { sendJson } from "../http-server";
import { bearerOf, fakeZone, startCarrierFake, type CarrierFake } from "../carrier-oauth";

export interface FedexFakeOptions {
  clientId?: string;
  clientSecret?: string;
  accountNumber?: string;
}

export const FEDEX_FAKE_CLIENT_ID = "fedex-api-key";
export const FEDEX_FAKE_CLIENT_SECRET = "fedex-secret-key";
export const FEDEX_FAKE_ACCOUNT = "740561073";

/** Cents: fixed, per billable pound, per zone; fuel 14 % of base; the account rate is 90 % of the list base. */
export const FEDEX_FAKE_PRICING = {
  domestic: [
    { serviceType: "FEDEX_GROUND", serviceName: "FedEx Ground®", fixed: 950, perLb: 85, perZone: 45, transitTime: "THREE_DAYS" },
    { serviceType: "FEDEX_2_DAY", serviceName: "FedEx 2Day®", fixed: 1900, perLb: 170, perZone: 90, transitTime: "TWO_DAYS" },
    { serviceType: "PRIORITY_OVERNIGHT", serviceName: "FedEx Priority Overnight®", fixed: 3600, perLb: 320, perZone: 180, transitTime: "ONE_DAY" },
  ],
  international: [
    { serviceType: "INTERNATIONAL_ECONOMY", serviceName: "FedEx International Economy®", fixed: 3000, perLb: 350, perZone: 100, transitTime: "FIVE_DAYS" },
    { serviceType: "FEDEX_INTERNATIONAL_PRIORITY", serviceName: "FedEx International Priority®", fixed: 4500, perLb: 500, perZone: 150, transitTime: "THREE_DAYS" },
  ],
  fuelShare: 0.14,
  residentialCents: 560,
  signatureCents: { INDIRECT: 650, DIRECT: 750, ADULT: 900 } as Record<string, number>,
  accountShare: 0.9,
};

/** FedEx's error JSON: `{ transactionId, errors: [{ code, message }] }`. */
export const fedexError = (code: string, message: string) => ({ transactionId: randomUUID(), errors: [{ code, message }] });

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined), value);

/** FedEx's OAuth (client credentials) and Rate API (rate quotes), as the developer portal documents them. */
export async function startFedexFake(options: FedexFakeOptions = {}): Promise<CarrierFake> {
  const clientId = options.clientId ?? FEDEX_FAKE_CLIENT_ID;
  const clientSecret = options.clientSecret ?? FEDEX_FAKE_CLIENT_SECRET;
  const accountNumber = options.accountNumber ?? FEDEX_FAKE_ACCOUNT;

  return startCarrierFake(
    "fedex",
    (status) => (status >= 500 ? fedexError("INTERNAL.SERVER.ERROR", "We encountered an unexpected error and are working to resolve the issue. We apologize for any inconvenience. Please check back at a later time.") : fedexError("SERVICE.UNAVAILABLE.ERROR", "The service is currently unavailable.")),
    (state, request, response, { url, body }) => {
      if (request.method === "POST" && url.pathname === "/oauth/token") {
        const fields = new URLSearchParams(body);
        if (fields.get("grant_type") !== "client_credentials") return sendJson(response, 400, fedexError("BAD.REQUEST.ERROR", "The given grant_type is not supported."));
        if (fields.get("client_id") !== clientId || fields.get("client_secret") !== clientSecret) {
          return sendJson(response, 401, fedexError("NOT.AUTHORIZED.ERROR", "The given client credentials were not valid. Please modify your request and try again."));
        }
        return sendJson(response, 200, { access_token: state.issueToken(), token_type: "bearer", expires_in: 3599, scope: "CXS" });
      }
      if (request.method === "POST" && url.pathname === "/rate/v1/rates/quotes") {
        if (!state.validToken(bearerOf(request.headers.authorization))) {
          return sendJson(response, 401, fedexError("NOT.AUTHORIZED.ERROR", "Access token expired. Please modify your request and try again."));
        }
        if (state.intercept(response)) return;
        let quote: Json;
        try {
          quote = JSON.parse(body) as Json;
        } catch {
          return sendJson(response, 400, fedexError("INVALID.INPUT.EXCEPTION", "Invalid field value in the input"));
        }
        const invalid = validate(quote, accountNumber);
        if (invalid) return sendJson(response, 400, invalid);
        return sendJson(response, 200, rateReply(quote));
      }
      sendJson(response, 404, fedexError("NOT.FOUND.ERROR", "The resource you requested is no longer available. Please modify your request and try again."));
    },
  );
}

function validate(quote: Json, accountNumber: string) {
  if (at(quote, "accountNumber", "value") !== accountNumber) return fedexError("ACCOUNTNUMBER.REGISTRATION.REQUIRED", "Please provide a valid shipping account number.");
  for (const party of ["shipper", "recipient"]) {
    if (!at(quote, "requestedShipment", party, "address", "postalCode")) return fedexError("POSTALCODE.REQUIRED", `The ${party} postal code is required.`);
    if (!/^[A-Z]{2}$/.test(String(at(quote, "requestedShipment", party, "address", "countryCode")))) return fedexError("COUNTRYCODE.INVALID", `The ${party} country code is invalid.`);
  }
  if (!at(quote, "requestedShipment", "pickupType")) return fedexError("PICKUPTYPE.REQUIRED", "Pickup type is required.");
  if (!Array.isArray(at(quote, "requestedShipment", "rateRequestType"))) return fedexError("RATEREQUESTTYPE.REQUIRED", "Rate request type is required.");
  const weight = at(quote, "requestedShipment", "requestedPackageLineItems", 0, "weight");
  if (at(weight, "units") !== "LB" || !(Number(at(weight, "value")) > 0) || Number(at(weight, "value")) > 150) {
    return fedexError("WEIGHT.VALUE.INVALID", "Weight value is invalid. Please update and try again.");
  }
  return null;
}

function rateReply(quote: Json) {
  const shipment = at(quote, "requestedShipment");
  const item = at(shipment, "requestedPackageLineItems", 0);
  const weight = Number(at(item, "weight", "value"));
  const dims = at(item, "dimensions");
  const volume = dims ? Number(at(dims, "length")) * Number(at(dims, "width")) * Number(at(dims, "height")) : 0;
  const dimLb = Math.ceil(volume / 139);
  const billableLb = Math.max(Math.ceil(weight), dimLb);
  const from = at(shipment, "shipper", "address");
  const to = at(shipment, "recipient", "address");
  const domestic = at(from, "countryCode") === at(to, "countryCode");
  const zone = domestic ? fakeZone(String(at(from, "postalCode")), String(at(to, "postalCode"))) : 9;
  const residential = at(to, "residential") === true;
  const signature = FEDEX_FAKE_PRICING.signatureCents[String(at(item, "packageSpecialServices", "signatureOptionType"))] ?? 0;

  const services = (domestic ? FEDEX_FAKE_PRICING.domestic : FEDEX_FAKE_PRICING.international).map((service) =>
    residential && service.serviceType === "FEDEX_GROUND" ? { ...service, serviceType: "GROUND_HOME_DELIVERY", serviceName: "FedEx Home Delivery®" } : service,
  );
  return {
    transactionId: randomUUID(),
    output: {
      rateReplyDetails: services.map((service) => {
        const listBase = service.fixed + service.perLb * billableLb + service.perZone * zone;
        const rated = (rateType: string, base: number) => {
          const surCharges = [
            { type: "FUEL", description: "Fuel Surcharge", amount: Math.round(base * FEDEX_FAKE_PRICING.fuelShare) / 100 },
            ...(residential ? [{ type: "RESIDENTIAL_DELIVERY", description: "Residential delivery", amount: FEDEX_FAKE_PRICING.residentialCents / 100 }] : []),
            ...(signature ? [{ type: "SIGNATURE_OPTION", description: "Signature option", amount: signature / 100 }] : []),
          ];
          const surchargeCents = surCharges.reduce((sum, surcharge) => sum + Math.round(surcharge.amount * 100), 0);
          return {
            rateType,
            ratedWeightMethod: dimLb > Math.ceil(weight) ? "DIM" : "ACTUAL",
            totalDiscounts: 0,
            totalBaseCharge: base / 100,
            totalNetCharge: (base + surchargeCents) / 100,
            totalNetFedExCharge: (base + surchargeCents) / 100,
            shipmentRateDetail: {
              rateZone: String(zone),
              dimDivisor: 139,
              fuelSurchargePercent: FEDEX_FAKE_PRICING.fuelShare * 100,
              totalSurcharges: surchargeCents / 100,
              surCharges,
              totalBillingWeight: { units: "LB", value: billableLb },
              currency: "USD",
            },
            currency: "USD",
          };
        };
        return {
          serviceType: service.serviceType,
          serviceName: service.serviceName,
          packagingType: "YOUR_PACKAGING",
          ratedShipmentDetails: [rated("ACCOUNT", Math.round(listBase * FEDEX_FAKE_PRICING.accountShare)), rated("LIST", listBase)],
          operationalDetail: { transitTime: service.transitTime },
          commit: { dateDetail: { dayOfWeek: "THU" } },
        };
      }),
      quoteDate: "2026-12-07",
      encoded: false,
    },
  };
}
