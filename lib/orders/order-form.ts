import { z } from "zod";
import { instantOfWallClock, startOfDay, zoneOffsetMs } from "@/lib/dates";
import { parseCountry, parseMoney, parseQuantity, parseWeight, type ValueResult } from "@/lib/csv/values";
import { fieldErrorsOf } from "@/lib/errors";
import { centsToDecimalString } from "@/lib/money";
import { safeText } from "@/lib/text";
import { WEIGHT_UNITS, type WeightUnit } from "@/lib/weights";
import type { BulkOrderChange } from "./bulk-order-actions";
import { en } from "@/lib/i18n/messages/en";
import { inEnglish, keyOfEnglish, localizable, message, type Localizable, type Message } from "@/lib/i18n/message";
import { normalizedOrderSchema, type NormalizedOrder } from "./schema";

/** The order form's fields, flat as a form posts them: `shipTo.name`, `items.0.sku`… */
export type OrderFormValues = Record<string, string>;

export type FormOrder = Omit<NormalizedOrder, "orderKey" | "orderNumber"> & { orderNumber: string | null };

export type OrderFormResult =
  | { ok: true; order: FormOrder; storeId: number }
  /** `fieldErrors` in English, `fieldMessages` the same with the keys pages translate them by. */
  | { ok: false; fieldErrors: Record<string, string[]>; fieldMessages: Record<string, Localizable[]> };

const ADDRESS_KEYS = ["name", "company", "street1", "street2", "street3", "city", "state", "postalCode", "country", "phone"] as const;

/**
 * The manual order form to an order for the write path, read in the merchant's time zone. Each
 * cell is read as the CSV import reads its cell (lib/csv/values.ts: amounts, quantities, weights,
 * country names), then the order is checked with the schema every source uses, so the form refuses
 * what the CSV and the API refuse, in the same words. The errors name the form's own inputs: the
 * schema's paths that differ (`weightOz`, `items.0.weightOz`, `orderTotal`) are mapped to them.
 */
