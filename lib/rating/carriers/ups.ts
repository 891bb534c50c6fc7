import type { Parcel, RateQuote } from "../types";
import {
  amountToCents,
  carrierBaseUrl,
  carrierFailure,
  cleanCarrierMessage,
  clientCredentialsToken,
  positiveNumber,
  sendToCarrier,
  unreadableAnswer,
  withBearerToken,
  type TokenSource,
} from "./http";
import { breakdownOf, inches, liveQuote, ouncesOf, poundsOf, type Surcharges } from "./quote";
import type { LiveCarrier } from "./index";

export const UPS_DEFAULT_BASE_URL = "https://onlinetools.ups.com";
export const UPS_RATING_VERSION = "v2409";

export interface UpsConfig {
  clientId: string;
  clientSecret: string;
  /** The shipper number: asks for the account's negotiated rates when set. */
  accountNumber: string | null;
  baseUrl: string;
}

/** UPS service codes (Rating API appendix) and the codes ShipStation uses for them. */
const UPS_SERVICES = [
  { upsCode: "03", code: "ups_ground", name: "UPS Ground" },
  { upsCode: "12", code: "ups_3_day_select", name: "UPS 3 Day Select" },
  { upsCode: "02", code: "ups_2nd_day_air", name: "UPS 2nd Day Air" },
  { upsCode: "59", code: "ups_2nd_day_air_am", name: "UPS 2nd Day Air A.M." },
  { upsCode: "13", code: "ups_next_day_air_saver", name: "UPS Next Day Air Saver" },
  { upsCode: "01", code: "ups_next_day_air", name: "UPS Next Day Air" },
  { upsCode: "14", code: "ups_next_day_air_early_am", name: "UPS Next Day Air Early" },
  { upsCode: "93", code: "ups_ground_saver", name: "UPS Ground Saver" },
  { upsCode: "11", code: "ups_standard_international", name: "UPS Standard" },
  { upsCode: "08", code: "ups_worldwide_expedited", name: "UPS Worldwide Expedited" },
  { upsCode: "65", code: "ups_worldwide_saver", name: "UPS Worldwide Saver" },
  { upsCode: "07", code: "ups_worldwide_express", name: "UPS Worldwide Express" },
  { upsCode: "54", code: "ups_worldwide_express_plus", name: "UPS Worldwide Express Plus" },
] as const;

/** ItemizedCharges codes UPS lists on a rated shipment, by breakdown column. */
const UPS_CHARGE_COLUMNS: Record<string, keyof Surcharges> = {
  "375": "fuelCents",
  "270": "residentialCents",
  "376": "deliveryAreaCents",
  "190": "deliveryAreaCents",
  "100": "additionalHandlingCents",
  "110": "additionalHandlingCents",
  "430": "oversizeCents",
};

/** Package-level delivery confirmation (DCISType): 2 signature required, 3 adult signature. */
const UPS_CONFIRMATION: Partial<Record<Parcel["confirmation"], string>> = { signature: "2", direct_signature: "2", adult_signature: "3" };

const carrier = { code: "ups", name: "UPS" } as const;

