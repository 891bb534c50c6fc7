import { NextResponse, type NextRequest } from "next/server";
import { receiveWebhook, type WebhookPlatform } from "@/lib/imports/receive-webhook";

/** Store webhooks: no session or API key; the platform's HMAC signature is the caller's proof. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ platform: string; storeId: string }> }) {
  const { platform, storeId } = await params;
  if ((platform !== "shopify" && platform !== "woocommerce") || !/^\d+$/.test(storeId)) {
    return NextResponse.json({ message: "Not found" }, { status: 404 });
  }
  const rawBody = await request.text();
  const outcome = await receiveWebhook(platform as WebhookPlatform, Number(storeId), request.headers, rawBody);
  return NextResponse.json({ message: outcome.message }, { status: outcome.status });
}
