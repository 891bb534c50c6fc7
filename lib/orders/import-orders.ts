import { hash } from "node:crypto";
import type { InStatement, InValue } from "@libsql/client";
import { CompiledQuery } from "kysely";
import { insertRowsStatements, placeholdersFor } from "@/db/bulk-sql";
import { db, type StatementRunner, type WriteTransaction } from "@/db/database";
import type { OrderRow, OrderStatus } from "@/db/schema";
import { fieldErrorsOf, notFound } from "@/lib/errors";
import { inEnglish, message } from "@/lib/i18n/message";
import type { MessageKey } from "@/lib/i18n/translate";
import { computeOrderTotal, searchTextOf, toItemColumns, toOrderColumns, type ChannelColumns, type ItemColumns } from "./columns";
import { DIGEST_COLUMNS, STORED_DIGEST_COLUMNS, decideMerge, matchesLastImport, type ChangeSet, type DigestKind, type ExistingOrder, type MergeDecision, type OrderDigest, type StoredDigests } from "./merge";
import { EVENT_COLUMNS, ITEM_COLUMNS, ORDER_COLUMNS } from "./order-columns";
import { normalizedOrderSchema, type NormalizedOrder, type ParsedOrder } from "./schema";

export type ImportOutcome = "created" | "updated" | "unchanged" | "skipped" | "failed";

export interface ImportResult {
  orderKey: string;
  orderNumber: string | null;
  orderId: number | null;
  outcome: ImportOutcome;
  /** Why an order was skipped or failed, in words a merchant can act on. */
  reason?: string;
  /** Set when the channel reopened an order that is cancelled here. */
  reactivatedInChannel?: boolean;
  /** Set when this import cancelled the order (first seen cancelled, or cancelled since). */
  cancelled?: boolean;
  fieldErrors?: Record<string, string[]>;
}

export interface ImportOptions {
  /** Where the orders came from: "api", "csv", "manual", "shopify"… */
  source: string;
  runId?: number | null;
  /** Who caused it: a user id, an API key, a store. */
  actor?: string | null;
  now?: () => number;
  /** The history entry for an update, when it is a merchant's action ("held", "shipped"…) rather than a plain update. */
  eventAction?: string;
  /** The cancelled order a newly created one replaces ("Create new order"): linked in the same transaction. */
  replacesOrderId?: number;
  /** Decide and report every order as a real import would, and write nothing (CSV preview). */
  dryRun?: boolean;
  /**
   * The source's own digest of what it received for each order (by position): the API's of the
   * request body, the CSV import's fingerprint of the rows. Stored instead of a digest of the
   * parsed order, so the source can recognise a re-send before parsing it. An order without one
   * gets the parsed order's digest.
   */
  receivedDigests?: { kind: Exclude<DigestKind, "order">; values: (string | undefined)[] };
  /** Write inside this transaction (the caller's, which commits it) instead of one per batch. */
  tx?: WriteTransaction;
}

export const LOCKED_REASON_KEYS = {
  cancelled: "orderErrors.lockedCancelled",
  shipped: "orderErrors.lockedShipped",
  deleted: "orderErrors.lockedDeleted",
} as const satisfies Record<string, MessageKey>;

/** In English, as an import result's `reason` (the API's words); pages find the key again by them. */
export const LOCKED_REASONS = {
  cancelled: inEnglish(message(LOCKED_REASON_KEYS.cancelled)),
  shipped: inEnglish(message(LOCKED_REASON_KEYS.shipped)),
  deleted: inEnglish(message(LOCKED_REASON_KEYS.deleted)),
};

/** How far "replaced by" links are followed; a chain longer than this is not a real history. */
const MAX_REPLACEMENT_HOPS = 10;

/** Orders per transaction: big enough for multi-row statements and each commit's page writes to pay off (a CSV chunk is one transaction), small enough to keep the write lock short. */
const BATCH_SIZE = 1000;

const SEARCH_COLUMNS = ["customer_username", "customer_email", "bill_to_name", "ship_to_name", "ship_to_company"] as const;
const ZERO_DEFAULTS = { amount_paid: 0, tax_amount: 0, shipping_amount: 0, gift: 0 } as const;

/** One order as the write path takes it: parsed, with its digest and columns. */
interface Prepared {
  index: number;
  order: ParsedOrder;
  /** What the source sent, digested: equal to the stored one means it sent nothing new. */
  digest: OrderDigest;
  columns: Partial<ChannelColumns> & { status: OrderStatus };
  items: ItemColumns[] | undefined;
  /** The row a create inserts, filled before the write lock is taken; `newOrderValues` adds what only the lock knows. */
  newRow: InValue[];
}

