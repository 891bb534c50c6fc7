import { AsyncLocalStorage } from "node:async_hooks";
import type { InStatement, ResultSet } from "@libsql/client";
import { Kysely } from "kysely";
import { kyselyOver } from "./kysely";
import type { Database } from "./schema";

export const DEFAULT_DATABASE_URL = "file:./data/shipdeck.db";

/** Runs statements: a transaction's, or a whole strategy's writes. */
export interface StatementRunner {
  execute(stmt: InStatement): Promise<ResultSet>;
  /** The statements in order, in one round trip; inside a transaction they are part of it, otherwise they are one. */
  batch(stmts: InStatement[]): Promise<ResultSet[]>;
}

/** What a strategy (db/file, db/remote) gives the seam. Nothing outside db/ sees it. */
export interface Strategy {
  read(stmt: InStatement): Promise<ResultSet>;
  write: StatementRunner;
  /** Commits when `fn` resolves, rolls back when it throws; this process's other writes wait meanwhile. */
  transaction<T>(fn: (tx: StatementRunner) => Promise<T>): Promise<T>;
  /** What a worker thread needs to write to the same database; only a file has it. */
  threadShare?: ThreadShare;
  close(): void;
}

export interface ThreadShare {
  url: string;
  /** The lock every thread's writer takes before SQLite's own (db/file/write-lock.ts). */
  writeLock: SharedArrayBuffer;
}

/** A write transaction, handed to `transaction(fn)`'s callback: everything `fn` writes goes through it. */
export interface WriteTransaction extends StatementRunner {
  db: Kysely<Database>;
}

/**
 * The database, whatever kind it is. Reads and writes say which they are: `read` refuses a query
 * built as a write at once (and on a file runs on a connection that refuses to write), `write` and
 * `batch` go through the process's one writer, and `transaction(fn)` hands `fn` the transaction's
 * own handle.
 *
 * While a transaction is open, a write through this handle from inside it would wait for that
 * very transaction to end: it fails at once instead, saying to use the transaction's handle.
 */
export interface DatabaseHandle {
  read: Kysely<Database>;
  write: Kysely<Database>;
  batch(stmts: InStatement[]): Promise<ResultSet[]>;
  /** `rollback: true` undoes everything `fn` wrote and still returns its result (a dry run). */
  transaction<T>(fn: (tx: WriteTransaction) => Promise<T>, options?: { rollback?: boolean }): Promise<T>;
  /** Resolves to what a worker thread needs to write here, or to null when this database is not a local file. */
  threadShare(): Promise<ThreadShare | null>;
  close(): Promise<void>;
}

/** Which transaction the running code is inside, if any. */
const openTransaction = new AsyncLocalStorage<true>();

export class NestedWriteError extends Error {
  constructor(what: string) {
    super(
      `${what} through the top-level database handle while a transaction is open would wait for that transaction to end. ` +
        "Pass the transaction's handle (the `tx` given to transaction(fn)) to the code that writes.",
    );
    this.name = "NestedWriteError";
  }
}

function refuseInsideTransaction(what: string) {
  if (openTransaction.getStore()) throw new NestedWriteError(what);
}

class RolledBack<T> {
  constructor(readonly result: T) {}
}

/**
 * Opens the database named by `url`: a `file:` URL gets the file strategy (db/file), any other
 * (`libsql:`, `https:`, `wss:`…) the remote one (db/remote.ts). Each is loaded only when chosen, so a
 * remote deployment never loads the file engine or starts a thread. The strategy opens on first use.
 */
export function openDatabase(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL, authToken = process.env.DATABASE_AUTH_TOKEN, share?: ThreadShare): DatabaseHandle {
  let opened: Promise<Strategy> | undefined;
  const strategy = () =>
    (opened ??= url.startsWith("file:")
      ? import("./file/open-file").then(({ openFile }) => openFile(url, share))
      : import("./remote").then(({ openRemote }) => openRemote(url, authToken)));

  const write = async (stmt: InStatement) => {
    refuseInsideTransaction("A write");
    return (await strategy()).write.execute(stmt);
  };
  return {
    read: kyselyOver(async (stmt) => (await strategy()).read(stmt), { readOnly: true }),
    write: kyselyOver(write),
    async batch(stmts) {
      refuseInsideTransaction("A batch of writes");
      return (await strategy()).write.batch(stmts);
    },
    async transaction(fn, { rollback = false } = {}) {
      refuseInsideTransaction("Opening another transaction");
      try {
        return await (await strategy()).transaction((runner) =>
          openTransaction.run(true, async () => {
            const result = await fn({ db: kyselyOver((stmt) => runner.execute(stmt)), execute: (stmt) => runner.execute(stmt), batch: (stmts) => runner.batch(stmts) });
            if (rollback) throw new RolledBack(result);
            return result;
          }),
        );
      } catch (error) {
        if (error instanceof RolledBack) return error.result;
        throw error;
      }
    },
    threadShare: async () => (await strategy()).threadShare ?? null,
    async close() {
      if (opened) (await opened).close();
    },
  };
}

const globalForDb = globalThis as unknown as { shipdeckDatabase?: DatabaseHandle };

/** The process's one database handle (kept across dev-server reloads). */
export function getDatabase(): DatabaseHandle {
  globalForDb.shipdeckDatabase ??= openDatabase();
  return globalForDb.shipdeckDatabase;
}

/** Points the process at another database: tests give each file its own. */
export function useDatabase(handle: DatabaseHandle) {
  globalForDb.shipdeckDatabase = handle;
}

/** The process's database, by intent: `db.read`, `db.write`, `db.batch(…)`, `db.transaction(fn)`. */
export const db = {
  get read() {
    return getDatabase().read;
  },
  get write() {
    return getDatabase().write;
  },
  batch: (stmts: InStatement[]) => getDatabase().batch(stmts),
  transaction: <T>(fn: (tx: WriteTransaction) => Promise<T>, options?: { rollback?: boolean }) => getDatabase().transaction(fn, options),
};
