import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { normalizedOrderSchema, type NormalizedOrder } from "@/lib/orders/schema";
import type { WeightUnit } from "@/lib/weights";
import {
  parseBoolean, parseCountry, parseCurrency, parseDate, parseEmail, parseItemOptions, parseMoney, parseQuantity, parseState,
  parseStatus, parseWeight, parseWeightUnit, type DateOrder, type ValueResult,
} from "./values";
import { ROW_DIGEST_VERSION, RowDigest } from "./row-digest";
import { readCsvCell, type CsvRowError } from "./write-csv";

/**
 * What a CSV column can hold. Kept here until lib/csv/parse.ts's ORDER_FIELDS settles; the keys
 * are the same strings, so the two reconcile by importing one from the other.
 */
export const FIELD_KEYS = [
  "orderNumber", "orderDate", "status", "paymentDate", "shipByDate", "customerEmail", "customerUsername",
  "shipTo.name", "shipTo.firstName", "shipTo.lastName", "shipTo.company", "shipTo.street1", "shipTo.street2", "shipTo.street3",
  "shipTo.city", "shipTo.state", "shipTo.postalCode", "shipTo.country", "shipTo.phone", "shipTo.residential",
  "billTo.name", "billTo.firstName", "billTo.lastName", "billTo.company", "billTo.street1", "billTo.street2", "billTo.street3",
  "billTo.city", "billTo.state", "billTo.postalCode", "billTo.country", "billTo.phone", "billTo.residential",
  "amountPaid", "taxAmount", "shippingAmount", "orderTotal", "currency", "weight", "weightUnit",
  "requestedShippingService", "customerNotes", "internalNotes", "gift", "giftMessage", "customField1", "customField2", "customField3",
  "item.sku", "item.name", "item.quantity", "item.unitPrice", "item.weight", "item.imageUrl", "item.options", "item.lineItemKey",
  // Item fields the API can set; the export writes them so that importing it back leaves items as they were.
  "item.taxAmount", "item.shippingAmount", "item.warehouseLocation", "item.productId", "item.fulfillmentSku", "item.upc", "item.adjustment",
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export interface RowsToOrdersOptions {
  /** The zone the file's dates and times are in, unless a cell names its own offset. */
  timeZone: string;
  /** How to read 03/04/2026. */
  dateOrder: DateOrder;
  /** The unit of weights written as bare numbers, unless the row has a Weight Unit. */
  weightUnit: WeightUnit;
  /** What a blank cell in a mapped column does to an order that exists: keep its value, or clear it (ShipStation). */
  blankCells: "keep" | "clear";
  /** Money and weights written 1.234,50. */
  decimalComma?: boolean;
  /** The spreadsheet row number of rows[0]; 2 when the file has one header row. */
  firstDataRowNumber?: number;
  /** The spreadsheet row number of each row (parseCsvText's `rowNumbers`, where skipped blank lines leave gaps); wins over `firstDataRowNumber`. */
  rowNumbers?: readonly number[];
  /** The file's header row, so errors name columns as the merchant sees them; without it, "Column C". */
  headers?: readonly string[];
}

export type CsvOrderInput = Omit<NormalizedOrder, "orderKey"> & { orderKey?: string; orderNumber: string };

export interface CsvOrder {
  /**
   * Ready for `importOrders`, keyed by its order number. An AUTO order has no key and an empty
   * number: the caller takes the next number of the workspace's sequence and uses it as both.
   */
  order: CsvOrderInput;
  /** The spreadsheet rows it came from, in file order. */
  rowNumbers: number[];
  auto: boolean;
  /** `groupCsvRows`'s fingerprint of its rows; absent for AUTO orders. */
  digest?: string;
}

/** An order whose rows are exactly the ones that last imported it: sent by number and fingerprint, not read again. */
export interface CsvUnchangedOrder {
  orderNumber: string;
  digest: string;
  rowNumbers: number[];
}

export interface RowsToOrdersResult {
  orders: CsvOrder[];
  /** In row order; an order with any error is not in `orders` (nothing is half-imported). */
  errors: CsvRowError[];
}

interface Cell {
  /** Index into `rows`. */
  index: number;
  col: number;
  text: string;
}

/** The column-level reading of one value: a value, nothing in any cell, or only cells that could not be read (already reported). */
type Agreed<T> = { value: T; cell: Cell } | "blank" | "invalid";

const ADDRESS_PARTS = ["country", "name", "company", "street1", "street2", "street3", "city", "state", "postalCode", "phone", "residential"] as const;

type Parse = (cell: Cell) => ValueResult<unknown>;

const ITEM_FIELDS: readonly { key: FieldKey; field: string; kind: "text" | "money" | "quantity" | "weight" | "options" | "boolean" }[] = [
  { key: "item.quantity", field: "quantity", kind: "quantity" },
  { key: "item.unitPrice", field: "unitPrice", kind: "money" },
  { key: "item.weight", field: "weightOz", kind: "weight" },
  { key: "item.imageUrl", field: "imageUrl", kind: "text" },
  { key: "item.options", field: "options", kind: "options" },
  { key: "item.lineItemKey", field: "lineItemKey", kind: "text" },
  { key: "item.taxAmount", field: "taxAmount", kind: "money" },
  { key: "item.shippingAmount", field: "shippingAmount", kind: "money" },
  { key: "item.warehouseLocation", field: "warehouseLocation", kind: "text" },
  { key: "item.productId", field: "productId", kind: "text" },
  { key: "item.fulfillmentSku", field: "fulfillmentSku", kind: "text" },
  { key: "item.upc", field: "upc", kind: "text" },
  { key: "item.adjustment", field: "adjustment", kind: "boolean" },
];

const ORDER_FIELDS: readonly { key: FieldKey; field: keyof NormalizedOrder; kind: "text" | "money" | "date" | "email" | "boolean" }[] = [
  { key: "paymentDate", field: "paymentDate", kind: "date" },
  { key: "shipByDate", field: "shipByDate", kind: "date" },
  { key: "customerEmail", field: "customerEmail", kind: "email" },
  { key: "customerUsername", field: "customerUsername", kind: "text" },
  { key: "amountPaid", field: "amountPaid", kind: "money" },
  { key: "taxAmount", field: "taxAmount", kind: "money" },
  { key: "shippingAmount", field: "shippingAmount", kind: "money" },
  { key: "orderTotal", field: "orderTotal", kind: "money" },
  { key: "requestedShippingService", field: "requestedShippingService", kind: "text" },
  { key: "customerNotes", field: "customerNotes", kind: "text" },
  { key: "internalNotes", field: "internalNotes", kind: "text" },
  { key: "gift", field: "gift", kind: "boolean" },
  { key: "giftMessage", field: "giftMessage", kind: "text" },
  { key: "customField1", field: "customField1", kind: "text" },
  { key: "customField2", field: "customField2", kind: "text" },
  { key: "customField3", field: "customField3", kind: "text" },
];

const KNOWN_KEYS = new Set<string>(FIELD_KEYS);

/**
 * The orders in a CSV file's data rows. Rows sharing an order number are one order, wherever
 * they are in the file: its items are their item columns (a row without an item name or SKU adds
 * none) and its order-level columns must agree between them (a blank is not a disagreement).
 * "AUTO" as the order number makes each such row a new order, numbered by the caller.
 *
 * A blank cell in a mapped column leaves the field `undefined` (the stored value stays) or, with
 * `blankCells: "clear"`, `null`. Addresses are written whole by the write path: once any cell of
 * an address has a value, its blank cells clear their part of it.
 *
 * Every error names the row and, where there is one, the column; an order with any error is
 * left out and each of its rows says so, so the error report holds the whole order to fix.
 */
export function rowsToOrders(
  rows: readonly (readonly string[])[],
  mapping: Readonly<Record<number, FieldKey | null>>,
  options: RowsToOrdersOptions,
): RowsToOrdersResult {
  const grouped = groupCsvRows(rows, mapping, options);
  const built = buildCsvOrders(rows, mapping, options, grouped.groups);
  return { orders: built.orders, errors: mergeErrors(grouped.errors, built.errors) };
}

/** The rows of one order (or of one AUTO row), before any cell is read. */
export interface CsvRowGroup {
  /** The order number as the file has it; null for an AUTO row. */
  number: string | null;
  /** Indexes into `rows`, in file order. */
  rows: number[];
  /** The spreadsheet row numbers of `rows`. */
  rowNumbers: number[];
  /** Fingerprint of the group's mapped cells under this mapping and these options; null for AUTO (always a new order). */
  digest: string | null;
}

/**
 * The file's orders as groups of rows, with a fingerprint of each: the cheap first half of
 * `rowsToOrders`, enough to ask the server which orders are exactly as last imported. Blank
 * rows are skipped; a row without an order number is an error.
 */
export function groupCsvRows(
  rows: readonly (readonly string[])[],
  mapping: Readonly<Record<number, FieldKey | null>>,
  options: RowsToOrdersOptions,
): { groups: CsvRowGroup[]; errors: CsvRowError[] } {
  const reader = new RowReader(rows, mappedColumns(mapping), options, options.firstDataRowNumber ?? 2);
  const numberColumns = reader.columns.get("orderNumber")!;
  const digestColumns = [...new Set([...reader.columns.values()].flat())].sort((a, b) => a - b);
  const salt = new RowDigest().add(JSON.stringify([ROW_DIGEST_VERSION, digestColumns.map((col) => [col, mapping[col]]), digestOptionsOf(options)])).state();
  const errors: CsvRowError[] = [];
  const groups: CsvRowGroup[] = [];
  const byNumber = new Map<string, CsvRowGroup>();
  rows.forEach((row, index) => {
    let number = "";
    for (const col of numberColumns) {
      number = readCsvCell(row[col] ?? "").trim();
      if (number) break;
    }
    if (!number) {
      if (!row.every((cell) => !cell?.trim())) {
        errors.push(reader.error({ index, col: numberColumns[0] }, "The order number is missing; enter one, or AUTO for a new number"));
      }
      return;
    }
    if (number.length === 4 && number.toUpperCase() === "AUTO") {
      groups.push({ number: null, rows: [index], rowNumbers: [reader.rowNumber(index)], digest: null });
      return;
    }
    const group = byNumber.get(number);
    if (group) {
      group.rows.push(index);
      group.rowNumbers.push(reader.rowNumber(index));
    } else {
      const created: CsvRowGroup = { number, rows: [index], rowNumbers: [reader.rowNumber(index)], digest: null };
      byNumber.set(number, created);
      groups.push(created);
    }
  });
  for (const group of groups) {
    if (group.number === null) continue;
    const digest = new RowDigest(salt);
    for (const index of group.rows) {
      const row = rows[index];
      for (const col of digestColumns) digest.add(row[col] ?? "");
    }
    group.digest = digest.hex();
  }
  return { groups, errors };
}

/** The orders of these groups (from `groupCsvRows`), each read and checked: the costly second half of `rowsToOrders`. */
export function buildCsvOrders(
  rows: readonly (readonly string[])[],
  mapping: Readonly<Record<number, FieldKey | null>>,
  options: RowsToOrdersOptions,
  groups: readonly CsvRowGroup[],
): RowsToOrdersResult {
  assertTimeZone(options.timeZone);
  const reader = new RowReader(rows, mappedColumns(mapping), options, options.firstDataRowNumber ?? 2);
  const errors: CsvRowError[] = [];
  const orders: CsvOrder[] = [];
  for (const group of groups) {
    const built = new OrderBuilder(reader, group.number, group.rows).build();
    if (built.errors.length) errors.push(...built.errors);
    else if (group.digest) orders.push({ order: built.order, rowNumbers: group.rowNumbers, auto: false, digest: group.digest });
    else orders.push({ order: built.order, rowNumbers: group.rowNumbers, auto: group.number === null });
  }
  errors.sort((a, b) => a.row - b.row);
  return { orders, errors };
}

/** Row errors of several passes, by row (stable, so one row's errors keep their order). */
export function mergeErrors(...lists: readonly CsvRowError[][]): CsvRowError[] {
  return lists.flat().sort((a, b) => a.row - b.row);
}

/** Each mapped field's columns, ascending; an error when no column holds the order number. */
function mappedColumns(mapping: Readonly<Record<number, FieldKey | null>>): Map<FieldKey, number[]> {
  const columns = new Map<FieldKey, number[]>();
  for (const [col, key] of Object.entries(mapping)) {
    if (key == null || !KNOWN_KEYS.has(key)) continue;
    const list = columns.get(key);
    if (list) list.push(Number(col));
    else columns.set(key, [Number(col)]);
  }
  for (const list of columns.values()) list.sort((a, b) => a - b);
  if (!columns.has("orderNumber")) {
    throw new AppError("invalid_input", "Choose the column that holds the order number.", { mapping: ["Choose the column that holds the order number."] });
  }
  return columns;
}

/** The options that change how a cell is read, in a fixed order. */
function digestOptionsOf(options: RowsToOrdersOptions) {
  return [options.timeZone, options.dateOrder, options.weightUnit, options.blankCells, options.decimalComma ?? false];
}

function assertTimeZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    const message = `"${timeZone}" is not a time zone; choose one such as America/New_York.`;
    throw new AppError("invalid_input", message, { timeZone: [message] });
  }
}

