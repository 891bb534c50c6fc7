import { z } from "zod";
import type { OrderItemRow, OrderRow } from "@/db/schema";
import { API_DATE_HINT, apiDateProblem, formatApiDate, parseApiDate } from "./api-dates";
import { EMAIL_PATTERN, ISO_COUNTRY_CODES, MAX_AMOUNT_CENTS, MAX_QUANTITY, MAX_WEIGHT_OZ, ORDER_MESSAGES } from "./limits";
import { addressShape, type Address, type NormalizedOrder, type OrderItem } from "./schema";
import { ORDER_STATUSES } from "./status";
import { decimalToCents } from "@/lib/money";
import { safeText } from "@/lib/text";
import { toOunces } from "@/lib/weights";
import { orderWeightOf } from "./weight";

// ShipStation API v1's Order, as custom stores send it to POST /orders/createorder and read it back.
// ShipStation runs on ASP.NET Web API (Json.NET), whose habits its clients rely on: a number sent
// for a text field reads as text, a numeric string for a number reads as that number, "" for an
// optional number or date reads as null, and keys it does not know are ignored (zod strips them).

/** "Required" when the field is missing or null; otherwise what the field takes. Checks keep their own messages. */
const typeError = (expected: string) => (issue: { code?: string; input?: unknown }) =>
  issue.code !== "invalid_type" ? undefined : issue.input == null ? "Required" : `Expected ${expected}`;

const blankAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const numberAsText = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? String(value) : value);
const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;
const textAsNumber = (value: unknown) => (typeof value === "string" && NUMERIC.test(value) ? Number(value) : value);

const text = (max: number) => z.preprocess(numberAsText, safeText(z.string({ error: typeError("text") })).max(max, `Use at most ${max} characters`));
const optionalText = (max: number) => text(max).nullish();
const requiredText = (max: number) => text(max).refine((value) => value.trim() !== "", "Required");

interface NumberRules {
  min?: number;
  max?: number;
  int?: boolean;
  /** The order schema's words for this field's bounds (limits.ts), when it has them. */
  tooSmall?: string;
  tooLarge?: string;
}
function number({ min = 0, max = 1_000_000_000, int = false, tooSmall = `Use ${min} or more`, tooLarge = `Use at most ${max.toLocaleString("en-US")}` }: NumberRules = {}) {
  let schema = z.number({ error: typeError(int ? "a whole number" : "a number") }).min(min, tooSmall).max(max, tooLarge);
  if (int) schema = schema.int(tooSmall === tooLarge ? tooLarge : "Use a whole number");
  return z.preprocess(textAsNumber, schema);
}
const optionalNumber = (rules?: NumberRules) => z.preprocess((value) => textAsNumber(blankAsNull(value)), number(rules).nullable()).optional();
/** The largest amount, in dollars: the order schema's (limits.ts). */
const MAX_AMOUNT = MAX_AMOUNT_CENTS / 100;
/** Money as ShipStation sends it: a decimal amount, converted to cents on the way in, bounded as the order schema bounds cents. */
const money = (min = 0) => optionalNumber({ min, max: MAX_AMOUNT, tooSmall: min < 0 ? ORDER_MESSAGES.amountTooLarge : ORDER_MESSAGES.amountNegative, tooLarge: ORDER_MESSAGES.amountTooLarge });
const quantity = (rules: NumberRules = {}) => number({ max: MAX_QUANTITY, int: true, tooSmall: ORDER_MESSAGES.quantity, tooLarge: ORDER_MESSAGES.quantity, ...rules });
const flag = () => z.boolean({ error: typeError("true or false") }).nullish();
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item, { error: typeError("a list") }).max(max, `Send at most ${max}`);
const object = <T extends z.ZodRawShape>(shape: T) => z.object(shape, { error: typeError("an object") });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `Use one of: ${values.join(", ")}` });

const apiDate = z.string({ error: typeError(`a date. ${API_DATE_HINT}`) }).superRefine((value, context) => {
  const problem = apiDateProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});
