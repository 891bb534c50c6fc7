import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Strategy, ThreadShare } from "../database";
import { IdleCheckpoints } from "./idle-checkpoints";
import { NativeConnection } from "./native-connection";
import { CrossThreadLock } from "./write-lock";
import { WriteQueue } from "./write-queue";

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
/** The reader refuses writes, so a write sent to `read` fails at once instead of bypassing the queue. */
const READER_PRAGMAS = ["PRAGMA busy_timeout=2000", "PRAGMA cache_size=-32768", "PRAGMA temp_store=MEMORY", "PRAGMA query_only=1"];

/**
 * The embedded database: a read connection (WAL lets it read beside a write) and one write
 * connection behind a queue. A worker thread opens the file with the `share` its parent handed
 * over, and its writes take the parent's lock. The thread that opened the file first
 * checkpoints it, for every thread that writes to it.
 */
export function openFile(url: string, share?: ThreadShare): Strategy {
  const path = url.slice("file:".length).split("?")[0];
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const writer = new NativeConnection(path, WRITER_PRAGMAS);
  // An in-memory database exists only on its one connection.
  const reader = inMemory ? writer : new NativeConnection(path, READER_PRAGMAS);
  const lock = new CrossThreadLock(share?.writeLock);
  const checkpoints = share || inMemory ? undefined : new IdleCheckpoints(path, lock);
  const queue = new WriteQueue(writer, lock);
  return {
    read: (stmt) => reader.execute(stmt),
    write: queue,
    transaction: (fn) => queue.transaction(fn),
    threadShare: { url, writeLock: lock.buffer },
    close() {
      checkpoints?.close();
      if (reader !== writer) reader.close();
      writer.close();
    },
  };
}
