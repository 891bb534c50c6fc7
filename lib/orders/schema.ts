import { z } from "zod";
import { safeText } from "@/lib/text";
import { ORDER_STATUSES } from "./status";

const text = (max: number) => safeText(z.string()).trim().max(max);
const optionalText = (max: number) => text(max).nullish();
/** Integer cents; sources convert decimals at their boundary. */
const cents = z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00);
/** UTC epoch milliseconds. */
const instant = z.number().int().min(0).max(8_640_000_000_000);

/**
 * An address's fields, in the order every schema of one lists them, each text line up to its
 * length: the order schema here and the API's lenient one build theirs from it.
 */
export function addressShape<T extends z.ZodType, C extends z.ZodType, R extends z.ZodType>(optionalLine: (max: number) => T, country: C, residential: R) {
  return {
    name: optionalLine(200),
    company: optionalLine(200),
    street1: optionalLine(200),
    street2: optionalLine(200),
    street3: optionalLine(200),
    city: optionalLine(100),
    state: optionalLine(100),
    postalCode: optionalLine(40),
    country,
    phone: optionalLine(50),
    residential,
  };
}

export const addressSchema = z.object(
  addressShape(optionalText, z.string().regex(/^[A-Z]{2}$/, "Use a two-letter ISO country code").nullish(), z.boolean().nullish()),
);
export type Address = z.infer<typeof addressSchema>;

export const orderItemSchema = z.object({
  lineItemKey: optionalText(200),
  sku: optionalText(200),
  name: text(500).min(1, "Item name is required"),
  imageUrl: optionalText(2000),
  /** Weight of one unit, in ounces. */
  weightOz: z.number().min(0).max(1_000_000).nullish(),
  quantity: z.number().int().min(0).max(1_000_000),
  unitPrice: cents,
  taxAmount: cents.nullish(),
  shippingAmount: cents.nullish(),
  warehouseLocation: optionalText(200),
  options: z.array(z.object({ name: text(200), value: text(1000) })).max(100).nullish(),
  productId: optionalText(200),
  fulfillmentSku: optionalText(200),
  adjustment: z.boolean().default(false),
  upc: optionalText(100),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

/**
 * An order as every source hands it to `importOrders`: ShipStation v1's Order, with money in
 * integer cents, weights in ounces and dates as UTC epoch milliseconds. `undefined` means
 * "this source does not say" (the stored value is kept); `null` clears it.
 */
export const normalizedOrderSchema = z.object({
  orderKey: text(200).min(1, "Order key is required"),
  orderNumber: text(200).min(1, "Order number is required"),
  status: z.enum(ORDER_STATUSES),
  orderDate: instant,
  paymentDate: instant.nullish(),
  shipByDate: instant.nullish(),
  shipDate: instant.nullish(),
  holdUntilDate: instant.nullish(),
  customerUsername: optionalText(200),
  customerEmail: text(320).nullish(),
  billTo: addressSchema.nullish(),
  shipTo: addressSchema.nullish(),
  items: z.array(orderItemSchema).max(1000).optional(),
  orderTotal: cents.nullish(),
  amountPaid: cents.nullish(),
  taxAmount: cents.nullish(),
  shippingAmount: cents.nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/, "Use a three-letter ISO currency code").default("USD"),
  weightOz: z.number().min(0).max(10_000_000).nullish(),
  dimensions: z
    .object({ length: z.number().min(0), width: z.number().min(0), height: z.number().min(0), units: z.enum(["inches", "centimeters"]) })
    .nullish(),
  requestedShippingService: optionalText(200),
  carrierCode: optionalText(100),
  serviceCode: optionalText(100),
  packageCode: optionalText(100),
  confirmation: optionalText(50),
  trackingNumber: optionalText(100),
  customerNotes: optionalText(10_000),
  internalNotes: optionalText(10_000),
  gift: z.boolean().nullish(),
  giftMessage: optionalText(2000),
  paymentMethod: optionalText(100),
  customField1: optionalText(1000),
  customField2: optionalText(1000),
  customField3: optionalText(1000),
  source: optionalText(100),
  /** ShipStation fields without a column of their own: insurance, international and advanced options, tag ids. */
  extra: z.record(z.string(), z.unknown()).nullish(),
  channelModifiedAt: instant.nullish(),
});
export type NormalizedOrder = z.input<typeof normalizedOrderSchema>;
export type ParsedOrder = z.output<typeof normalizedOrderSchema>;
