import { sql } from "kysely";
import { db } from "@/db/database";
import { notFound } from "@/lib/errors";
import { message } from "@/lib/i18n/message";
import type { RunTrigger } from "./import-runs";

const HOUR = 3_600_000;
/** Fourteen days of hours, the current one last: the window the schedule's rhythm learns from. */
export const ACTIVITY_HOURS = 14 * 24;

/** The imports of one trigger that started in one hour. */
export interface ActivityImports {
  /** Index of the hour in the window, 0 … ACTIVITY_HOURS − 1. */
  hour: number;
  trigger: RunTrigger;
  runs: number;
  failed: number;
}

/** A store's last 14 days, hour by hour, as its page draws them. */
export interface StoreActivity {
  /** The first hour's start (UTC ms, on the hour); hour i starts at from + i h. */
  from: number;
  /** The end of the window: the end of the current hour. */
  to: number;
  /** Orders placed in each hour (by order date), ACTIVITY_HOURS of them. */
  orders: number[];
  /** Hours with imports, by hour then trigger. */
  imports: ActivityImports[];
  totals: { orders: number; imports: number; failed: number };
}

/**
 * Orders arriving per hour and the imports that ran, over the 14 days up to `now`: two GROUP BY
 * queries, one over the orders index by (store, order date) and one over the runs index by
 * (workspace, store, started at), so the work grows with the window's rows, never the store's
 * history. Another workspace's store, or Manual Orders, is not found.
 */
export async function getStoreActivity(workspaceId: string, storeId: number, now = Date.now()): Promise<StoreActivity> {
  if (!Number.isSafeInteger(storeId) || storeId <= 0) throw notFound(message("storeErrors.storeNotFound"));
  const store = await db.read.selectFrom("stores").select(["id", "platform"]).where("id", "=", storeId).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!store || store.platform === "manual") throw notFound(message("storeErrors.storeNotFound"));

  const to = (Math.floor(now / HOUR) + 1) * HOUR;
  const from = to - ACTIVITY_HOURS * HOUR;
  const [orderHours, runHours] = await Promise.all([
    activityOrdersQuery(workspaceId, storeId, from, to).execute(),
    activityRunsQuery(workspaceId, storeId, from, to).execute(),
  ]);

  const orders = new Array<number>(ACTIVITY_HOURS).fill(0);
  let orderTotal = 0;
  for (const row of orderHours) {
    orders[Number(row.hour)] = Number(row.orders);
    orderTotal += Number(row.orders);
  }
  const imports = runHours.map((row) => ({ hour: Number(row.hour), trigger: row.trigger, runs: Number(row.runs), failed: Number(row.failed) }));
  return {
    from,
    to,
    orders,
    imports,
    totals: { orders: orderTotal, imports: imports.reduce((sum, row) => sum + row.runs, 0), failed: imports.reduce((sum, row) => sum + row.failed, 0) },
  };
}

/** Hour index of a timestamp column in the window (CAST: a bound number may arrive as a REAL). */
const hourOf = (column: string, from: number) => sql<number>`CAST((${sql.ref(column)} - ${from}) / ${HOUR} AS INTEGER)`;

/**
 * Orders per hour, counted in the covering index orders_store_order_date (store_id, order_date).
 * The workspace is checked through the store's own row, so no order row is read.
 */
export function activityOrdersQuery(workspaceId: string, storeId: number, from: number, to: number) {
  return db.read
    .selectFrom("orders")
    .select([hourOf("orders.order_date", from).as("hour"), (eb) => eb.fn.countAll<number>().as("orders")])
    .where("orders.store_id", "=", (eb) => eb.selectFrom("stores").select("stores.id").where("stores.id", "=", storeId).where("stores.workspace_id", "=", workspaceId))
    .where("orders.order_date", ">=", from)
    .where("orders.order_date", "<", to)
    .groupBy("hour")
    .orderBy("hour");
}

/** Store imports per hour and trigger (not the CSV files imported into it), with how many failed. */
export function activityRunsQuery(workspaceId: string, storeId: number, from: number, to: number) {
  return db.read
    .selectFrom("import_runs")
    .select([
      hourOf("import_runs.started_at", from).as("hour"),
      "import_runs.trigger",
      (eb) => eb.fn.countAll<number>().as("runs"),
      sql<number>`SUM(import_runs.status = 'failed')`.as("failed"),
    ])
    .where("import_runs.workspace_id", "=", workspaceId)
    .where("import_runs.store_id", "=", storeId)
    .where("import_runs.started_at", ">=", from)
    .where("import_runs.started_at", "<", to)
    .where("import_runs.kind", "=", "store")
    .groupBy(["hour", "import_runs.trigger"])
    .orderBy("hour")
    .orderBy("import_runs.trigger");
}
