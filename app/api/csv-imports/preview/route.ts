import { readJsonBody } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { previewCsvOrders } from "@/lib/csv/csv-imports";
import { MAX_CHUNK_BYTES, type CsvPreviewInput } from "@/lib/csv/import-protocol";

/**
 * What importing these entries into the store would do, one result per entry; nothing is
 * written and no import starts. Entries sent by fingerprint answer whether they are unchanged.
 */
export const POST = sessionRoute(async (request, session) => {
  const body = (await readJsonBody(request, MAX_CHUNK_BYTES)) as CsvPreviewInput;
  return previewCsvOrders(session.workspaceId, body, { actor: session.userId });
});
