import "server-only";
import { db } from "@/db/database";
import type { OrderItemRow, OrderRow } from "@/db/schema";
import { fieldErrorsOf, notFound } from "@/lib/errors";
import { message } from "@/lib/i18n/message";
import { orderWeightOf } from "@/lib/orders/weight";
import { listRatingCarriers } from "./list-carriers";
import { parcelInputSchema, toParcel, type ParcelInput } from "./parcel-schema";
import { quoteRates } from "./quote-rates";
import { getDefaultShipFromLocation } from "./ship-from-locations";
import { CONFIRMATIONS, type Confirmation, type Parcel, type RateResult } from "./types";

/** What an order lacks before it can be quoted; the page says each in words. */
export type OrderParcelGap = "no_weight" | "no_ship_to_postal_code" | "no_location";

export type OrderParcel =
  | { parcel: Parcel; gaps: []; invalid: null }
  /** `invalid`: the order's values the parcel schema refused, by field ("toPostalCode: Use a 5-digit US ZIP code"). */
  | { parcel: null; gaps: OrderParcelGap[]; invalid: string | null };

type ItemWeight = Pick<OrderItemRow, "weight_oz" | "quantity" | "adjustment">;

/** The order's weight as its page and list show it (`orderWeightOf`); null or zero can't be quoted. */
export function orderWeightOz(order: Pick<OrderRow, "weight_oz">, items: readonly ItemWeight[]): number | null {
  const { oz } = orderWeightOf(order, items);
  return oz != null && oz > 0 ? oz : null;
}

/**
 * The parcel an order ships as, from `from` (the ship-from location): its ship-to, its weight,
 * its dimensions, its confirmation and package. A ship-to whose residential flag is unknown is
 * quoted as residential: the surcharge is the safer surprise.
 */
export function orderParcelOf(order: OrderRow, items: readonly ItemWeight[], from: { postalCode: string; country: string } | null, today: string): OrderParcel {
  const weightOz = orderWeightOz(order, items);
  const gaps: OrderParcelGap[] = [];
  if (weightOz == null) gaps.push("no_weight");
  if (!order.ship_to_postal_code?.trim()) gaps.push("no_ship_to_postal_code");
  if (!from) gaps.push("no_location");
  if (gaps.length || !from || weightOz == null) return { parcel: null, gaps, invalid: null };

  const hasDimensions = order.dim_length != null && order.dim_width != null && order.dim_height != null && order.dim_length > 0 && order.dim_width > 0 && order.dim_height > 0;
  const input: ParcelInput = {
    fromPostalCode: from.postalCode,
    fromCountry: from.country,
    toPostalCode: order.ship_to_postal_code!,
    toCountry: order.ship_to_country || "US",
    toCity: order.ship_to_city,
    toState: order.ship_to_state,
    residential: order.ship_to_residential !== 0,
    weight: { value: weightOz, units: "ounces" },
    dimensions: hasDimensions
      ? { length: order.dim_length!, width: order.dim_width!, height: order.dim_height!, units: order.dim_units === "centimeters" ? "centimeters" : "inches" }
      : null,
    confirmation: CONFIRMATIONS.includes(order.confirmation as Confirmation) ? (order.confirmation as Confirmation) : null,
    packageCode: order.package_code,
  };
  const parsed = parcelInputSchema.safeParse(input);
  if (!parsed.success) {
    const invalid = Object.entries(fieldErrorsOf(parsed.error.issues)).map(([field, messages]) => `${field}: ${messages[0]}`).join("; ");
    return { parcel: null, gaps: [], invalid };
  }
  return { parcel: toParcel(parsed.data, today), gaps: [], invalid: null };
}

async function loadOpenOrder(workspaceId: string, orderId: number) {
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw notFound(message("orderErrors.notFound"));
  const order = await db.read.selectFrom("orders").selectAll().where("id", "=", orderId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!order || order.deleted_at != null) throw notFound(message("orderErrors.notFound"));
  const items = await db.read.selectFrom("order_items").select(["weight_oz", "quantity", "adjustment"]).where("order_id", "=", orderId).execute();
  return { order, items };
}

export interface OrderRates {
  parcel: Parcel | null;
  gaps: OrderParcelGap[];
  invalid: string | null;
  /** The quotes, or null when the order can't be quoted yet (see `gaps` and `invalid`). */
  result: RateResult | null;
}

/** Every carrier's quotes for an order's parcel, shipped from the workspace's default location. */
export async function quoteOrderRates(workspaceId: string, orderId: number, today: string): Promise<OrderRates> {
  const { order, items } = await loadOpenOrder(workspaceId, orderId);
  const location = await getDefaultShipFromLocation(workspaceId);
  const derived = orderParcelOf(order, items, location ? { postalCode: location.postalCode, country: location.country } : null, today);
  if (!derived.parcel) return { ...derived, result: null };
  return { ...derived, result: await quoteRates(workspaceId, derived.parcel) };
}

export interface OrderShippingChoice {
  carrierCode: string;
  carrierName: string | null;
  serviceCode: string | null;
  serviceName: string | null;
  packageCode: string | null;
  samplePrices: boolean;
}

/** The carrier and service saved on the order, with their names when the workspace still rates with them. */
export async function getOrderShippingChoice(workspaceId: string, orderId: number, today: string): Promise<OrderShippingChoice | null> {
  const order = await db.read
    .selectFrom("orders")
    .select(["carrier_code", "service_code", "package_code"])
    .where("id", "=", orderId)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!order?.carrier_code) return null;
  const carrier = (await listRatingCarriers(workspaceId, today)).find((each) => each.code.toLowerCase() === order.carrier_code!.toLowerCase());
  const service = carrier?.services.find((each) => each.code === order.service_code);
  return {
    carrierCode: order.carrier_code,
    carrierName: carrier?.name ?? null,
    serviceCode: order.service_code,
    serviceName: service?.name ?? null,
    packageCode: order.package_code,
    samplePrices: service?.samplePrices ?? false,
  };
}