/** UPS Rating API, Shop: every service UPS offers for the parcel in one call. */
export function createUpsCarrier(config: UpsConfig): LiveCarrier {
  const tokenHeaders: Record<string, string> = {
    Authorization: `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64")}`,
    "Content-Type": "application/x-www-form-urlencoded",
    Accept: "application/json",
  };
  if (config.accountNumber) tokenHeaders["x-merchant-id"] = config.accountNumber;
  const tokenSource = (baseUrl: string): TokenSource =>
    clientCredentialsToken({
      carrierName: carrier.name,
      envPrefix: "UPS",
      key: `ups:${baseUrl}:${config.clientId}`,
      url: `${baseUrl}/security/v1/oauth/token`,
      init: { method: "POST", headers: tokenHeaders, body: new URLSearchParams({ grant_type: "client_credentials" }).toString() },
      errorMessage: upsErrorMessage,
    });

  return {
    ...carrier,
    services: UPS_SERVICES.map(({ code, name }) => ({ code, name })),
    async quote(parcel, signal) {
      const baseUrl = carrierBaseUrl(config.baseUrl, "UPS_API_BASE_URL");
      const response = await withBearerToken(tokenSource(baseUrl), signal, (token) =>
        sendToCarrier(
          `${baseUrl}/api/rating/${UPS_RATING_VERSION}/Shop`,
          {
            method: "POST",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json", transId: crypto.randomUUID().replace(/-/g, ""), transactionSrc: "shipdeck" },
            body: JSON.stringify(upsShopRequest(parcel, config.accountNumber)),
          },
          { carrierName: carrier.name, signal },
        ),
      );
      if (response.status !== 200) throw carrierFailure(carrier.name, "UPS", response.status, upsErrorMessage(response.json), "rate");
      const quotes = mapUpsRateResponse(response.json, parcel);
      return parcel.serviceCode ? quotes.filter((quote) => quote.serviceCode === parcel.serviceCode) : quotes;
    },
  };
}

function upsAddress(postalCode: string, countryCode: string, extra: { city?: string | null; state?: string | null } = {}) {
  return {
    PostalCode: postalCode,
    CountryCode: countryCode,
    ...(extra.city ? { City: extra.city } : {}),
    ...(extra.state ? { StateProvinceCode: extra.state } : {}),
  };
}

/** The documented RateRequest for Shop: shipper, ship-to, ship-from and one package. */
export function upsShopRequest(parcel: Parcel, accountNumber: string | null) {
  const from = upsAddress(parcel.fromPostalCode, parcel.fromCountry);
  const to = {
    ...upsAddress(parcel.toPostalCode, parcel.toCountry, { city: parcel.toCity, state: parcel.toState }),
    // UPS reads this indicator by its presence.
    ...(parcel.residential ? { ResidentialAddressIndicator: "Y" } : {}),
  };
  const confirmation = UPS_CONFIRMATION[parcel.confirmation];
  return {
    RateRequest: {
      Request: { RequestOption: "Shop", TransactionReference: { CustomerContext: "Shipdeck rates" } },
      Shipment: {
        Shipper: { Name: "Shipper", ...(accountNumber ? { ShipperNumber: accountNumber } : {}), Address: from },
        ShipTo: { Name: "Recipient", Address: to },
        ShipFrom: { Name: "Shipper", Address: from },
        ...(accountNumber
          ? {
              PaymentDetails: { ShipmentCharge: [{ Type: "01", BillShipper: { AccountNumber: accountNumber } }] },
              ShipmentRatingOptions: { NegotiatedRatesIndicator: "Y" },
            }
          : {}),
        NumOfPieces: "1",
        Package: [
          {
            PackagingType: { Code: "02", Description: "Package" },
            ...(parcel.dimensions
              ? {
                  Dimensions: {
                    UnitOfMeasurement: { Code: "IN", Description: "Inches" },
                    Length: String(inches(parcel.dimensions.lengthIn)),
                    Width: String(inches(parcel.dimensions.widthIn)),
                    Height: String(inches(parcel.dimensions.heightIn)),
                  },
                }
              : {}),
            PackageWeight: { UnitOfMeasurement: { Code: "LBS", Description: "Pounds" }, Weight: String(poundsOf(parcel.weightOz, 1)) },
            ...(confirmation ? { PackageServiceOptions: { DeliveryConfirmation: { DCISType: confirmation } } } : {}),
          },
        ],
      },
    },
  };
}

