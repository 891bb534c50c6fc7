import type { NormalizedOrder } from "@/lib/orders/schema";

let sequence = 0;

/** A realistic open order; override what the test is about. */
export function buildOrder(overrides: Partial<NormalizedOrder> = {}): NormalizedOrder {
  sequence += 1;
  return {
    orderKey: `key-${sequence}`,
    orderNumber: `${1000 + sequence}`,
    status: "awaiting_shipment",
    orderDate: Date.UTC(2026, 10, 1, 12, 0, 0) + sequence * 60_000,
    customerEmail: "grace@example.com",
    shipTo: { name: "Grace Hopper", street1: "1 Navy Way", city: "Arlington", state: "VA", postalCode: "22201", country: "US", residential: true },
    billTo: { name: "Grace Hopper" },
    items: [
      { lineItemKey: "li-1", sku: "MUG-BLUE", name: "Blue enamel mug", quantity: 2, unitPrice: 1250, weightOz: 12 },
      { lineItemKey: "li-2", sku: "TEA-EARL", name: "Earl Grey tea, 100 g", quantity: 1, unitPrice: 899, weightOz: 4 },
    ],
    taxAmount: 275,
    shippingAmount: 599,
    amountPaid: 4273,
    ...overrides,
  };
}
