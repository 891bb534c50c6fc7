import { describe, expect, it } from "vitest";
import { parseCountry, parseEmail, parseMoney, parseQuantity, parseWeight } from "@/lib/csv/values";
import { ORDER_MESSAGES } from "@/lib/orders/limits";
import { parseOrderForm, type OrderFormValues } from "@/lib/orders/order-form";
import { normalizedOrderSchema, type NormalizedOrder } from "@/lib/orders/schema";
import { shipStationOrderInputSchema } from "@/lib/orders/shipstation-order";
import { buildOrder } from "../../helpers/orders";

// The same bad value, typed in the order form, sent to the API or read from a CSV cell, is refused
// with the same words: each source's message contains the order schema's (limits.ts).

const FORM: OrderFormValues = {
  storeId: "1",
  status: "awaiting_shipment",
  orderDate: "2026-11-05T10:30",
  customerEmail: "grace@example.com",
  "shipTo.name": "Grace Hopper",
  "shipTo.street1": "1 Navy Way",
  "shipTo.city": "Arlington",
  "shipTo.state": "VA",
  "shipTo.postalCode": "22201",
  "shipTo.country": "US",
  billToSameAsShipTo: "on",
  weightUnit: "ounces",
  "items.0.name": "Mug",
  "items.0.quantity": "1",
  "items.0.unitPrice": "12.50",
};

function formErrors(changes: OrderFormValues): Record<string, string[]> {
  const parsed = parseOrderForm({ ...FORM, ...changes }, "UTC");
  if (parsed.ok) throw new Error("the form took it");
  return parsed.fieldErrors;
}

const API_BODY = {
  orderNumber: "A-1",
  orderDate: "2026-11-05T10:30:00",
  orderStatus: "awaiting_shipment",
  customerEmail: "grace@example.com",
  billTo: { name: "Grace Hopper" },
  shipTo: { name: "Grace Hopper", street1: "1 Navy Way", city: "Arlington", state: "VA", postalCode: "22201", country: "US" },
  items: [{ name: "Mug", quantity: 1, unitPrice: 12.5 }],
};

