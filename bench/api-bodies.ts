import { generateOrders } from "@/lib/demo/generate-orders";
import { centsToDecimalString } from "@/lib/money";
import type { NormalizedOrder } from "@/lib/orders/schema";

/** An order as an integration would post it to ShipStation's API. */
export function toShipStationBody(order: NormalizedOrder) {
  const money = (cents: number | null | undefined) => (cents == null ? null : Number(centsToDecimalString(cents)));
  const address = (value: NormalizedOrder["shipTo"]) => (value ? { ...value } : null);
  return {
    orderNumber: order.orderNumber,
    orderKey: order.orderKey,
    orderDate: new Date(order.orderDate).toISOString(),
    paymentDate: order.paymentDate != null ? new Date(order.paymentDate).toISOString() : null,
    // Integrations send orders to be shipped; a re-sent shipped or cancelled order is refused by
    // design (it is locked), so the re-send pass could not be "all unchanged" with those in it.
    orderStatus: order.status === "shipped" || order.status === "cancelled" ? "awaiting_shipment" : order.status,
    customerUsername: order.customerUsername,
    customerEmail: order.customerEmail,
    billTo: address(order.billTo) ?? { name: null },
    shipTo: address(order.shipTo) ?? { name: null },
    items: (order.items ?? []).map((item) => ({
      lineItemKey: item.lineItemKey,
      sku: item.sku,
      name: item.name,
      quantity: item.quantity,
      unitPrice: money(item.unitPrice),
      weight: item.weightOz != null ? { value: item.weightOz, units: "ounces" } : null,
    })),
    amountPaid: money(order.amountPaid),
    taxAmount: money(order.taxAmount),
    shippingAmount: money(order.shippingAmount),
    customerNotes: order.customerNotes,
    gift: order.gift ?? false,
    requestedShippingService: order.requestedShippingService,
    weight: order.weightOz != null ? { value: order.weightOz, units: "ounces" } : null,
  };
}

export type ShipStationBody = ReturnType<typeof toShipStationBody>;

/** `count` generated orders as createorders batches, the same every run. */
export function shipStationBatches(count: number, batchSize: number): ShipStationBody[][] {
  const batches: ShipStationBody[][] = [];
  let current: ShipStationBody[] = [];
  for (const order of generateOrders(count, { seed: 42, numberPrefix: "API-" })) {
    current.push(toShipStationBody(order));
    if (current.length === batchSize) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length) batches.push(current);
  return batches;
}
