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

export const FEDEX_DEFAULT_BASE_URL = "https://apis.fedex.com";

export interface FedexConfig {
  clientId: string;
  clientSecret: string;
  accountNumber: string;
  baseUrl: string;
}

/** FedEx serviceType values and the codes ShipStation uses for them. */
const FEDEX_SERVICES = [
  { serviceType: "FEDEX_GROUND", code: "fedex_ground", name: "FedEx Ground" },
  { serviceType: "GROUND_HOME_DELIVERY", code: "fedex_home_delivery", name: "FedEx Home Delivery" },
  { serviceType: "FEDEX_EXPRESS_SAVER", code: "fedex_express_saver", name: "FedEx Express Saver" },
  { serviceType: "FEDEX_2_DAY", code: "fedex_2day", name: "FedEx 2Day" },
  { serviceType: "FEDEX_2_DAY_AM", code: "fedex_2day_am", name: "FedEx 2Day A.M." },
  { serviceType: "STANDARD_OVERNIGHT", code: "fedex_standard_overnight", name: "FedEx Standard Overnight" },
  { serviceType: "PRIORITY_OVERNIGHT", code: "fedex_priority_overnight", name: "FedEx Priority Overnight" },
  { serviceType: "FIRST_OVERNIGHT", code: "fedex_first_overnight", name: "FedEx First Overnight" },
  { serviceType: "FEDEX_INTERNATIONAL_CONNECT_PLUS", code: "fedex_international_connect_plus", name: "FedEx International Connect Plus" },
  { serviceType: "INTERNATIONAL_ECONOMY", code: "fedex_international_economy", name: "FedEx International Economy" },
  { serviceType: "FEDEX_INTERNATIONAL_PRIORITY", code: "fedex_international_priority", name: "FedEx International Priority" },
  { serviceType: "INTERNATIONAL_FIRST", code: "fedex_international_first", name: "FedEx International First" },
  { serviceType: "FEDEX_GROUND_INTERNATIONAL", code: "fedex_ground_international", name: "FedEx International Ground" },
] as const;

/** surCharges[].type, by breakdown column; other types stay in the base. */
const FEDEX_SURCHARGE_COLUMNS: Record<string, keyof Surcharges> = {
  FUEL: "fuelCents",
  RESIDENTIAL_DELIVERY: "residentialCents",
  DELIVERY_AREA: "deliveryAreaCents",
  ADDITIONAL_HANDLING: "additionalHandlingCents",
  OVERSIZE: "oversizeCents",
  SIGNATURE_OPTION: "confirmationCents",
};

const FEDEX_SIGNATURE: Partial<Record<Parcel["confirmation"], string>> = { signature: "INDIRECT", direct_signature: "DIRECT", adult_signature: "ADULT" };

const TRANSIT_WORDS = ["ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN", "TWENTY"];

const carrier = { code: "fedex", name: "FedEx" } as const;

/** FedEx Rate API (rate quotes): every service FedEx offers for the parcel in one call. */
export function createFedexCarrier(config: FedexConfig): LiveCarrier {
  const tokenSource = (baseUrl: string): TokenSource =>
    clientCredentialsToken({
      carrierName: carrier.name,
      envPrefix: "FEDEX",
      key: `fedex:${baseUrl}:${config.clientId}`,
      url: `${baseUrl}/oauth/token`,
      init: {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: config.clientId, client_secret: config.clientSecret }).toString(),
      },
      errorMessage: fedexErrorMessage,
    });

  return {
    ...carrier,
    services: FEDEX_SERVICES.map(({ code, name }) => ({ code, name })),
    async quote(parcel, signal) {
      const baseUrl = carrierBaseUrl(config.baseUrl, "FEDEX_API_BASE_URL");
      const response = await withBearerToken(tokenSource(baseUrl), signal, (token) =>
        sendToCarrier(
          `${baseUrl}/rate/v1/rates/quotes`,
          {
            method: "POST",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json", "X-locale": "en_US" },
            body: JSON.stringify(fedexRateRequest(parcel, config.accountNumber)),
          },
          { carrierName: carrier.name, signal },
        ),
      );
      if (response.status !== 200) throw carrierFailure(carrier.name, "FEDEX", response.status, fedexErrorMessage(response.json), "rate");
      const quotes = mapFedexRateResponse(response.json, parcel);
      return parcel.serviceCode ? quotes.filter((quote) => quote.serviceCode === parcel.serviceCode) : quotes;
    },
  };
}

