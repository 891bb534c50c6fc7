import { db } from "@/db/database";
import { mapShopifyOrder } from "@/lib/connectors/shopify/map-order";
import type { ShopifyOrder } from "@/lib/connectors/shopify/payload";
import { mapWooCommerceOrder, type WooOrder } from "@/lib/connectors/woocommerce/map-order";
import { BIGCOMMERCE_SECRET_HEADER, receiveBigCommerceWebhook } from "@/lib/connectors/bigcommerce/webhook";
import { withdrawnWooCommerceOrder, WOO_ORDER_DELETED_TOPIC } from "@/lib/connectors/woocommerce/withdrawn-order";
import { AppError } from "@/lib/errors";
import { MAX_BODY_BYTES, readTextBody } from "@/lib/http/api-route";
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

// A Map, not `name in PROTOCOLS`: "__proto__" or "constructor" in the URL is just an unknown platform.
const PROTOCOLS_BY_NAME = new Map<string, WebhookPlatform>([
  ["shopify", "shopify"],
  ["woocommerce", "woocommerce"],
]);

export interface WebhookOutcome {
  status: 200 | 400 | 401 | 404 | 413 | 422 | 503;
  message: string;
}

/**
 * The one answer to every delivery that is not proven genuine: an unknown store, another
 * platform's store, a store without a webhook secret and a wrong or missing signature look alike,
 * so the answers don't tell which store ids exist.
 */
export const REFUSED: WebhookOutcome = { status: 401, message: "Unknown webhook or invalid signature." };

/**
 * A store's order webhook. Cheap checks come before the body is read (the platform, the store and
 * its secret, the signature header), the body is read as it streams within the API's limit, then
 * the HMAC over the raw body decides. A genuine delivery goes through the write path like a poll
 * would, and its id is recorded only once it was applied: a delivery that failed answers non-2xx,
 * so the platform retries it, and the retry is not mistaken for a duplicate.
 */
export async function receiveWebhook(platformName: string, storeIdText: string, request: Request): Promise<WebhookOutcome> {
  if (platformName === "bigcommerce") return receiveBigCommerceDelivery(storeIdText, request);
  const platform = PROTOCOLS_BY_NAME.get(platformName);
  if (!platform) return { status: 404, message: "Not found" };
  if (declaresTooLarge(request)) return TOO_LARGE;
  const storeId = storeIdOf(storeIdText);
  const protocol = PROTOCOLS[platform];
  const signature = request.headers.get(protocol.signatureHeader);
  if (storeId === null || !signature) return REFUSED;
  const store = await db.read.selectFrom("stores").selectAll().where("id", "=", storeId).where("platform", "=", platform).executeTakeFirst();
  const secret = store?.credentials ? decryptCredentials(credentialBinding(store), store.credentials).webhookSecret : undefined;
  if (!store || !secret) return REFUSED;

  const rawBody = await readDeliveryBody(request);
  if (rawBody === null || !verifyHmacSha256Base64(rawBody, signature, secret)) return REFUSED;
  if (!store.active) return { status: 200, message: "Store is deactivated; ignored." };

  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    // WooCommerce pings a new webhook with a form body (webhook_id=…).
    return { status: 200, message: "Not an order; acknowledged." };
  }
  const deliveryId = request.headers.get(protocol.deliveryHeader)?.slice(0, 200) || null;
  if (deliveryId) {
    const seen = await db.read.selectFrom("webhook_deliveries").select("store_id").where("store_id", "=", store.id).where("delivery_id", "=", deliveryId).executeTakeFirst();
    if (seen) return { status: 200, message: "Already received." };
  }

  let order: NormalizedOrder | null;
  try {
    order =
      platform === "woocommerce" && request.headers.get("x-wc-webhook-topic") === WOO_ORDER_DELETED_TOPIC
        ? await withdrawnWooCommerceOrder(store, payload)
        : protocol.map(payload);
  } catch (error) {
    // The mapper's words are about our code ("Cannot read properties of …"): logged, not sent.
    console.error(`Webhook delivery for store ${store.id} could not be mapped`, error);
    return { status: 400, message: "Not an order this store can import." };
  }
  if (!order) return recordDelivery(store.id, deliveryId, { status: 200, message: "Not an order to import; acknowledged." });

  const runId = await startImportRun(store.workspace_id, store.id, "store", "webhook", store.cursor);
  let result: Awaited<ReturnType<typeof importOrders>>[number];
  try {
    [result] = await importOrders(store.workspace_id, store.id, [order], { source: platform, runId, actor: `webhook:${store.id}` });
  } catch (error) {
    // Busy or down: the platform's retry will bring the order again.
    console.error(`Webhook delivery for store ${store.id} could not be imported`, error);
    await finishImportRun(store.workspace_id, runId, { status: "failed", cursorAfter: store.cursor, error: "The delivery could not be imported; the platform will retry it." }).catch(() => undefined);
    return { status: 503, message: "Could not import the order now; retry later." };
  }
  const failed = result.outcome === "failed";
  await finishImportRun(store.workspace_id, runId, { status: failed ? "failed" : "succeeded", cursorAfter: store.cursor, error: failed ? result.reason : null });
  if (failed) return { status: 422, message: `The order could not be imported: ${result.reason ?? "refused"}` };
  // Deliveries arriving make polling the store a safety net; the orders they create teach the schedule its rhythm.
  const delivery = { at: Date.now(), placedAt: result.outcome === "created" ? [order.orderDate] : [] };
  await db.write.updateTable("stores").set(scheduleAfterWebhook(store, delivery)).where("id", "=", store.id).execute();
  return recordDelivery(store.id, deliveryId, { status: 200, message: `Order ${result.outcome}.` });
}

/** Remembers a delivery that was applied, so the platform's duplicate is acknowledged without work. */
async function recordDelivery(storeId: number, deliveryId: string | null, outcome: WebhookOutcome): Promise<WebhookOutcome> {
  if (deliveryId) {
    await db.write.insertInto("webhook_deliveries").values({ store_id: storeId, delivery_id: deliveryId, received_at: Date.now() }).onConflict((oc) => oc.doNothing()).execute();
  }
  return outcome;
}

/**
 * BigCommerce signs nothing: its deliveries carry the store's secret in a header the merchant
 * registered. The same order of checks: the length, the store id and the header before the body
 * is read within the limit; then lib/connectors/bigcommerce/webhook.ts checks the secret itself.
 */
async function receiveBigCommerceDelivery(storeIdText: string, request: Request): Promise<WebhookOutcome> {
  if (declaresTooLarge(request)) return TOO_LARGE;
  const storeId = storeIdOf(storeIdText);
  if (storeId === null || !request.headers.get(BIGCOMMERCE_SECRET_HEADER)) return REFUSED;
  const rawBody = await readDeliveryBody(request);
  if (rawBody === null) return REFUSED;
  return (await receiveBigCommerceWebhook(storeId, request.headers, rawBody)) as WebhookOutcome;
}

const TOO_LARGE: WebhookOutcome = { status: 413, message: `The body is larger than ${MAX_BODY_BYTES} bytes.` };

/** Refused before any lookup, whether or not the store exists: the limit says nothing about stores. */
function declaresTooLarge(request: Request): boolean {
  return Number(request.headers.get("content-length")) > MAX_BODY_BYTES;
}

function storeIdOf(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

/** The body read as it streams within the limit; null when it is past it (sent without a length) or missing: nothing to verify. */
async function readDeliveryBody(request: Request): Promise<string | null> {
  try {
    return await readTextBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
