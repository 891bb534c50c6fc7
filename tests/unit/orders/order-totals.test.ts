import { describe, expect, it } from "vitest";
import { fromOrderRow, orderTotalColumns, toOrderColumns, type ItemColumns } from "@/lib/orders/columns";
import { normalizedOrderSchema, type NormalizedOrder } from "@/lib/orders/schema";
import { orderWeightOf } from "@/lib/orders/weight";
import { orderWeightOz } from "@/lib/rating/order-parcel";
import { ORDERS_EXPORT_COLUMNS, ordersToExportRows } from "@/lib/csv/export-orders";
import { blankOrderRow, buildOrder } from "../../helpers/orders";

const parse = (order: NormalizedOrder) => normalizedOrderSchema.parse(order);
const item = (overrides: Partial<ItemColumns>): ItemColumns => ({
  position: 0, line_item_key: null, sku: null, name: "Mug", image_url: null, weight_oz: null, quantity: 1, unit_price: 1000,
  tax_amount: null, shipping_amount: null, warehouse_location: null, options: null, product_id: null, fulfillment_sku: null, adjustment: 0, upc: null,
  ...overrides,
});

describe("the order total rule", () => {
  it("keeps the channel's total as sent, even when it isn't items + tax + shipping", () => {
    expect(orderTotalColumns(parse(buildOrder({ orderTotal: 3999 })))).toEqual({ order_total: 3999, order_total_computed: 0 });
  });

  it("computes items + tax + shipping when the source gives no total, and says so", () => {
    // 2 × 12.50 + 8.99 items, 2.75 tax, 5.99 shipping
    expect(orderTotalColumns(parse(buildOrder({ orderTotal: null })))).toEqual({ order_total: 4273, order_total_computed: 1 });
  });

  it("leaves the stored total alone when the source sends neither a total nor items", () => {
    expect(orderTotalColumns(parse(buildOrder({ orderTotal: undefined, items: undefined })))).toEqual({});
  });

  it("hands a computed total back as none, so a merchant's change recomputes it; a channel's stays", () => {
    const items = [item({ quantity: 5, unit_price: 1059 })];
    const computed = fromOrderRow(blankOrderRow({ order_total: 2798, order_total_computed: 1, shipping_amount: 500 }), items);
    expect(computed.orderTotal).toBeNull();
    expect(toOrderColumns(parse(computed))).toMatchObject({ order_total: 5795, order_total_computed: 1 });

    const channels = fromOrderRow(blankOrderRow({ order_total: 2798, order_total_computed: 0, shipping_amount: 500 }), items);
    expect(toOrderColumns(parse(channels))).toMatchObject({ order_total: 2798, order_total_computed: 0 });
  });
});

describe("the order weight", () => {
  it("is the order's own weight when it has one", () => {
    expect(orderWeightOf({ weight_oz: 40 }, [item({ weight_oz: 8, quantity: 2 })])).toEqual({ oz: 40, fromItems: false });
  });

  it("is the items' unit weight × quantity when the order has none, adjustments weighing nothing", () => {
    const items = [item({ weight_oz: 8, quantity: 3 }), item({ weight_oz: 2.5, quantity: 2 }), item({ weight_oz: 99, quantity: 1, adjustment: 1 }), item({ weight_oz: null })];
    expect(orderWeightOf({ weight_oz: null }, items)).toEqual({ oz: 29, fromItems: true });
    expect(orderWeightOf({ weight_oz: 0 }, items)).toEqual({ oz: 29, fromItems: true });
  });

  it("is nothing when neither the order nor its items weigh anything", () => {
    expect(orderWeightOf({ weight_oz: null }, [item({})])).toEqual({ oz: null, fromItems: false });
  });

  it("is what rating quotes", () => {
    const items = [item({ weight_oz: 8, quantity: 3 })];
    expect(orderWeightOz({ weight_oz: null }, items)).toBe(orderWeightOf({ weight_oz: null }, items).oz);
    expect(orderWeightOz({ weight_oz: 0 }, [])).toBeNull();
  });

  it("stores an order weight that is exactly its items' as none, so it keeps following them", () => {
    // buildOrder's items: 2 × 12 oz + 1 × 4 oz
    expect(toOrderColumns(parse(buildOrder({ weightOz: 28 })))).toMatchObject({ weight_oz: null });
    expect(toOrderColumns(parse(buildOrder({ weightOz: 30 })))).toMatchObject({ weight_oz: 30 });
  });
});

describe("a channel's total that is exactly items + tax + shipping", () => {
  it("is taken as computed, so an edit recomputes it", () => {
    expect(orderTotalColumns(parse(buildOrder({ orderTotal: 4273 })))).toEqual({ order_total: 4273, order_total_computed: 1 });
  });
});

describe("the export", () => {
  it("writes the weight the order page shows, the items' when the order has none, and the one stored total", () => {
    const row = blankOrderRow({ order_total: 2200, order_total_computed: 0 });
    const items = [{ ...item({ weight_oz: 8, quantity: 2 }), id: 1, order_id: 1 }];
    const [cells] = ordersToExportRows([{ row, items }]);
    const cell = (header: string) => cells[ORDERS_EXPORT_COLUMNS.indexOf(header)];
    expect(cell("Weight (oz)")).toBe("16");
    expect(cell("Order Total")).toBe("22.00");
  });
});