function columnLetter(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Cells of the file by field, as the import reads them: our export's formula guard undone, trimmed. */
/** Whether two read values say the same: most are text, numbers or booleans; item options compare as JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === "object" && typeof b === "object" && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

class RowReader {
  constructor(
    readonly rows: readonly (readonly string[])[],
    readonly columns: ReadonlyMap<FieldKey, number[]>,
    readonly options: RowsToOrdersOptions,
    readonly firstDataRowNumber: number,
  ) {}

  has(key: FieldKey): boolean {
    return this.columns.has(key);
  }

  /** The non-blank cells of `key`'s columns in one row. */
  cells(index: number, key: FieldKey): Cell[] {
    const cells: Cell[] = [];
    for (const col of this.columns.get(key) ?? []) {
      const text = readCsvCell(this.rows[index][col] ?? "").trim();
      if (text) cells.push({ index, col, text });
    }
    return cells;
  }

  first(index: number, key: FieldKey): Cell | undefined {
    return this.cells(index, key)[0];
  }

  firstColumn(key: FieldKey): number | null {
    return this.columns.get(key)?.[0] ?? null;
  }

  rowNumber(index: number): number {
    return this.options.rowNumbers?.[index] ?? index + this.firstDataRowNumber;
  }

  columnName(col: number | null): string | null {
    if (col === null) return null;
    return this.options.headers?.[col]?.trim() || `Column ${columnLetter(col)}`;
  }

  error(at: { index: number; col: number | null }, message: string): CsvRowError {
    return { row: this.rowNumber(at.index), column: this.columnName(at.col), message };
  }
}

