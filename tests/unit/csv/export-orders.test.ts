import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { OrderItemRow, OrderRow } from "@/db/schema";
import { EXPORT_MAPPING, formatIsoWithOffset, ORDERS_EXPORT_COLUMNS, ordersToExportRows, type ExportOrder } from "@/lib/csv/export-orders";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import { toCsv } from "@/lib/csv/write-csv";
import { toItemColumns, toOrderColumns } from "@/lib/orders/columns";
import { decideMerge, type IncomingOrder } from "@/lib/orders/merge";
import { normalizedOrderSchema, type NormalizedOrder } from "@/lib/orders/schema";
import { blankOrderRow } from "../../helpers/orders";


/** The order as the write path stores it: its columns and item rows. */
function store(order: NormalizedOrder, id: number): ExportOrder {
  const parsed = normalizedOrderSchema.parse(order);
  const row = { ...blankOrderRow({ order_key: "", order_number: "", order_date: 0, created_at: 0, modified_at: 0 }), ...toOrderColumns(parsed), id, order_key: parsed.orderKey } as OrderRow;
  const items: OrderItemRow[] = toItemColumns(parsed.items ?? []).map((item, index) => ({ ...item, id: id * 100 + index, order_id: id }));
  return { row, items };
}

const ORDERS: NormalizedOrder[] = [
  {
    orderKey: "1001",
    orderNumber: "1001",
    status: "awaiting_shipment",
    orderDate: Date.UTC(2026, 10, 5, 14, 30, 15, 123),
    paymentDate: Date.UTC(2026, 10, 5, 14, 31),
    customerEmail: "ada@example.com",
    shipTo: {
      name: "Ada Lovelace", company: "Analytical Engines, Ltd.", street1: "12 St James's Square", street2: "Flat 3", street3: "Marylebone",
      city: "London", state: "Greater London", postalCode: "SW1Y 4JH", country: "GB", phone: "+44 20 7946 0000", residential: true,
    },
    billTo: { name: "Ada Lovelace", street1: "1 Byron Row", city: "London", postalCode: "N1 1AA", country: "GB", residential: false },
    items: [
      {
        lineItemKey: "li-1", sku: "GEAR-1", name: 'Brass gear, 3" "deluxe"', quantity: 2, unitPrice: 1250, weightOz: 12.5,
        imageUrl: "https://example.com/gear.png", options: [{ name: "Size", value: "M" }, { name: "Engraving", value: "A; B\nC" }],
        productId: "P-77", fulfillmentSku: "FG-1", upc: "012345678905", warehouseLocation: "Aisle 3", taxAmount: 250, shippingAmount: 100,
      },
      { lineItemKey: "li-2", sku: null, name: "=Discount", quantity: 1, unitPrice: -500, adjustment: true },
      { lineItemKey: "li-3", sku: "CARD-9", name: "Punched card", quantity: 3, unitPrice: 5, options: [{ name: "Colour", value: "" }] },
    ],
    orderTotal: 4321,
    amountPaid: 4321,
    taxAmount: 275,
    shippingAmount: 599,
    currency: "GBP",
    weightOz: 40.125,
    requestedShippingService: "Royal Mail Tracked 24",
    customerNotes: "Leave with the porter,\nplease",
    internalNotes: "@ops check engraving",
    gift: true,
    giftMessage: '-- "Happy birthday" --',
    customField1: "=SUM(A1:A9)",
    customField2: "+1",
    customField3: "-12.50",
  },
  {
    orderKey: "1002",
    orderNumber: "1002",
    status: "on_hold",
    orderDate: Date.UTC(2026, 2, 8, 10, 0), // 02:00 in Los Angeles, the hour the clocks jump
    items: [],
  },
  {
    orderKey: "A-1003",
    orderNumber: "A-1003",
    status: "awaiting_payment",
    orderDate: Date.UTC(2026, 10, 1, 7, 59),
    customerEmail: "zoe@example.ca",
    shipTo: { name: "Zoë Côté", street1: "1 rue Sainte-Catherine", city: "Montréal", state: "QC", postalCode: "H2X 1Z4", country: "CA", residential: false },
    billTo: null,
    items: [{ sku: "TEA", name: "Thé", quantity: 3, unitPrice: 899, weightOz: 3.527 }],
    taxAmount: 0,
    shippingAmount: 0,
    amountPaid: 0,
    currency: "CAD",
    gift: false,
  },
  {
    orderKey: "1004",
    orderNumber: "1004",
    status: "shipped",
    orderDate: Date.UTC(2026, 9, 31, 23, 59, 59),
    shipTo: { name: "Grace Hopper", street1: "1 Navy Way", city: "Arlington", state: "VA", postalCode: "22201", country: "US" },
    items: [{ sku: "MUG", name: "Mug", quantity: 1, unitPrice: 1250 }, { sku: "MUG", name: "Mug", quantity: 1, unitPrice: 1250 }],
  },
];

const STORED = ORDERS.map((order, index) => store(order, index + 1));

