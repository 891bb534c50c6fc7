import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { apiClient, createApiCredentials, orderBody } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function merchantWithKey() {
  const merchant = await createMerchant();
  const credentials = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, credentials, api: apiClient(credentials.authorization) };
}

async function statusCounts(workspaceId: string) {
  const rows = await db.read.selectFrom("order_counts").select(["status", "n"]).where("workspace_id", "=", workspaceId).execute();
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

describe("DELETE /orders/{orderId}", () => {
  it("deletes the order: {success, message}, then 404 and absent from lists, with its history kept", async () => {
    const { workspaceId, credentials, api } = await merchantWithKey();
    const kept = await api.createOrder(orderBody({ orderNumber: "KEEP-1" }));
    const doomed = await api.createOrder(orderBody({ orderNumber: "GONE-1" }));
    const orderId: number = doomed.json.orderId;
    expect(await statusCounts(workspaceId)).toEqual({ awaiting_shipment: 2 });

    const response = await api.deleteOrder(orderId);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ success: true, message: expect.any(String) });
    expect((await api.getOrder(orderId)).status).toBe(404);
    const list = await api.listOrders();
    expect(list.json.orders.map((order: { orderId: number }) => order.orderId)).toEqual([kept.json.orderId]);
    expect(list.json.total).toBe(1);
    expect((await api.listOrders({ orderNumber: "GONE" })).json.total).toBe(0);
    expect(await statusCounts(workspaceId)).toEqual({ awaiting_shipment: 1 });

    // The order and its history stay in the database.
    const row = await db.read.selectFrom("orders").select(["deleted_at", "order_number"]).where("id", "=", orderId).executeTakeFirstOrThrow();
    expect(row.deleted_at).toEqual(expect.any(Number));
    const events = await db.read.selectFrom("order_events").select(["action", "source", "actor"]).where("order_id", "=", orderId).orderBy("id").execute();
    expect(events).toEqual([
      { action: "created", source: "api", actor: `api-key:${credentials.id}` },
      { action: "deleted", source: "api", actor: `api-key:${credentials.id}` },
    ]);
  });

  it("answers 404 the second time, and writes no second history entry", async () => {
    const { api } = await merchantWithKey();
    const { json } = await api.createOrder(orderBody());
    expect((await api.deleteOrder(json.orderId)).status).toBe(200);

    const again = await api.deleteOrder(json.orderId);

    expect(again.status).toBe(404);
    expect(again.json.code).toBe("not_found");
    const deletions = await db.read.selectFrom("order_events").select("id").where("order_id", "=", json.orderId).where("action", "=", "deleted").execute();
    expect(deletions).toHaveLength(1);
  });

  it("cannot hold, restore or ship a deleted order", async () => {
    const { api } = await merchantWithKey();
    const { json } = await api.createOrder(orderBody());
    await api.deleteOrder(json.orderId);
    for (const response of [
      await api.holdUntil({ orderId: json.orderId, holdUntilDate: "2026-07-10" }),
      await api.restoreFromHold({ orderId: json.orderId }),
      await api.markAsShipped({ orderId: json.orderId, carrierCode: "usps" }),
    ]) {
      expect(response.status).toBe(404);
    }
  });

  it("answers 404 for another workspace's order and leaves it in place", async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const theirs = await b.api.createOrder(orderBody());

    expect((await a.api.deleteOrder(theirs.json.orderId)).status).toBe(404);

    expect((await b.api.getOrder(theirs.json.orderId)).json).toEqual(theirs.json);
    const deletions = await db.read.selectFrom("order_events").select("id").where("order_id", "=", theirs.json.orderId).where("action", "=", "deleted").execute();
    expect(deletions).toEqual([]);
  });
});