class OrderBuilder {
  private readonly errors: CsvRowError[] = [];
  /** Which cell each value of the order came from, by its path in the order: schema errors point back at it. */
  private readonly provenance = new Map<string, Cell>();
  private readonly order: Record<string, unknown> = {};
  private readonly blank: null | undefined;
  private readonly units = new Map<number, WeightUnit>();

  constructor(
    private readonly reader: RowReader,
    /** Null for an AUTO row. */
    private readonly number: string | null,
    private readonly rows: readonly number[],
  ) {
    this.blank = reader.options.blankCells === "clear" ? null : undefined;
  }

  build(): { order: CsvOrderInput; errors: CsvRowError[] } {
    const { reader, order } = this;
    order.orderNumber = this.number ?? "";
    if (this.number !== null) order.orderKey = this.number;
    const numberCell = reader.first(this.rows[0], "orderNumber")!;
    this.provenance.set("orderNumber", numberCell);
    this.provenance.set("orderKey", numberCell);

    const orderDate = this.agreed("orderDate", "orderDate", this.parser("date"));
    if (orderDate === "blank") this.errors.push(reader.error({ index: this.rows[0], col: reader.firstColumn("orderDate") }, "The order date is missing; every order needs one"));
    else if (orderDate !== "invalid") order.orderDate = orderDate.value;

    const status = this.agreed("status", "status", (cell) => parseStatus(cell.text));
    order.status = typeof status === "object" ? status.value : "awaiting_shipment";

    const currency = this.agreed("currency", "currency", (cell) => parseCurrency(cell.text));
    if (typeof currency === "object") order.currency = currency.value;

    this.setField("weightOz", "weight", (cell) => parseWeight(cell.text, this.unitOf(cell.index), { decimalComma: reader.options.decimalComma }));
    for (const { key, field, kind } of ORDER_FIELDS) this.setField(field, key, this.parser(kind));
    this.setAddress("shipTo");
    this.setAddress("billTo");
    this.setItems();

    if (this.errors.length === 0) this.checkSchema();
    if (this.errors.length > 0) this.reportLeftOut();
    return { order: order as CsvOrderInput, errors: this.errors };
  }

