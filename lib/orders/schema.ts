import { z } from "zod";
import { safeText } from "@/lib/text";
import { EMAIL_PATTERN, ISO_COUNTRY_CODES, MAX_AMOUNT_CENTS, MAX_QUANTITY, MAX_WEIGHT_OZ, ORDER_MESSAGES } from "./limits";
import { ORDER_STATUSES } from "./status";

const text = (max: number) => safeText(z.string()).trim().max(max);
const optionalText = (max: number) => text(max).nullish();
/**
 * Integer cents, 0 to $10,000,000.00 (limits.ts): sources convert decimals at their boundary. The
 * bound keeps every total a safe integer, so a written order can always be read back.
 */
// Not zod's int(), which answers a stored total past 2^53 with "expected int to be <=9007199254740991".
const wholeCents = (amount: number) => Number.isInteger(amount);
const cents = z.number().min(0, ORDER_MESSAGES.amountNegative).max(MAX_AMOUNT_CENTS, ORDER_MESSAGES.amountTooLarge).refine(wholeCents, ORDER_MESSAGES.wholeCents);
/** A unit price: negative only on an adjustment line (a discount), which the item's own check allows. */
const signedCents = z.number().min(-MAX_AMOUNT_CENTS, ORDER_MESSAGES.amountTooLarge).max(MAX_AMOUNT_CENTS, ORDER_MESSAGES.amountTooLarge).refine(wholeCents, ORDER_MESSAGES.wholeCents);
const weightOz = z.number().min(0, ORDER_MESSAGES.weightNegative).max(MAX_WEIGHT_OZ, ORDER_MESSAGES.weightTooHeavy);
/** An ISO 3166-1 alpha-2 code; a source that reads names (the CSV, the form) turns them into codes first (parseCountry). */
const countryCode = z.string().refine((code) => ISO_COUNTRY_CODES.has(code), ORDER_MESSAGES.country);
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
  addressShape(optionalText, countryCode.nullish(), z.boolean().nullish()),
);
export type Address = z.infer<typeof addressSchema>;

export const orderItemSchema = z
  .object({
  lineItemKey: optionalText(200),
  sku: optionalText(200),
  name: text(500).min(1, ORDER_MESSAGES.itemNameRequired),
  imageUrl: optionalText(2000),
  /** Weight of one unit, in ounces. */
  weightOz: weightOz.nullish(),
  // 0 only on a cancelled order (a channel's cancelled lines, Amazon's): the order's own check says so.
  quantity: z.number().int(ORDER_MESSAGES.quantity).min(0, ORDER_MESSAGES.quantity).max(MAX_QUANTITY, ORDER_MESSAGES.quantity),
  unitPrice: signedCents,
  taxAmount: cents.nullish(),
  shippingAmount: cents.nullish(),
  warehouseLocation: optionalText(200),
  options: z.array(z.object({ name: text(200), value: text(1000) })).max(100).nullish(),
  productId: optionalText(200),
  fulfillmentSku: optionalText(200),
  adjustment: z.boolean().default(false),
  upc: optionalText(100),
  })
  .superRefine((item, context) => {
    if (item.unitPrice < 0 && !item.adjustment) context.addIssue({ code: "custom", path: ["unitPrice"], message: ORDER_MESSAGES.unitPriceNegative });
    // A price already past the bound says so alone.
    if (Math.abs(item.unitPrice) <= MAX_AMOUNT_CENTS && Math.abs(item.quantity * item.unitPrice) > MAX_AMOUNT_CENTS) context.addIssue({ code: "custom", path: ["unitPrice"], message: ORDER_MESSAGES.lineTooLarge });
  });
export type OrderItem = z.infer<typeof orderItemSchema>;

/**
 * An order as every source hands it to `importOrders`: ShipStation v1's Order, with money in
 * integer cents, weights in ounces and dates as UTC epoch milliseconds. `undefined` means
 * "this source does not say" (the stored value is kept); `null` clears it.
 */
export const normalizedOrderSchema = z.object({
  orderKey: text(200).min(1, ORDER_MESSAGES.orderKeyRequired),
  orderNumber: text(200).min(1, ORDER_MESSAGES.orderNumberRequired),
  status: z.enum(ORDER_STATUSES),
  orderDate: instant,
  paymentDate: instant.nullish(),
  shipByDate: instant.nullish(),
  shipDate: instant.nullish(),
  holdUntilDate: instant.nullish(),
  customerUsername: optionalText(200),
  customerEmail: text(320).refine((email) => email === "" || EMAIL_PATTERN.test(email), ORDER_MESSAGES.email).nullish(),
  billTo: addressSchema.nullish(),
  shipTo: addressSchema.nullish(),
  items: z.array(orderItemSchema).max(1000).optional(),
  orderTotal: cents.nullish(),
  amountPaid: cents.nullish(),
  taxAmount: cents.nullish(),
  shippingAmount: cents.nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/, ORDER_MESSAGES.currencyCode).default("USD"),
  weightOz: weightOz.nullish(),
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
}).superRefine((order, context) => {
  if (order.status !== "cancelled") {
    order.items?.forEach((item, index) => {
      if (item.quantity === 0) context.addIssue({ code: "custom", path: ["items", index, "quantity"], message: ORDER_MESSAGES.quantity });
    });
  }
  // The total the write path computes when the source gives none, bounded like any amount.
  if (order.orderTotal == null && order.items) {
    const parts = [...order.items.map((item) => item.quantity * item.unitPrice), order.taxAmount ?? 0, order.shippingAmount ?? 0];
    // A part already past the bound says so alone; the total is checked when every part is in bounds.
    const total = parts.reduce((sum, part) => sum + part, 0);
    if (parts.every((part) => Math.abs(part) <= MAX_AMOUNT_CENTS) && Math.abs(total) > MAX_AMOUNT_CENTS) context.addIssue({ code: "custom", path: ["orderTotal"], message: ORDER_MESSAGES.totalTooLarge });
  }
});
export type NormalizedOrder = z.input<typeof normalizedOrderSchema>;
export type ParsedOrder = z.output<typeof normalizedOrderSchema>;
