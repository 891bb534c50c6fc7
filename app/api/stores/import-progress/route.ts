import { sessionRoute } from "@/lib/http/session-route";
import { localeOfRequest } from "@/lib/i18n/server";
import { createTranslator } from "@/lib/i18n/translate";
import { importProgressIn, listImportProgress } from "@/lib/imports/import-progress";

/** Every connected store's newest import and whether one holds it: the Import button of all stores polls this. Errors are in the merchant's language. */
export const GET = sessionRoute(async (request, session) => {
  const t = createTranslator(localeOfRequest(request));
  return (await listImportProgress(session.workspaceId)).map((progress) => importProgressIn(t, progress));
});