/** Orders checked with the order schema and turned into columns: the write path's work that needs no database. */
export interface CheckedOrders {
  readonly count: number;
  /** The result of each order that failed the schema, by position. */
  readonly failed: ReadonlyMap<number, ImportResult>;
  /** The others, in order; each knows its position. */
  readonly entries: readonly Prepared[];
  readonly byIndex: ReadonlyMap<number, Prepared>;
}

/**
 * Checks orders for `importOrders` ahead of time: a caller that writes them inside its own
 * transaction (a CSV chunk) does this first, so the write lock is held only for the writing.
 */
export function checkOrders(orders: NormalizedOrder[], receivedDigests?: ImportOptions["receivedDigests"]): CheckedOrders {
  const failed = new Map<number, ImportResult>();
  const entries: Prepared[] = [];
  orders.forEach((input, index) => {
    const parsed = normalizedOrderSchema.safeParse(input);
    if (!parsed.success) {
      failed.set(index, invalidResult(input, parsed.error.issues));
      return;
    }
    const order = parsed.data;
    const items = order.items === undefined ? undefined : toItemColumns(order.items);
    const received = receivedDigests?.values[index];
    const digest: OrderDigest = received ? { kind: receivedDigests!.kind, value: received } : { kind: "order", value: digestOf(order) };
    const columns = toOrderColumns(order) as Prepared["columns"];
    entries.push({ index, order, digest, columns, items, newRow: newOrderRowOf(order, columns) });
  });
  return { count: orders.length, failed, entries, byIndex: new Map(entries.map((entry) => [entry.index, entry])) };
}

/** Gives a checked order its key and number once they are known (a CSV AUTO order gets the workspace's next number). */
export function numberCheckedOrder(checked: CheckedOrders, index: number, { orderKey, orderNumber }: { orderKey: string; orderNumber: string }) {
  const entry = checked.byIndex.get(index);
  if (!entry) return;
  entry.order = { ...entry.order, orderKey, orderNumber };
  entry.columns.order_number = orderNumber;
  if (entry.digest.kind === "order") entry.digest = { kind: "order", value: digestOf(entry.order) };
}

/**
 * The one write path for orders. Applies DESIGN.md's merge table to each order under
 * `(storeId, orderKey)`, one transaction per batch, writing items, search words, tab counts,
 * the order's history and the run's counts with it. Returns one result per order, in order.
 */
export async function importOrders(workspaceId: string, storeId: number, orders: NormalizedOrder[] | CheckedOrders, options: ImportOptions): Promise<ImportResult[]> {
  const store = await (options.tx?.db ?? db.read).selectFrom("stores").select("id").where("id", "=", storeId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!store) throw notFound(message("storeErrors.storeNotFound"));

  const checked = Array.isArray(orders) ? checkOrders(orders, options.receivedDigests) : orders;
  const results: ImportResult[] = new Array(checked.count);
  for (const [index, result] of checked.failed) results[index] = result;
  const prepared = checked.entries;
  const now = options.now ?? Date.now;
  const apply = async (tx: StatementRunner, batch: Prepared[]) => {
    const batchResults = await applyBatch(tx, workspaceId, storeId, batch, options, now());
    batch.forEach((entry, i) => (results[entry.index] = batchResults[i]));
  };
  // Orders that failed validation are counted on the run once the rest is written.
  const recordInvalid = async (runner: Pick<StatementRunner, "batch">) => {
    const statements = options.runId != null && !options.dryRun ? invalidOrderStatements(options.runId, workspaceId, results) : [];
    if (statements.length) await runner.batch(statements);
  };
  if (prepared.length === 0) await recordInvalid(options.tx ?? db);
  else if (options.tx || options.dryRun) {
    // All batches in one transaction, later ones seeing earlier ones: the caller's, or a dry run's, which is then taken back.
    const applyAll = async (tx: StatementRunner) => {
      for (const batch of batchesWithUniqueKeys(prepared)) await apply(tx, batch);
      await recordInvalid(tx);
    };
    if (options.tx) await applyAll(options.tx);
    else await db.transaction(applyAll, { rollback: true });
  } else {
    for (const batch of batchesWithUniqueKeys(prepared)) await db.transaction((tx) => apply(tx, batch));
    await recordInvalid(db);
  }
  return results;
}