const optionalApiDate = z.preprocess(blankAsNull, apiDate.nullable()).optional();

const country = z.preprocess(
  blankAsNull,
  z.string({ error: typeError("a two-letter country code") }).trim().toUpperCase().refine((code) => ISO_COUNTRY_CODES.has(code), ORDER_MESSAGES.country).nullable(),
).optional();

const weightSchema = object({
  value: number({ max: 10_000_000, tooSmall: ORDER_MESSAGES.weightNegative, tooLarge: ORDER_MESSAGES.weightTooHeavy }),
  units: oneOf(["pounds", "ounces", "grams"]),
  // WeightUnits, ShipStation's read-only code for the units, is dropped like any unknown key.
})
  .superRefine((weight, context) => {
    // The order schema's bound is in ounces; a weight in pounds or grams is checked once converted.
    if (toOunces(weight.value, weight.units) > MAX_WEIGHT_OZ) context.addIssue({ code: "custom", path: ["value"], message: ORDER_MESSAGES.weightTooHeavy });
  })
  .nullish();

// addressVerified is ShipStation's verdict, read-only: unknown keys are dropped, so is it.
const addressSchema = object(addressShape(optionalText, country, flag()));

// orderItemId, createDate and modifyDate are ShipStation's, read-only: dropped.
const itemSchema = object({
  lineItemKey: optionalText(200),
  sku: optionalText(200),
  name: requiredText(500),
  imageUrl: optionalText(2000),
  weight: weightSchema,
  // 0 only on a cancelled order, as the order schema says (the order's check below).
  quantity: quantity(),
  // Negative for adjustments: discounts and coupons are lines with a negative price.
  unitPrice: money(-1_000_000_000),
  taxAmount: money(),
  shippingAmount: money(),
  warehouseLocation: optionalText(200),
  options: list(object({ name: requiredText(200), value: optionalText(1000) }), 100).nullish(),
  productId: optionalText(200),
  fulfillmentSku: optionalText(200),
  adjustment: flag(),
  upc: optionalText(100),
}).superRefine((item, context) => {
  // The order schema's item rules (schema.ts), on ShipStation's decimals.
  const unitPrice = item.unitPrice ?? 0;
  if (unitPrice < 0 && !item.adjustment) context.addIssue({ code: "custom", path: ["unitPrice"], message: ORDER_MESSAGES.unitPriceNegative });
  // A price already past the bound says so alone.
  if (Math.abs(unitPrice) <= MAX_AMOUNT && Math.abs(decimalToCents(unitPrice) * item.quantity) > MAX_AMOUNT_CENTS) context.addIssue({ code: "custom", path: ["unitPrice"], message: ORDER_MESSAGES.lineTooLarge });
});

const insuranceOptionsSchema = object({
  provider: optionalText(50),
  insureShipment: flag(),
  insuredValue: money(),
});

const internationalOptionsSchema = object({
  contents: optionalText(50),
  customsItems: list(
    object({
      description: optionalText(500),
      quantity: optionalNumber({ max: MAX_QUANTITY, int: true }),
      value: money(),
      harmonizedTariffCode: optionalText(50),
      countryOfOrigin: country,
    }),
    1000,
  ).nullish(),
  nonDelivery: optionalText(50),
});

const advancedOptionsSchema = object({
  warehouseId: optionalNumber({ max: Number.MAX_SAFE_INTEGER, int: true }),
  nonMachinable: flag(),
  saturdayDelivery: flag(),
  containsAlcohol: flag(),
  // mergedOrSplit, mergedIds and parentId are read-only in ShipStation and dropped here
  // (Shipdeck neither merges nor splits orders).
  /** Which store the order goes to: the route reads it; answers give the order's own store. */
  storeId: optionalNumber({ max: Number.MAX_SAFE_INTEGER, int: true }),
  customField1: optionalText(1000),
  customField2: optionalText(1000),
  customField3: optionalText(1000),
  source: optionalText(100),
  billToParty: optionalText(50),
  billToAccount: optionalText(100),
  billToPostalCode: optionalText(40),
  billToCountryCode: country,
  billToMyOtherAccount: z.union([safeText(z.string()).max(100), z.number()], { error: "Expected text or a number" }).nullish(),
});

