import { Worker } from "node:worker_threads";
import type { CrossThreadLock } from "./write-lock";

/** How often writes are looked at; a checkpoint waits for one whole interval without any. */
const POLL_MS = 250;

/**
 * Copies the WAL back into the database file (a checkpoint) on a thread of its own, once writes
 * pause. Left to the writer, SQLite checkpoints inside the commit that crosses the threshold:
 * copying tens of megabytes and syncing them to disk in the middle of an import (0.8 s of a
 * 100,000-order CSV import, measured). Here an import's commits only append to the WAL, and the
 * copy happens once no thread has written for a while, off every event loop. The writer keeps a
 * high threshold of its own as a backstop, should writes never pause.
 */
export class IdleCheckpoints {
  readonly #timer: NodeJS.Timeout;
  #worker: Worker | undefined;
  #failed = false;
  #seen: number;
  #checkpointed: number;

  constructor(
    private readonly path: string,
    private readonly lock: CrossThreadLock,
  ) {
    this.#seen = this.#checkpointed = lock.acquisitions;
    this.#timer = setInterval(() => this.#look(), POLL_MS);
    this.#timer.unref();
  }

  close() {
    clearInterval(this.#timer);
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #look() {
    const writes = this.lock.acquisitions;
    const paused = writes === this.#seen;
    this.#seen = writes;
    if (!paused || writes === this.#checkpointed || this.#failed) return;
    this.#checkpointed = writes;
    this.#threadFor().postMessage("checkpoint");
  }

  #threadFor(): Worker {
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
    return this.#worker;
  }
}
