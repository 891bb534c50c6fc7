/**
 * The CSV import's own thread: applies chunks the app's thread hands over (see chunk-worker.ts),
 * on its own connection to the database the app shares with it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openSharedDatabase, useDatabase, type SharedDatabase } from "@/db/client";
import { AppError, parseJsonBody } from "@/lib/errors";
import { applyCsvChunk, type CsvChunkInput } from "./csv-imports";
import type { ChunkReply, ChunkRequest } from "./chunk-worker";

useDatabase(openSharedDatabase((workerData as { database: SharedDatabase }).database));

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