export const shipStationOrderInputSchema = object({
  orderNumber: requiredText(200),
  orderKey: optionalText(200),
  orderDate: apiDate,
  paymentDate: optionalApiDate,
  shipByDate: optionalApiDate,
  orderStatus: oneOf(ORDER_STATUSES),
  // customerId is ShipStation's own customer record; Shipdeck has none, so it is dropped.
  customerUsername: optionalText(200),
  customerEmail: optionalText(320).refine((email) => email == null || email.trim() === "" || EMAIL_PATTERN.test(email.trim()), ORDER_MESSAGES.email),
  billTo: addressSchema,
  shipTo: addressSchema,
  items: list(itemSchema, 1000).nullish(),
  amountPaid: money(),
  taxAmount: money(),
  shippingAmount: money(),
  customerNotes: optionalText(10_000),
  internalNotes: optionalText(10_000),
  gift: flag(),
  giftMessage: optionalText(2000),
  paymentMethod: optionalText(100),
  requestedShippingService: optionalText(200),
  carrierCode: optionalText(100),
  serviceCode: optionalText(100),
  packageCode: optionalText(100),
  confirmation: oneOf(["none", "delivery", "signature", "adult_signature", "direct_signature"]).nullish(),
  shipDate: optionalApiDate,
  holdUntilDate: optionalApiDate,
  weight: weightSchema,
  dimensions: object({
    units: oneOf(["inches", "centimeters"]),
    length: number({ max: 100_000 }),
    width: number({ max: 100_000 }),
    height: number({ max: 100_000 }),
  }).nullish(),
  insuranceOptions: insuranceOptionsSchema.nullish(),
  internationalOptions: internationalOptionsSchema.nullish(),
  advancedOptions: advancedOptionsSchema.nullish(),
  tagIds: list(number({ max: Number.MAX_SAFE_INTEGER, int: true }), 100).nullish(),
}).superRefine((order, context) => {
  // The order schema's order rules (schema.ts): a line of 0 only on a cancelled order; the total ShipStation computes, bounded.
  const items = order.items ?? [];
  if (order.orderStatus !== "cancelled") {
    items.forEach((item, index) => {
      if (item.quantity === 0) context.addIssue({ code: "custom", path: ["items", index, "quantity"], message: ORDER_MESSAGES.quantity });
    });
  }
  const cents = (amount: number | null | undefined) => (amount == null ? 0 : decimalToCents(amount));
  const parts = [...items.map((item) => item.quantity * cents(item.unitPrice)), cents(order.taxAmount), cents(order.shippingAmount)];
  // A part already past the bound says so alone; the total is checked when every part is in bounds.
  const total = parts.reduce((sum, part) => sum + part, 0);
  if (parts.every((part) => Math.abs(part) <= MAX_AMOUNT_CENTS) && Math.abs(total) > MAX_AMOUNT_CENTS) context.addIssue({ code: "custom", path: ["orderTotal"], message: ORDER_MESSAGES.totalTooLarge });
});

/** A createorder body after validation: ShipStation's names, decimals and date strings. */
export type ShipStationOrderInput = z.output<typeof shipStationOrderInputSchema>;
type WeightInput = z.output<typeof weightSchema>;
type AddressInput = z.output<typeof addressSchema>;
type ItemInput = z.output<typeof itemSchema>;
type InsuranceOptions = z.output<typeof insuranceOptionsSchema>;
type InternationalOptions = z.output<typeof internationalOptionsSchema>;

