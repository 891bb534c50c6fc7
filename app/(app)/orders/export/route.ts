import type { NextRequest } from "next/server";
import { getWorkspaceSession } from "@/lib/auth/session";
import { ORDERS_EXPORT_COLUMNS, ordersToExportRows } from "@/lib/csv/export-orders";
import { toCsv } from "@/lib/csv/write-csv";
import { errorResponse } from "@/lib/http/api-route";
import { getTimeZone } from "@/lib/i18n/server";
import { exportFileName, listOrdersForExport, listSelectedOrdersForExport, MAX_EXPORT_ORDERS } from "@/lib/orders/list-orders-for-export";
import { parseOrderListQuery } from "@/lib/orders/list-query";

/** Excel reads a CSV without a byte order mark as the system's code page, mangling every accent. */
const BOM = "\uFEFF";

function selectedIds(param: string | null): number[] | null {
  if (!param) return null;
  const ids = param.split(",").map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
  return ids.length ? ids : null;
}

/**
 * The orders list's current view (same query string), every page of it, as the default-mapping
 * CSV: importing the file back changes nothing. Streamed batch by batch.
 */
export async function GET(request: NextRequest) {
  const session = await getWorkspaceSession();
  if (!session) return errorResponse("unauthorized", "Sign in to export orders.");
  const query = parseOrderListQuery(Object.fromEntries(request.nextUrl.searchParams));
  const timeZone = await getTimeZone();
  // `ids=1,2,3`: the list's "Export selected"; without it, the whole view.
  const ids = selectedIds(request.nextUrl.searchParams.get("ids"));
  const { truncated, batches } = ids ? await listSelectedOrdersForExport(session.workspaceId, ids) : await listOrdersForExport(session.workspaceId, query, timeZone);

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + toCsv([ORDERS_EXPORT_COLUMNS])));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(toCsv(ordersToExportRows(next.value, { timeZone }))));
      } catch (error) {
        console.error(error);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(timeZone)}"`,
      "Cache-Control": "no-store",
      "X-Export-Limit": String(MAX_EXPORT_ORDERS),
      "X-Export-Truncated": truncated ? "true" : "false",
    },
  });
}

