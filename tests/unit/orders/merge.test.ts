import { describe, expect, it } from "vitest";
import type { OrderRow } from "@/db/schema";
import { toItemColumns, toOrderColumns, type ItemColumns } from "@/lib/orders/columns";
import { decideMerge, diffItems, type ExistingOrder, type IncomingOrder } from "@/lib/orders/merge";
import { normalizedOrderSchema, type NormalizedOrder } from "@/lib/orders/schema";
import { buildOrder, blankOrderRow } from "../../helpers/orders";

/** What a source sends, as the write path hands it to `decideMerge`. */
function incoming(overrides: Partial<NormalizedOrder> = {}): IncomingOrder {
  const order = normalizedOrderSchema.parse(buildOrder({ orderKey: "k-1", orderNumber: "1001", orderDate: Date.UTC(2026, 10, 1), ...overrides }));
  return {
    columns: toOrderColumns(order) as IncomingOrder["columns"],
    items: order.items === undefined ? undefined : toItemColumns(order.items),
  };
}


/** The order as stored after `order` was imported, with whatever the test changes on the row since. */
function stored(order: IncomingOrder, row: Partial<OrderRow> = {}): ExistingOrder {
  return { row: { ...blankOrderRow(), ...order.columns, ...row } as OrderRow, items: order.items ?? [] };
}

describe("decideMerge", () => {
  it("creates an active order when none is stored under the key", () => {
    expect(decideMerge(undefined, incoming())).toEqual({ kind: "create", active: true });
  });

  it("creates an order first seen cancelled as inactive", () => {
    expect(decideMerge(undefined, incoming({ status: "cancelled" }))).toEqual({ kind: "create", active: false });
  });

  it("leaves an open order unchanged when the channel sends it again as it was", () => {
    const existing = stored(incoming());

    expect(decideMerge(existing, incoming())).toEqual({ kind: "unchanged" });
  });

  it("updates only the columns that changed, with before and after for each", () => {
    const existing = stored(incoming({ customerEmail: "grace@example.com", taxAmount: 275 }));

    const decision = decideMerge(existing, incoming({ customerEmail: "grace@navy.mil", taxAmount: 300 }));

    expect(decision).toMatchObject({ kind: "update", action: "updated", active: true, replaceItems: false });
    if (decision.kind !== "update") return;
    // The total follows the tax, since the source sends no total of its own.
    expect(decision.columns).toEqual({ customer_email: "grace@navy.mil", tax_amount: 300, order_total: 4273 + 25 });
    expect(decision.changeSet).toEqual({
      customer_email: ["grace@example.com", "grace@navy.mil"],
      tax_amount: [275, 300],
      order_total: [4273, 4298],
    });
  });

  it("records item changes and asks for the items to be replaced", () => {
    const existing = stored(incoming());
    const [mug] = buildOrder().items!;

    const decision = decideMerge(existing, incoming({ items: [{ ...mug, quantity: 3 }], orderTotal: 4273 }));

    expect(decision).toMatchObject({ kind: "update", action: "updated", replaceItems: true });
    if (decision.kind !== "update") return;
    expect(decision.changeSet.items).toEqual({ added: [], removed: ["li-2"], changed: ["li-1"] });
  });

  it("cancels an open order the channel cancelled, and makes it inactive", () => {
    const existing = stored(incoming());

    const decision = decideMerge(existing, incoming({ status: "cancelled" }));

    expect(decision).toMatchObject({ kind: "update", action: "cancelled", active: false, columns: { status: "cancelled" } });
    if (decision.kind !== "update") return;
    expect(decision.changeSet).toEqual({ status: ["awaiting_shipment", "cancelled"] });
  });

  it("skips a cancelled order and flags the channel reopening it the first time", () => {
    const existing = stored(incoming(), { status: "cancelled", active: 0 });

    expect(decideMerge(existing, incoming({ status: "awaiting_shipment" }))).toEqual({ kind: "skipped", reason: "cancelled", reactivatedInChannel: true });
  });

  it("skips a cancelled order without flagging it again once it was flagged", () => {
    const existing = stored(incoming(), { status: "cancelled", active: 0, reactivated_in_channel_at: Date.UTC(2026, 10, 2) });

    expect(decideMerge(existing, incoming({ status: "awaiting_shipment" }))).toEqual({ kind: "skipped", reason: "cancelled", reactivatedInChannel: false });
  });

  it("skips a cancelled order the channel still calls cancelled or shipped, without flagging it", () => {
    const existing = stored(incoming(), { status: "cancelled", active: 0 });

    for (const status of ["cancelled", "shipped"] as const) {
      expect(decideMerge(existing, incoming({ status }))).toEqual({ kind: "skipped", reason: "cancelled", reactivatedInChannel: false });
    }
  });

  it("skips a shipped order whatever the channel says", () => {
    const existing = stored(incoming(), { status: "shipped" });

    expect(decideMerge(existing, incoming({ status: "cancelled", customerEmail: "someone@else.com" }))).toEqual({
      kind: "skipped",
      reason: "shipped",
      reactivatedInChannel: false,
    });
  });

  it("keeps a merchant's hold when the channel says the order awaits shipment", () => {
    const holdUntil = Date.UTC(2026, 11, 1);
    const existing = stored(incoming(), { status: "on_hold", hold_until_date: holdUntil });

    expect(decideMerge(existing, incoming({ status: "awaiting_shipment" }))).toEqual({ kind: "unchanged" });
  });

  it("keeps a merchant's hold but still takes the channel's other changes", () => {
    const existing = stored(incoming(), { status: "on_hold", hold_until_date: Date.UTC(2026, 11, 1) });

    const decision = decideMerge(existing, incoming({ status: "awaiting_shipment", customerNotes: "Leave at the door" }));

    expect(decision).toMatchObject({ kind: "update", action: "updated", columns: { customer_notes: "Leave at the door" } });
    if (decision.kind !== "update") return;
    expect(decision.columns).not.toHaveProperty("status");
  });

  it("keeps the stored items when the source sends none", () => {
    const existing = stored(incoming());
    const withoutItems = incoming({ items: undefined, orderTotal: 4273, customerNotes: "Fragile" });

    const decision = decideMerge(existing, withoutItems);

    expect(decision).toMatchObject({ kind: "update", replaceItems: false });
    if (decision.kind !== "update") return;
    expect(decision.changeSet).not.toHaveProperty("items");
    expect(decision.changeSet).toEqual({ customer_notes: [null, "Fragile"] });
  });
});