export function parseOrderForm(values: OrderFormValues, timeZone: string): OrderFormResult {
  const errors: Record<string, Localizable[]> = {};
  const fail = (field: string, said: Localizable | Message) => (errors[field] ??= []).push("message" in said ? said : localizable(said));
  const text = (field: string) => values[field]?.trim() || null;
  const read = <T>(field: string, reader: (raw: string) => ValueResult<T>): T | null => {
    const raw = text(field);
    if (raw === null) return null;
    const result = reader(raw);
    if (!result.ok) {
      fail(field, result);
      return null;
    }
    return result.value;
  };
  const money = (field: string) => read(field, parseMoney);
  const number = (field: string) => {
    const raw = text(field);
    if (raw === null) return null;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) fail(field, message("formErrors.numberZeroOrMore"));
    return value;
  };
  const dateTime = (field: string) => {
    const raw = text(field);
    if (raw === null) return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(raw);
    if (!match) {
      fail(field, message("formErrors.enterDate"));
      return null;
    }
    const [, y, m, d, hh = "0", mm = "0"] = match;
    return instantOfWallClock(+y, +m, +d, +hh, +mm, 0, timeZone);
  };
  const address = (prefix: "shipTo" | "billTo") => {
    const result: Record<string, unknown> = {};
    for (const key of ADDRESS_KEYS) result[key] = text(`${prefix}.${key}`);
    // "United States" reads as US, as in a CSV file; never cut to its first two letters.
    result.country = read(`${prefix}.country`, parseCountry);
    result.residential = values[`${prefix}.residential`] === "on";
    return result;
  };

  const storeId = Number(values.storeId);
  if (!Number.isSafeInteger(storeId) || storeId <= 0) fail("storeId", message("formErrors.chooseStore"));
  const orderDate = dateTime("orderDate");
  if (orderDate === null && !errors.orderDate) fail("orderDate", message("formErrors.enterOrderDate"));
  const weightUnit = (WEIGHT_UNITS as readonly string[]).includes(values.weightUnit) ? (values.weightUnit as WeightUnit) : "ounces";
  const weight = (field: string) => read(field, (raw) => parseWeight(raw, weightUnit));

  const itemRows = itemIndexes(values);
  const items = itemRows.map((index) => {
    const field = (name: string) => `items.${index}.${name}`;
    return {
      sku: text(field("sku")),
      name: text(field("name")) ?? "",
      quantity: read(field("quantity"), parseQuantity) ?? 1,
      unitPrice: money(field("unitPrice")) ?? 0,
      weightOz: weight(field("weight")),
    };
  });

  const dimensions = ["length", "width", "height"].map((side) => number(`dimensions.${side}`));
  const shipTo = address("shipTo");
  const sameAddress = values.billToSameAsShipTo === "on";
  const order = {
    orderNumber: text("orderNumber"),
    status: values.status,
    orderDate: orderDate ?? 0,
    paymentDate: dateTime("paymentDate"),
    shipByDate: dateTime("shipByDate"),
    customerEmail: text("customerEmail"),
    customerUsername: text("customerEmail"),
    shipTo,
    billTo: sameAddress ? shipTo : address("billTo"),
    items,
    amountPaid: money("amountPaid"),
    taxAmount: money("taxAmount"),
    shippingAmount: money("shippingAmount"),
    weightOz: weight("weight"),
    dimensions: dimensions.every((side) => side !== null)
      ? { length: dimensions[0]!, width: dimensions[1]!, height: dimensions[2]!, units: values["dimensions.units"] === "centimeters" ? "centimeters" : "inches" }
      : null,
    requestedShippingService: text("requestedShippingService"),
    customerNotes: text("customerNotes"),
    internalNotes: text("internalNotes"),
    gift: values.gift === "on",
    giftMessage: text("giftMessage"),
  };
  // An order to ship needs someone and somewhere to ship it to, as the CSV import's required columns say.
  if (order.status === "awaiting_shipment") {
    for (const part of SHIP_TO_REQUIRED) if (shipTo[part] == null && !errors[`shipTo.${part}`]) fail(`shipTo.${part}`, message("orderErrors.shipToRequired"));
  }
  if (itemRows.length === 0) fail("items", message("formErrors.addItem"));

  // The shared schema has the last word; a placeholder key and number stand in for those the write path assigns.
  const checked = normalizedOrderSchema.safeParse({ ...order, orderKey: "form", orderNumber: order.orderNumber ?? "AUTO" });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = formFieldOf(issue.path, itemRows, sameAddress);
      // A cell already refused as it was read keeps that message alone; so does a field's first fault.
      if (!errors[field]) fail(field, saidOfIssue(issue.message));
    }
  }
  if (Object.keys(errors).length) {
    const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, said]) => [field, said.map((entry) => entry.message)]));
    return { ok: false, fieldErrors, fieldMessages: errors };
  }
  return { ok: true, order: order as FormOrder, storeId };
}

/** The address parts an order awaiting shipment must have: the CSV import's required Ship To columns. */
const SHIP_TO_REQUIRED = ["name", "street1", "city", "postalCode", "country"] as const;

/**
 * The form input a schema path belongs to. Blank item rows were left out, so item paths are
 * renumbered back to the rows on the form; the bill-to address mirrors the ship-to one when the
 * merchant ticked "same as ship to"; the computed total belongs to the items.
 */
export function formFieldOf(path: readonly PropertyKey[], itemRows: readonly number[] = [], sameAddress = false): string {
  const [head, second, third] = path;
  if (head === "items" && typeof second === "number") {
    const row = itemRows[second] ?? second;
    const part = third === "weightOz" ? "weight" : third;
    return ITEM_INPUTS.has(String(part)) ? `items.${row}.${String(part)}` : `items.${row}.name`;
  }
  if (head === "weightOz") return "weight";
  if (head === "orderTotal" || head === "items") return "items";
  if (head === "customerUsername") return "customerEmail";
  if (head === "billTo" && sameAddress) return `shipTo.${String(second)}`;
  if (head === "dimensions") return `dimensions.${String(second ?? "length")}`;
  const field = path.map(String).join(".");
  return field || "form";
}

const ITEM_INPUTS = new Set(["sku", "name", "quantity", "unitPrice", "weight"]);

