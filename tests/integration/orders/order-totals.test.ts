import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { mapCustomStoreOrder } from "@/lib/connectors/custom-store/map-order";
import { parseExportXml } from "@/lib/connectors/custom-store/xml";
import { getOrderEditForm, getOrderOrThrow } from "@/lib/orders/get-order";
import { importOrders } from "@/lib/orders/import-orders";
import { listOrders } from "@/lib/orders/list-orders";
import { parseOrderListQuery } from "@/lib/orders/list-query";
import { cancelOrder, createOrder, createReplacementOrder, editOrder } from "@/lib/orders/order-actions";
import { parseOrderForm } from "@/lib/orders/order-form";
import { toShipStationOrder } from "@/lib/orders/shipstation-order";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";
import { useTestDatabase } from "../../helpers/database";

useTestDatabase();

const merchant = { actor: "user-1", source: "manual" as const };
const channel = { source: "custom_store" };

/** The edit page's values, changed as the merchant types, posted back through the edit action's path. */
async function edit(workspaceId: string, orderId: number, changes: Record<string, string>) {
  const form = await getOrderEditForm(workspaceId, orderId, "UTC");
  const parsed = parseOrderForm({ ...form.initial!, ...changes }, "UTC");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return editOrder(workspaceId, orderId, parsed.order, merchant);
}

async function listed(workspaceId: string, orderId: number) {
  const page = await listOrders(workspaceId, parseOrderListQuery({ status: "all" }));
  return page.orders.find((order) => order.id === orderId)!;
}

async function apiOrder(orderId: number) {
  const row = await db.read.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow();
  const items = await db.read.selectFrom("order_items").selectAll().where("order_id", "=", orderId).execute();
  return toShipStationOrder(row, items, { timeZone: "UTC" });
}

function customStoreOrder(inner: string) {
  const xml = `<Orders><Order><OrderID>501</OrderID><OrderNumber>CS-501</OrderNumber><OrderDate>01/02/2026 03:04</OrderDate><OrderStatus>paid</OrderStatus>${inner}
    <Customer><ShipTo><Name>Ada</Name><Address1>1 Main St</Address1><City>Austin</City><State>TX</State><PostalCode>78704</PostalCode><Country>US</Country></ShipTo></Customer>
    <Items><Item><SKU>MUG</SKU><Name>Mug</Name><Weight>8</Weight><WeightUnits>Ounces</WeightUnits><Quantity>2</Quantity><UnitPrice>10.00</UnitPrice></Item></Items></Order></Orders>`;
  return mapCustomStoreOrder(parseExportXml(xml).orders[0], { paid: "paid" })!;
}

describe("order totals: one rule for every source", () => {
  it("recomputes a computed total when the merchant edits a quantity, on the page, in the list and in the API", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const created = await createOrder(
      workspaceId,
      manualStoreId,
      buildOrder({ items: [{ sku: "TEE", name: "T-shirt", quantity: 2, unitPrice: 1059 }], taxAmount: 0, shippingAmount: 500, amountPaid: 2618 }),
      merchant,
    );
    expect((await getOrderOrThrow(workspaceId, created.orderId!)).amounts).toMatchObject({ total: 2618, totalComputed: true });

    await edit(workspaceId, created.orderId!, { "items.0.quantity": "5" });

    const order = await getOrderOrThrow(workspaceId, created.orderId!);
    expect(order.amounts).toMatchObject({ subtotal: 5295, shipping: 500, total: 5795, totalComputed: true, paid: 2618 });
    expect((await listed(workspaceId, created.orderId!)).orderTotal).toBe(5795);
    expect((await apiOrder(created.orderId!)).orderTotal).toBe(57.95);
    expect(order.history[0].changes.map((change) => change.field)).not.toContain("order_total_computed");
  });

  it("keeps a custom store's OrderTotal as sent, through an edit, and counts the paid order as paid", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const [result] = await importOrders(workspaceId, manualStoreId, [customStoreOrder("<OrderTotal>22.00</OrderTotal><ShippingAmount>5.00</ShippingAmount>")], channel);
    const before = await getOrderOrThrow(workspaceId, result.orderId!);
    expect(before.amounts).toMatchObject({ subtotal: 2000, shipping: 500, total: 2200, paid: 2200, totalComputed: false });

    await edit(workspaceId, result.orderId!, { "items.0.quantity": "3" });
    expect((await getOrderOrThrow(workspaceId, result.orderId!)).amounts).toMatchObject({ subtotal: 3000, total: 2200, totalComputed: false });
  });

  it("computes a custom store's total when the XML has none, paid in full", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const [result] = await importOrders(workspaceId, manualStoreId, [customStoreOrder("<TaxAmount>1.60</TaxAmount><ShippingAmount>5.00</ShippingAmount>")], channel);
    expect((await getOrderOrThrow(workspaceId, result.orderId!)).amounts).toMatchObject({ total: 2660, paid: 2660, totalComputed: true });
  });

  it("recomputes a computed total when a source changes only the shipping, sending no items", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const order = buildOrder({ orderTotal: null });
    const [first] = await importOrders(workspaceId, manualStoreId, [order], { source: "api" });
    await importOrders(workspaceId, manualStoreId, [{ ...order, items: undefined, shippingAmount: 1000 }], { source: "api" });
    // 3399 items + 275 tax + 1000 shipping
    expect((await getOrderOrThrow(workspaceId, first.orderId!)).amounts).toMatchObject({ total: 4674, totalComputed: true });
  });
});