async function applyBatch(tx: StatementRunner, workspaceId: string, storeId: number, batch: Prepared[], options: ImportOptions, now: number): Promise<ImportResult[]> {
  const stored = await readStoredDigests(tx, storeId, batch.map((entry) => entry.order.orderKey));
  const alreadyImported = new Map<string, number>();
  for (const entry of batch) {
    const row = stored.get(entry.order.orderKey);
    if (row && matchesLastImport(row, entry.digest)) alreadyImported.set(entry.order.orderKey, row.id);
  }
  // Only keys with a stored order need it read whole; a key never seen (a first import) is a create.
  const existing = await loadExisting(tx, storeId, [...stored.keys()].filter((key) => !alreadyImported.has(key)));
  let nextId = await lastOrderId(tx);

  const orderRows: InValue[][] = [];
  const itemRows: InValue[][] = [];
  const searchRows: InValue[][] = [];
  const eventRows: InValue[][] = [];
  const statements: InStatement[] = [];
  const replacedItemsOf: number[] = [];
  const countDeltas = new Map<OrderStatus, number>();
  const tally = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const event = (orderId: number, action: string, changeSet: ChangeSet | null) =>
    eventRows.push([orderId, workspaceId, now, action, options.source, options.actor ?? null, options.runId ?? null, changeSet ? JSON.stringify(changeSet) : null]);
  const addCount = (status: OrderStatus, delta: number) => countDeltas.set(status, (countDeltas.get(status) ?? 0) + delta);

  const results = batch.map((entry): ImportResult => {
    const base = { orderKey: entry.order.orderKey, orderNumber: entry.order.orderNumber };
    const sameAsLastTime = alreadyImported.get(entry.order.orderKey);
    if (sameAsLastTime !== undefined) {
      tally.unchanged++;
      return { ...base, orderId: sameAsLastTime, outcome: "unchanged" };
    }
    const current = existing.get(entry.order.orderKey);
    const decision: MergeDecision = decideMerge(current, withStoredTotalRecomputed(current, entry));
    switch (decision.kind) {
      case "create": {
        const id = ++nextId;
        orderRows.push(newOrderValues(id, workspaceId, storeId, entry, decision.active, now));
        const items = entry.items ?? [];
        for (const item of items) itemRows.push(itemValues(id, item));
        searchRows.push([id, searchTextOf(entry.columns as OrderRow, items)]);
        // A replacement says which order it replaces, as that one says which replaced it.
        event(id, "created", options.replacesOrderId != null ? ({ replaces: [null, options.replacesOrderId] } as ChangeSet) : null);
        if (options.replacesOrderId != null) {
          statements.push({ sql: "UPDATE orders SET replaced_by_order_id = ? WHERE id = ? AND workspace_id = ?", args: [id, options.replacesOrderId, workspaceId] });
          event(options.replacesOrderId, "replaced", Object.assign({} as ChangeSet, { replacedBy: [null, id] as [unknown, unknown] }));
        }
        addCount(entry.columns.status, 1);
        tally.created++;
        return { ...base, orderId: id, outcome: "created", ...(decision.active ? {} : { cancelled: true }) };
      }
      case "update": {
        const row = current!.row;
        const set = { ...decision.columns, active: decision.active ? 1 : 0, modified_at: now, ...digestColumns(entry.digest) };
        const columns = Object.keys(set);
        statements.push({
          sql: `UPDATE orders SET ${columns.map((column) => `${column} = ?`).join(", ")} WHERE id = ?`,
          args: [...columns.map((column) => (set as Record<string, InValue>)[column]), row.id],
        });
        const items = decision.replaceItems ? entry.items! : current!.items;
        if (decision.replaceItems) {
          replacedItemsOf.push(row.id);
          for (const item of items) itemRows.push(itemValues(row.id, item));
        }
        if (decision.replaceItems || SEARCH_COLUMNS.some((column) => column in decision.columns)) {
          statements.push({ sql: "DELETE FROM orders_search WHERE rowid = ?", args: [row.id] });
          searchRows.push([row.id, searchTextOf({ ...row, ...decision.columns } as OrderRow, items)]);
        }
        if (decision.columns.status && decision.columns.status !== row.status) {
          addCount(row.status, -1);
          addCount(decision.columns.status, 1);
        }
        event(row.id, options.eventAction ?? decision.action, decision.changeSet);
        tally.updated++;
        return { ...base, orderId: row.id, outcome: "updated", ...(decision.action === "cancelled" ? { cancelled: true } : {}) };
      }
      case "unchanged":
        tally.unchanged++;
        return { ...base, orderId: current!.row.id, outcome: "unchanged" };
      case "skipped": {
        const row = current!.row;
        if (decision.reactivatedInChannel) {
          statements.push({ sql: "UPDATE orders SET reactivated_in_channel_at = ? WHERE id = ?", args: [now, row.id] });
          // The channel's order is kept with the notice: "Create new order" builds the new order from it.
          event(row.id, "reactivated_in_channel", Object.assign({ status: [row.status, entry.columns.status] } as ChangeSet, { channelOrder: entry.order }));
        }
        tally.skipped++;
        return { ...base, orderId: row.id, outcome: "skipped", reason: LOCKED_REASONS[decision.reason], reactivatedInChannel: decision.reactivatedInChannel || undefined };
      }
    }
  });

  const writes: InStatement[] = [
    ...insertRowsStatements("orders", ORDER_COLUMNS, orderRows),
    ...statements,
    ...(replacedItemsOf.length ? [{ sql: `DELETE FROM order_items WHERE order_id IN (${placeholdersFor(replacedItemsOf)})`, args: replacedItemsOf }] : []),
    ...insertRowsStatements("order_items", ITEM_COLUMNS, itemRows),
    ...insertRowsStatements("orders_search", ["rowid", "body"], searchRows),
    ...insertRowsStatements("order_events", EVENT_COLUMNS, eventRows),
    ...insertRowsStatements(
      "order_counts",
      ["workspace_id", "store_id", "status", "n"],
      [...countDeltas].filter(([, delta]) => delta !== 0).map(([status, delta]) => [workspaceId, storeId, status, delta]),
      "ON CONFLICT (workspace_id, store_id, status) DO UPDATE SET n = n + excluded.n",
    ),
  ];
  if (options.runId != null) {
    writes.push({
      sql: `UPDATE import_runs SET fetched = fetched + ?, created = created + ?, updated = updated + ?, unchanged = unchanged + ?, skipped = skipped + ?
            WHERE id = ? AND workspace_id = ?`,
      args: [batch.length, tally.created, tally.updated, tally.unchanged, tally.skipped, options.runId, workspaceId],
    });
  }
  if (writes.length) await tx.batch(writes);
  return results;
}

