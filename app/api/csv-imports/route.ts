import { readJsonBody } from "@/lib/http/api-route";
import { created, sessionRoute } from "@/lib/http/session-route";
import { startImportThreads } from "@/lib/csv/chunk-worker";
import { startCsvImport } from "@/lib/csv/csv-imports";
import { MAX_START_BYTES, type StartCsvImportInput } from "@/lib/csv/import-protocol";

/** Starts a CSV import into one of the merchant's stores: 201 `{ importId }`. Its chunks' threads, where there are any, start now. */
export const POST = sessionRoute(async (request, session) => {
  const body = (await readJsonBody(request, MAX_START_BYTES)) as StartCsvImportInput;
  const started = await startCsvImport(session.workspaceId, body);
  await startImportThreads();
  return created(started);
});
