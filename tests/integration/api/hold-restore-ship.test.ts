import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { apiClient, createApiCredentials, orderBody } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function merchantWithOrder(overrides: Record<string, unknown> = {}) {
  const merchant = await createMerchant();
  const api = apiClient((await createApiCredentials(merchant.workspaceId)).authorization);
  const created = await api.createOrder(orderBody(overrides));
  expect(created.status).toBe(200);
  return { ...merchant, api, order: created.json as { orderId: number; orderNumber: string; orderKey: string } };
}

async function actionsOf(orderId: number) {
  const rows = await db.read.selectFrom("order_events").select("action").where("order_id", "=", orderId).orderBy("id").execute();
  return rows.map((row) => row.action);
}

describe("POST /orders/holduntil and /orders/restorefromhold", () => {
  it("holds an order until a date, then restores it to awaiting shipment", async () => {
    const { api, order } = await merchantWithOrder();

    const held = await api.holdUntil({ orderId: order.orderId, holdUntilDate: "2036-07-10" });

    expect(held.status).toBe(200);
    expect(held.json).toEqual({ success: true, message: expect.any(String) });
    expect((await api.getOrder(order.orderId)).json).toMatchObject({ orderStatus: "on_hold", holdUntilDate: "2036-07-10T00:00:00.0000000" });
    expect((await api.listOrders({ orderStatus: "on_hold" })).json.total).toBe(1);

    const restored = await api.restoreFromHold({ orderId: order.orderId });

    expect(restored.status).toBe(200);
    expect(restored.json).toEqual({ success: true, message: expect.any(String) });
    expect((await api.getOrder(order.orderId)).json).toMatchObject({ orderStatus: "awaiting_shipment", holdUntilDate: null });
    expect(await actionsOf(order.orderId)).toEqual(["created", "held", "restored"]);
  });

  it("takes the orderId as a number or a numeric string, as Json.NET does", async () => {
    const { api, order } = await merchantWithOrder();
    const held = await api.holdUntil({ orderId: String(order.orderId), holdUntilDate: "2036-07-10 08:00:00" });
    expect(held.status).toBe(200);
    expect((await api.getOrder(order.orderId)).json.holdUntilDate).toBe("2036-07-10T08:00:00.0000000");
  });

  it("refuses an orderId that is not a whole number or a string of digits, naming the field", async () => {
    const { api, order } = await merchantWithOrder();
    for (const orderId of [`0x${order.orderId.toString(16)}`, `${order.orderId}.0`, `${order.orderId}e0`, true, null, "", 1.5, -order.orderId]) {
      for (const response of [
        await api.holdUntil({ orderId, holdUntilDate: "2036-07-10" }),
        await api.restoreFromHold({ orderId }),
        await api.markAsShipped({ orderId }),
      ]) {
        expect(response.status, JSON.stringify(orderId)).toBe(400);
        expect(Object.keys(response.json.fieldErrors)).toEqual(["orderId"]);
      }
    }
    expect((await api.getOrder(order.orderId)).json.orderStatus).toBe("awaiting_shipment");
    expect(await actionsOf(order.orderId)).toEqual(["created"]);
  });

  it("refuses to restore an order that is not on hold", async () => {
    const { api, order } = await merchantWithOrder();
    const response = await api.restoreFromHold({ orderId: order.orderId });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ message: "Only an order on hold can be restored.", code: "conflict" });
    expect((await api.getOrder(order.orderId)).json.orderStatus).toBe("awaiting_shipment");
  });

  it("refuses to hold a cancelled order", async () => {
    const { api, order } = await merchantWithOrder({ orderStatus: "cancelled" });
    const response = await api.holdUntil({ orderId: order.orderId, holdUntilDate: "2036-07-10" });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ message: "This order is cancelled and can no longer be changed.", code: "conflict" });
    expect((await api.getOrder(order.orderId)).json).toMatchObject({ orderStatus: "cancelled", holdUntilDate: null });
  });

  it("answers 404 for an order that does not exist", async () => {
    const { api } = await merchantWithOrder();
    expect((await api.holdUntil({ orderId: 987_654, holdUntilDate: "2036-07-10" })).status).toBe(404);
    expect((await api.restoreFromHold({ orderId: 987_654 })).status).toBe(404);
  });
});

