/**
 * One of the CSV import's threads: applies chunks the app's thread hands over (see
 * chunk-worker.ts), on its own connection to the database file the app shares with it.
 */
import "server-only";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase, useDatabase, type ThreadShare } from "@/db/database";
import { AppError, parseJsonBody } from "@/lib/errors";
import { applyCsvChunk } from "./csv-imports";
import type { ChunkReply, ChunkRequest } from "./chunk-worker";
import type { CsvChunkInput } from "./import-protocol";

const { share } = workerData as { share: ThreadShare };
useDatabase(openDatabase(share.url, undefined, share));

parentPort!.on("message", async (request: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    const input = parseJsonBody(request.body) as CsvChunkInput;
    const value = await applyCsvChunk(request.workspaceId, request.importId, request.chunkIndex, input, { actor: request.actor });
    reply = { id: request.id, ok: true, value };
  } catch (error) {
    reply =
      error instanceof AppError
        ? { id: request.id, ok: false, appError: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } }
        : { id: request.id, ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
