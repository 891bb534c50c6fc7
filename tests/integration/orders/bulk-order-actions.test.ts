import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { applyOrderChangeToMany } from "@/lib/orders/bulk-order-actions";
import { importOrders } from "@/lib/orders/import-orders";
import { bulkOrderActionSchema } from "@/lib/orders/order-form";
import { useTestDatabase } from "../../helpers/database";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const merchant = { actor: "user-1", source: "manual" as const };

async function threeOrders() {
  const { workspaceId, manualStoreId } = await createMerchant();
  const results = await importOrders(workspaceId, manualStoreId, [buildOrder(), buildOrder({ status: "shipped" }), buildOrder()], { source: "test" });
  return { workspaceId, ids: results.map((result) => result.orderId!) };
}

async function statusesOf(ids: number[]) {
  const rows = await db.read.selectFrom("orders").select(["id", "status"]).where("id", "in", ids).execute();
  return ids.map((id) => rows.find((row) => row.id === id)?.status);
}

async function actionsOf(orderId: number) {
  const events = await db.read.selectFrom("order_events").select("action").where("order_id", "=", orderId).orderBy("id").execute();
  return events.map((event) => event.action);
}

describe("applyOrderChangeToMany", () => {
  it("cancels every open order and says why a shipped one was left alone", async () => {
    const { workspaceId, ids } = await threeOrders();
    const results = await applyOrderChangeToMany(workspaceId, ids, { kind: "cancel" }, merchant);
    expect(results.map((result) => result.outcome)).toEqual(["changed", "refused", "changed"]);
    expect(results[1].reason).toBe("This order has shipped and can no longer be changed.");
    expect(results[1].orderNumber).toMatch(/^\d+$/);
    expect(await statusesOf(ids)).toEqual(["cancelled", "shipped", "cancelled"]);
    // Through the write path: each cancelled order's history says so.
    expect(await actionsOf(ids[0])).toEqual(["created", "cancelled"]);
  });

  it("holds and marks shipped through the single-order actions", async () => {
    const { workspaceId, ids } = await threeOrders();
    const holdUntilDate = Date.UTC(2030, 0, 1);
    const held = await applyOrderChangeToMany(workspaceId, [ids[0], ids[1]], { kind: "hold", holdUntilDate }, merchant);
    expect(held.map((result) => result.outcome)).toEqual(["changed", "refused"]);
    const row = await db.read.selectFrom("orders").select(["status", "hold_until_date"]).where("id", "=", ids[0]).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "on_hold", hold_until_date: holdUntilDate });

    const shipped = await applyOrderChangeToMany(workspaceId, [ids[0], ids[2]], { kind: "ship", shipment: { shipDate: Date.UTC(2026, 10, 2), carrierCode: "usps" } }, merchant);
    expect(shipped.map((result) => result.outcome)).toEqual(["changed", "changed"]);
    expect(await statusesOf(ids)).toEqual(["shipped", "shipped", "shipped"]);
  });

  it("refuses another workspace's order as not found, and still changes its own", async () => {
    const { workspaceId, ids } = await threeOrders();
    const other = await threeOrders();
    const results = await applyOrderChangeToMany(workspaceId, [other.ids[0], ids[0]], { kind: "cancel" }, merchant);
    expect(results).toEqual([
      { orderId: other.ids[0], orderNumber: null, outcome: "refused", reason: "Order not found" },
      { orderId: ids[0], orderNumber: expect.any(String), outcome: "changed" },
    ]);
    expect(await statusesOf([other.ids[0]])).toEqual(["awaiting_shipment"]);
  });
});

describe("bulkOrderActionSchema", () => {
  const schema = bulkOrderActionSchema("America/New_York", () => Date.UTC(2026, 10, 5, 12));

  it("reads each action's fields as the single-order action does", () => {
    expect(schema.parse({ action: "cancel", orderIds: [1, 2] })).toEqual({ orderIds: [1, 2], change: { kind: "cancel" } });
    expect(schema.parse({ action: "hold", orderIds: [1], holdUntil: "2030-12-01" })).toEqual({ orderIds: [1], change: { kind: "hold", holdUntilDate: Date.UTC(2030, 11, 1, 5) } });
    const ship = schema.parse({ action: "ship", orderIds: [1], shipDate: "2026-11-05", carrierCode: "ups" });
    expect(ship.change).toEqual({ kind: "ship", shipment: { shipDate: Date.UTC(2026, 10, 5, 5), carrierCode: "ups", trackingNumber: null } });
  });

  it("refuses no selection, too many orders and a hold without a day, naming the field", () => {
    expect(schema.safeParse({ action: "cancel", orderIds: [] }).error?.issues[0].path).toEqual(["orderIds"]);
    expect(schema.safeParse({ action: "cancel", orderIds: Array.from({ length: 501 }, (_, i) => i + 1) }).success).toBe(false);
    expect(schema.safeParse({ action: "hold", orderIds: [1], holdUntil: "" }).error?.issues[0].path).toEqual(["holdUntil"]);
  });
});