// What ShipStation answers for options nobody set. `extra` keeps only what differs from these, so
// reading an order and posting it back (a common client habit) stores exactly what was there.
const INSURANCE_DEFAULTS = { provider: null, insureShipment: false, insuredValue: 0 };
const INTERNATIONAL_DEFAULTS = { contents: null, customsItems: null, nonDelivery: null };
const ADVANCED_DEFAULTS = {
  warehouseId: null, nonMachinable: false, saturdayDelivery: false, containsAlcohol: false,
  billToParty: null, billToAccount: null, billToPostalCode: null, billToCountryCode: null, billToMyOtherAccount: null,
};
type AdvancedExtra = { [K in keyof typeof ADVANCED_DEFAULTS]?: z.output<typeof advancedOptionsSchema>[K] };
/** An options object as ShipStation returns it: every field present, `null` when not set. */
type Filled<T> = { [K in keyof T]-?: NonNullable<T[K]> | null };

/** The ShipStation fields without a column, under ShipStation's names and in its units (decimals). */
interface Extra {
  insuranceOptions?: Partial<InsuranceOptions>;
  internationalOptions?: Partial<InternationalOptions>;
  advancedOptions?: AdvancedExtra;
  tagIds?: number[];
}

export interface ToNormalizedOrderOptions {
  /** The workspace's API time zone: dates without an offset are wall-clock time there. */
  timeZone: string;
  /** The order's key, decided by the route: the body's `orderKey` or a generated one. */
  orderKey: string;
}

/**
 * A validated createorder body as the write path's NormalizedOrder. createorder replaces the
 * whole order (ShipStation has no partial update), so every field it covers is set: a field the
 * body leaves out is `null`, cleared, and no items means no items.
 */
export function toNormalizedOrder(input: ShipStationOrderInput, { timeZone, orderKey }: ToNormalizedOrderOptions): NormalizedOrder {
  const instant = (value: string | null | undefined) => (value == null ? null : instantOf(value, timeZone));
  const advanced = input.advancedOptions;
  // trackingNumber is the only field left out: it is no part of a ShipStation order (markasshipped sets it).
  const order: Omit<Required<NormalizedOrder>, "trackingNumber"> = {
    orderKey,
    orderNumber: input.orderNumber,
    status: input.orderStatus,
    orderDate: instantOf(input.orderDate, timeZone),
    paymentDate: instant(input.paymentDate),
    shipByDate: instant(input.shipByDate),
    shipDate: instant(input.shipDate),
    holdUntilDate: instant(input.holdUntilDate),
    customerUsername: input.customerUsername ?? null,
    customerEmail: input.customerEmail ?? null,
    billTo: toAddress(input.billTo),
    shipTo: toAddress(input.shipTo),
    items: (input.items ?? []).map(toItem),
    // ShipStation computes the total from the items, tax and shipping; so does the write path.
    orderTotal: null,
    amountPaid: centsOrNull(input.amountPaid),
    taxAmount: centsOrNull(input.taxAmount),
    shippingAmount: centsOrNull(input.shippingAmount),
    currency: "USD",
    weightOz: ouncesOf(input.weight),
    dimensions: input.dimensions ? { length: input.dimensions.length, width: input.dimensions.width, height: input.dimensions.height, units: input.dimensions.units } : null,
    requestedShippingService: input.requestedShippingService ?? null,
    carrierCode: input.carrierCode ?? null,
    serviceCode: input.serviceCode ?? null,
    packageCode: input.packageCode ?? null,
    confirmation: input.confirmation ?? null,
    customerNotes: input.customerNotes ?? null,
    internalNotes: input.internalNotes ?? null,
    gift: input.gift ?? null,
    giftMessage: input.giftMessage ?? null,
    paymentMethod: input.paymentMethod ?? null,
    customField1: advanced?.customField1 ?? null,
    customField2: advanced?.customField2 ?? null,
    customField3: advanced?.customField3 ?? null,
    source: advanced?.source ?? null,
    extra: extraOf(input),
    channelModifiedAt: null,
  };
  return order;
}

function instantOf(value: string, timeZone: string): number {
  const instant = parseApiDate(value, timeZone);
  if (instant === null) throw new Error(`Not an API date: ${value} (validate with shipStationOrderInputSchema first)`);
  return instant;
}