/**
 * The total rule (`orderTotalColumns`) for a source that sends no items, against the stored
 * ones: a total it sends is computed when it equals them + tax + shipping; with no total, new
 * tax or shipping recompute a computed total, so it never goes stale.
 */
function withStoredTotalRecomputed(current: ExistingOrder | undefined, entry: Prepared): Prepared {
  const { columns } = entry;
  if (!current || entry.items !== undefined) return entry;
  const computed = () =>
    computeOrderTotal({
      items: current.items.map((item) => ({ quantity: item.quantity, unitPrice: item.unit_price })) as ParsedOrder["items"],
      taxAmount: columns.tax_amount ?? current.row.tax_amount,
      shippingAmount: columns.shipping_amount ?? current.row.shipping_amount,
    });
  if (columns.order_total !== undefined) return { ...entry, columns: { ...columns, order_total_computed: columns.order_total === computed() ? 1 : 0 } };
  if (current.row.order_total_computed !== 1) return entry;
  if (columns.tax_amount === undefined && columns.shipping_amount === undefined) return entry;
  return { ...entry, columns: { ...columns, order_total: computed(), order_total_computed: 1 } };
}

/** Each column's place in a new order's row (ORDER_COLUMNS order). */
const ORDER_COLUMN_AT = Object.fromEntries(ORDER_COLUMNS.map((column, at) => [column, at])) as Record<(typeof ORDER_COLUMNS)[number], number>;
/** A new order's row before the source's columns: the zero defaults, NULL elsewhere. */
const EMPTY_ORDER_ROW: readonly InValue[] = ORDER_COLUMNS.map((column) => ZERO_DEFAULTS[column as keyof typeof ZERO_DEFAULTS] ?? null);

