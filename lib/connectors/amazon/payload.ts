import { z } from "zod";
import { ConnectorError } from "../types";
import { message, type Message } from "@/lib/i18n/message";

/**
 * The parts of SP-API Orders v0 payloads Shipdeck reads, checked at the boundary so a malformed
 * answer becomes a ConnectorError instead of a crash deep in the mapping. Loose objects: Amazon
 * adds fields often, and unknown ones are simply ignored.
 */

const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not an ISO 8601 date");
/** Amazon's Money: amounts are decimal strings ("11.01"). */
const money = z.looseObject({
  CurrencyCode: z.string().optional(),
  Amount: z.string().regex(/^-?\d+(\.\d+)?$/, "not a decimal amount"),
});

const address = z.looseObject({
  Name: z.string().optional(),
  CompanyName: z.string().optional(),
  AddressLine1: z.string().optional(),
  AddressLine2: z.string().optional(),
  AddressLine3: z.string().optional(),
  City: z.string().optional(),
  StateOrRegion: z.string().optional(),
  PostalCode: z.string().optional(),
  CountryCode: z.string().optional(),
  Phone: z.string().optional(),
  AddressType: z.string().optional(),
});

export const amazonOrderSchema = z.looseObject({
  AmazonOrderId: z.string().min(1),
  PurchaseDate: instant,
  LastUpdateDate: instant,
  OrderStatus: z.string().min(1),
  FulfillmentChannel: z.string().optional(),
  OrderTotal: money.optional(),
  ShipmentServiceLevelCategory: z.string().optional(),
  ShipServiceLevel: z.string().optional(),
  LatestShipDate: instant.optional(),
  PaymentMethod: z.string().optional(),
  PaymentMethodDetails: z.array(z.string()).optional(),
  MarketplaceId: z.string().optional(),
  ShippingAddress: address.optional(),
  BuyerInfo: z.looseObject({ BuyerEmail: z.string().optional(), BuyerName: z.string().optional() }).optional(),
});
export type AmazonOrder = z.infer<typeof amazonOrderSchema>;

export const amazonOrderItemSchema = z.looseObject({
  OrderItemId: z.string().min(1),
  ASIN: z.string().optional(),
  SellerSKU: z.string().optional(),
  Title: z.string().optional(),
  QuantityOrdered: z.number().int().min(0),
  ItemPrice: money.optional(),
  ItemTax: money.optional(),
  ShippingPrice: money.optional(),
  ShippingTax: money.optional(),
  ShippingDiscount: money.optional(),
  ShippingDiscountTax: money.optional(),
  PromotionDiscount: money.optional(),
  PromotionDiscountTax: money.optional(),
  IsGift: z.string().optional(),
  BuyerRequestedCancel: z.looseObject({ IsBuyerRequestedCancel: z.string().optional(), BuyerCancelReason: z.string().optional() }).optional(),
  Measurement: z.looseObject({ Unit: z.string(), Value: z.number() }).optional(),
});
export type AmazonOrderItem = z.infer<typeof amazonOrderItemSchema>;

export const getOrdersResponseSchema = z.looseObject({
  payload: z.looseObject({ Orders: z.array(amazonOrderSchema), NextToken: z.string().optional() }),
});

export const getOrderItemsResponseSchema = z.looseObject({
  payload: z.looseObject({ OrderItems: z.array(amazonOrderItemSchema), NextToken: z.string().optional() }),
});

/** createRestrictedDataToken's answer (not wrapped in `payload`): the RDT and its lifetime in seconds. */
export const restrictedDataTokenResponseSchema = z.looseObject({
  restrictedDataToken: z.string().min(1),
  expiresIn: z.number().positive(),
});

export const lwaTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

/** Parses one of the schemas above, or says in words what Amazon sent that Shipdeck cannot read. */
export function parseAmazonPayload<T>(schema: z.ZodType<T>, body: unknown, what: string | Message): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // zod's own words name the fault: a developer's detail, quoted as it came.
  const fault = issue.path.length ? `${issue.message} at ${issue.path.join(".")}` : issue.message;
  throw new ConnectorError(message("storeErrors.amazonUnreadable", { what, fault }), "bad_response");
}
