import { readJsonBody } from "@/lib/http/api-route";
import { created, sessionRoute } from "@/lib/http/session-route";
import { startImportThread } from "@/lib/csv/chunk-worker";
import { MAX_START_BYTES, startCsvImport, type StartCsvImportInput } from "@/lib/csv/csv-imports";

/** Starts a CSV import into one of the merchant's stores: 201 `{ importId }`. Its chunks are written on the import's thread, started here. */
export const POST = sessionRoute(async (request, session) => {
  const body = (await readJsonBody(request, MAX_START_BYTES)) as StartCsvImportInput;
  const started = await startCsvImport(session.workspaceId, body);
  startImportThread();
  return created(started);
});
