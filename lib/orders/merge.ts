import type { OrderRow, OrderStatus } from "@/db/schema";
import type { ChannelColumns, ItemColumns } from "./columns";
import type { NormalizedOrder } from "./schema";
import { isOpenStatus } from "./status";

export type ChangeSet = Record<string, [unknown, unknown]> & {
  items?: { added: string[]; removed: string[]; changed: string[] };
  /** On "reactivated in channel": the order as the channel now has it. */
  channelOrder?: NormalizedOrder;
};

export type MergeDecision =
  | { kind: "create"; active: boolean }
  | { kind: "update"; action: "updated" | "cancelled"; columns: Partial<ChannelColumns>; changeSet: ChangeSet; replaceItems: boolean; active: boolean }
  | { kind: "unchanged" }
  | { kind: "skipped"; reason: "cancelled" | "shipped" | "deleted"; reactivatedInChannel: boolean };

export interface ExistingOrder {
  row: OrderRow;
  items: ItemColumns[];
}

export interface IncomingOrder {
  columns: Partial<ChannelColumns> & { status: OrderStatus };
  /** `undefined` when the source does not send items: the stored ones stay. */
  items: ItemColumns[] | undefined;
}

/**
 * The digest of what a source sent for an order, in its own kind: the parsed order's (every
 * source), the API's of the request body, the CSV import's fingerprint of the rows. Each kind has
 * its column; an order carries only the one its last writer used.
 */
export const DIGEST_COLUMNS = { order: "order_digest", api: "api_digest", csv: "csv_fingerprint" } as const;
export type DigestKind = keyof typeof DIGEST_COLUMNS;
export interface OrderDigest {
  kind: DigestKind;
  value: string;
}

/** What `matchesLastImport` reads of a stored order: enough to decide without reading it whole. */
export const STORED_DIGEST_COLUMNS = ["status", "active", "deleted_at", "replaced_by_order_id", "order_digest", "api_digest", "csv_fingerprint"] as const;
export type StoredDigests = Pick<OrderRow, (typeof STORED_DIGEST_COLUMNS)[number]>;

/**
 * An order is unchanged in one of two ways, both decided here: its source sends exactly what last
 * wrote it (this, from a narrow read, before anything is parsed or read whole), or no field the
 * source sends differs from the stored order (`decideMerge`). Only an open order, not replaced,
 * can be unchanged by digest: the others are skipped or handed on by the merge table.
 */
export function matchesLastImport(stored: StoredDigests, digest: OrderDigest): boolean {
  const open = stored.deleted_at == null && stored.active === 1 && stored.replaced_by_order_id == null && stored.status !== "shipped" && stored.status !== "cancelled";
  return open && stored[DIGEST_COLUMNS[digest.kind]] === digest.value;
}

/** DESIGN.md's merge table: what one incoming order does to the order stored under its key. */
export function decideMerge(existing: ExistingOrder | undefined, incoming: IncomingOrder): MergeDecision {
  if (!existing) return { kind: "create", active: incoming.columns.status !== "cancelled" };

  const { row } = existing;
  if (row.deleted_at != null) return { kind: "skipped", reason: "deleted", reactivatedInChannel: false };
  if (row.status === "cancelled" || !row.active) {
    const reactivatedInChannel = row.status === "cancelled" && isOpenStatus(incoming.columns.status) && row.reactivated_in_channel_at == null;
    return { kind: "skipped", reason: "cancelled", reactivatedInChannel };
  }
  if (row.status === "shipped") return { kind: "skipped", reason: "shipped", reactivatedInChannel: false };

  const columns = keepMerchantHold(row, incoming.columns);
  const changeSet: ChangeSet = {};
  const changedColumns: Partial<ChannelColumns> = {};
  for (const [column, value] of Object.entries(columns) as [keyof ChannelColumns, unknown][]) {
    const before = row[column] ?? null;
    const after = value ?? null;
    if (before !== after) {
      changeSet[column] = [before, after];
      (changedColumns as Record<string, unknown>)[column] = after;
    }
  }
  const itemChanges = incoming.items === undefined ? undefined : diffItems(existing.items, incoming.items);
  if (itemChanges) changeSet.items = itemChanges;

  if (Object.keys(changeSet).length === 0) return { kind: "unchanged" };
  const status = (changedColumns.status ?? row.status) as OrderStatus;
  return {
    kind: "update",
    action: status === "cancelled" ? "cancelled" : "updated",
    columns: changedColumns,
    changeSet,
    replaceItems: itemChanges !== undefined,
    active: status !== "cancelled",
  };
}

/** A hold the merchant placed (on hold with a date) outlives the channel saying the order is open again. */
function keepMerchantHold(row: OrderRow, columns: IncomingOrder["columns"]): Partial<ChannelColumns> {
  const merchantHold = row.status === "on_hold" && row.hold_until_date != null;
  if (!merchantHold || !isOpenStatus(columns.status) || columns.hold_until_date !== undefined) return columns;
  const { status: _channelStatus, ...rest } = columns;
  return rest;
}

function itemKey(item: ItemColumns): string {
  return item.line_item_key ?? item.sku ?? `#${item.position + 1}`;
}

/** What changed between two item lists, by line item key (or SKU, or position); `undefined` when nothing did. */
export function diffItems(before: ItemColumns[], after: ItemColumns[]): ChangeSet["items"] | undefined {
  const beforeByKey = new Map(before.map((item) => [itemKey(item), item]));
  const afterByKey = new Map(after.map((item) => [itemKey(item), item]));
  const added = [...afterByKey.keys()].filter((key) => !beforeByKey.has(key));
  const removed = [...beforeByKey.keys()].filter((key) => !afterByKey.has(key));
  const changed = [...afterByKey].filter(([key, item]) => {
    const old = beforeByKey.get(key);
    return old !== undefined && !sameItem(old, item);
  }).map(([key]) => key);
  // Lines sharing a key (the same SKU twice, no line item key) collapse in the maps above, so
  // also compare line by line: a move, a repeat dropped or added, or a change to one repeat.
  const differsInPlace = before.length !== after.length || before.some((item, i) => itemKey(item) !== itemKey(after[i]) || !sameItem(item, after[i]));
  if (!added.length && !removed.length && !changed.length && !differsInPlace) return undefined;
  return { added, removed, changed };
}

function sameItem(a: ItemColumns, b: ItemColumns): boolean {
  for (const key of Object.keys(b) as (keyof ItemColumns)[]) {
    if (key === "position") continue;
    if ((a[key] ?? null) !== (b[key] ?? null)) return false;
  }
  return true;
}
