import type { StatementRunner } from "../database";
import type { NativeConnection } from "./native-connection";
import type { CrossThreadLock } from "./write-lock";

/**
 * The one write connection of a database file, one task at a time. A transaction is one task:
 * it holds the queue from BEGIN to COMMIT, so a write from elsewhere in the process waits its
 * turn instead of failing with TRANSACTION_ACTIVE or blocking the event loop in SQLite's busy
 * handler. Each task also holds the lock the threads writing to this file share.
 */
export class WriteQueue implements StatementRunner {
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: NativeConnection,
    private readonly lock: CrossThreadLock,
  ) {}

  execute(stmt: Parameters<NativeConnection["execute"]>[0]) {
    return this.#run(async () => this.connection.execute(stmt));
  }

  batch(stmts: Parameters<NativeConnection["batch"]>[0]) {
    return this.#run(async () => this.connection.batch(stmts));
  }

  transaction<T>(fn: (tx: StatementRunner) => Promise<T>): Promise<T> {
    return this.#run(async () => {
      this.connection.begin();
      try {
        const result = await fn(this.connection.inTransaction);
        this.connection.commit();
        return result;
      } catch (error) {
        this.connection.rollback();
        throw error;
      }
    });
  }

  /** Runs `task` once every earlier one has finished, holding the cross-thread lock. */
  #run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(async () => {
      await this.lock.acquire();
      try {
        return await task();
      } finally {
        this.lock.release();
      }
    });
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