interface UpsCharge {
  Code?: unknown;
  MonetaryValue?: unknown;
}
interface UpsRatedShipment {
  Service?: { Code?: unknown };
  Zone?: unknown;
  BillingWeight?: { UnitOfMeasurement?: { Code?: unknown }; Weight?: unknown };
  TotalCharges?: { MonetaryValue?: unknown };
  ServiceOptionsCharges?: { MonetaryValue?: unknown };
  ItemizedCharges?: UpsCharge[] | UpsCharge;
  NegotiatedRateCharges?: { TotalCharge?: { MonetaryValue?: unknown }; ItemizedCharges?: UpsCharge[] | UpsCharge };
  GuaranteedDelivery?: { BusinessDaysInTransit?: unknown };
  TimeInTransit?: { ServiceSummary?: { EstimatedArrival?: { BusinessDaysInTransit?: unknown } } };
}

/** UPS answers one element as an object and several as an array. */
const listOf = <T>(value: T[] | T | undefined | null): T[] => (value == null ? [] : Array.isArray(value) ? value : [value]);

/** RateResponse.RatedShipment[] as quotes: the negotiated charges when UPS gives them, else the published ones. */
export function mapUpsRateResponse(json: unknown, parcel: Parcel): RateQuote[] {
  const body = json as { RateResponse?: { RatedShipment?: UpsRatedShipment[] | UpsRatedShipment } } | null;
  if (!body?.RateResponse) throw unreadableAnswer(carrier.name);
  return listOf(body.RateResponse.RatedShipment).flatMap((shipment) => {
    const upsCode = String(shipment.Service?.Code ?? "");
    const service = UPS_SERVICES.find((candidate) => candidate.upsCode === upsCode);
    const negotiated = shipment.NegotiatedRateCharges;
    const totalCents = amountToCents(negotiated?.TotalCharge?.MonetaryValue) ?? amountToCents(shipment.TotalCharges?.MonetaryValue);
    if (totalCents === null) return [];
    const published = !negotiated?.TotalCharge;
    const charges = published ? listOf(shipment.ItemizedCharges) : listOf(negotiated.ItemizedCharges);
    // The only service option Shipdeck asks for is the delivery confirmation; negotiated charges do not split it out.
    const surcharges: Surcharges = { confirmationCents: published ? (amountToCents(shipment.ServiceOptionsCharges?.MonetaryValue) ?? 0) : 0 };
    for (const charge of charges) {
      const column = UPS_CHARGE_COLUMNS[String(charge.Code ?? "")];
      const cents = amountToCents(charge.MonetaryValue);
      if (column && cents !== null) surcharges[column] = (surcharges[column] ?? 0) + cents;
    }
    const billed = positiveNumber(shipment.BillingWeight?.Weight);
    const days = positiveNumber(shipment.GuaranteedDelivery?.BusinessDaysInTransit) ?? positiveNumber(shipment.TimeInTransit?.ServiceSummary?.EstimatedArrival?.BusinessDaysInTransit);
    return [
      liveQuote(carrier, parcel, {
        serviceCode: service?.code ?? `ups_${upsCode}`,
        serviceName: service?.name ?? `UPS service ${upsCode}`,
        totalCents,
        breakdown: breakdownOf(totalCents, surcharges),
        zone: shipment.Zone === undefined || shipment.Zone === null ? null : String(shipment.Zone),
        billableWeightOz: billed !== null ? ouncesOf(billed, String(shipment.BillingWeight?.UnitOfMeasurement?.Code ?? "LBS")) : null,
        deliveryDays: days,
      }),
    ];
  });
}

/** UPS's documented error JSON: `{ response: { errors: [{ code, message }] } }`. */
export function upsErrorMessage(json: unknown): string | null {
  const errors = (json as { response?: { errors?: { code?: unknown; message?: unknown }[] } } | null)?.response?.errors;
  if (!Array.isArray(errors)) return null;
  const messages = errors
    .map((error) => {
      const message = cleanCarrierMessage(error?.message);
      const code = typeof error?.code === "string" && /^[\w.-]{1,20}$/.test(error.code) ? error.code : null;
      return message && code ? `${message} (${code})` : message;
    })
    .filter((message): message is string => Boolean(message));
  return messages.length ? cleanCarrierMessage(messages.join("; ")) : null;
}
