import { sessionRoute } from "@/lib/http/session-route";
import { listImportProgress } from "@/lib/imports/import-progress";

/** Every connected store's newest import and whether one holds it: the Import button of all stores polls this. */
export const GET = sessionRoute(async (_request, session) => listImportProgress(session.workspaceId));
