// The WAL checkpointer's thread (see idle-checkpoints.ts). Plain JavaScript on purpose: it needs
// only libsql, and so runs as it is under Next.js, tsx scripts and Vitest alike.
import { parentPort, workerData } from "node:worker_threads";
import Database from "libsql";

const db = new Database(workerData.path);
// Never wait on the app's writer: a checkpoint that finds the database busy is simply tried at the next pause.
db.exec("PRAGMA busy_timeout=0");
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");

parentPort.on("message", () => {
  try {
    checkpoint.run();
  } catch {
    // Busy or locked: the next pause in writes tries again, and the writer's own backstop bounds the WAL.
  }
});
