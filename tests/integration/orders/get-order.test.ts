import { describe, expect, it } from "vitest";
import { importOrders } from "@/lib/orders/import-orders";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { cancelOrder, updateOrder } from "@/lib/orders/order-actions";
import { rejection } from "../../helpers/errors";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";
import { useTestDatabase } from "../../helpers/database";

useTestDatabase();

const merchant = { actor: "user-1", source: "manual" as const };

async function importOne(order = buildOrder()) {
  const { workspaceId, manualStoreId } = await createMerchant();
  const [result] = await importOrders(workspaceId, manualStoreId, [order], { source: "shopify" });
  return { workspaceId, order, orderId: result.orderId! };
}

describe("getOrderOrThrow: an order as its page shows it", () => {
  it("adds up the subtotal and each line from the items, next to the order's own amounts", async () => {
    // 2 × 12.50 + 1 × 8.99
    const { workspaceId, orderId } = await importOne();
    const order = await getOrderOrThrow(workspaceId, orderId);
    expect(order.items.map((item) => [item.sku, item.quantity, item.unitPrice, item.lineTotal])).toEqual([
      ["MUG-BLUE", 2, 1250, 2500],
      ["TEA-EARL", 1, 899, 899],
    ]);
    expect(order.amounts).toEqual({ subtotal: 3399, tax: 275, shipping: 599, total: 4273, paid: 4273, totalComputed: true });
  });

  it("is a plain object: addresses as lines, flags as booleans, no raw columns", async () => {
    const { workspaceId, orderId } = await importOne();
    const order = await getOrderOrThrow(workspaceId, orderId);
    expect(order).toMatchObject({ active: true, deleted: false, reactivated: false, locked: null, gift: false, storeName: "Manual Orders" });
    expect(order.shipTo).toEqual({ lines: ["Grace Hopper", "1 Navy Way", "Arlington, VA 22201", "US"], residential: true });
    expect(order.billTo).toEqual({ lines: ["Grace Hopper"], residential: null });
    // Grace's username is her email, so the page shows it once.
    expect(order.customerUsername).toBeNull();
    expect(Object.keys(order).filter((key) => key.includes("_"))).toEqual([]);
  });

  it("says why an order is locked, and lists its history's changes newest first", async () => {
    const { workspaceId, order, orderId } = await importOne(buildOrder({ customerUsername: "grace.h" }));
    await updateOrder(workspaceId, orderId, { ...order, shipTo: { ...order.shipTo, city: "Hampton" } }, merchant);
    await cancelOrder(workspaceId, orderId, merchant);

    const page = await getOrderOrThrow(workspaceId, orderId);
    expect(page.locked).toBe("cancelled");
    expect(page.customerUsername).toBe("grace.h");
    expect(page.history.map((event) => event.action)).toEqual(["cancelled", "edited", "created"]);
    expect(page.history[1].changes).toContainEqual({ field: "ship_to_city", before: "Arlington", after: "Hampton" });
  });

  it("answers another workspace's order, or an id that can't be one, as not found", async () => {
    const { orderId } = await importOne();
    const other = await createMerchant("Other Merchant");
    expect((await rejection(getOrderOrThrow(other.workspaceId, orderId))).code).toBe("not_found");
    expect((await rejection(getOrderOrThrow(other.workspaceId, Number.NaN))).code).toBe("not_found");
  });
});
