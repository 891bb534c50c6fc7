import { sessionRoute } from "@/lib/http/session-route";
import { finishCsvImport } from "@/lib/csv/csv-imports";

/** Ends the import: its status and counts. Finishing twice answers the same. */
export const POST = sessionRoute<{ importId: string }>(async (_request, session, { importId }) => finishCsvImport(session.workspaceId, importId));
