import { NextResponse, type NextRequest } from "next/server";
import { receiveWebhook } from "@/lib/imports/receive-webhook";

/** Store webhooks: no session or API key; the platform's HMAC signature (BigCommerce: the secret header) is the caller's proof. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ platform: string; storeId: string }> }) {
  const { platform, storeId } = await params;
  const outcome = await receiveWebhook(platform, storeId, request);
  return NextResponse.json({ message: outcome.message }, { status: outcome.status });
}
