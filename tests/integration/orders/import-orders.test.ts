import { describe, expect, it } from "vitest";
import { db } from "@/db/database";
import { importOrders } from "@/lib/orders/import-orders";
import { useTestDatabase } from "../../helpers/database";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function eventsOf(orderId: number) {
  return db.read.selectFrom("order_events").selectAll().where("order_id", "=", orderId).orderBy("id").execute();
}
async function orderById(orderId: number) {
  return db.read.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow();
}
async function countsOf(workspaceId: string) {
  const rows = await db.read.selectFrom("order_counts").select(["status", "n"]).where("workspace_id", "=", workspaceId).execute();
  return Object.fromEntries(rows.filter((row) => row.n !== 0).map((row) => [row.status, row.n]));
}
const options = { source: "api", actor: "test" };

describe("importOrders", () => {
  it("creates a new open order with its items, search words, count and a 'created' event", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const [result] = await importOrders(workspaceId, manualStoreId, [buildOrder({ orderNumber: "A-1" })], options);

    expect(result).toMatchObject({ outcome: "created", orderNumber: "A-1" });
    const order = await orderById(result.orderId!);
    expect(order).toMatchObject({ status: "awaiting_shipment", active: 1, order_total: 2 * 1250 + 899 + 275 + 599, ship_to_name: "Grace Hopper" });
    const items = await db.read.selectFrom("order_items").selectAll().where("order_id", "=", order.id).orderBy("position").execute();
    expect(items.map((item) => item.sku)).toEqual(["MUG-BLUE", "TEA-EARL"]);
    expect((await eventsOf(order.id)).map((event) => event.action)).toEqual(["created"]);
    expect(await countsOf(workspaceId)).toEqual({ awaiting_shipment: 1 });
    const found = await db.read.selectFrom("orders_search").select("rowid").where("orders_search", "=", "mug*").execute();
    expect(found.map((row) => row.rowid)).toContain(order.id);
  });

  it("creates an order first seen cancelled as inactive", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const [result] = await importOrders(workspaceId, manualStoreId, [buildOrder({ status: "cancelled" })], options);
    expect(result.outcome).toBe("created");
    expect(await orderById(result.orderId!)).toMatchObject({ status: "cancelled", active: 0 });
  });

  it("leaves an identical order unchanged: no write, no event", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const order = buildOrder();
    const [first] = await importOrders(workspaceId, manualStoreId, [order], options);
    const before = await orderById(first.orderId!);
    const [second] = await importOrders(workspaceId, manualStoreId, [structuredClone(order)], options);

    expect(second).toMatchObject({ outcome: "unchanged", orderId: first.orderId });
    expect((await orderById(first.orderId!)).modified_at).toBe(before.modified_at);
    expect(await eventsOf(first.orderId!)).toHaveLength(1);
  });

  it("updates changed channel fields with a field-level change set and keeps merchant notes", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const order = buildOrder({ internalNotes: "VIP — gift wrap" });
    const [first] = await importOrders(workspaceId, manualStoreId, [order], options);
    const { internalNotes: _notes, ...fromChannel } = order;
    const changed = { ...fromChannel, shipTo: { ...order.shipTo!, city: "Alexandria" }, items: [order.items![0]] };
    const [second] = await importOrders(workspaceId, manualStoreId, [changed], { ...options, source: "shopify" });

    expect(second.outcome).toBe("updated");
    const stored = await orderById(first.orderId!);
    expect(stored).toMatchObject({ ship_to_city: "Alexandria", internal_notes: "VIP — gift wrap", order_total: 2 * 1250 + 275 + 599 });
    const [, updated] = await eventsOf(first.orderId!);
    expect(updated.action).toBe("updated");
    expect(JSON.parse(updated.change_set!)).toMatchObject({
      ship_to_city: ["Arlington", "Alexandria"],
      items: { added: [], removed: ["li-2"], changed: [] },
    });
    const items = await db.read.selectFrom("order_items").select("sku").where("order_id", "=", first.orderId!).execute();
    expect(items).toEqual([{ sku: "MUG-BLUE" }]);
  });

  it("cancels an open order the channel cancels, making it inactive and moving its count", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const order = buildOrder();
    const [first] = await importOrders(workspaceId, manualStoreId, [order], options);
    const [second] = await importOrders(workspaceId, manualStoreId, [{ ...order, status: "cancelled" }], options);

    expect(second.outcome).toBe("updated");
    expect(await orderById(first.orderId!)).toMatchObject({ status: "cancelled", active: 0 });
    expect((await eventsOf(first.orderId!)).map((event) => event.action)).toEqual(["created", "cancelled"]);
    expect(await countsOf(workspaceId)).toEqual({ cancelled: 1 });
  });

  it("never changes a cancelled order again, whatever arrives", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const order = buildOrder({ status: "cancelled" });
    const [first] = await importOrders(workspaceId, manualStoreId, [order], options);
    const [second] = await importOrders(workspaceId, manualStoreId, [{ ...order, status: "cancelled", customerEmail: "new@example.com" }], options);

    expect(second).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/cancelled/) });
    expect((await orderById(first.orderId!)).customer_email).toBe("grace@example.com");
    expect(await eventsOf(first.orderId!)).toHaveLength(1);
  });

  it("records 'reactivated in channel' once when the channel reopens a cancelled order, without changing it", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const order = buildOrder({ status: "cancelled" });
    const [first] = await importOrders(workspaceId, manualStoreId, [order], options);
    const reopened = { ...order, status: "awaiting_shipment" as const };
    const [second] = await importOrders(workspaceId, manualStoreId, [reopened], options);
    const [third] = await importOrders(workspaceId, manualStoreId, [reopened], options);

    expect(second).toMatchObject({ outcome: "skipped", reactivatedInChannel: true });
    expect(third).toMatchObject({ outcome: "skipped" });
    expect(third.reactivatedInChannel).toBeUndefined();
    const stored = await orderById(first.orderId!);
    expect(stored).toMatchObject({ status: "cancelled", active: 0 });
    expect(stored.reactivated_in_channel_at).not.toBeNull();
    expect((await eventsOf(first.orderId!)).map((event) => event.action)).toEqual(["created", "reactivated_in_channel"]);
  });

  it("skips a shipped order as locked", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const order = buildOrder({ status: "shipped" });
    const [first] = await importOrders(workspaceId, manualStoreId, [order], options);
    const [second] = await importOrders(workspaceId, manualStoreId, [{ ...order, status: "awaiting_shipment" }], options);
    expect(second).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/shipped/) });
    expect((await orderById(first.orderId!)).status).toBe("shipped");
  });

  it("fails an invalid order by field and still imports the others", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const results = await importOrders(
      workspaceId,
      manualStoreId,
      [buildOrder({ orderNumber: "OK-1" }), buildOrder({ orderNumber: "BAD-1", shipTo: { country: "United States" } })],
      options,
    );
    expect(results[0].outcome).toBe("created");
    expect(results[1]).toMatchObject({ outcome: "failed", orderNumber: "BAD-1", fieldErrors: { "shipTo.country": [expect.any(String)] } });
  });

  it("applies the same key twice in one call in order", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const order = buildOrder();
    const results = await importOrders(workspaceId, manualStoreId, [order, { ...order, customerEmail: "second@example.com" }], options);
    expect(results.map((result) => result.outcome)).toEqual(["created", "updated"]);
    expect((await orderById(results[0].orderId!)).customer_email).toBe("second@example.com");
  });

  it("refuses a store of another workspace", async () => {
    const mine = await createMerchant();
    const theirs = await createMerchant("Other Merchant");
    await expect(importOrders(mine.workspaceId, theirs.manualStoreId, [buildOrder()], options)).rejects.toMatchObject({ code: "not_found" });
  });

  it("adds its counts to the import run", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const run = await db.write
      .insertInto("import_runs")
      .values({ workspace_id: workspaceId, store_id: manualStoreId, kind: "api", trigger: "api", started_at: Date.now(), cursor_before: null, cursor_after: null, error: null, finished_at: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const order = buildOrder();
    await importOrders(workspaceId, manualStoreId, [order, buildOrder(), buildOrder({ orderDate: -1 })], { ...options, runId: run.id });
    await importOrders(workspaceId, manualStoreId, [order], { ...options, runId: run.id });
    const stored = await db.read.selectFrom("import_runs").selectAll().where("id", "=", run.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ fetched: 4, created: 2, unchanged: 1, failed: 1 });
    const errors = await db.read.selectFrom("import_errors").selectAll().where("run_id", "=", run.id).execute();
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/orderDate/);
  });
});

describe("importOrders as a dry run", () => {
  it("reports what a real import would do and writes nothing", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const existing = buildOrder();
    await importOrders(workspaceId, manualStoreId, [existing], options);
    const before = await db.read.selectFrom("orders").select(["id", "customer_email", "modified_at"]).where("store_id", "=", manualStoreId).execute();

    const results = await importOrders(
      workspaceId,
      manualStoreId,
      [{ ...existing, customerEmail: "changed@example.com" }, buildOrder({ orderNumber: "NEW-1" }), existing, buildOrder({ orderDate: -5 })],
      { ...options, dryRun: true },
    );
    expect(results.map((result) => result.outcome)).toEqual(["updated", "created", "updated", "failed"]);
    expect(await db.read.selectFrom("orders").select(["id", "customer_email", "modified_at"]).where("store_id", "=", manualStoreId).execute()).toEqual(before);
    expect(await countsOf(workspaceId)).toEqual({ awaiting_shipment: 1 });
  });
});
