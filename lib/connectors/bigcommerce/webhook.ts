import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/db/database";
import { finishImportRun, startImportRun } from "@/lib/imports/import-runs";
import { scheduleAfterWebhook } from "@/lib/imports/store-schedule";
import { importOrders } from "@/lib/orders/import-orders";
import { credentialBinding, decryptCredentials } from "@/lib/stores/credentials";
import { ConnectorError } from "../types";
import { createBigCommerceClient } from "./client";
import { fetchBigCommerceOrder } from "./index";
import { bigcommerceWeightUnit } from "./map-order";

/**
 * BigCommerce signs no webhook. A hook is created through the API (`POST /v3/hooks`) with a
 * `headers` object that BigCommerce sends back with every delivery, so the merchant registers this
 * header with the store's webhook secret as its value, and Shipdeck checks it.
 */
export const BIGCOMMERCE_SECRET_HEADER = "x-shipdeck-webhook-secret";

/** The order events Shipdeck listens to (`store/order/*` covers them all). */
export const BIGCOMMERCE_ORDER_SCOPES = ["store/order/created", "store/order/updated", "store/order/archived", "store/order/statusUpdated"] as const;

/** A delivery's body: thin, the event and the order id only; `hash` tells one event from another. */
const callbackSchema = z.looseObject({
  scope: z.string().min(1),
  store_id: z.union([z.string(), z.number()]).optional(),
  producer: z.string().optional(),
  hash: z.string().min(1).max(200).optional(),
  created_at: z.number().optional(),
  data: z.looseObject({ type: z.string().optional(), id: z.number().int().positive() }),
});

export interface BigCommerceWebhookOutcome {
  status: 200 | 400 | 401 | 404 | 503;
  message: string;
}

/** Whether the delivery carries the store's secret in the registered header; constant time. */
export function verifyBigCommerceSecret(header: string | null, secret: string): boolean {
  if (!header || !secret) return false;
  // Digests, so neither the comparison nor its length check leaks how long the secret is.
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(header.trim()), digest(secret));
}

/**
 * One `store/order/*` delivery for a BigCommerce store: verified by the secret header, applied once
 * per event (`hash`), and, since the body names only the order, the order is fetched with the
 * store's token and fed through the write path like a poll would (an archived order arrives as
 * cancelled). A delivery recorded only once its order is imported, so a failed fetch is retried.
 */
export async function receiveBigCommerceWebhook(storeId: number, headers: Headers, rawBody: string): Promise<BigCommerceWebhookOutcome> {
  const store = await db.read.selectFrom("stores").selectAll().where("id", "=", storeId).where("platform", "=", "bigcommerce").executeTakeFirst();
  const credentials = store?.credentials ? decryptCredentials(credentialBinding(store), store.credentials) : undefined;
  const secret = credentials?.webhookSecret;
  // One answer for a store that isn't there, has no secret or got a wrong one: ids don't leak (as receive-webhook.ts's REFUSED).
  if (!store || !credentials || !secret || !verifyBigCommerceSecret(headers.get(BIGCOMMERCE_SECRET_HEADER), secret)) {
    return { status: 401, message: "Unknown webhook or invalid signature." };
  }
  if (!store.active) return { status: 200, message: "Store is deactivated; ignored." };

  let callback: z.infer<typeof callbackSchema>;
  try {
    const parsed = callbackSchema.safeParse(JSON.parse(rawBody));
    if (!parsed.success) return { status: 400, message: "Not a BigCommerce webhook callback." };
    callback = parsed.data;
  } catch {
    return { status: 400, message: "Not a BigCommerce webhook callback." };
  }
  if (!callback.scope.startsWith("store/order/")) return { status: 200, message: "Not an order event; acknowledged." };

  const deliveryId = callback.hash ?? `${callback.scope}:${callback.data.id}:${callback.created_at ?? ""}`;
  const seen = await db.read.selectFrom("webhook_deliveries").select("delivery_id").where("store_id", "=", store.id).where("delivery_id", "=", deliveryId).executeTakeFirst();
  if (seen) return { status: 200, message: "Already received." };

  let order;
  try {
    const client = createBigCommerceClient({ platform: "bigcommerce", baseUrl: store.base_url ?? "", credentials });
    order = await fetchBigCommerceOrder(client, callback.data.id, bigcommerceWeightUnit(credentials.weightUnit));
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    // Worth BigCommerce's retry only when the store may answer later; polling is the safety net for the rest.
    if (error.kind === "unavailable" || error.kind === "rate_limited") return { status: 503, message: `BigCommerce could not give the order now: ${error.message}` };
    return { status: 200, message: `The order could not be read: ${error.message}` };
  }
  if (!order) {
    await recordDelivery(store.id, deliveryId);
    return { status: 200, message: "Not an order to import; acknowledged." };
  }

  const runId = await startImportRun(store.workspace_id, store.id, "store", "webhook", store.cursor);
  const [result] = await importOrders(store.workspace_id, store.id, [order], { source: "bigcommerce", runId, actor: `webhook:${store.id}` });
  await finishImportRun(store.workspace_id, runId, { status: result.outcome === "failed" ? "failed" : "succeeded", cursorAfter: store.cursor, error: result.outcome === "failed" ? result.reason : null });
  await recordDelivery(store.id, deliveryId);
  // Deliveries arriving make polling the store a safety net; the orders they create teach the schedule its rhythm.
  const delivery = { at: Date.now(), placedAt: result.outcome === "created" ? [order.orderDate] : [] };
  await db.write.updateTable("stores").set(scheduleAfterWebhook(store, delivery)).where("id", "=", store.id).execute();
  return { status: 200, message: `Order ${result.outcome}.` };
}

async function recordDelivery(storeId: number, deliveryId: string) {
  await db.write.insertInto("webhook_deliveries").values({ store_id: storeId, delivery_id: deliveryId, received_at: Date.now() }).onConflict((oc) => oc.doNothing()).execute();
}
