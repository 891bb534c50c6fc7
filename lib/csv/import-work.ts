import "server-only";
import { parseJsonBody } from "@/lib/errors";
import { applyCsvChunk, previewCsvOrders } from "./csv-imports";
import type { CsvChunkInput, CsvChunkOutcome, CsvPreview, CsvPreviewInput } from "./import-protocol";

/** A CSV import's heavy work: a chunk to apply, or entries to preview. The body is as sent: parsed where the work runs. */
export type ImportWork = { workspaceId: string; body: string; actor: string | null } & ({ work: "chunk"; importId: string; chunkIndex: number } | { work: "preview" });

/** Does the work where it is called: on an import thread (chunk-thread.ts), or on the app's thread where there is none. */
export async function doImportWork(work: ImportWork): Promise<CsvChunkOutcome | CsvPreview> {
  const input = parseJsonBody(work.body);
  const by = { actor: work.actor };
  return work.work === "chunk"
    ? applyCsvChunk(work.workspaceId, work.importId, work.chunkIndex, input as CsvChunkInput, by)
    : previewCsvOrders(work.workspaceId, input as CsvPreviewInput, by);
}
