import type { StoreErrorKind, StoreRow, StoreTable } from "@/db/schema";
import type { Updateable } from "kysely";
import { expectedOrdersPerHour, newStoreHistory, nextImportAt, recordImport, recordWebhook, type ImportOutcome, type ScheduleReason, type StoreHistory } from "./schedule";

/** What the scheduler remembers of a store, read back from its row (a new history before its first import). */
export function historyOf(store: Pick<StoreRow, "id" | "schedule">): StoreHistory {
  return store.schedule ? (JSON.parse(store.schedule) as StoreHistory) : newStoreHistory(store.id);
}

/** The columns that say when a store is next imported and why, from its history. */
function scheduleColumns(history: StoreHistory, now: number): Updateable<StoreTable> {
  const next = nextImportAt(history, now);
  return {
    schedule: JSON.stringify(history),
    next_import_at: next.at,
    next_import_reason: JSON.stringify(next.reason),
    orders_per_hour: expectedOrdersPerHour(history, next.at),
    consecutive_failures: history.failures,
  };
}

/** The store's columns after an import (any import: a tick's, the Import button's, the API's refresh). */
export function scheduleAfterImport(store: Pick<StoreRow, "id" | "schedule">, outcome: ImportOutcome & { error?: { message: string; kind: StoreErrorKind } }, now: number): Updateable<StoreTable> {
  const history = recordImport(historyOf(store), outcome);
  return {
    ...scheduleColumns(history, now),
    last_import_at: outcome.at,
    last_error: outcome.error?.message ?? null,
    last_error_kind: outcome.error?.kind ?? null,
  };
}

/** The store's columns after a webhook delivery created orders: webhooks arriving make polling a safety net. */
export function scheduleAfterWebhook(store: Pick<StoreRow, "id" | "schedule">, delivery: { at: number; placedAt: number[] }): Updateable<StoreTable> {
  return scheduleColumns(recordWebhook(historyOf(store), delivery), delivery.at);
}

export function reasonOf(store: Pick<StoreRow, "next_import_reason">): ScheduleReason | null {
  return store.next_import_reason ? (JSON.parse(store.next_import_reason) as ScheduleReason) : null;
}
