import { describe, expect, it } from "vitest";
import { CSV_FIELDS, type CsvField, type FieldKey, type ValueKind } from "@/lib/csv/fields";
import { rowsToOrders, type RowsToOrdersOptions } from "@/lib/csv/rows-to-orders";
import { AppError } from "@/lib/errors";
import { normalizedOrderSchema } from "@/lib/orders/schema";

/** A merchant's spreadsheet: these headers, mapped to these fields. */
const COLUMNS: [header: string, field: FieldKey][] = [
  ["Order #", "orderNumber"],
  ["Date", "orderDate"],
  ["Status", "status"],
  ["Email", "customerEmail"],
  ["Recipient", "shipTo.name"],
  ["Street", "shipTo.street1"],
  ["Street 2", "shipTo.street2"],
  ["City", "shipTo.city"],
  ["State", "shipTo.state"],
  ["Zip", "shipTo.postalCode"],
  ["Country", "shipTo.country"],
  ["Paid", "amountPaid"],
  ["Weight", "weight"],
  ["SKU", "item.sku"],
  ["Item", "item.name"],
  ["Qty", "item.quantity"],
  ["Price", "item.unitPrice"],
  ["Item weight", "item.weight"],
];
const HEADERS = COLUMNS.map(([header]) => header);
const MAPPING: Record<number, FieldKey> = Object.fromEntries(COLUMNS.map(([, field], index) => [index, field]));

type Row = Partial<Record<string, string>>;

/** A row of the file from the cells it fills, by header. */
function row(cells: Row): string[] {
  return HEADERS.map((header) => cells[header] ?? "");
}

const ADA: Row = {
  "Order #": "1001", Date: "11/05/2026 09:30", Email: "ada@example.com", Recipient: "Ada Lovelace", Street: "12 Analytical Way",
  City: "Boston", State: "Massachusetts", Zip: "02134", Country: "USA", Paid: "$25.00",
};
const GRACE: Row = {
  "Order #": "1002", Date: "11/06/2026", Email: "grace@example.com", Recipient: "Grace Hopper", Street: "1 Navy Yard", City: "Arlington",
  State: "VA", Zip: "22202", Country: "US", Paid: "12.5",
};

function read(rows: string[][], options: Partial<RowsToOrdersOptions> = {}) {
  return rowsToOrders(rows, MAPPING, {
    timeZone: "America/New_York",
    dateOrder: "MDY",
    weightUnit: "ounces",
    blankCells: "keep",
    headers: HEADERS,
    ...options,
  });
}

