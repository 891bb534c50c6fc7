import { SAMPLE_RATE_CARD_CSVS } from "@/lib/rating/sample-rate-card";

/** A built-in sample card as a CSV file: a template of the format (its prices are made up). */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const csv = Object.hasOwn(SAMPLE_RATE_CARD_CSVS, code) ? SAMPLE_RATE_CARD_CSVS[code] : undefined;
  if (!csv) return new Response("Not found", { status: 404 });
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${code}.csv"` } });
}