  private parser(kind: "text" | "money" | "date" | "email" | "boolean" | "quantity" | "options"): Parse {
    const { options } = this.reader;
    switch (kind) {
      case "text": return (cell) => ({ ok: true, value: cell.text });
      case "money": return (cell) => parseMoney(cell.text, { decimalComma: options.decimalComma });
      case "date": return (cell) => parseDate(cell.text, options);
      case "email": return (cell) => parseEmail(cell.text);
      case "boolean": return (cell) => parseBoolean(cell.text);
      case "quantity": return (cell) => parseQuantity(cell.text);
      case "options": return (cell) => parseItemOptions(cell.text);
    }
  }

  /** The row's weight unit: its Weight Unit cell, or the file's. */
  private unitOf(index: number): WeightUnit {
    let unit = this.units.get(index);
    if (unit) return unit;
    unit = this.reader.options.weightUnit;
    const cell = this.reader.first(index, "weightUnit");
    if (cell) {
      const parsed = parseWeightUnit(cell.text);
      if (parsed.ok) unit = parsed.value;
      else this.errors.push(this.reader.error(cell, parsed.message));
    }
    this.units.set(index, unit);
    return unit;
  }

  /**
   * The order's one value for a field: read from the first row that has it; every other row
   * that has it must say the same (after reading, so "$10" and "10.00" agree).
   */
  private agreed<T>(path: string, key: FieldKey | ((index: number) => Cell[]), parse: (cell: Cell) => ValueResult<T>): Agreed<T> {
    const cellsOf = typeof key === "function" ? key : (index: number) => this.reader.cells(index, key);
    let first: { value: T; cell: Cell } | undefined;
    let invalid = false;
    for (const index of this.rows) {
      for (const cell of cellsOf(index)) {
        const result = parse(cell);
        if (!result.ok) {
          invalid = true;
          this.errors.push(this.reader.error(cell, result.message));
        } else if (!first) {
          first = { value: result.value, cell };
        } else if (!sameValue(result.value, first.value)) {
          this.errors.push(this.reader.error(cell, this.disagreement(first.cell, cell)));
        }
      }
    }
    if (first) {
      this.provenance.set(path, first.cell);
      return first;
    }
    return invalid ? "invalid" : "blank";
  }

