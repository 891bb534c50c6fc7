import { readJsonBody } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { MAX_CHUNK_BYTES, previewCsvOrders, type CsvChunkInput } from "@/lib/csv/csv-imports";

/** What importing these orders would do; nothing is written. */
export const POST = sessionRoute<{ importId: string }>(async (request, session, { importId }) => {
  const body = (await readJsonBody(request, MAX_CHUNK_BYTES)) as CsvChunkInput;
  return previewCsvOrders(session.workspaceId, importId, body, { actor: session.userId });
});
