/**
 * One of the CSV import's threads: applies chunks and previews entries the app's thread hands
 * over (see chunk-worker.ts), on its own connection to the database file the app shares with it.
 */
import "server-only";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase, useDatabase, type ThreadShare } from "@/db/database";
import { AppError } from "@/lib/errors";
import type { ImportThreadReply, ImportThreadRequest } from "./chunk-worker";
import { doImportWork } from "./import-work";

const { share } = workerData as { share: ThreadShare };
useDatabase(openDatabase(share.url, undefined, share));

parentPort!.on("message", async (request: ImportThreadRequest) => {
  let reply: ImportThreadReply;
  try {
    reply = { id: request.id, ok: true, value: await doImportWork(request) };
  } catch (error) {
    reply =
      error instanceof AppError
        ? { id: request.id, ok: false, appError: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } }
        : { id: request.id, ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