/** The documented quote request: account, shipper, recipient, drop-off, one package in LB and IN. */
export function fedexRateRequest(parcel: Parcel, accountNumber: string) {
  const signature = FEDEX_SIGNATURE[parcel.confirmation];
  return {
    accountNumber: { value: accountNumber },
    rateRequestControlParameters: { returnTransitTimes: true },
    requestedShipment: {
      shipper: { address: { postalCode: parcel.fromPostalCode, countryCode: parcel.fromCountry } },
      recipient: {
        address: {
          postalCode: parcel.toPostalCode,
          countryCode: parcel.toCountry,
          ...(parcel.toCity ? { city: parcel.toCity } : {}),
          ...(parcel.toState ? { stateOrProvinceCode: parcel.toState } : {}),
          residential: parcel.residential,
        },
      },
      shipDateStamp: parcel.shipDate,
      pickupType: "DROPOFF_AT_FEDEX_LOCATION",
      packagingType: "YOUR_PACKAGING",
      rateRequestType: ["ACCOUNT", "LIST"],
      totalPackageCount: 1,
      requestedPackageLineItems: [
        {
          weight: { units: "LB", value: poundsOf(parcel.weightOz, 1) },
          ...(parcel.dimensions
            ? {
                dimensions: {
                  length: Math.ceil(parcel.dimensions.lengthIn),
                  width: Math.ceil(parcel.dimensions.widthIn),
                  height: Math.ceil(parcel.dimensions.heightIn),
                  units: "IN",
                },
              }
            : {}),
          ...(signature ? { packageSpecialServices: { specialServiceTypes: ["SIGNATURE_OPTION"], signatureOptionType: signature } } : {}),
        },
      ],
    },
  };
}

interface FedexRatedShipment {
  rateType?: unknown;
  ratedWeightMethod?: unknown;
  totalNetCharge?: unknown;
  shipmentRateDetail?: {
    rateZone?: unknown;
    surCharges?: { type?: unknown; amount?: unknown }[];
    totalBillingWeight?: { units?: unknown; value?: unknown };
  };
}
interface FedexRateReply {
  serviceType?: unknown;
  serviceName?: unknown;
  ratedShipmentDetails?: FedexRatedShipment[];
  commit?: { transitDays?: { minimumTransitTime?: unknown } };
  operationalDetail?: { transitTime?: unknown };
}

/** output.rateReplyDetails[] as quotes: the account's rate when FedEx gives it, else the list rate. */
export function mapFedexRateResponse(json: unknown, parcel: Parcel): RateQuote[] {
  const replies = (json as { output?: { rateReplyDetails?: FedexRateReply[] } } | null)?.output?.rateReplyDetails;
  if (!Array.isArray(replies)) throw unreadableAnswer(carrier.name);
  return replies.flatMap((reply) => {
    const details = Array.isArray(reply.ratedShipmentDetails) ? reply.ratedShipmentDetails : [];
    const rated = details.find((detail) => detail.rateType === "ACCOUNT") ?? details.find((detail) => detail.rateType === "LIST") ?? details[0];
    const totalCents = amountToCents(rated?.totalNetCharge);
    if (!rated || totalCents === null) return [];
    const surcharges: Surcharges = {};
    for (const surcharge of rated.shipmentRateDetail?.surCharges ?? []) {
      const column = FEDEX_SURCHARGE_COLUMNS[String(surcharge?.type ?? "")];
      const cents = amountToCents(surcharge?.amount);
      if (column && cents !== null) surcharges[column] = (surcharges[column] ?? 0) + cents;
    }
    const serviceType = String(reply.serviceType ?? "");
    const service = FEDEX_SERVICES.find((candidate) => candidate.serviceType === serviceType);
    const billing = rated.shipmentRateDetail?.totalBillingWeight;
    const billed = positiveNumber(billing?.value);
    return [
      liveQuote(carrier, parcel, {
        serviceCode: service?.code ?? `fedex_${serviceType.toLowerCase()}`,
        serviceName: service?.name ?? cleanCarrierMessage(reply.serviceName) ?? serviceType,
        totalCents,
        breakdown: breakdownOf(totalCents, surcharges),
        zone: typeof rated.shipmentRateDetail?.rateZone === "string" ? rated.shipmentRateDetail.rateZone : null,
        billableWeightOz: billed !== null ? ouncesOf(billed, String(billing?.units ?? "LB")) : null,
        dimWeightUsed: rated.ratedWeightMethod === "DIM",
        deliveryDays: transitDays(reply.commit?.transitDays?.minimumTransitTime) ?? transitDays(reply.operationalDetail?.transitTime),
      }),
    ];
  });
}

/** "THREE_DAYS" → 3. */
function transitDays(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const index = TRANSIT_WORDS.indexOf(value.replace(/_DAYS?$/, ""));
  return index >= 0 ? index + 1 : null;
}

/** FedEx's documented error JSON: `{ transactionId, errors: [{ code, message }] }`. */
export function fedexErrorMessage(json: unknown): string | null {
  const errors = (json as { errors?: { code?: unknown; message?: unknown }[] } | null)?.errors;
  if (!Array.isArray(errors)) return null;
  const messages = errors
    .map((error) => {
      const message = cleanCarrierMessage(error?.message);
      const code = typeof error?.code === "string" && /^[\w.-]{1,60}$/.test(error.code) ? error.code : null;
      return message && code ? `${message} (${code})` : message;
    })
    .filter((message): message is string => Boolean(message));
  return messages.length ? cleanCarrierMessage(messages.join("; ")) : null;
}
