import { createClient, type Client, type InStatement, type ResultSet, type Transaction, type TransactionMode } from "@libsql/client";
import { Kysely } from "kysely";
import { LibsqlDialect } from "@libsql/kysely-libsql";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Database } from "./schema";
import { IdleCheckpoints } from "./idle-checkpoints";
import { NativeWriter } from "./native-writer";
import { CrossThreadLock } from "./write-lock";
import { WriteQueue, type WritableConnection } from "./write-queue";

export const DEFAULT_DATABASE_URL = "file:./data/shipdeck.db";

/** What the app talks to: reads may run side by side, writes go through one queue. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  /** Raw access for the bulk write path; same routing as `db`. */
  sql: SqlClient;
  /** What a worker thread needs to open the same database: its URL and, for a file, the write lock it shares. */
  shared: SharedDatabase;
  close(): void;
}

export interface SharedDatabase {
  url: string;
  authToken?: string;
  writeLock?: SharedArrayBuffer;
}

export interface SqlClient {
  execute(stmt: InStatement): Promise<ResultSet>;
  batch(stmts: InStatement[], mode?: TransactionMode): Promise<ResultSet[]>;
  transaction(mode?: TransactionMode): Promise<Transaction>;
}

// The larger page cache keeps bulk imports at full speed as the indexes outgrow SQLite's 2 MiB
// default (measured: 14.3k → 15.3k orders/s at 300k orders, and flat after). Checkpoints run on
// their own thread when writes pause (IdleCheckpoints); the writer's own, at 256 MiB of WAL, is
// the backstop for writes that never pause, and the WAL file is cut back to 64 MiB after.
const WRITER_PRAGMAS = [
  "PRAGMA journal_mode=WAL",
  "PRAGMA synchronous=NORMAL",
  "PRAGMA foreign_keys=ON",
  "PRAGMA busy_timeout=2000",
  "PRAGMA cache_size=-65536",
  "PRAGMA wal_autocheckpoint=65536",
  "PRAGMA journal_size_limit=67108864",
  "PRAGMA temp_store=MEMORY",
];
const READ_ONLY_SQL = /^\s*(select|explain)\b/i;

/**
 * Opens the database named by `url`. A `file:` URL gets a pool of read connections (WAL lets
 * them run beside a write) and one write connection with its pragmas set once and its
 * statements cached (NativeWriter), behind a queue. A remote URL (Turso, libSQL
 * server) gets one client; the server orders writes. A worker thread opens the database its
 * parent shares (`handle.shared`, `openSharedDatabase`): its writes take the parent's write lock.
 */
export function openDatabase(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL, authToken = process.env.DATABASE_AUTH_TOKEN, writeLock?: SharedArrayBuffer): DatabaseHandle {
  if (!url.startsWith("file:")) {
    const client = createClient({ url, authToken });
    return handleFor(client, client, { url, authToken }, () => client.close());
  }
  ensureDirectoryFor(url);
  const path = filePathOf(url);
  const connection = new NativeWriter(path);
  // The writer's one connection keeps these for every write.
  for (const pragma of WRITER_PRAGMAS) void connection.execute(pragma);
  const lock = new CrossThreadLock(writeLock);
  // The thread that opened the file checkpoints it, for all the threads that write to it.
  const checkpoints = writeLock || path === ":memory:" ? undefined : new IdleCheckpoints(path, lock);
  const writer = new WriteQueue(connection, lock);
  const reader = createClient({ url, concurrency: 8 });
  return handleFor(reader, writer, { url, writeLock: lock.buffer }, () => {
    checkpoints?.close();
    reader.close();
    connection.close();
  });
}

/** Opens, in a worker thread, the database its parent thread shared. */
export function openSharedDatabase(shared: SharedDatabase): DatabaseHandle {
  return openDatabase(shared.url, shared.authToken, shared.writeLock);
}

function handleFor(reader: Client, writer: WritableConnection, shared: SharedDatabase, close: () => void): DatabaseHandle {
  const sql: SqlClient = {
    execute: (stmt) => (isReadOnly(stmt) ? reader.execute(stmt) : writer.execute(stmt)),
    batch: (stmts, mode = "write") => (mode === "read" ? reader.batch(stmts, mode) : writer.batch(stmts, mode)),
    transaction: (mode = "write") => (mode === "read" ? reader.transaction(mode) : writer.transaction(mode)),
  };
  const db = new Kysely<Database>({ dialect: new LibsqlDialect({ client: sql as unknown as Client }) });
  return { db, sql, shared, close };
}

function isReadOnly(stmt: InStatement): boolean {
  return READ_ONLY_SQL.test(typeof stmt === "string" ? stmt : stmt.sql);
}

function filePathOf(url: string): string {
  return url.slice("file:".length).split("?")[0];
}

function ensureDirectoryFor(url: string) {
  const path = filePathOf(url);
  if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
}

const globalForDb = globalThis as unknown as { shipdeckDatabase?: DatabaseHandle };

/** The process's one database handle (kept across dev-server reloads). */
export function getDatabase(): DatabaseHandle {
  globalForDb.shipdeckDatabase ??= openDatabase();
  return globalForDb.shipdeckDatabase;
}

export function getDb(): Kysely<Database> {
  return getDatabase().db;
}

/** Points the process at another database: tests give each file its own. */
export function useDatabase(handle: DatabaseHandle) {
  globalForDb.shipdeckDatabase = handle;
}
