import { sessionRoute } from "@/lib/http/session-route";
import { getCsvImport } from "@/lib/csv/csv-imports";

/** Where an import stands, so a reloaded page can show it. */
export const GET = sessionRoute<{ importId: string }>(async (_request, session, { importId }) => getCsvImport(session.workspaceId, importId));
