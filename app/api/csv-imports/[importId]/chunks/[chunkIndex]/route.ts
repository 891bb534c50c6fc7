import { readTextBody } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { applyCsvChunkFromBody } from "@/lib/csv/chunk-worker";
import { MAX_CHUNK_BYTES } from "@/lib/csv/import-protocol";
import { AppError } from "@/lib/errors";

/** Imports one chunk of the file (on one of the import's threads where the database is a file); sending a chunk again answers its stored results. */
export const PUT = sessionRoute<{ importId: string; chunkIndex: string }>(async (request, session, { importId, chunkIndex }) => {
  if (!/^\d{1,9}$/.test(chunkIndex)) throw new AppError("invalid_input", "The chunk index is a whole number from 0.", { chunkIndex: ["The chunk index is a whole number from 0."] });
  const body = await readTextBody(request, MAX_CHUNK_BYTES);
  return applyCsvChunkFromBody(session.workspaceId, importId, Number(chunkIndex), body, { actor: session.userId });
});
