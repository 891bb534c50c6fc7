import { sessionRoute } from "@/lib/http/session-route";
import { getImportProgress } from "@/lib/imports/import-progress";

/** One store's newest import and whether one holds it: its Import button polls this while an import runs. */
export const GET = sessionRoute<{ storeId: string }>(async (_request, session, { storeId }) => getImportProgress(session.workspaceId, Number(storeId)));
