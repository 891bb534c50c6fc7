import "server-only";
import { configuredLiveCarriers } from "./carriers";
import { loadRateCards } from "./rate-cards";

export interface RatingService {
  carrierCode: string;
  code: string;
  name: string;
  domestic: boolean;
  international: boolean;
  /** The package a rate card prices; live carriers rate the merchant's own package. */
  packageCode: string | null;
  samplePrices: boolean;
}

/** ShipStation's carrier fields (accounts and balances don't apply here), plus what it rates. */
export interface RatingCarrier {
  name: string;
  code: string;
  accountNumber: null;
  requiresFundedAccount: false;
  balance: number;
  nickname: null;
  shippingProviderId: null;
  primary: boolean;
  /** True when every price it has is the built-in sample card's: sample prices, not carrier prices. */
  samplePrices: boolean;
  services: RatingService[];
}

/**
 * The carriers this workspace can rate with on `today` (YYYY-MM-DD): its active rate cards still
 * in effect or yet to come, then the live carriers whose credentials are configured.
 */
export async function listRatingCarriers(workspaceId: string, today: string): Promise<RatingCarrier[]> {
  // The quoting cache's cards: no query beyond its version check, and the same cards getrates quotes with.
  const cards = (await loadRateCards(workspaceId))
    .map((prepared) => prepared.card)
    .filter((card) => card.effectiveUntil == null || card.effectiveUntil >= today)
    .sort((a, b) => a.carrierName.localeCompare(b.carrierName) || a.serviceName.localeCompare(b.serviceName));

  const carriers = new Map<string, RatingCarrier>();
  const carrierOf = (code: string, name: string) => {
    const key = code.toLowerCase();
    let carrier = carriers.get(key);
    if (!carrier) {
      carrier = { name, code, accountNumber: null, requiresFundedAccount: false, balance: 0, nickname: null, shippingProviderId: null, primary: true, samplePrices: true, services: [] };
      carriers.set(key, carrier);
    }
    return carrier;
  };
  const addService = (carrier: RatingCarrier, service: RatingService) => {
    // Cards of one service for successive periods are one service to a client.
    if (!carrier.services.some((known) => known.code === service.code && known.packageCode === service.packageCode)) carrier.services.push(service);
    if (!service.samplePrices) carrier.samplePrices = false;
  };

  for (const card of cards) {
    const carrier = carrierOf(card.carrierCode, card.carrierName);
    addService(carrier, {
      carrierCode: carrier.code,
      code: card.serviceCode,
      name: card.serviceName,
      domestic: card.zoneSource === "usps" || card.zones.zip3.length > 0 || card.zones.zip5.length > 0,
      international: card.zones.countries.length > 0,
      packageCode: card.packageCode,
      samplePrices: card.samplePrices,
    });
  }
  for (const live of configuredLiveCarriers()) {
    const carrier = carrierOf(live.code, live.name);
    carrier.samplePrices = false;
    for (const service of live.services) {
      const scope = service as { domestic?: boolean; international?: boolean };
      addService(carrier, {
        carrierCode: carrier.code,
        code: service.code,
        name: service.name,
        domestic: scope.domestic ?? true,
        international: scope.international ?? false,
        packageCode: null,
        samplePrices: false,
      });
    }
  }
  return [...carriers.values()];
}

/** The workspace's carrier a client's code names (ShipStation's aliases already resolved), or null. */
export async function findRatingCarrier(workspaceId: string, carrierCode: string, today: string): Promise<RatingCarrier | null> {
  const wanted = carrierCode.toLowerCase();
  return (await listRatingCarriers(workspaceId, today)).find((carrier) => carrier.code.toLowerCase() === wanted) ?? null;
}