describe("order weight from the items", () => {
  it("shows the items' weight when the order has none, the same on the page, in the list and in the API", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const [result] = await importOrders(workspaceId, manualStoreId, [customStoreOrder("<OrderTotal>22.00</OrderTotal>")], channel);

    expect(await getOrderOrThrow(workspaceId, result.orderId!)).toMatchObject({ weightOz: 16, weightFromItems: true });
    expect(await listed(workspaceId, result.orderId!)).toMatchObject({ weightOz: 16, weightFromItems: true });
    expect((await apiOrder(result.orderId!)).weight).toMatchObject({ value: 16, units: "ounces" });

    await edit(workspaceId, result.orderId!, { "items.0.quantity": "3" });
    expect(await listed(workspaceId, result.orderId!)).toMatchObject({ weightOz: 24, weightFromItems: true });

    await edit(workspaceId, result.orderId!, { weight: "40" });
    expect(await getOrderOrThrow(workspaceId, result.orderId!)).toMatchObject({ weightOz: 40, weightFromItems: false });
  });
});

describe("an order the channel reopened", () => {
  const reopen = async (arrivedCancelled: boolean) => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const order = buildOrder({ status: arrivedCancelled ? "cancelled" : "awaiting_shipment" });
    const [first] = await importOrders(workspaceId, manualStoreId, [order], channel);
    if (!arrivedCancelled) await cancelOrder(workspaceId, first.orderId!, merchant);
    await importOrders(workspaceId, manualStoreId, [{ ...order, status: "awaiting_shipment" }], channel);
    return { workspaceId, orderId: first.orderId!, order };
  };

  it("says whether it arrived cancelled or was cancelled here, and what the channel now says", async () => {
    const arrived = await reopen(true);
    expect((await getOrderOrThrow(arrived.workspaceId, arrived.orderId)).reactivation).toEqual({ cancelled: "arrived", channelStatus: "awaiting_shipment" });
    const here = await reopen(false);
    expect((await getOrderOrThrow(here.workspaceId, here.orderId)).reactivation).toEqual({ cancelled: "here", channelStatus: "awaiting_shipment" });
  });

  it("links the replaced order and its replacement both ways, by number", async () => {
    const { workspaceId, orderId, order } = await reopen(false);
    const replacement = await createReplacementOrder(workspaceId, orderId, merchant);

    const old = await getOrderOrThrow(workspaceId, orderId);
    const fresh = await getOrderOrThrow(workspaceId, replacement.orderId!);
    expect(old.replacedBy).toEqual({ id: replacement.orderId, orderNumber: order.orderNumber });
    expect(fresh.replaces).toEqual({ id: orderId, orderNumber: order.orderNumber });
    expect(old.history.find((event) => event.action === "replaced")!.changes).toEqual([
      { field: "replacedBy", before: null, after: replacement.orderId, order: { id: replacement.orderId, orderNumber: order.orderNumber } },
    ]);
    expect(fresh.history.find((event) => event.action === "created")!.changes).toEqual([
      { field: "replaces", before: null, after: orderId, order: { id: orderId, orderNumber: order.orderNumber } },
    ]);
  });
});