  private disagreement(first: Cell, cell: Cell): string {
    const where = first.index === cell.index ? `in ${this.reader.columnName(first.col)} on this row` : `on row ${this.reader.rowNumber(first.index)}`;
    return `"${cell.text}" disagrees with "${first.text}" ${where}; all rows of order ${this.number} must have the same order details (or leave them blank)`;
  }

  private setField(field: string, key: FieldKey, parse: Parse) {
    if (!this.reader.has(key)) return;
    const result = this.agreed(field, key, parse);
    if (typeof result === "object") this.order[field] = result.value;
    else if (result === "blank" && this.blank === null) this.order[field] = null;
  }

  private setAddress(prefix: "shipTo" | "billTo") {
    const { reader } = this;
    const keyOf = (part: string) => `${prefix}.${part}` as FieldKey;
    const nameMapped = reader.has(keyOf("name")) || reader.has(keyOf("firstName")) || reader.has(keyOf("lastName"));
    const parts = ADDRESS_PARTS.filter((part) => (part === "name" ? nameMapped : reader.has(keyOf(part))));
    if (parts.length === 0) return;

    const address: Record<string, unknown> = {};
    let anyValue = false;
    for (const part of parts) {
      const cellsOf = part === "name" ? (index: number) => this.nameCells(prefix, index) : keyOf(part);
      const parse: Parse =
        part === "country" ? (cell) => parseCountry(cell.text)
        : part === "state" ? (cell) => parseState(cell.text, address.country as string | null | undefined)
        : part === "residential" ? (cell) => parseBoolean(cell.text)
        : (cell) => ({ ok: true, value: cell.text });
      const result = this.agreed(`${prefix}.${part}`, cellsOf, parse);
      address[part] = typeof result === "object" ? result.value : null;
      if (result !== "blank") anyValue = true;
    }
    if (anyValue) this.order[prefix] = address;
    else if (this.blank === null) this.order[prefix] = null;
  }