function apiErrors(changes: Record<string, unknown>): Record<string, string[]> {
  const parsed = shipStationOrderInputSchema.safeParse({ ...API_BODY, ...changes });
  if (parsed.success) throw new Error("the API took it");
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

function schemaErrors(order: NormalizedOrder): Record<string, string[]> {
  const parsed = normalizedOrderSchema.safeParse(order);
  if (parsed.success) throw new Error("the schema took it");
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

const csvMessage = (result: { ok: boolean; message?: string }) => (result.ok ? "read" : result.message);

describe("one set of rules, one set of words", () => {
  it("quantity 0 on an open order", () => {
    const message = ORDER_MESSAGES.quantity;
    expect(formErrors({ "items.0.quantity": "0" })["items.0.quantity"]).toEqual([message]);
    expect(apiErrors({ items: [{ name: "Mug", quantity: 0, unitPrice: 1 }] })["items.0.quantity"]).toEqual([message]);
    // The CSV reads the 0 (a cancelled order may carry it) and the schema refuses it on an open order.
    expect(csvMessage(parseQuantity("0"))).toBe("read");
    expect(schemaErrors(buildOrder({ items: [{ name: "Mug", quantity: 0, unitPrice: 100 }] }))["items.0.quantity"]).toEqual([message]);
    // A cancelled order's lines may be 0, from any source.
    expect(normalizedOrderSchema.safeParse(buildOrder({ status: "cancelled", items: [{ name: "Mug", quantity: 0, unitPrice: 100 }] })).success).toBe(true);
    // Past a million, and fractions, in the same words.
    expect(csvMessage(parseQuantity("1000001"))).toBe(`"1000001": ${message}`);
    expect(csvMessage(parseQuantity("1.5"))).toBe(`"1.5": ${message}`);
    expect(formErrors({ "items.0.quantity": "1000001" })["items.0.quantity"]).toEqual([`"1000001": ${message}`]);
    expect(apiErrors({ items: [{ name: "Mug", quantity: 1_000_001, unitPrice: 1 }] })["items.0.quantity"]).toEqual([message]);
    expect(apiErrors({ items: [{ name: "Mug", quantity: 1.5, unitPrice: 1 }] })["items.0.quantity"]).toEqual([message]);
  });

  it("a negative unit price that is no adjustment line", () => {
    const message = ORDER_MESSAGES.unitPriceNegative;
    expect(formErrors({ "items.0.unitPrice": "-0.01" })["items.0.unitPrice"]).toEqual([message]);
    expect(apiErrors({ items: [{ name: "Mug", quantity: 1, unitPrice: -0.01 }] })["items.0.unitPrice"]).toEqual([message]);
    expect(schemaErrors(buildOrder({ items: [{ name: "Mug", quantity: 1, unitPrice: -1 }] }))["items.0.unitPrice"]).toEqual([message]);
    // A discount is an adjustment line, as ShipStation sends it.
    expect(shipStationOrderInputSchema.safeParse({ ...API_BODY, items: [...API_BODY.items, { name: "Coupon", quantity: 1, unitPrice: -2, adjustment: true }] }).success).toBe(true);
  });

  it("an email address with two @", () => {
    const message = ORDER_MESSAGES.email;
    expect(formErrors({ customerEmail: "bob@@example" }).customerEmail).toEqual([message]);
    expect(apiErrors({ customerEmail: "bob@@example" }).customerEmail).toEqual([message]);
    expect(csvMessage(parseEmail("bob@@example"))).toBe(`"bob@@example": ${message}`);
    expect(schemaErrors(buildOrder({ customerEmail: "bob@@example" })).customerEmail).toEqual([message]);
  });

  it("a country: names read as the CSV reads them, never cut to two letters; unknown ones refused alike", () => {
    const parsed = parseOrderForm({ ...FORM, "shipTo.country": "United States" }, "UTC");
    expect(parsed.ok && parsed.order.shipTo?.country).toBe("US");
    expect(value(parseCountry("United States"))).toBe("US");

    const message = ORDER_MESSAGES.country;
    expect(formErrors({ "shipTo.country": "Narnia" })["shipTo.country"]).toEqual([`"Narnia": ${message}`]);
    expect(csvMessage(parseCountry("Narnia"))).toBe(`"Narnia": ${message}`);
    // "UN" is two letters but no country: what cutting "United States" used to store.
    expect(apiErrors({ shipTo: { ...API_BODY.shipTo, country: "UN" } })["shipTo.country"]).toEqual([message]);
    expect(schemaErrors(buildOrder({ shipTo: { name: "G", country: "UN" } }))["shipTo.country"]).toEqual([message]);
  });

  it("a weight past a parcel's, highlighted on the form's own weight input", () => {
    const message = ORDER_MESSAGES.weightTooHeavy;
    const errors = formErrors({ weight: "624999", weightUnit: "pounds" });
    expect(errors.weight).toEqual([`"624999": ${message}`]);
    expect(formErrors({ "items.0.weight": "2000", weightUnit: "pounds" })["items.0.weight"]).toEqual([`"2000": ${message}`]);
    expect(csvMessage(parseWeight("624999", "pounds"))).toBe(`"624999": ${message}`);
    expect(apiErrors({ weight: { value: 624_999, units: "pounds" } })["weight.value"]).toEqual([message]);
    expect(schemaErrors(buildOrder({ weightOz: 624_999 * 16 })).weightOz).toEqual([message]);
  });

  it("amounts past $10,000,000.00, each line and the total too", () => {
    const message = ORDER_MESSAGES.amountTooLarge;
    expect(formErrors({ "items.0.unitPrice": "10000000.01" })["items.0.unitPrice"]).toEqual([`"10000000.01": ${message}`]);
    expect(csvMessage(parseMoney("10000000.01"))).toBe(`"10000000.01": ${message}`);
    expect(apiErrors({ items: [{ name: "Mug", quantity: 1, unitPrice: 10_000_000.01 }] })["items.0.unitPrice"]).toEqual([message]);
    expect(apiErrors({ taxAmount: 1e9 }).taxAmount).toEqual([message]);
    expect(schemaErrors(buildOrder({ shippingAmount: 1_000_000_001 })).shippingAmount).toEqual([message]);

    // A line: a million units at $10.01.
    expect(formErrors({ "items.0.quantity": "1000000", "items.0.unitPrice": "10.01" })["items.0.unitPrice"]).toEqual([ORDER_MESSAGES.lineTooLarge]);
    expect(apiErrors({ items: [{ name: "Mug", quantity: 1_000_000, unitPrice: 10.01 }] })["items.0.unitPrice"]).toEqual([ORDER_MESSAGES.lineTooLarge]);

    // The total: two lines of $6,000,000.00; on the form, shown with the items.
    const twoLines = { "items.1.name": "Lamp", "items.1.quantity": "1", "items.1.unitPrice": "6000000", "items.0.unitPrice": "6000000" };
    expect(formErrors(twoLines).items).toEqual([ORDER_MESSAGES.totalTooLarge]);
    expect(apiErrors({ items: [{ name: "Mug", quantity: 1, unitPrice: 6e6 }, { name: "Lamp", quantity: 1, unitPrice: 6e6 }] }).orderTotal).toEqual([ORDER_MESSAGES.totalTooLarge]);
    expect(schemaErrors(buildOrder({ items: [{ name: "Mug", quantity: 1, unitPrice: 6e8 }, { name: "Lamp", quantity: 1, unitPrice: 6e8 }] })).orderTotal).toEqual([ORDER_MESSAGES.totalTooLarge]);
  });

  it("an order awaiting shipment without a recipient or address names each missing part", () => {
    const errors = formErrors({ "shipTo.name": "", "shipTo.street1": "", "shipTo.city": "", "shipTo.postalCode": "", "shipTo.country": "" });
    for (const part of ["name", "street1", "city", "postalCode", "country"]) expect(errors[`shipTo.${part}`]).toEqual([ORDER_MESSAGES.shipToRequired]);
    // Awaiting payment, it may wait for the address.
    expect(parseOrderForm({ ...FORM, status: "awaiting_payment", "shipTo.name": "", "shipTo.street1": "", "shipTo.country": "" }, "UTC").ok).toBe(true);
  });
});

function value<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}