/** The source's columns over the defaults, and the total a new order gets (tax + shipping, computed, when it has neither total nor items). */
function newOrderRowOf(order: ParsedOrder, columns: Prepared["columns"]): InValue[] {
  const row = EMPTY_ORDER_ROW.slice();
  for (const column in columns) {
    const value = (columns as Record<string, InValue | undefined>)[column];
    const at = (ORDER_COLUMN_AT as Record<string, number | undefined>)[column];
    if (value != null && at !== undefined) row[at] = value;
  }
  const computed = computeOrderTotal(order);
  row[ORDER_COLUMN_AT.order_total] = columns.order_total ?? computed;
  row[ORDER_COLUMN_AT.order_total_computed] = columns.order_total_computed ?? (columns.order_total === undefined || columns.order_total === computed ? 1 : 0);
  return row;
}

/** The new order's values in ORDER_COLUMNS order: its prepared row with its id, key, number, digest and times. */
function newOrderValues(id: number, workspaceId: string, storeId: number, entry: Prepared, active: boolean, now: number): InValue[] {
  const row = entry.newRow.slice();
  row[ORDER_COLUMN_AT.id] = id;
  row[ORDER_COLUMN_AT.workspace_id] = workspaceId;
  row[ORDER_COLUMN_AT.store_id] = storeId;
  // A CSV AUTO order is numbered after it was prepared (numberCheckedOrder).
  row[ORDER_COLUMN_AT.order_key] = entry.order.orderKey;
  row[ORDER_COLUMN_AT.order_number] = entry.columns.order_number ?? null;
  row[ORDER_COLUMN_AT.active] = active ? 1 : 0;
  row[ORDER_COLUMN_AT.created_at] = now;
  row[ORDER_COLUMN_AT.modified_at] = now;
  for (const [column, value] of Object.entries(digestColumns(entry.digest))) row[ORDER_COLUMN_AT[column as keyof typeof ORDER_COLUMN_AT]] = value;
  return row;
}

function itemValues(orderId: number, item: ItemColumns): InValue[] {
  return ITEM_COLUMNS.map((column) => (column === "order_id" ? orderId : (item[column] as InValue)));
}

function digestOf(order: ParsedOrder): string {
  return hash("sha1", JSON.stringify(order), "base64url");
}

/** The order's digest in its kind's column, and the other kinds cleared: only the source that wrote it last can find it unchanged. */
function digestColumns(digest: OrderDigest): Record<(typeof DIGEST_COLUMNS)[DigestKind], string | null> {
  return { order_digest: null, api_digest: null, csv_fingerprint: null, [DIGEST_COLUMNS[digest.kind]]: digest.value };
}

type StoredDigestRow = StoredDigests & { id: number; order_key: string };

/** The stored orders under these keys of the store, with what `matchesLastImport` reads. */
async function readStoredDigests(runner: Pick<StatementRunner, "execute">, storeId: number, keys: string[]): Promise<Map<string, StoredDigestRow>> {
  if (keys.length === 0) return new Map();
  const { rows } = await runner.execute({
    sql: `SELECT id, order_key, ${STORED_DIGEST_COLUMNS.join(", ")} FROM orders WHERE store_id = ? AND order_key IN (${placeholdersFor(keys)})`,
    args: [storeId, ...keys],
  });
  return new Map((rows as unknown as StoredDigestRow[]).map((row) => [row.order_key, row]));
}

/**
 * Keys of the workspace (or of one of its stores) whose stored order the source's re-send would
 * leave unchanged (`matchesLastImport`): a source that digests what it received (the API, a CSV
 * file's rows) answers those "unchanged" before parsing them at all.
 */
export async function findOrdersAlreadyImported(workspaceId: string, kind: DigestKind, digests: Map<string, string>, storeId?: number): Promise<Map<string, number>> {
  if (digests.size === 0) return new Map();
  const keys = [...digests.keys()];
  const inStores = storeId === undefined ? "store_id IN (SELECT id FROM stores WHERE workspace_id = ?)" : "store_id = (SELECT id FROM stores WHERE id = ? AND workspace_id = ?)";
  const { rows } = await db.read.executeQuery<StoredDigestRow>(
    CompiledQuery.raw(`SELECT id, order_key, ${STORED_DIGEST_COLUMNS.join(", ")} FROM orders WHERE order_key IN (${placeholdersFor(keys)}) AND ${inStores}`, [
      ...keys,
      ...(storeId === undefined ? [] : [storeId]),
      workspaceId,
    ]),
  );
  const matching = new Map<string, number>();
  for (const row of rows) if (matchesLastImport(row, { kind, value: digests.get(row.order_key)! })) matching.set(row.order_key, row.id);
  return matching;
}

