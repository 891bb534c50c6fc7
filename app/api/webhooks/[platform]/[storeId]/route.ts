import { NextResponse, type NextRequest } from "next/server";
import { receiveBigCommerceWebhook } from "@/lib/connectors/bigcommerce/webhook";
import { receiveWebhook, type WebhookPlatform } from "@/lib/imports/receive-webhook";

/** Store webhooks: no session or API key; the platform's HMAC signature (BigCommerce: the secret header) is the caller's proof. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ platform: string; storeId: string }> }) {
  const { platform, storeId } = await params;
  if ((platform !== "shopify" && platform !== "woocommerce" && platform !== "bigcommerce") || !/^\d+$/.test(storeId)) {
    return NextResponse.json({ message: "Not found" }, { status: 404 });
  }
  const rawBody = await request.text();
  const outcome =
    platform === "bigcommerce"
      ? await receiveBigCommerceWebhook(Number(storeId), request.headers, rawBody)
      : await receiveWebhook(platform as WebhookPlatform, Number(storeId), request.headers, rawBody);
  return NextResponse.json({ message: outcome.message }, { status: outcome.status });
}
