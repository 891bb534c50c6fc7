/**
 * One of the CSV import's threads: applies chunks and previews entries the app's thread hands
 * over (see chunk-worker.ts), on its own connection to the database file the app shares with it.
 */
import "server-only";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase, useDatabase, type ThreadShare } from "@/db/database";
import { AppError, parseJsonBody } from "@/lib/errors";
import { applyCsvChunk, previewCsvOrders } from "./csv-imports";
import type { ImportThreadReply, ImportThreadRequest } from "./chunk-worker";
import type { CsvChunkInput, CsvPreviewInput } from "./import-protocol";

const { share } = workerData as { share: ThreadShare };
useDatabase(openDatabase(share.url, undefined, share));

parentPort!.on("message", async (request: ImportThreadRequest) => {
  let reply: ImportThreadReply;
  try {
    const input = parseJsonBody(request.body);
    const by = { actor: request.actor };
    const value =
      request.work === "chunk"
        ? await applyCsvChunk(request.workspaceId, request.importId, request.chunkIndex, input as CsvChunkInput, by)
        : await previewCsvOrders(request.workspaceId, input as CsvPreviewInput, by);
    reply = { id: request.id, ok: true, value };
  } catch (error) {
    reply =
      error instanceof AppError
        ? { id: request.id, ok: false, appError: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } }
        : { id: request.id, ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
