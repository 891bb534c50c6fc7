/** What an API client sends, with no server module behind it: Playwright specs post these too. */

/** HTTP Basic, as ShipStation's API v1 clients send a key and secret. */
export function basicAuth(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`, "utf8").toString("base64")}`;
}

let sequence = 0;

/** A custom store's createorder body: a realistic open order; override what the test is about. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    orderNumber: `WEB-${1000 + sequence}`,
    orderKey: `web-order-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
    orderDate: "2026-07-01 10:00:00",
    paymentDate: "2026-07-01 10:05:00",
    orderStatus: "awaiting_shipment",
    customerUsername: "grace",
    customerEmail: "grace@example.com",
    billTo: { name: "Grace Hopper" },
    shipTo: { name: "Grace Hopper", street1: "1 Navy Way", city: "Arlington", state: "VA", postalCode: "22201", country: "US", residential: true },
    items: [
      { lineItemKey: "li-1", sku: "MUG-BLUE", name: "Blue enamel mug", quantity: 2, unitPrice: 12.5, weight: { value: 12, units: "ounces" } },
      { lineItemKey: "li-2", sku: "TEA-EARL", name: "Earl Grey tea, 100 g", quantity: 1, unitPrice: 8.99 },
    ],
    amountPaid: 42.73,
    taxAmount: 2.75,
    shippingAmount: 5.99,
    customerNotes: "Leave at the door",
    ...overrides,
  };
}