function toAddress(address: AddressInput): Address {
  return {
    name: address.name ?? null,
    company: address.company ?? null,
    street1: address.street1 ?? null,
    street2: address.street2 ?? null,
    street3: address.street3 ?? null,
    city: address.city ?? null,
    state: address.state ?? null,
    postalCode: address.postalCode ?? null,
    country: address.country ?? null,
    phone: address.phone ?? null,
    residential: address.residential ?? null,
  };
}

function toItem(item: ItemInput): OrderItem {
  return {
    lineItemKey: item.lineItemKey ?? null,
    sku: item.sku ?? null,
    name: item.name,
    imageUrl: item.imageUrl ?? null,
    weightOz: ouncesOf(item.weight),
    quantity: item.quantity,
    unitPrice: centsOrNull(item.unitPrice) ?? 0,
    taxAmount: centsOrNull(item.taxAmount),
    shippingAmount: centsOrNull(item.shippingAmount),
    warehouseLocation: item.warehouseLocation ?? null,
    options: item.options?.map((option) => ({ name: option.name, value: option.value ?? "" })) ?? null,
    productId: item.productId ?? null,
    fulfillmentSku: item.fulfillmentSku ?? null,
    adjustment: item.adjustment ?? false,
    upc: item.upc ?? null,
  };
}

function extraOf(input: ShipStationOrderInput): Record<string, unknown> | null {
  const extra: Extra = {};
  const insurance = withoutDefaults(input.insuranceOptions, INSURANCE_DEFAULTS);
  if (insurance) extra.insuranceOptions = insurance;
  const international = withoutDefaults(input.internationalOptions, INTERNATIONAL_DEFAULTS);
  if (international) extra.internationalOptions = international;
  const advanced = withoutDefaults(input.advancedOptions, ADVANCED_DEFAULTS);
  if (advanced) extra.advancedOptions = advanced;
  if (input.tagIds?.length) extra.tagIds = input.tagIds;
  return Object.keys(extra).length ? (extra as Record<string, unknown>) : null;
}

/** The fields of `defaults` whose given value differs from ShipStation's default; `undefined` when none does. */
function withoutDefaults<T extends object>(given: object | null | undefined, defaults: T): Partial<T> | undefined {
  if (!given) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = (given as Record<string, unknown>)[key];
    if (value !== undefined && value !== fallback) kept[key] = value;
  }
  return Object.keys(kept).length ? (kept as Partial<T>) : undefined;
}

const centsOrNull = (amount: number | null | undefined) => (amount == null ? null : decimalToCents(amount));
const decimalOf = (cents: number) => cents / 100;

/** A weight in ounces; ounces are kept as sent, other units converted to 1/1000 oz. */
export function ouncesOf(weight: WeightInput): number | null {
  if (!weight) return null;
  return weight.units === "ounces" ? weight.value : toOunces(weight.value, weight.units);
}

export interface ToShipStationOrderOptions {
  /** The workspace's API time zone: dates are printed as wall-clock time there. */
  timeZone: string;
}