  /** The recipient's name: the Name column, or First Name and Last Name joined. */
  private nameCells(prefix: "shipTo" | "billTo", index: number): Cell[] {
    const names = this.reader.cells(index, `${prefix}.name`);
    if (names.length) return names;
    const first = this.reader.first(index, `${prefix}.firstName`);
    const last = this.reader.first(index, `${prefix}.lastName`);
    if (!first && !last) return [];
    return [{ index, col: (first ?? last)!.col, text: [first?.text, last?.text].filter(Boolean).join(" ") }];
  }

  private setItems() {
    const { reader } = this;
    if (!FIELD_KEYS.some((key) => key.startsWith("item.") && reader.has(key))) return;
    const items: Record<string, unknown>[] = [];
    for (const index of this.rows) {
      const sku = reader.first(index, "item.sku");
      const name = reader.first(index, "item.name");
      if (!sku && !name) continue;
      const path = `items.${items.length}`;
      // An item needs a name; a file that gives only SKUs names each item by its SKU.
      const item: Record<string, unknown> = { name: (name ?? sku)!.text, quantity: 1, unitPrice: 0 };
      this.provenance.set(path, (name ?? sku)!);
      this.provenance.set(`${path}.name`, (name ?? sku)!);
      if (sku) {
        item.sku = sku.text;
        this.provenance.set(`${path}.sku`, sku);
      }
      for (const { key, field, kind } of ITEM_FIELDS) {
        const cell = reader.first(index, key);
        if (!cell) continue;
        const parsed =
          kind === "weight" ? parseWeight(cell.text, this.unitOf(index), { decimalComma: reader.options.decimalComma }) : this.parser(kind)(cell);
        if (!parsed.ok) {
          this.errors.push(reader.error(cell, parsed.message));
          continue;
        }
        item[field] = parsed.value;
        this.provenance.set(`${path}.${field}`, cell);
      }
      items.push(item);
    }
    if (items.length) this.order.items = items;
    else if (this.blank === null) this.order.items = [];
  }

  /** The order as the write path will check it; an AUTO order stands in a placeholder number. */
  private checkSchema() {
    const candidate = { ...this.order, orderKey: this.order.orderKey ?? "AUTO", orderNumber: this.order.orderNumber || "AUTO" };
    const parsed = normalizedOrderSchema.safeParse(candidate);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      let cell: Cell | undefined;
      for (let length = path.length; length > 0 && !cell; length--) cell = this.provenance.get(path.slice(0, length).join("."));
      const at = cell ?? { index: this.rows[0], col: this.reader.firstColumn(fieldKeyOfPath(path)) };
      this.errors.push(this.reader.error(at, issueMessage(issue)));
    }
  }

  /** Each row of an order left out says why, so the error report holds all of the order's rows. */
  private reportLeftOut() {
    if (this.number === null) return;
    const failing = new Set(this.errors.map((error) => error.row));
    const list = [...failing].sort((a, b) => a - b);
    const where = list.length === 1 ? `row ${list[0]}` : `rows ${list.join(", ")}`;
    for (const index of this.rows) {
      const row = this.reader.rowNumber(index);
      if (!failing.has(row)) this.errors.push({ row, column: null, message: `Order ${this.number} was not imported: fix ${where}` });
    }
  }
}

function fieldKeyOfPath(path: string[]): FieldKey {
  const [head, second, third] = path;
  if (head === "items" && third) return (third === "weightOz" ? "item.weight" : `item.${third}`) as FieldKey;
  if ((head === "shipTo" || head === "billTo") && second) return `${head}.${second}` as FieldKey;
  if (head === "weightOz") return "weight";
  if (head === "orderKey") return "orderNumber";
  return head as FieldKey;
}

/** Zod's messages in words a merchant acts on; the schema's own custom messages are kept. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_big") {
    if (issue.origin === "string") return `Use at most ${issue.maximum} characters`;
    if (issue.origin === "array") return `Use at most ${issue.maximum} entries`;
    return `Use a value up to ${issue.maximum}`;
  }
  if (issue.code === "too_small" && issue.origin !== "string") return `Use a value of at least ${issue.minimum}`;
  return issue.message;
}
