import { Worker } from "node:worker_threads";

/** How long writes must pause before the WAL is copied back into the database. */
const IDLE_MS = 250;

/**
 * Copies the WAL back into the database file (a checkpoint) on a thread of its own, once writes
 * pause. Left to the writer, SQLite checkpoints inside the commit that crosses the threshold:
 * copying tens of megabytes and syncing them to disk in the middle of an import (0.8 s of a
 * 100,000-order CSV import, measured). Here the import's commits only append to the WAL, and the
 * copy happens while the app is idle, off its event loop. The writer keeps a high threshold of
 * its own as a backstop, should writes never pause.
 */
export class IdleCheckpoints {
  #timer: NodeJS.Timeout | undefined;
  #worker: Worker | undefined;
  #failed = false;

  constructor(private readonly path: string) {}

  writesStarted() {
    clearTimeout(this.#timer);
  }

  writesPaused() {
    clearTimeout(this.#timer);
    if (this.#failed) return;
    this.#timer = setTimeout(() => this.#checkpoint(), IDLE_MS);
    this.#timer.unref();
  }

  close() {
    clearTimeout(this.#timer);
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #checkpoint() {
    if (!this.#worker) {
      this.#worker = new Worker(new URL("./checkpoint-thread.mjs", import.meta.url), { workerData: { path: this.path } });
      this.#worker.unref();
      this.#worker.on("error", (error) => {
        // Only the backstop is left: the WAL still gets checkpointed, by the writer.
        console.error("The WAL checkpoint thread failed:", error);
        this.#failed = true;
        this.#worker = undefined;
      });
    }
    this.#worker.postMessage("checkpoint");
  }
}