/** A stored order as ShipStation's API returns it (GET /orders, createorder's answer). */
export function toShipStationOrder(row: OrderRow, items: OrderItemRow[], { timeZone }: ToShipStationOrderOptions) {
  const date = (ms: number | null) => (ms === null ? null : formatApiDate(ms, timeZone));
  const createDate = formatApiDate(row.created_at, timeZone);
  const modifyDate = formatApiDate(row.modified_at, timeZone);
  const extra: Extra = row.extra ? (JSON.parse(row.extra) as Extra) : {};
  return {
    orderId: row.id,
    orderNumber: row.order_number,
    orderKey: row.order_key,
    orderDate: formatApiDate(row.order_date, timeZone),
    createDate,
    modifyDate,
    paymentDate: date(row.payment_date),
    shipByDate: date(row.ship_by_date),
    orderStatus: row.status,
    customerId: null,
    customerUsername: row.customer_username,
    customerEmail: row.customer_email,
    billTo: addressOf(row, "bill_to"),
    shipTo: addressOf(row, "ship_to"),
    items: [...items].sort((a, b) => a.position - b.position).map((item) => ({
      orderItemId: item.id,
      lineItemKey: item.line_item_key,
      sku: item.sku,
      name: item.name,
      imageUrl: item.image_url,
      weight: weightOf(item.weight_oz),
      quantity: item.quantity,
      unitPrice: decimalOf(item.unit_price),
      taxAmount: item.tax_amount === null ? null : decimalOf(item.tax_amount),
      shippingAmount: item.shipping_amount === null ? null : decimalOf(item.shipping_amount),
      warehouseLocation: item.warehouse_location,
      options: item.options ? (JSON.parse(item.options) as { name: string; value: string }[]) : [],
      productId: productIdOf(item.product_id),
      fulfillmentSku: item.fulfillment_sku,
      adjustment: item.adjustment === 1,
      upc: item.upc,
      // Items carry no dates of their own; they change with their order.
      createDate,
      modifyDate,
    })),
    orderTotal: decimalOf(row.order_total),
    amountPaid: decimalOf(row.amount_paid),
    taxAmount: decimalOf(row.tax_amount),
    shippingAmount: decimalOf(row.shipping_amount),
    customerNotes: row.customer_notes,
    internalNotes: row.internal_notes,
    gift: row.gift === 1,
    giftMessage: row.gift_message,
    paymentMethod: row.payment_method,
    requestedShippingService: row.requested_shipping_service,
    carrierCode: row.carrier_code,
    serviceCode: row.service_code,
    packageCode: row.package_code,
    confirmation: row.confirmation,
    shipDate: date(row.ship_date),
    holdUntilDate: date(row.hold_until_date),
    // The order's weight, else its items' (as the order page shows it): what a label would ship.
    weight: weightOf(orderWeightOf(row, items).oz),
    dimensions:
      row.dim_length !== null && row.dim_width !== null && row.dim_height !== null
        ? { units: row.dim_units === "centimeters" ? "centimeters" : "inches", length: row.dim_length, width: row.dim_width, height: row.dim_height }
        : null,
    insuranceOptions: { ...INSURANCE_DEFAULTS, ...extra.insuranceOptions } as Filled<InsuranceOptions>,
    internationalOptions: { ...INTERNATIONAL_DEFAULTS, ...extra.internationalOptions } as Filled<InternationalOptions>,
    advancedOptions: {
      ...ADVANCED_DEFAULTS,
      ...(extra.advancedOptions as Filled<AdvancedExtra>),
      // After `extra`: these are the order's own columns, whatever another source kept there.
      mergedOrSplit: false,
      mergedIds: [] as number[],
      parentId: null as number | null,
      storeId: row.store_id,
      customField1: row.custom_field1,
      customField2: row.custom_field2,
      customField3: row.custom_field3,
      source: row.source,
    },
    tagIds: extra.tagIds ?? null,
    userId: null,
    externallyFulfilled: false,
    externallyFulfilledBy: null,
    labelMessages: null,
  };
}

export type ShipStationOrder = ReturnType<typeof toShipStationOrder>;

function addressOf(row: OrderRow, prefix: "bill_to" | "ship_to") {
  const residential = row[`${prefix}_residential`];
  return {
    name: row[`${prefix}_name`],
    company: row[`${prefix}_company`],
    street1: row[`${prefix}_street1`],
    street2: row[`${prefix}_street2`],
    street3: row[`${prefix}_street3`],
    city: row[`${prefix}_city`],
    state: row[`${prefix}_state`],
    postalCode: row[`${prefix}_postal_code`],
    country: row[`${prefix}_country`],
    phone: row[`${prefix}_phone`],
    residential: residential === null ? null : residential === 1,
    addressVerified: null,
  };
}

function weightOf(ounces: number | null) {
  return ounces === null ? null : { value: ounces, units: "ounces" as const, WeightUnits: 1 };
}

/** ShipStation's productId is a number; text that is one goes back as one, anything else as text. */
function productIdOf(productId: string | null): number | string | null {
  if (productId === null || !/^(0|[1-9]\d{0,14})$/.test(productId)) return productId;
  return Number(productId);
}
