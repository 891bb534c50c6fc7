import "server-only";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { getDatabase, type ThreadShare } from "@/db/database";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { CsvImporter } from "./csv-imports";
import type { CsvChunkOutcome, CsvPreview } from "./import-protocol";
import { doImportWork, type ImportWork } from "./import-work";

/** Work for an import thread; its body is parsed there, so parsing does not hold the app's thread. */
export type ImportThreadRequest = ImportWork & { id: number };

export type ImportThreadReply =
  | { id: number; ok: true; value: CsvChunkOutcome | CsvPreview }
  | { id: number; ok: false; appError: { code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> } }
  | { id: number; ok: false; failure: string };

interface ImportThread {
  worker: Worker;
  databaseUrl: string;
  pending: Map<number, { resolve: (value: CsvChunkOutcome | CsvPreview) => void; reject: (error: Error) => void }>;
  /** Ends the thread once it has had nothing to do for IDLE_THREAD_MS. */
  idleTimer?: NodeJS.Timeout;
}

/** An idle import thread gives its memory back (its heap and page cache) after this long; the next import starts another. */
const IDLE_THREAD_MS = 60_000;
/**
 * Two threads, where there are two cores: while one writes its chunk (writes take turns under the
 * lock), the other parses and checks the next, about a third of a chunk's work. bench:csv's
 * first import measured 10% faster than on one thread; more would only wait for the lock.
 */
const IMPORT_THREADS = Math.min(2, availableParallelism());

let threads: ImportThread[] = [];
let nextRequestId = 1;

/**
 * `applyCsvChunk` on one of the CSV import's threads, where the database is a local file (the
 * seam says so by sharing it with threads); elsewhere here, as a thread would buy nothing.
 * Applying a 1,000-order chunk is about 60 ms of synchronous JSON, validation and SQLite work: on
 * the app's thread it would hold up every other request for as long. Each import thread writes
 * through its own connection under the write lock it shares with the app's, and answers exactly
 * what `applyCsvChunk` answers or throws.
 */
export async function applyCsvChunkFromBody(workspaceId: string, importId: string, chunkIndex: number, body: string, by: CsvImporter): Promise<CsvChunkOutcome> {
  return (await onImportThread({ work: "chunk", workspaceId, importId, chunkIndex, body, actor: by.actor })) as CsvChunkOutcome;
}

/**
 * `previewCsvOrders` where a chunk would be applied: a preview parses, checks and writes (then
 * takes back) as much as a chunk does. On the app's thread, a 50,000-order preview kept a plain
 * request waiting 96–175 ms (p95); here 17–22 ms (BENCHMARKS.md).
 */
export async function previewCsvOrdersFromBody(workspaceId: string, body: string, by: CsvImporter): Promise<CsvPreview> {
  return (await onImportThread({ work: "preview", workspaceId, body, actor: by.actor })) as CsvPreview;
}

async function onImportThread(work: ImportWork): Promise<CsvChunkOutcome | CsvPreview> {
  const share = await getDatabase().threadShare();
  if (!share) return doImportWork(work);
  const current = importThreadFor(share);
  const id = nextRequestId++;
  return new Promise((resolve, reject) => {
    clearTimeout(current.idleTimer);
    if (current.pending.size === 0) current.worker.ref();
    current.pending.set(id, { resolve, reject });
    current.worker.postMessage({ ...work, id } satisfies ImportThreadRequest);
  });
}

/** Starts the import threads, where there are any, ahead of the first chunk: loading their code overlaps the browser reading it. */
export async function startImportThreads(): Promise<void> {
  const share = await getDatabase().threadShare();
  if (!share) return;
  importThreadFor(share);
  while (threads.length < IMPORT_THREADS) startThread(share);
}

/** How many import threads are running now. */
export function runningImportThreads(): number {
  return threads.length;
}

/** An idle thread of this database, else a new one while there are fewer than IMPORT_THREADS, else the least busy. */
function importThreadFor(share: ThreadShare): ImportThread {
  for (const other of threads.filter((running) => running.databaseUrl !== share.url)) void other.worker.terminate();
  threads = threads.filter((running) => running.databaseUrl === share.url);
  const idle = threads.find((running) => running.pending.size === 0);
  if (idle) return idle;
  if (threads.length < IMPORT_THREADS) return startThread(share);
  return threads.reduce((least, running) => (running.pending.size < least.pending.size ? running : least));
}

function startThread(share: ThreadShare): ImportThread {
  const workerData = { share };
  const worker = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./chunk-thread.ts", import.meta.url), { workerData })
    : // Outside Next.js (tests, scripts) the thread's module is TypeScript source, read through tsx,
      // as a server would read it (the react-server condition makes "server-only" the empty module it is there).
      new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url.replace(/chunk-worker\.ts$/, "chunk-thread.ts"))}); });`, {
        eval: true,
        workerData,
        execArgv: [...process.execArgv, "--conditions=react-server"],
      });
  const started: ImportThread = { worker, databaseUrl: share.url, pending: new Map() };
  worker.unref();
  endWhenIdle(started);
  worker.on("message", (reply: ImportThreadReply) => settle(started, reply));
  worker.on("error", (error) => stop(started, error));
  worker.on("exit", (code) => stop(started, new Error(`The CSV import thread stopped (exit code ${code}).`)));
  threads.push(started);
  return started;
}

function settle(owner: ImportThread, reply: ImportThreadReply) {
  const waiting = owner.pending.get(reply.id);
  if (!waiting) return;
  owner.pending.delete(reply.id);
  if (owner.pending.size === 0) {
    owner.worker.unref();
    endWhenIdle(owner);
  }
  if (reply.ok) waiting.resolve(reply.value);
  else if ("appError" in reply) waiting.reject(new AppError(reply.appError.code, reply.appError.message, reply.appError.fieldErrors));
  else waiting.reject(new Error(`The CSV import thread failed: ${reply.failure}`));
}

function endWhenIdle(owner: ImportThread) {
  clearTimeout(owner.idleTimer);
  owner.idleTimer = setTimeout(() => {
    forget(owner);
    void owner.worker.terminate();
  }, IDLE_THREAD_MS);
  owner.idleTimer.unref();
}

/** A thread that died fails what it was given; the next chunk starts a new one. */
function stop(owner: ImportThread, error: Error) {
  clearTimeout(owner.idleTimer);
  forget(owner);
  for (const waiting of owner.pending.values()) waiting.reject(error);
  owner.pending.clear();
}

function forget(owner: ImportThread) {
  threads = threads.filter((running) => running !== owner);
}
