import { readTextBody } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { previewCsvOrdersFromBody } from "@/lib/csv/chunk-worker";
import { MAX_CHUNK_BYTES } from "@/lib/csv/import-protocol";

/**
 * What importing these entries into the store would do, one result per entry; nothing is
 * written and no import starts. Entries sent by fingerprint answer whether they are unchanged.
 * Checked on one of the import's threads where the database is a file, as a chunk is.
 */
export const POST = sessionRoute(async (request, session) => {
  const body = await readTextBody(request, MAX_CHUNK_BYTES);
  return previewCsvOrdersFromBody(session.workspaceId, body, { actor: session.userId });
});
