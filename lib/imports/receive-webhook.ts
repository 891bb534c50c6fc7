import { db } from "@/db/database";
import { mapShopifyOrder } from "@/lib/connectors/shopify/map-order";
import type { ShopifyOrder } from "@/lib/connectors/shopify/payload";
import { mapWooCommerceOrder, type WooOrder } from "@/lib/connectors/woocommerce/map-order";
import { withdrawnWooCommerceOrder, WOO_ORDER_DELETED_TOPIC } from "@/lib/connectors/woocommerce/withdrawn-order";
import { verifyHmacSha256Base64 } from "@/lib/http/webhook-signature";
import { importOrders } from "@/lib/orders/import-orders";
import type { NormalizedOrder } from "@/lib/orders/schema";
import { credentialBinding, decryptCredentials } from "@/lib/stores/credentials";
import { finishImportRun, startImportRun } from "./import-runs";
import { scheduleAfterWebhook } from "./store-schedule";

export type WebhookPlatform = "shopify" | "woocommerce";

interface WebhookProtocol {
  signatureHeader: string;
  deliveryHeader: string;
  map(payload: unknown): NormalizedOrder | null;
}

const PROTOCOLS: Record<WebhookPlatform, WebhookProtocol> = {
  shopify: { signatureHeader: "x-shopify-hmac-sha256", deliveryHeader: "x-shopify-webhook-id", map: (payload) => mapShopifyOrder(payload as ShopifyOrder) },
  woocommerce: { signatureHeader: "x-wc-webhook-signature", deliveryHeader: "x-wc-webhook-delivery-id", map: (payload) => mapWooCommerceOrder(payload as WooOrder) },
};

export interface WebhookOutcome {
  status: 200 | 401 | 404 | 400;
  message: string;
}

/**
 * A store's order webhook: verified over the raw body with the store's webhook secret, applied
 * once per delivery id, and fed through the write path like a poll would. Polling stays the
 * safety net, so a delivery that can't be used is acknowledged, not retried forever.
 */
export async function receiveWebhook(platform: WebhookPlatform, storeId: number, headers: Headers, rawBody: string): Promise<WebhookOutcome> {
  const protocol = PROTOCOLS[platform];
  const store = await db.read.selectFrom("stores").selectAll().where("id", "=", storeId).where("platform", "=", platform).executeTakeFirst();
  const secret = store?.credentials ? decryptCredentials(credentialBinding(store), store.credentials).webhookSecret : undefined;
  if (!store || !secret) return { status: 404, message: "No webhook is set up for this store." };
  if (!verifyHmacSha256Base64(rawBody, headers.get(protocol.signatureHeader), secret)) return { status: 401, message: "Invalid signature." };
  if (!store.active) return { status: 200, message: "Store is deactivated; ignored." };

  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    // WooCommerce pings a new webhook with a form body (webhook_id=…).
    return { status: 200, message: "Not an order; acknowledged." };
  }
  const deliveryId = headers.get(protocol.deliveryHeader);
  if (deliveryId) {
    const inserted = await db.write
      .insertInto("webhook_deliveries")
      .values({ store_id: store.id, delivery_id: deliveryId, received_at: Date.now() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { status: 200, message: "Already received." };
  }

  let order: NormalizedOrder | null;
  try {
    order =
      platform === "woocommerce" && headers.get("x-wc-webhook-topic") === WOO_ORDER_DELETED_TOPIC
        ? await withdrawnWooCommerceOrder(store, payload)
        : protocol.map(payload);
  } catch (error) {
    return { status: 400, message: `Not an order this store can import: ${(error as Error).message}` };
  }
  if (!order) return { status: 200, message: "Not an order to import; acknowledged." };
  const runId = await startImportRun(store.workspace_id, store.id, "store", "webhook", store.cursor);
  const [result] = await importOrders(store.workspace_id, store.id, [order], { source: platform, runId, actor: `webhook:${store.id}` });
  await finishImportRun(store.workspace_id, runId, { status: result.outcome === "failed" ? "failed" : "succeeded", cursorAfter: store.cursor, error: result.outcome === "failed" ? result.reason : null });
  // Deliveries arriving make polling the store a safety net; the orders they create teach the schedule its rhythm.
  const delivery = { at: Date.now(), placedAt: result.outcome === "created" ? [order.orderDate] : [] };
  await db.write.updateTable("stores").set(scheduleAfterWebhook(store, delivery)).where("id", "=", store.id).execute();
  return { status: 200, message: `Order ${result.outcome}.` };
}
