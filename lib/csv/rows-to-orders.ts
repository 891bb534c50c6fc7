import type { z } from "zod";
import { timeZoneSchema } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { normalizedOrderSchema, type NormalizedOrder } from "@/lib/orders/schema";
import type { OrderStatus } from "@/db/schema";
import type { WeightUnit } from "@/lib/weights";
import { CSV_FIELDS, csvField, isFieldKey, type FieldKey, type ValueKind } from "./fields";
import {
  combineStatuses, parseBoolean, parseCountry, parseCurrency, parseDate, parseEmail, parseItemOptions, parseMoney, parsePaymentStatus, parseQuantity,
  parseState, parseStatus, parseWeight, parseWeightUnit, type DateOrder, type PaymentState, type ValueResult,
} from "./values";
import { ROW_DIGEST_VERSION, RowDigest } from "./row-digest";
import { readCsvCell, type CsvRowError } from "./write-csv";
import { inEnglish, keyOfEnglish, localizable, message, type Localizable, type Message } from "@/lib/i18n/message";

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

type CsvOrderInput = Omit<NormalizedOrder, "orderKey"> & { orderKey?: string; orderNumber: string };

export interface CsvOrder {
  /**
   * Ready for `importOrders`, keyed by its order number. An AUTO order has no key and an empty
   * number: the caller takes the next number of the workspace's sequence and uses it as both.
   */
  order: CsvOrderInput;
  /** The spreadsheet rows it came from, in file order. */
  rowNumbers: number[];
  auto: boolean;
  /** `fingerprintCsvGroups`'s fingerprint of its rows (an AUTO row's too: a re-import recognises it by this). */
  digest?: string;
}

interface RowsToOrdersResult {
  orders: CsvOrder[];
  /** In row order; an order with any error is not in `orders` (nothing is half-imported). */
  errors: CsvRowError[];
}

/** Where a value came from: its row (an index into `rows`) and column; null when no column holds it. */
interface CellAt {
  index: number;
  col: number | null;
}

/** What `agreed` answers when no cell had a value: nothing in any cell, or only cells that could not be read (already reported). */
const BLANK = Symbol("blank");
const INVALID = Symbol("invalid");

/** An address's parts in the order they are read: the country first, as the state is read against it. */
const ADDRESS_PARTS = ["country", "name", "company", "street1", "street2", "street3", "city", "state", "postalCode", "phone", "residential"] as const;

/** Read on their own by OrderBuilder.read; the address parts are read address by address. */
const READ_APART = new Set<string>(["orderNumber", "orderDate", "status", "paymentStatus", "currency", "weightUnit"]);
const isAddressPart = (key: string) => key.startsWith("shipTo.") || key.startsWith("billTo.");

/** The other fields of the order: each a value of its kind, set on its target. */
const ORDER_VALUES = CSV_FIELDS.filter((field) => field.level === "order" && !READ_APART.has(field.key) && !isAddressPart(field.key))
  .map(({ key, kind, target }) => ({ key, kind, path: target as string }));

/** Every item field but the SKU and the name, which decide whether a row has an item at all; `path` is the item's field. */
const ITEM_VALUES = CSV_FIELDS.filter((field) => field.level === "item" && field.key !== "item.sku" && field.key !== "item.name")
  .map(({ key, kind, target }) => ({ key, kind, path: (target as string).slice("items.".length) }));

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
  fingerprintCsvGroups(rows, mapping, options, grouped.groups);
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
  /**
   * Fingerprint of the group's mapped cells under this mapping and these options, once
   * `fingerprintCsvGroups` has set it. An AUTO row's says whether an earlier import created an
   * order from the same row, so importing the same file again does not create it twice.
   */
  digest: string | null;
}

/**
 * The file's orders as groups of rows, every `digest` still null: the cheap first half of
 * `rowsToOrders`. Fingerprinting is left to `fingerprintCsvGroups`, because most of a new file's
 * fingerprints are only needed as each order is read, not before the import can start. Blank
 * rows are skipped; a row without an order number is an error.
 */