/**
 * The stored order under each key. A cancelled order the merchant replaced ("Create new order")
 * hands its key on: the channel's later changes go to the replacement, following the links.
 */
async function loadExisting(tx: StatementRunner, storeId: number, keys: string[]): Promise<Map<string, ExistingOrder>> {
  const found = new Map<string, ExistingOrder>();
  if (keys.length === 0) return found;
  const { rows } = await tx.execute({ sql: `SELECT * FROM orders WHERE store_id = ? AND order_key IN (${placeholdersFor(keys)})`, args: [storeId, ...keys] });
  let current = new Map((rows as unknown as OrderRow[]).map((row) => [row.order_key, { ...row }]));
  for (let hops = 0; hops < MAX_REPLACEMENT_HOPS; hops++) {
    const replaced = [...current].filter(([, row]) => row.replaced_by_order_id != null);
    if (replaced.length === 0) break;
    const ids = replaced.map(([, row]) => row.replaced_by_order_id!);
    const next = await tx.execute({ sql: `SELECT * FROM orders WHERE store_id = ? AND id IN (${placeholdersFor(ids)})`, args: [storeId, ...ids] });
    const byId = new Map((next.rows as unknown as OrderRow[]).map((row) => [row.id, { ...row }]));
    current = new Map(current);
    for (const [key, row] of replaced) {
      const replacement = byId.get(row.replaced_by_order_id!);
      if (replacement) current.set(key, replacement);
    }
  }
  if (current.size === 0) return found;
  const byId = new Map<number, ExistingOrder>();
  for (const [key, row] of current) {
    const entry = { row, items: [] as ItemColumns[] };
    found.set(key, entry);
    byId.set(row.id, entry);
  }
  const ids = [...byId.keys()];
  const items = await tx.execute({
    sql: `SELECT ${ITEM_COLUMNS.join(", ")} FROM order_items WHERE order_id IN (${placeholdersFor(ids)}) ORDER BY order_id, position`,
    args: ids,
  });
  for (const item of items.rows as unknown as (ItemColumns & { order_id: number })[]) {
    const { order_id, ...columns } = item;
    byId.get(order_id)!.items.push({ ...columns });
  }
  return found;
}

/** Ids are assigned here, inside the write lock, so items and events need no round trip per order. */
async function lastOrderId(tx: StatementRunner): Promise<number> {
  const { rows } = await tx.execute(
    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'orders'), 0), COALESCE((SELECT MAX(id) FROM orders), 0)) AS last_id",
  );
  return Number(rows[0].last_id);
}

/** Splits orders into batches; a key seen twice goes to a later batch so the second sees the first. */
function* batchesWithUniqueKeys(prepared: readonly Prepared[]): Generator<Prepared[]> {
  let pending = prepared;
  while (pending.length) {
    const keys = new Set<string>();
    const batch: Prepared[] = [];
    const later: Prepared[] = [];
    for (const entry of pending) {
      if (batch.length < BATCH_SIZE && !keys.has(entry.order.orderKey)) {
        keys.add(entry.order.orderKey);
        batch.push(entry);
      } else later.push(entry);
    }
    yield batch;
    pending = later;
  }
}

function invalidResult(input: NormalizedOrder, issues: { path: PropertyKey[]; message: string }[]): ImportResult {
  const fieldErrors = fieldErrorsOf(issues, "order");
  const reason = Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages[0]}`).join("; ");
  return {
    orderKey: typeof input?.orderKey === "string" ? input.orderKey : "",
    orderNumber: typeof input?.orderNumber === "string" ? input.orderNumber : null,
    orderId: null,
    outcome: "failed",
    reason,
    fieldErrors,
  };
}

/** The run's count of orders that failed validation, and their errors. */
function invalidOrderStatements(runId: number, workspaceId: string, results: ImportResult[]): InStatement[] {
  const failed = results.filter((result) => result.outcome === "failed");
  if (failed.length === 0) return [];
  return [
    { sql: "UPDATE import_runs SET fetched = fetched + ?, failed = failed + ? WHERE id = ? AND workspace_id = ?", args: [failed.length, failed.length, runId, workspaceId] },
    ...insertRowsStatements("import_errors", ["run_id", "ref", "code", "message"], failed.map((result) => [runId, result.orderNumber ?? result.orderKey, "invalid_input", result.reason ?? "Invalid order"])),
  ];
}