function itemIndexes(values: OrderFormValues): number[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = /^items\.(\d+)\./.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b).filter((index) => Object.entries(values).some(([key, value]) => key.startsWith(`items.${index}.`) && value.trim()));
}

/** A stored order as the edit form's initial values, in the merchant's time zone. */
export function toOrderFormValues(
  order: Omit<NormalizedOrder, "orderKey"> & { storeId: number },
  timeZone: string,
): OrderFormValues {
  const values: OrderFormValues = {
    storeId: String(order.storeId),
    orderNumber: order.orderNumber,
    status: order.status,
    orderDate: localDateTime(order.orderDate, timeZone),
    paymentDate: order.paymentDate != null ? localDateTime(order.paymentDate, timeZone) : "",
    shipByDate: order.shipByDate != null ? localDateTime(order.shipByDate, timeZone) : "",
    customerEmail: order.customerEmail ?? "",
    amountPaid: decimal(order.amountPaid),
    taxAmount: decimal(order.taxAmount),
    shippingAmount: decimal(order.shippingAmount),
    weight: order.weightOz != null ? String(order.weightOz) : "",
    weightUnit: "ounces",
    "dimensions.length": order.dimensions ? String(order.dimensions.length) : "",
    "dimensions.width": order.dimensions ? String(order.dimensions.width) : "",
    "dimensions.height": order.dimensions ? String(order.dimensions.height) : "",
    "dimensions.units": order.dimensions?.units ?? "inches",
    requestedShippingService: order.requestedShippingService ?? "",
    customerNotes: order.customerNotes ?? "",
    internalNotes: order.internalNotes ?? "",
    gift: order.gift ? "on" : "",
    giftMessage: order.giftMessage ?? "",
  };
  for (const prefix of ["shipTo", "billTo"] as const) {
    const address = order[prefix];
    for (const key of ADDRESS_KEYS) values[`${prefix}.${key}`] = (address?.[key] as string | null | undefined) ?? "";
    values[`${prefix}.residential`] = address?.residential ? "on" : "";
  }
  const sameAddress = ADDRESS_KEYS.every((key) => values[`shipTo.${key}`] === values[`billTo.${key}`]);
  values.billToSameAsShipTo = sameAddress ? "on" : "";
  (order.items ?? []).forEach((item, index) => {
    values[`items.${index}.sku`] = item.sku ?? "";
    values[`items.${index}.name`] = item.name;
    values[`items.${index}.quantity`] = String(item.quantity);
    values[`items.${index}.unitPrice`] = decimal(item.unitPrice);
    values[`items.${index}.weight`] = item.weightOz != null ? String(item.weightOz) : "";
  });
  return values;
}

function decimal(cents: number | null | undefined): string {
  return cents == null ? "" : centsToDecimalString(cents);
}

/** `YYYY-MM-DDTHH:MM` in the zone, what a datetime-local input takes. */
function localDateTime(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16);
}

/** A new order's form: the manual store picked, today's date and time in the merchant's zone. */
export function newOrderFormValues(stores: { id: number; platform: string }[], timeZone: string, now = Date.now()): OrderFormValues {
  const manual = stores.find((store) => store.platform === "manual") ?? stores[0];
  return {
    storeId: String(manual?.id ?? ""),
    status: "awaiting_shipment",
    orderDate: localDateTime(now, timeZone),
    "shipTo.country": "US",
    "shipTo.residential": "on",
    billToSameAsShipTo: "on",
    weightUnit: "ounces",
  };
}

/** A schema's English message with its key found again, so the form shows it in the merchant's language. */
function saidOfIssue(text: string): Localizable {
  const key = keyOfEnglish(text);
  return key ? localizable(message(key)) : { message: text };
}

/** The form's refusals in English, as its zod schemas carry them (`keyOfEnglish` finds each key again). */
const ORDER_FORM_MESSAGES = en.formErrors;

// The actions' input schemas: what the order form and the order page's buttons post, parsed for lib.

const orderId = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, ORDER_FORM_MESSAGES.chooseDay);