export function groupCsvRows(
  rows: readonly (readonly string[])[],
  mapping: Readonly<Record<number, FieldKey | null>>,
  options: RowsToOrdersOptions,
): { groups: CsvRowGroup[]; errors: CsvRowError[] } {
  const reader = new RowReader(rows, mappedColumns(mapping), options, options.firstDataRowNumber ?? 2);
  const numberColumns = reader.columns.get("orderNumber")!;
  const errors: CsvRowError[] = [];
  const groups: CsvRowGroup[] = [];
  const byNumber = new Map<string, CsvRowGroup>();
  rows.forEach((row, index) => {
    const number = reader.firstText(index, numberColumns);
    if (!number) {
      if (!row.every((cell) => !cell?.trim())) {
        errors.push(reader.error({ index, col: numberColumns[0] }, message("csvErrors.orderNumberMissing")));
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
  return { groups, errors };
}

/**
 * Sets the fingerprint of each group of `groups` (from `groupCsvRows`) that has none
 * yet, so the server can tell whether the order is exactly as these rows last imported it. Its
 * mapped cells are hashed in row order, salted with the mapping and the options that change how
 * a cell is read: the same rows under another mapping or time zone are another order.
 */
export function fingerprintCsvGroups(
  rows: readonly (readonly string[])[],
  mapping: Readonly<Record<number, FieldKey | null>>,
  options: RowsToOrdersOptions,
  groups: readonly CsvRowGroup[],
): void {
  const columns = digestColumnsOf(mapping);
  const salt = new RowDigest().add(JSON.stringify([ROW_DIGEST_VERSION, columns.map((col) => [col, mapping[col]]), digestOptionsOf(options)])).state();
  for (const group of groups) {
    if (group.digest !== null) continue;
    const digest = new RowDigest(salt);
    for (const index of group.rows) {
      const row = rows[index];
      for (const col of columns) digest.add(row[col] ?? "");
    }
    group.digest = digest.hex();
  }
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
    else if (group.digest) orders.push({ order: built.order, rowNumbers: group.rowNumbers, auto: group.number === null, digest: group.digest });
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
    if (key == null || !isFieldKey(key)) continue;
    const list = columns.get(key);
    if (list) list.push(Number(col));
    else columns.set(key, [Number(col)]);
  }
  for (const list of columns.values()) list.sort((a, b) => a - b);
  if (!columns.has("orderNumber")) {
    const said = message("csvErrors.chooseOrderNumberColumn");
    throw new AppError("invalid_input", said, { mapping: [inEnglish(said)] });
  }
  return columns;
}

/** Every mapped column once, ascending: the cells an order is read from. */
function digestColumnsOf(mapping: Readonly<Record<number, FieldKey | null>>): number[] {
  return [...new Set([...mappedColumns(mapping).values()].flat())].sort((a, b) => a - b);
}

/** The options that change how a cell is read, in a fixed order. */
function digestOptionsOf(options: RowsToOrdersOptions) {
  return [options.timeZone, options.dateOrder, options.weightUnit, options.blankCells, options.decimalComma ?? false];
}

function assertTimeZone(timeZone: string) {
  const checked = timeZoneSchema.safeParse(timeZone);
  if (checked.success) return;
  const message = checked.error.issues[0].message;
  throw new AppError("invalid_input", message, { timeZone: [message] });
}

function columnLetter(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Whether two read values say the same: most are text, numbers or booleans; item options compare as JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === "object" && typeof b === "object" && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

const NO_COLUMNS: readonly number[] = [];

const isVisibleAscii = (code: number) => code > 32 && code < 127;

/** One value of an order (or of an item), the columns it is read from, and how. */
interface FieldPlan {
  /** Its path in the order (in the item, for item fields). */
  path: string;
  columns: readonly number[];
  kind: ValueKind;
}

interface AddressPartPlan extends FieldPlan {
  part: (typeof ADDRESS_PARTS)[number];
  /** For the name: the Name columns, then First Name and Last Name to join when a row has no Name. */
  name: { name: readonly number[]; first: readonly number[]; last: readonly number[] } | null;
}

/** What the mapping asks of every order, worked out once per file rather than once per order. */
interface ReadingPlan {
  orderNumber: readonly number[];
  orderDate: readonly number[];
  status: readonly number[];
  paymentStatus: readonly number[];
  currency: readonly number[];
  weightUnit: readonly number[];
  /** Only the mapped fields from here on. */
  orderFields: FieldPlan[];
  addresses: { prefix: "shipTo" | "billTo"; parts: AddressPartPlan[] }[];
  /** Null when no item column is mapped: the order's items are left as they are. */
  items: { sku: readonly number[]; name: readonly number[]; fields: FieldPlan[] } | null;
}

/** Cells of the file by field, as the import reads them: our export's formula guard undone, trimmed. */
class RowReader {
  /** `parseMoney`'s and `parseWeight`'s options, shared by every cell. */
  readonly numberOptions: { decimalComma?: boolean };
  private readingPlan: ReadingPlan | undefined;

  constructor(
    readonly rows: readonly (readonly string[])[],
    readonly columns: ReadonlyMap<FieldKey, number[]>,
    readonly options: RowsToOrdersOptions,
    readonly firstDataRowNumber: number,
  ) {
    this.numberOptions = { decimalComma: options.decimalComma };
  }

  get plan(): ReadingPlan {
    return (this.readingPlan ??= this.makePlan());
  }

  has(key: FieldKey): boolean {
    return this.columns.has(key);
  }

  columnsOf(key: FieldKey): readonly number[] {
    return this.columns.get(key) ?? NO_COLUMNS;
  }

  /** One cell as the import reads it; "" when blank. */
  text(index: number, col: number): string {
    const raw = this.rows[index][col];
    if (!raw) return "";
    const first = raw.charCodeAt(0);
    // Most cells start and end with a visible ASCII character other than an apostrophe: no formula guard to undo, nothing to trim.
    if (first !== 39 && isVisibleAscii(first) && isVisibleAscii(raw.charCodeAt(raw.length - 1))) return raw;
    return readCsvCell(raw).trim();
  }

  /** The text of the first non-blank cell of `columns` in row `index`; "" when all are blank. */
  firstText(index: number, columns: readonly number[]): string {
    for (const col of columns) {
      const text = this.text(index, col);
      if (text) return text;
    }
    return "";
  }

  /** The column `firstText` read, or -1: looked up again only when an error or a provenance names it. */
  firstFilled(index: number, columns: readonly number[]): number {
    for (const col of columns) if (this.text(index, col)) return col;
    return -1;
  }

  rowNumber(index: number): number {
    return this.options.rowNumbers?.[index] ?? index + this.firstDataRowNumber;
  }

  columnName(col: number | null): string | null {
    if (col === null) return null;
    return this.options.headers?.[col]?.trim() || inEnglish(message("csvErrors.columnLetter", { letter: columnLetter(col) }));
  }

  /** A row error from lib's message, or from a reader's result that already carries one. */
  error(at: CellAt, said: Message | Localizable): CsvRowError {
    const { message: words, key, params } = "message" in said ? said : localizable(said);
    return { row: this.rowNumber(at.index), column: this.columnName(at.col), message: words, ...(key ? { key } : {}), ...(params ? { params } : {}) };
  }

  private makePlan(): ReadingPlan {
    const mapped = ({ path, key, kind }: { path: string; key: FieldKey; kind: ValueKind }): FieldPlan | null =>
      this.has(key) ? { path, columns: this.columnsOf(key), kind } : null;
    const present = <T>(list: (T | null)[]) => list.filter((entry): entry is T => entry !== null);
    const hasItems = CSV_FIELDS.some((field) => field.level === "item" && this.has(field.key));
    return {
      orderNumber: this.columnsOf("orderNumber"),
      orderDate: this.columnsOf("orderDate"),
      status: this.columnsOf("status"),
      paymentStatus: this.columnsOf("paymentStatus"),
      currency: this.columnsOf("currency"),
      weightUnit: this.columnsOf("weightUnit"),
      orderFields: present(ORDER_VALUES.map(mapped)),
      addresses: (["shipTo", "billTo"] as const)
        .map((prefix) => ({ prefix, parts: this.addressPlan(prefix) }))
        .filter(({ parts }) => parts.length > 0),
      items: hasItems
        ? {
            sku: this.columnsOf("item.sku"),
            name: this.columnsOf("item.name"),
            fields: present(ITEM_VALUES.map(mapped)),
          }
        : null,
    };
  }

  private addressPlan(prefix: "shipTo" | "billTo"): AddressPartPlan[] {
    const keyOf = (part: string) => `${prefix}.${part}` as FieldKey;
    const nameMapped = this.has(keyOf("name")) || this.has(keyOf("firstName")) || this.has(keyOf("lastName"));
    const parts = ADDRESS_PARTS.filter((part) => (part === "name" ? nameMapped : this.has(keyOf(part))));
    return parts.map((part) => ({
      part,
      path: `${prefix}.${part}`,
      columns: this.columnsOf(keyOf(part)),
      kind: csvField(keyOf(part)).kind,
      name: part === "name" ? { name: this.columnsOf(keyOf("name")), first: this.columnsOf(keyOf("firstName")), last: this.columnsOf(keyOf("lastName")) } : null,
    }));
  }
}

class OrderBuilder {
  private readonly errors: CsvRowError[] = [];
  private readonly order: Record<string, unknown> = {};
  private readonly blank: null | undefined;
  private readonly plan: ReadingPlan;
  private units: Map<number, WeightUnit> | undefined;
  /** The country of the address being read, which its state is read against. */
  private country: unknown;

  // The value `agreed` is settling on, and the cell it was first read from.
  private firstValue: unknown;
  private firstIndex = -1;
  private firstCol = 0;
  private firstText = "";
  private sawInvalid = false;

  constructor(
    private readonly reader: RowReader,
    /** Null for an AUTO row. */
    private readonly number: string | null,
    private readonly rows: readonly number[],
    /**
     * Which cell each value of the order came from, by its path in the order, so schema errors
     * point back at it. Only noted when an order fails the schema check, by reading it again.
     */
    private readonly provenance: Map<string, CellAt> | null = null,
  ) {
    this.blank = reader.options.blankCells === "clear" ? null : undefined;
    this.plan = reader.plan;
  }

  build(): { order: CsvOrderInput; errors: CsvRowError[] } {
    this.read();
    if (this.errors.length === 0) this.checkSchema();
    if (this.errors.length > 0) this.reportLeftOut();
    return { order: this.order as CsvOrderInput, errors: this.errors };
  }

  /** Where each value of the order came from: the order read again, noting it. */
  private traced(): Map<string, CellAt> {
    this.read();
    return this.provenance!;
  }

  /** Every mapped field of the order's rows into `order`, and what could not be read into `errors`. */
  private read() {
    const { reader, order, plan } = this;
    order.orderNumber = this.number ?? "";
    if (this.number !== null) order.orderKey = this.number;
    if (this.provenance) {
      const numberCol = reader.firstFilled(this.rows[0], plan.orderNumber);
      if (numberCol !== -1) {
        this.provenance.set("orderNumber", { index: this.rows[0], col: numberCol });
        this.provenance.set("orderKey", { index: this.rows[0], col: numberCol });
      }
    }

    const orderDate = this.agreed("orderDate", plan.orderDate, "date");
    if (orderDate === BLANK) this.errors.push(reader.error({ index: this.rows[0], col: plan.orderDate[0] ?? null }, message("csvErrors.orderDateMissing")));
    else if (orderDate !== INVALID) order.orderDate = orderDate;

    const status = this.agreed("status", plan.status, "status");
    const payment = plan.paymentStatus.length ? this.agreed("paymentStatus", plan.paymentStatus, "paymentStatus") : BLANK;
    order.status = combineStatuses(
      status === BLANK || status === INVALID ? null : (status as OrderStatus),
      payment === BLANK || payment === INVALID ? null : (payment as PaymentState),
    );

    const currency = this.agreed("currency", plan.currency, "currency");
    if (currency !== BLANK && currency !== INVALID) order.currency = currency;

    for (const field of plan.orderFields) this.setField(field);
    // A shop that says the order is paid and gives its total (Shopify's Total) was paid that total.
    if (payment === "paid" && order.amountPaid === undefined && typeof order.orderTotal === "number") order.amountPaid = order.orderTotal;
    for (const address of plan.addresses) this.setAddress(address.prefix, address.parts);
    if (plan.items) this.setItems(plan.items);
  }

  private parse(kind: ValueKind, text: string, index: number): ValueResult<unknown> {
    const { options, numberOptions } = this.reader;
    switch (kind) {
      case "text": return { ok: true, value: text };
      case "money": return parseMoney(text, numberOptions);
      case "date": return parseDate(text, options);
      case "weight": return parseWeight(text, this.unitOf(index), numberOptions);
      case "email": return parseEmail(text);
      case "boolean": return parseBoolean(text);
      case "quantity": return parseQuantity(text);
      case "options": return parseItemOptions(text);
      case "status": return parseStatus(text);
      case "paymentStatus": return parsePaymentStatus(text);
      case "currency": return parseCurrency(text);
      case "country": return parseCountry(text);
      case "state": return parseState(text, this.country as string | null | undefined);
      case "weightUnit": return parseWeightUnit(text);
    }
  }

  /** The row's weight unit: its Weight Unit cell, or the file's. */
  private unitOf(index: number): WeightUnit {
    if (this.plan.weightUnit.length === 0) return this.reader.options.weightUnit;
    let unit = this.units?.get(index);
    if (unit) return unit;
    unit = this.reader.options.weightUnit;
    const text = this.reader.firstText(index, this.plan.weightUnit);
    if (text) {
      const parsed = parseWeightUnit(text);
      if (parsed.ok) unit = parsed.value;
      else this.errors.push(this.reader.error({ index, col: this.reader.firstFilled(index, this.plan.weightUnit) }, parsed));
    }
    (this.units ??= new Map()).set(index, unit);
    return unit;
  }

  /**
   * The order's one value for a field: read from the first row that has it; every other row
   * that has it must say the same (after reading, so "$10" and "10.00" agree).
   */
  private agreed(path: string, columns: readonly number[], kind: ValueKind): unknown {
    this.startAgreement();
    for (const index of this.rows) {
      for (const col of columns) {
        const text = this.reader.text(index, col);
        if (text) this.offer(kind, index, col, text);
      }
    }
    return this.agreement(path);
  }

  /** `agreed` for the recipient's name: the Name column, or First Name and Last Name joined. */
  private agreedName(path: string, columns: NonNullable<AddressPartPlan["name"]>): unknown {
    const { reader } = this;
    this.startAgreement();
    for (const index of this.rows) {
      let named = false;
      for (const col of columns.name) {
        const text = reader.text(index, col);
        if (!text) continue;
        named = true;
        this.offer("text", index, col, text);
      }
      if (named) continue;
      const first = reader.firstText(index, columns.first);
      const last = reader.firstText(index, columns.last);
      if (!first && !last) continue;
      const col = first ? reader.firstFilled(index, columns.first) : reader.firstFilled(index, columns.last);
      this.offer("text", index, col, first && last ? `${first} ${last}` : first || last);
    }
    return this.agreement(path);
  }

  private startAgreement() {
    this.firstIndex = -1;
    this.firstValue = undefined;
    this.sawInvalid = false;
  }

  /** One non-blank cell of the field being agreed on. */
  private offer(kind: ValueKind, index: number, col: number, text: string) {
    // Rows of one order mostly repeat its details: the same text reads as the same value, except
    // a weight, which depends on its row's unit.
    if (this.firstIndex !== -1 && text === this.firstText && kind !== "weight") return;
    let value: unknown = text;
    if (kind !== "text") {
      const result = this.parse(kind, text, index);
      if (!result.ok) {
        this.sawInvalid = true;
        this.errors.push(this.reader.error({ index, col }, result));
        return;
      }
      value = result.value;
    }
    if (this.firstIndex === -1) {
      this.firstIndex = index;
      this.firstCol = col;
      this.firstText = text;
      this.firstValue = value;
    } else if (!sameValue(value, this.firstValue)) {
      this.errors.push(this.reader.error({ index, col }, this.disagreement(index, col, text)));
    }
  }

  /** The agreed value, or BLANK or INVALID. */
  private agreement(path: string): unknown {
    if (this.firstIndex === -1) return this.sawInvalid ? INVALID : BLANK;
    this.provenance?.set(path, { index: this.firstIndex, col: this.firstCol });
    return this.firstValue;
  }

  private disagreement(index: number, col: number, text: string): Message {
    const { reader, firstIndex } = this;
    const said = { value: text, first: this.firstText, order: this.number ?? "" };
    return firstIndex === index
      ? message("csvErrors.disagreesOnThisRow", { ...said, column: reader.columnName(this.firstCol) ?? "" })
      : message("csvErrors.disagreesWithRow", { ...said, row: reader.rowNumber(firstIndex) });
  }

  private setField(field: FieldPlan) {
    const value = this.agreed(field.path, field.columns, field.kind);
    if (value === BLANK) {
      if (this.blank === null) this.order[field.path] = null;
    } else if (value !== INVALID) {
      this.order[field.path] = value;
    }
  }

  /** Addresses are written whole: once any part has a value, the blank parts clear theirs. */
  private setAddress(prefix: "shipTo" | "billTo", parts: readonly AddressPartPlan[]) {
    const address: Record<string, unknown> = {};
    let anyValue = false;
    this.country = undefined;
    for (const part of parts) {
      const value = part.name ? this.agreedName(part.path, part.name) : this.agreed(part.path, part.columns, part.kind);
      address[part.part] = value === BLANK || value === INVALID ? null : value;
      if (part.part === "country") this.country = address.country;
      if (value !== BLANK) anyValue = true;
    }
    if (anyValue) this.order[prefix] = address;
    else if (this.blank === null) this.order[prefix] = null;
  }

  private setItems(plan: NonNullable<ReadingPlan["items"]>) {
    const { reader, provenance } = this;
    const items: Record<string, unknown>[] = [];
    for (const index of this.rows) {
      const sku = reader.firstText(index, plan.sku);
      const name = reader.firstText(index, plan.name);
      if (!sku && !name) continue;
      // An item needs a name; a file that gives only SKUs names each item by its SKU.
      const item: Record<string, unknown> = { name: name || sku, quantity: 1, unitPrice: 0 };
      if (sku) item.sku = sku;
      const path = provenance ? `items.${items.length}` : "";
      if (provenance) {
        const named = { index, col: name ? reader.firstFilled(index, plan.name) : reader.firstFilled(index, plan.sku) };
        provenance.set(path, named);
        provenance.set(`${path}.name`, named);
        if (sku) provenance.set(`${path}.sku`, { index, col: reader.firstFilled(index, plan.sku) });
      }
      for (const field of plan.fields) {
        const text = reader.firstText(index, field.columns);
        if (!text) continue;
        const parsed = this.parse(field.kind, text, index);
        if (!parsed.ok) {
          this.errors.push(reader.error({ index, col: reader.firstFilled(index, field.columns) }, parsed));
          continue;
        }
        item[field.path] = parsed.value;
        provenance?.set(`${path}.${field.path}`, { index, col: reader.firstFilled(index, field.columns) });
      }
      items.push(item);
    }
    if (items.length) this.order.items = items;
    else if (this.blank === null) this.order.items = [];
  }

  /** The order as the write path will check it; an AUTO order stands in a placeholder number. */
  private checkSchema() {
    const { order } = this;
    const candidate = this.number ? order : { ...order, orderKey: order.orderKey ?? "AUTO", orderNumber: order.orderNumber || "AUTO" };
    const parsed = normalizedOrderSchema.safeParse(candidate);
    if (parsed.success) return;
    const provenance = this.provenance ?? new OrderBuilder(this.reader, this.number, this.rows, new Map()).traced();
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      let cell: CellAt | undefined;
      for (let length = path.length; length > 0 && !cell; length--) cell = provenance.get(path.slice(0, length).join("."));
      const key = fieldKeyOfPath(path);
      const at = cell ?? { index: this.rows[0], col: (key && this.reader.columns.get(key)?.[0]) ?? null };
      this.errors.push(this.reader.error(at, issueMessage(issue)));
    }
  }

  /** Each row of an order left out says why, so the error report holds all of the order's rows. */
  private reportLeftOut() {
    if (this.number === null) return;
    const failing = new Set(this.errors.map((error) => error.row));
    const list = [...failing].sort((a, b) => a - b);
    const notImported = localizable(message(list.length === 1 ? "csvErrors.notImportedRow" : "csvErrors.notImportedRows", { order: this.number, rows: list.join(", ") }));
    for (const index of this.rows) {
      const row = this.reader.rowNumber(index);
      if (!failing.has(row)) this.errors.push({ row, column: null, ...notImported });
    }
  }
}

/** Each target's field (the name's, not its parts'), and the order key's: the order number. */
const FIELD_OF_TARGET = new Map<string, FieldKey>([
  ...CSV_FIELDS.filter((field) => field.target !== null && !field.partOf).map((field) => [field.target as string, field.key] as const),
  ["orderKey", "orderNumber"],
]);

/** The field a schema issue's path ("items.0.weightOz") points into, if a column fills it. */
function fieldKeyOfPath(path: string[]): FieldKey | undefined {
  const [head, second, third] = path;
  return FIELD_OF_TARGET.get(head === "items" ? `items.${third}` : head === "shipTo" || head === "billTo" ? `${head}.${second}` : head);
}

/** Zod's messages in words a merchant acts on; the schema's own custom messages (`orderErrors.*`) are kept, found again by their words. */
function issueMessage(issue: z.core.$ZodIssue): Message | Localizable {
  if (issue.code === "too_big") {
    const max = Number(issue.maximum);
    if (issue.origin === "string") return message("csvErrors.atMostCharacters", { max });
    if (issue.origin === "array") return message("csvErrors.atMostEntries", { max });
    return message("csvErrors.valueUpTo", { max });
  }
  if (issue.code === "too_small" && issue.origin !== "string") return message("csvErrors.valueAtLeast", { min: Number(issue.minimum) });
  const key = keyOfEnglish(issue.message);
  return key ? message(key) : { message: issue.message };
}