describe("diffItems", () => {
  const item = (overrides: Partial<ItemColumns>): ItemColumns => ({
    position: 0, line_item_key: null, sku: null, name: "Mug", image_url: null, weight_oz: null, quantity: 1, unit_price: 1000,
    tax_amount: null, shipping_amount: null, warehouse_location: null, options: null, product_id: null, fulfillment_sku: null,
    adjustment: 0, upc: null, ...overrides,
  });
  const items = (...lines: Partial<ItemColumns>[]) => lines.map((line, position) => item({ position, ...line }));

  it("finds nothing when the lists match", () => {
    const list = items({ sku: "A" }, { sku: "B" });

    expect(diffItems(list, items({ sku: "A" }, { sku: "B" }))).toBeUndefined();
  });

  it("names added, removed and changed lines by line item key, else SKU, else position", () => {
    const before = items({ line_item_key: "li-1", sku: "A" }, { sku: "B" }, { name: "Gift wrap" });
    const after = items({ line_item_key: "li-1", sku: "A", quantity: 2 }, { sku: "C" }, { name: "Gift wrap" });

    expect(diffItems(before, after)).toEqual({ added: ["C"], removed: ["B"], changed: ["li-1"] });
  });

  it("ignores a line's position when comparing it", () => {
    const before = items({ sku: "A" }, { sku: "B" });
    const after = items({ sku: "A" }, { sku: "B" }).map((item) => ({ ...item, position: item.position + 10 }));

    expect(diffItems(before, after)).toBeUndefined();
  });

  it("reports a reorder as a change with no added, removed or changed lines", () => {
    const before = items({ sku: "A" }, { sku: "B" });
    const after = items({ sku: "B" }, { sku: "A" });

    expect(diffItems(before, after)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("reports a repeated line that was dropped, instead of failing", () => {
    const before = items({ sku: "A" }, { sku: "A" });
    const after = items({ sku: "A" });

    expect(diffItems(before, after)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("reports a change to one of two lines sharing a SKU", () => {
    const before = items({ sku: "A", quantity: 1 }, { sku: "A", quantity: 2 });
    const after = items({ sku: "A", quantity: 2 }, { sku: "A", quantity: 2 });

    expect(diffItems(before, after)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("reports a repeated line that was added", () => {
    expect(diffItems(items({ sku: "A" }), items({ sku: "A" }, { sku: "A" }))).toEqual({ added: [], removed: [], changed: [] });
  });
});
