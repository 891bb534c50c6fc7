import { db } from "@/db/database";
import type { Platform } from "@/db/schema";
import { signUpUser } from "@/lib/auth/sign-up";
import { importOrders } from "@/lib/orders/import-orders";
import type { NormalizedOrder } from "@/lib/orders/schema";
import { generateOrders } from "./generate-orders";

export const DEMO_EMAIL = "demo@shipdeck.test";
export const DEMO_PASSWORD = "shipdeck-demo";

const DEMO_STORES: { platform: Platform; name: string; prefix: string; share: number }[] = [
  { platform: "shopify", name: "Shopify · Trailhead Supply", prefix: "SH-", share: 0.5 },
  { platform: "woocommerce", name: "WooCommerce · Cedar & Sage", prefix: "WC-", share: 0.3 },
  { platform: "amazon", name: "Amazon · US marketplace", prefix: "AMZ-", share: 0.2 },
];

/**
 * The demo merchant: a workspace with three stores and `orderCount` realistic orders, some of
 * them changed and cancelled by later imports so order pages have a history. Does nothing if
 * the demo merchant exists.
 */
export async function seedDemoWorkspace(orderCount = 3000): Promise<{ created: boolean; email: string; password: string }> {
  const existing = await db.read.selectFrom("User").select("id").where("email", "=", DEMO_EMAIL).executeTakeFirst();
  if (existing) return { created: false, email: DEMO_EMAIL, password: DEMO_PASSWORD };

  const { workspaceId } = await signUpUser({ name: "Demo Merchant", email: DEMO_EMAIL, password: DEMO_PASSWORD, workspaceName: "Trailhead Demo Co." });
  const now = Date.now();
  for (const [index, spec] of DEMO_STORES.entries()) {
    const store = await db.write
      .insertInto("stores")
      .values({ workspace_id: workspaceId, platform: spec.platform, name: spec.name, auto_import: 0, created_at: now, modified_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const orders = [...generateOrders(Math.round(orderCount * spec.share), { seed: index + 1, numberPrefix: spec.prefix, endAt: now, spanDays: 120 })];
    await importOrders(workspaceId, store.id, orders, { source: spec.platform, actor: "demo" });
    await importOrders(workspaceId, store.id, laterChanges(orders), { source: spec.platform, actor: "demo" });
  }
  return { created: true, email: DEMO_EMAIL, password: DEMO_PASSWORD };
}

/** What a channel sends later: a few addresses corrected, a few open orders cancelled, one cancelled order reopened. */
function laterChanges(orders: NormalizedOrder[]): NormalizedOrder[] {
  const open = orders.filter((order) => order.status === "awaiting_shipment");
  const changed = open.slice(0, 10).map((order) => ({ ...order, shipTo: { ...order.shipTo!, street2: "Apt 4B" } }));
  const cancelled = open.slice(10, 15).map((order) => ({ ...order, status: "cancelled" as const }));
  const reopened = orders.filter((order) => order.status === "cancelled").slice(-1).map((order) => ({ ...order, status: "awaiting_shipment" as const }));
  return [...changed, ...cancelled, ...reopened];
}
