import { sessionRoute } from "@/lib/http/session-route";
import { localeOfRequest } from "@/lib/i18n/server";
import { createTranslator } from "@/lib/i18n/translate";
import { getImportProgress, importProgressIn } from "@/lib/imports/import-progress";

/** One store's newest import and whether one holds it: its Import button polls this while an import runs. Errors are in the merchant's language. */
export const GET = sessionRoute<{ storeId: string }>(async (request, session, { storeId }) =>
  importProgressIn(createTranslator(localeOfRequest(request)), await getImportProgress(session.workspaceId, Number(storeId))),
);
