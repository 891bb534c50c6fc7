import { readJsonBody } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { findUnchangedCsvOrders, MAX_CHUNK_BYTES, type UnchangedCsvOrdersInput } from "@/lib/csv/csv-imports";

/** Which of a file's orders (by number and fingerprint) are as their rows last imported them: `{ unchanged: [orderNumber…] }`. */
export const POST = sessionRoute(async (request, session) => {
  const body = (await readJsonBody(request, MAX_CHUNK_BYTES)) as UnchangedCsvOrdersInput;
  return findUnchangedCsvOrders(session.workspaceId, body);
});
