import { describe, expect, it } from "vitest";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import { suggestMapping } from "@/lib/csv/suggest-mapping";
import { combineStatuses, parsePaymentStatus } from "@/lib/csv/values";

// The columns of Shopify's order export that decide an order's status, with what an order needs.
const HEADERS = ["Name", "Financial Status", "Fulfillment Status", "Created at", "Lineitem quantity", "Lineitem name", "Shipping Name", "Shipping Address1", "Shipping City", "Shipping Zip", "Shipping Country"];
const OPTIONS = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" } as const;

function shopifyRow(name: string, financial: string, fulfillment: string): string[] {
  return [name, financial, fulfillment, "2026-11-05 10:00:00 -0500", "1", "Fern print", "Ada Example", "1 Fictional Lane", "Testville", "02134", "US"];
}

describe("an order's status from a fulfilment and a payment status (Shopify's export)", () => {
  it("maps Financial Status as the payment status beside Fulfillment Status", () => {
    const mapping = suggestMapping(HEADERS);
    expect([mapping[1], mapping[2]]).toEqual(["paymentStatus", "status"]);
  });

  it("reads pending as Awaiting Payment, paid and unfulfilled as Awaiting Shipment, fulfilled as Shipped, refunded as Cancelled", () => {
    const rows = [
      shopifyRow("#1", "pending", "unfulfilled"),
      shopifyRow("#2", "paid", "unfulfilled"),
      shopifyRow("#3", "paid", "fulfilled"),
      shopifyRow("#4", "refunded", "unfulfilled"),
      shopifyRow("#5", "authorized", ""),
      shopifyRow("#6", "partially_paid", "partial"),
      shopifyRow("#7", "voided", "restocked"),
      shopifyRow("#8", "refunded", "fulfilled"),
      // Shopify writes the order's columns on its first line only: the second item's blanks agree.
      shopifyRow("#9", "paid", "unfulfilled"),
      ["#9", "", "", "", "2", "Second print", "", "", "", "", ""],
    ];
    const { orders, errors } = rowsToOrders(rows, suggestMapping(HEADERS), { ...OPTIONS, headers: HEADERS });
    expect(errors).toEqual([]);
    expect(orders.map(({ order }) => [order.orderNumber, order.status])).toEqual([
      ["#1", "awaiting_payment"],
      ["#2", "awaiting_shipment"],
      ["#3", "shipped"],
      ["#4", "cancelled"],
      ["#5", "awaiting_payment"],
      ["#6", "awaiting_shipment"],
      ["#7", "cancelled"],
      ["#8", "shipped"],
      ["#9", "awaiting_shipment"],
    ]);
    expect(orders.at(-1)!.order.items).toHaveLength(2);
  });

  it("fills Amount paid with the order's total when the shop says it is paid and gives no amount paid", () => {
    const headers = [...HEADERS, "Total"];
    const rows = [[...shopifyRow("#1", "paid", "unfulfilled"), "56.29"], [...shopifyRow("#2", "pending", "unfulfilled"), "20.00"]];
    const { orders } = rowsToOrders(rows, suggestMapping(headers), { ...OPTIONS, headers });
    expect(orders.map(({ order }) => [order.orderTotal, order.amountPaid])).toEqual([[5629, 5629], [2000, undefined]]);
  });

  it("names the row and column of a payment status it can't read", () => {
    const { errors } = rowsToOrders([shopifyRow("#1", "maybe", "unfulfilled")], suggestMapping(HEADERS), { ...OPTIONS, headers: HEADERS });
    expect(errors).toMatchObject([{ row: 2, column: "Financial Status", message: expect.stringContaining('"maybe" is not a payment status') }]);
  });

  it("combines the two by one rule, either of them missing", () => {
    expect(combineStatuses(null, null)).toBe("awaiting_shipment");
    expect(combineStatuses(null, "unpaid")).toBe("awaiting_payment");
    expect(combineStatuses(null, "paid")).toBe("awaiting_shipment");
    expect(combineStatuses(null, "void")).toBe("cancelled");
    expect(combineStatuses("on_hold", "unpaid")).toBe("on_hold");
    expect(combineStatuses("awaiting_payment", "paid")).toBe("awaiting_shipment");
    expect(combineStatuses("shipped", "void")).toBe("shipped");
    expect(["paid", "Partially Paid", "pending", "Authorized", "refunded", "voided"].map((text) => parsePaymentStatus(text))).toEqual(
      ["paid", "paid", "unpaid", "unpaid", "void", "void"].map((value) => ({ ok: true, value })),
    );
  });
});