/** The form's values as `{ storeId, order }`; its errors name the form's own fields (`shipTo.postalCode`, `items.0.name`). */
function formOrder(timeZone: string, values: OrderFormValues, ctx: z.RefinementCtx) {
  const parsed = parseOrderForm(values, timeZone);
  if (parsed.ok) return { storeId: parsed.storeId, order: parsed.order };
  // Each issue keeps its message's key and values, for the action to show it in the merchant's language.
  for (const [field, said] of Object.entries(parsed.fieldMessages)) {
    for (const entry of said) ctx.addIssue({ code: "custom", path: field.split("."), message: entry.message, params: { said: entry } });
  }
  return z.NEVER;
}

const formFields = z.record(z.string(), z.string());

/** The new-order form, read in the merchant's time zone. */
export function newOrderSchema(timeZone: string) {
  return formFields.transform((values, ctx) => formOrder(timeZone, values, ctx));
}

/** The edit form of one order: `{ orderId, form }`, the form's errors under its own field names. */
export function editOrderSchema(timeZone: string) {
  return z.object({ orderId, form: formFields }).transform(({ orderId, form }, ctx) => {
    return { orderId, order: formOrder(timeZone, form, ctx).order };
  });
}

/** An action on one order that takes nothing else (cancel, restore, create its replacement). */
export const orderRefSchema = z.object({ orderId });

/** "Hold until" a day, which starts at midnight in the merchant's zone. */
export function holdOrderSchema(timeZone: string) {
  return z.object({ orderId, holdUntil: day }).transform(({ orderId, holdUntil }) => ({ orderId, holdUntilDate: startOfDay(holdUntil, timeZone) }));
}

/** "Mark as shipped": the day it left (today when left blank), and the carrier and tracking number when given. */
export function markShippedSchema(timeZone: string, now = Date.now) {
  const optionalText = safeText(z.string()).trim().transform((value) => value || null);
  return z
    .object({ orderId, shipDate: z.string(), carrierCode: optionalText, trackingNumber: optionalText })
    .transform(({ orderId, shipDate, carrierCode, trackingNumber }) => ({
      orderId,
      shipment: { shipDate: day.safeParse(shipDate).success ? startOfDay(shipDate, timeZone) : now(), carrierCode, trackingNumber },
    }));
}

/** The most orders one bulk action takes: the orders list's largest page. */
export const MAX_BULK_ORDERS = 500;

/**
 * The orders list's bulk bar: the selected ids, the action, and that action's fields, checked by
 * the single-order action's own schema so the bar and the order page refuse the same things in
 * the same words.
 */
export function bulkOrderActionSchema(timeZone: string, now = Date.now) {
  const text = z.string().optional().transform((value) => value ?? "");
  return z
    .object({
      action: z.enum(["cancel", "hold", "ship"]),
      orderIds: z.array(orderId).min(1, ORDER_FORM_MESSAGES.selectOrders).max(MAX_BULK_ORDERS, inEnglish(message("formErrors.selectAtMost", { max: MAX_BULK_ORDERS }))),
      holdUntil: text,
      shipDate: text,
      carrierCode: text,
    })
    .transform(({ action, orderIds, holdUntil, shipDate, carrierCode }, ctx): { orderIds: number[]; change: BulkOrderChange } | never => {
      const reportIssues = (issues: z.core.$ZodIssue[]) => {
        for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path.filter((key) => key !== "shipment"), message: issue.message });
        return z.NEVER;
      };
      if (action === "cancel") return { orderIds, change: { kind: "cancel" } };
      if (action === "hold") {
        const parsed = holdOrderSchema(timeZone).safeParse({ orderId: orderIds[0], holdUntil });
        return parsed.success ? { orderIds, change: { kind: "hold", holdUntilDate: parsed.data.holdUntilDate } } : reportIssues(parsed.error.issues);
      }
      const parsed = markShippedSchema(timeZone, now).safeParse({ orderId: orderIds[0], shipDate, carrierCode, trackingNumber: "" });
      return parsed.success ? { orderIds, change: { kind: "ship", shipment: parsed.data.shipment } } : reportIssues(parsed.error.issues);
    });
}