describe("rowsToOrders", () => {
  it("makes one order of the rows sharing an order number, wherever they are in the file", () => {
    const { orders, errors } = read([
      row({ ...ADA, SKU: "GEAR-1", Item: "Brass gear", Qty: "2", Price: "$10.00" }),
      row({ ...GRACE, SKU: "BUG-1", Item: "Moth", Qty: "1", Price: "1.00" }),
      row({ "Order #": "1001", SKU: "CARD-9", Item: "Punched card", Qty: "100", Price: "0.05" }),
    ]);

    expect(errors).toEqual([]);
    expect(orders.map(({ order, rowNumbers }) => [order.orderNumber, rowNumbers])).toEqual([["1001", [2, 4]], ["1002", [3]]]);
    const [ada] = orders;
    expect(ada.auto).toBe(false);
    expect(ada.order).toMatchObject({
      orderKey: "1001",
      orderNumber: "1001",
      status: "awaiting_shipment",
      orderDate: Date.UTC(2026, 10, 5, 14, 30),
      customerEmail: "ada@example.com",
      amountPaid: 2500,
      shipTo: { name: "Ada Lovelace", street1: "12 Analytical Way", street2: null, city: "Boston", state: "MA", postalCode: "02134", country: "US" },
    });
    expect(ada.order.items).toEqual([
      { name: "Brass gear", sku: "GEAR-1", quantity: 2, unitPrice: 1000 },
      { name: "Punched card", sku: "CARD-9", quantity: 100, unitPrice: 5 },
    ]);
    for (const { order } of orders) expect(normalizedOrderSchema.safeParse(order).success).toBe(true);
  });

  it("accepts the same value written two ways on rows of one order", () => {
    const { orders, errors } = read([row({ ...ADA, Paid: "$25.00", Item: "Gear" }), row({ ...ADA, Paid: "25", Country: "United States", Item: "Cog" })]);

    expect(errors).toEqual([]);
    expect(orders[0].order.items).toHaveLength(2);
  });

  it("reports order details that disagree between rows on the row and column, and leaves the whole order out", () => {
    const { orders, errors } = read([
      row({ ...ADA, Item: "Brass gear" }),
      row({ ...GRACE, Item: "Moth" }),
      row({ ...ADA, City: "Cambridge", Item: "Punched card" }),
    ]);

    expect(orders.map(({ order }) => order.orderNumber)).toEqual(["1002"]);
    expect(errors).toMatchObject([
      { row: 2, column: null, message: "Order 1001 was not imported: fix row 4" },
      {
        row: 4,
        column: "City",
        message: '"Cambridge" disagrees with "Boston" on row 2; all rows of order 1001 must have the same order details (or leave them blank)',
      },
    ]);
  });

  it("gives each AUTO row an order of its own for the caller to number", () => {
    const { orders, errors } = read([
      row({ ...ADA, "Order #": "AUTO", Item: "Brass gear" }),
      row({ ...GRACE, "Order #": "auto", Item: "Moth" }),
    ]);

    expect(errors).toEqual([]);
    expect(orders.map(({ auto, rowNumbers, order }) => ({ auto, rowNumbers, orderNumber: order.orderNumber, hasKey: "orderKey" in order }))).toEqual([
      { auto: true, rowNumbers: [2], orderNumber: "", hasKey: false },
      { auto: true, rowNumbers: [3], orderNumber: "", hasKey: false },
    ]);
    expect(orders[1].order.shipTo?.name).toBe("Grace Hopper");
  });

  describe("blank cells", () => {
    const sparse = row({ "Order #": "1001", Date: "11/05/2026", Recipient: "Ada Lovelace", Country: "US" });

    it("keep the stored value by default: the field is left out", () => {
      const { orders } = read([sparse, row({ "Order #": "1002", Date: "11/06/2026" })]);
      const [ada, grace] = orders.map(({ order }) => order);

      expect(ada).not.toHaveProperty("customerEmail");
      expect(ada).not.toHaveProperty("amountPaid");
      expect(ada).not.toHaveProperty("items");
      expect(grace).not.toHaveProperty("shipTo");
    });

    it("clear it when the merchant chooses ShipStation's behaviour", () => {
      const { orders } = read([sparse, row({ "Order #": "1002", Date: "11/06/2026" })], { blankCells: "clear" });
      const [ada, grace] = orders.map(({ order }) => order);

      expect(ada).toMatchObject({ customerEmail: null, amountPaid: null, weightOz: null, items: [] });
      expect(grace.shipTo).toBeNull();
    });

    it("clear the rest of an address once any part of it is given, in either mode", () => {
      const { orders } = read([sparse]);

      expect(orders[0].order.shipTo).toEqual({ country: "US", name: "Ada Lovelace", street1: null, street2: null, city: null, state: null, postalCode: null });
    });

    it("make a blank status Awaiting Shipment", () => {
      expect(read([sparse]).orders[0].order.status).toBe("awaiting_shipment");
    });
  });

  it("names the row and column of money, dates and countries it cannot read", () => {
    const { orders, errors } = read([
      row({ ...ADA, Paid: "25 dollars", Item: "Gear" }),
      row({ ...GRACE, Date: "the 6th", Item: "Moth" }),
      row({ ...GRACE, "Order #": "1003", Country: "Narnia", Item: "Lamp post" }),
      row({ ...GRACE, "Order #": "1004", Item: "Wardrobe", Price: "12,50" }),
    ]);

    expect(orders).toEqual([]);
    expect(errors).toMatchObject([
      { row: 2, column: "Paid", message: '"25 dollars" is not an amount; write it like 1234.50 or $1,234.50' },
      { row: 3, column: "Date", message: '"the 6th" is not a date; write it like 2026-11-05, 11/05/2026 or Nov 5, 2026' },
      { row: 4, column: "Country", message: '"Narnia": Not a country Shipdeck knows; use its two-letter ISO code (US, CA, GB, DE…)' },
      { row: 5, column: "Price", message: '"12,50" is not an amount; if the file writes decimals with a comma (19,99), choose decimal commas' },
    ]);
  });

  it("reads numeric dates month-first or day-first as the merchant chose", () => {
    const file = [row({ ...ADA, Date: "03/04/2026" })];

    expect(read(file, { dateOrder: "MDY" }).orders[0].order.orderDate).toBe(Date.UTC(2026, 2, 4, 5));
    expect(read(file, { dateOrder: "DMY" }).orders[0].order.orderDate).toBe(Date.UTC(2026, 3, 3, 4));
    expect(read([row({ ...ADA, Date: "25/03/2026" })], { dateOrder: "MDY" }).errors[0]).toMatchObject({ row: 2, column: "Date", message: expect.stringMatching(/choose day-first dates/) });
  });

  it("reads times in the file's zone unless the cell carries an offset", () => {
    const file = [row({ ...ADA, Date: "2026-11-05 09:30" }), row({ ...GRACE, Date: "2026-11-06T09:30:00-08:00" })];
    const inZone = (timeZone: string) => read(file, { timeZone }).orders.map(({ order }) => order.orderDate);

    expect(inZone("America/New_York")).toEqual([Date.UTC(2026, 10, 5, 14, 30), Date.UTC(2026, 10, 6, 17, 30)]);
    expect(inZone("Europe/London")).toEqual([Date.UTC(2026, 10, 5, 9, 30), Date.UTC(2026, 10, 6, 17, 30)]);
  });

  it("requires an order number on every row that is not blank, and skips blank rows", () => {
    const { orders, errors } = read([row(ADA), row({}), row({ ...GRACE, "Order #": "" })]);

    expect(orders).toHaveLength(1);
    expect(errors).toMatchObject([{ row: 4, column: "Order #", message: "The order number is missing; enter one, or AUTO for a new number" }]);
  });

  it("requires an order date", () => {
    expect(read([row({ ...ADA, Date: "" })]).errors).toMatchObject([{ row: 2, column: "Date", message: "The order date is missing; every order needs one" }]);
  });

  it("reports what the order schema refuses on the column it came from", () => {
    const { errors } = read([row(ADA), row({ "Order #": "1001", Item: "x".repeat(501) })]);

    expect(errors).toMatchObject([
      { row: 2, column: null, message: "Order 1001 was not imported: fix row 3" },
      { row: 3, column: "Item", message: "Use at most 500 characters" },
    ]);
  });

  it("points each schema error at the cell it came from, however deep in the order", () => {
    const { errors, orders } = read([
      row(GRACE),
      row({ ...ADA, Street: "y".repeat(201), Item: "Gear", SKU: "GEAR-1" }),
      row({ "Order #": "1001", Item: "Spare", SKU: "s".repeat(201) }),
      row({ "Order #": "1001", Item: "Other" }),
    ]);

    expect(orders.map(({ order }) => order.orderNumber)).toEqual(["1002"]);
    expect(errors).toMatchObject([
      { row: 3, column: "Street", message: "Use at most 200 characters" },
      { row: 4, column: "SKU", message: "Use at most 200 characters" },
      { row: 5, column: null, message: "Order 1001 was not imported: fix rows 3, 4" },
    ]);
  });

  it("reads the same weight text on two rows by each row's Weight Unit, so they disagree", () => {
    const { errors } = rowsToOrders(
      [["1001", "2026-11-05", "2", "lb"], ["1001", "2026-11-05", "2", "oz"]],
      { 0: "orderNumber", 1: "orderDate", 2: "weight", 3: "weightUnit" },
      { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep", headers: ["#", "Date", "Weight", "Unit"] },
    );

    expect(errors).toMatchObject([
      { row: 2, column: null, message: "Order 1001 was not imported: fix row 3" },
      { row: 3, column: "Weight", message: '"2" disagrees with "2" on row 2; all rows of order 1001 must have the same order details (or leave them blank)' },
    ]);
  });

  it("reads states against the row's country", () => {
    const canada = read([row({ ...ADA, State: "Ontario", Country: "Canada" })]);
    expect(canada.orders[0].order.shipTo?.state).toBe("ON");

    const wrong = read([row({ ...ADA, State: "Ontario", Country: "US" })]);
    expect(wrong.errors).toMatchObject([{ row: 2, column: "State", message: '"Ontario" is not a US state; use its two-letter code (CA, NY, TX…)' }]);
  });

  it("reads weights in the file's unit, a unit in the cell, or the row's Weight Unit column", () => {
    const file = [row({ ...ADA, Weight: "2", Item: "Gear", "Item weight": "250 g" })];
    const inPounds = read(file, { weightUnit: "pounds" }).orders[0].order;
    expect(inPounds.weightOz).toBe(32);
    expect(inPounds.items?.[0].weightOz).toBeCloseTo(8.818, 3);

    const withUnitColumn = rowsToOrders([["1001", "11/05/2026", "1.5", "kg"]], { 0: "orderNumber", 1: "orderDate", 2: "weight", 3: "weightUnit" }, {
      timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep",
    });
    expect(withUnitColumn.orders[0].order.weightOz).toBeCloseTo(52.911, 3);
  });

  it("joins first and last names into the recipient's name", () => {
    const { orders } = rowsToOrders([["1001", "2026-11-05", "Ada", "Lovelace"]], { 0: "orderNumber", 1: "orderDate", 2: "shipTo.firstName", 3: "shipTo.lastName" }, {
      timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep",
    });

    expect(orders[0].order.shipTo).toEqual({ name: "Ada Lovelace" });
  });

  it("names an item by its SKU when the file has no item names, one unit by default", () => {
    const { orders } = read([row({ ...ADA, SKU: "GEAR-1" })]);

    expect(orders[0].order.items).toEqual([{ name: "GEAR-1", sku: "GEAR-1", quantity: 1, unitPrice: 0 }]);
  });

  it("reads back a cell Shipdeck guarded against formulas as the value it exported", () => {
    const { orders } = rowsToOrders([["1001", "2026-11-05", "'+1 555 0100", "'=not a formula"]], { 0: "orderNumber", 1: "orderDate", 2: "shipTo.phone", 3: "customField1" }, {
      timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep",
    });

    expect(orders[0].order.shipTo?.phone).toBe("+1 555 0100");
    expect(orders[0].order.customField1).toBe("=not a formula");
  });

  it("numbers rows as the spreadsheet does, and names columns by letter without headers", () => {
    const { errors } = rowsToOrders([["1001", "someday"]], { 0: "orderNumber", 1: "orderDate" }, {
      timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep", rowNumbers: [7],
    });

    expect(errors).toMatchObject([{ row: 7, column: "Column B", message: expect.stringMatching(/"someday" is not a date/) }]);
  });

  it("refuses a mapping without the order number, or a zone that does not exist", () => {
    const options = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" } as const;
    expect(() => rowsToOrders([["x"]], { 0: "orderDate" }, options)).toThrow(AppError);
    expect(() => rowsToOrders([["x"]], MAPPING, { ...options, timeZone: "Mars/Olympus_Mons" })).toThrow(/not a time zone/);
  });

  it("reads every field of the catalogue into its target, by its kind", () => {
    const cells: Record<ValueKind, string> = {
      text: "Text", money: "12.50", date: "2026-11-05 14:30", email: "ada@example.com", boolean: "Yes", quantity: "3",
      options: "Size: M", weight: "2", weightUnit: "lb", status: "Shipped", paymentStatus: "paid", currency: "EUR", country: "US", state: "CA",
    };
    const cellOf = (field: CsvField) => (field.key === "orderNumber" ? "1001" : field.key === "item.imageUrl" ? "https://example.com/a.png" : cells[field.kind]);
    const mapping = Object.fromEntries(CSV_FIELDS.map((field, index) => [index, field.key]));

    const { orders, errors } = rowsToOrders([CSV_FIELDS.map(cellOf)], mapping, { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" });

    expect(errors).toEqual([]);
    const order = orders[0].order as Record<string, unknown>;
    const valueAt = (target: string) => {
      const [head, part] = target.split(".");
      const owner = (head === "items" ? (order.items as unknown[])[0] : order[head]) as Record<string, unknown>;
      return part === undefined ? owner : owner[part];
    };
    for (const field of CSV_FIELDS) {
      if (field.target && !field.partOf) expect(valueAt(field.target), field.key).not.toBeUndefined();
    }
    expect([valueAt("weightOz"), valueAt("items.weightOz")]).toEqual([32, 32]); // the Weight Unit column's pounds
    expect([valueAt("amountPaid"), valueAt("items.taxAmount"), valueAt("gift"), valueAt("items.adjustment")]).toEqual([1250, 1250, true, true]);
  });
});
