import { readJsonBody } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { MAX_CHUNK_BYTES, previewCsvOrders, type CsvPreviewInput } from "@/lib/csv/csv-imports";

/** What importing these orders into the store would do; nothing is written and no import starts. */
export const POST = sessionRoute(async (request, session) => {
  const body = (await readJsonBody(request, MAX_CHUNK_BYTES)) as CsvPreviewInput;
  return previewCsvOrders(session.workspaceId, body, { actor: session.userId });
});