/** The file as the export route writes it: the header row, then the orders' rows. */
const exportCsv = (orders: readonly ExportOrder[], options: { timeZone?: string } = {}) => toCsv([ORDERS_EXPORT_COLUMNS, ...ordersToExportRows(orders, options)]);

function reimport(csv: string, blankCells: "keep" | "clear") {
  const [headers, ...rows] = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true }).data;
  expect(headers).toEqual(ORDERS_EXPORT_COLUMNS);
  // Another zone, another date order and another weight unit than the export's: the file says what it means.
  return rowsToOrders(rows, EXPORT_MAPPING, { timeZone: "Asia/Tokyo", dateOrder: "DMY", weightUnit: "kilograms", blankCells, headers });
}

describe("orders export", () => {
  it("writes one row per item, order columns repeated, and one row for an order without items", () => {
    const rows = ordersToExportRows(STORED, { timeZone: "America/Los_Angeles" });
    const column = (header: string) => ORDERS_EXPORT_COLUMNS.indexOf(header);

    expect(rows.map((row) => [row[column("Order Number")], row[column("Item - Name")]])).toEqual([
      ["1001", 'Brass gear, 3" "deluxe"'], ["1001", "=Discount"], ["1001", "Punched card"],
      ["1002", ""],
      ["A-1003", "Thé"],
      ["1004", "Mug"], ["1004", "Mug"],
    ]);
    expect(rows[0].slice(column("Order Date"), column("Order Status") + 1)).toEqual(["2026-11-05T06:30:15.123-08:00", "Awaiting Shipment"]);
    expect(rows[0].slice(column("Amount Paid"), column("Weight Unit") + 1)).toEqual(["43.21", "2.75", "5.99", "GBP", "40.125", "oz"]);
    expect(rows[1][column("Item - Unit Price")]).toBe("-5.00");
    expect(rows[0][column("Item - Options")]).toBe('[{"name":"Size","value":"M"},{"name":"Engraving","value":"A; B\\nC"}]');
  });

  it("writes dates with the zone's offset at that instant", () => {
    expect(formatIsoWithOffset(Date.UTC(2026, 6, 1, 17), "America/Los_Angeles")).toBe("2026-07-01T10:00:00-07:00");
    expect(formatIsoWithOffset(Date.UTC(2026, 6, 1, 17), "Asia/Kolkata")).toBe("2026-07-01T22:30:00+05:30");
    expect(formatIsoWithOffset(Date.UTC(2026, 6, 1, 17), "UTC")).toBe("2026-07-01T17:00:00+00:00");
  });

  it("neutralises formulas in the file but not plain numbers such as negative amounts", () => {
    const csv = exportCsv(STORED);

    expect(csv).toContain(",'=SUM(A1:A9),+1,-12.50,"); // "+1" is a plain number: a spreadsheet reads it as 1, nothing runs
    expect(csv).toContain(",'=Discount,");
    expect(csv).toContain(",-5.00,");
    expect(csv).not.toMatch(/,=/);
  });

  for (const blankCells of ["keep", "clear"] as const) {
    it(`imports back to exactly the stored orders, changing nothing (blank cells ${blankCells})`, () => {
      const { orders, errors } = reimport(exportCsv(STORED, { timeZone: "America/Los_Angeles" }), blankCells);

      expect(errors).toEqual([]);
      expect(orders.map(({ order, auto }) => [order.orderKey, auto])).toEqual(STORED.map(({ row }) => [row.order_key, false]));
      orders.forEach(({ order }, index) => {
        const { row, items } = STORED[index];
        const parsed = normalizedOrderSchema.parse(order);
        const columns = toOrderColumns(parsed);
        const storedColumns = Object.fromEntries(Object.keys(columns).map((column) => [column, row[column as keyof OrderRow]]));

        // Field by field, in the stored columns' terms: cents, ounces, instants, 0/1 flags.
        expect(columns, `order ${row.order_number}`).toEqual(storedColumns);
        expect(toItemColumns(parsed.items ?? []), `items of ${row.order_number}`).toEqual(items.map(({ id: _id, order_id: _orderId, ...item }) => item));

        // And so the write path finds nothing to do.
        const incoming: IncomingOrder = { columns: columns as IncomingOrder["columns"], items: parsed.items === undefined ? undefined : toItemColumns(parsed.items) };
        const decision = decideMerge({ row, items: items.map(({ id: _id, order_id: _orderId, ...item }) => item) }, incoming);
        expect(decision, `order ${row.order_number}`).toEqual(row.status === "shipped" ? { kind: "skipped", reason: "shipped", reactivatedInChannel: false } : { kind: "unchanged" });
      });
    });
  }

  it("keeps the export's values for the order fields it does not carry (payment date, dimensions…)", () => {
    const { orders } = reimport(exportCsv(STORED), "clear");

    expect(orders[0].order).not.toHaveProperty("paymentDate");
    expect(orders[0].order).not.toHaveProperty("dimensions");
  });
});
