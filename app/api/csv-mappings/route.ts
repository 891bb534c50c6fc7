import { readJsonBody } from "@/lib/http/api-route";
import { created, sessionRoute } from "@/lib/http/session-route";
import { listCsvMappings, saveCsvMapping, type CsvMappingInput } from "@/lib/csv/csv-mappings";

const MAX_MAPPING_BYTES = 256 * 1024;

/** Saved column mappings, those saved for `?headersSignature=` first. */
export const GET = sessionRoute(async (request, session) => listCsvMappings(session.workspaceId, request.nextUrl.searchParams.get("headersSignature")));

/** Saves a mapping under a name (the same name replaces it): 201 `{ id }`. */
export const POST = sessionRoute(async (request, session) => {
  const body = (await readJsonBody(request, MAX_MAPPING_BYTES)) as CsvMappingInput;
  return created(await saveCsvMapping(session.workspaceId, body));
});