describe("POST /orders/markasshipped", () => {
  it("marks the order shipped with its carrier, ship date and tracking number, answering {orderId, orderNumber}", async () => {
    const { api, order } = await merchantWithOrder({ orderNumber: "SHIP-1" });

    const response = await api.markAsShipped({
      orderId: order.orderId,
      carrierCode: "usps",
      shipDate: "2026-07-02",
      trackingNumber: "9400100000000000000000",
      notifyCustomer: true,
      notifySalesChannel: false,
    });

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ orderId: order.orderId, orderNumber: "SHIP-1" });
    const shipped = (await api.getOrder(order.orderId)).json;
    expect(shipped).toMatchObject({ orderStatus: "shipped", carrierCode: "usps", shipDate: "2026-07-02T00:00:00.0000000" });
    const row = await db.read.selectFrom("orders").select(["tracking_number", "ship_date"]).where("id", "=", order.orderId).executeTakeFirstOrThrow();
    // 2026-07-02 00:00 in Los Angeles (PDT, UTC−7).
    expect(row).toEqual({ tracking_number: "9400100000000000000000", ship_date: Date.UTC(2026, 6, 2, 7) });
    expect((await api.listOrders({ orderStatus: "shipped" })).json.total).toBe(1);
    expect(await actionsOf(order.orderId)).toEqual(["created", "shipped"]);
  });

  it("ships today with the order's own carrier when the body gives only the orderId", async () => {
    const { api, order } = await merchantWithOrder({ carrierCode: "fedex" });
    const before = Date.now();
    expect((await api.markAsShipped({ orderId: order.orderId })).status).toBe(200);
    const row = await db.read.selectFrom("orders").select(["status", "carrier_code", "ship_date"]).where("id", "=", order.orderId).executeTakeFirstOrThrow();
    expect(row.status).toBe("shipped");
    expect(row.carrier_code).toBe("fedex");
    expect(row.ship_date).toBeGreaterThanOrEqual(before);
    expect(row.ship_date).toBeLessThanOrEqual(Date.now());
  });

  it("ships an order on hold", async () => {
    const { api, order } = await merchantWithOrder();
    await api.holdUntil({ orderId: order.orderId, holdUntilDate: "2036-07-10" });
    expect((await api.markAsShipped({ orderId: order.orderId, carrierCode: "ups" })).status).toBe(200);
    expect((await api.getOrder(order.orderId)).json.orderStatus).toBe("shipped");
  });

  it("refuses an order that has already shipped, and changes nothing on it", async () => {
    const { api, order } = await merchantWithOrder();
    await api.markAsShipped({ orderId: order.orderId, carrierCode: "usps", trackingNumber: "FIRST" });
    const shipped = (await api.getOrder(order.orderId)).json;

    const again = await api.markAsShipped({ orderId: order.orderId, carrierCode: "ups", trackingNumber: "SECOND" });
    const hold = await api.holdUntil({ orderId: order.orderId, holdUntilDate: "2036-07-10" });

    for (const response of [again, hold]) {
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ message: "This order has shipped and can no longer be changed.", code: "conflict" });
    }
    expect((await api.getOrder(order.orderId)).json).toEqual(shipped);
    const row = await db.read.selectFrom("orders").select("tracking_number").where("id", "=", order.orderId).executeTakeFirstOrThrow();
    expect(row.tracking_number).toBe("FIRST");
  });

  it("refuses a cancelled order", async () => {
    const { api, order } = await merchantWithOrder({ orderStatus: "cancelled" });
    const response = await api.markAsShipped({ orderId: order.orderId, carrierCode: "usps" });
    expect(response.status).toBe(400);
    expect(response.json.message).toBe("This order is cancelled and can no longer be changed.");
    expect((await api.getOrder(order.orderId)).json.orderStatus).toBe("cancelled");
  });
});
