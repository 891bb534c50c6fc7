import type { InStatement, ResultSet, Transaction, TransactionMode } from "@libsql/client";
import type { CrossThreadLock } from "./write-lock";

/** What the queue needs of a connection: @libsql/client's Client and NativeWriter both fit. */
export interface WritableConnection {
  execute(stmt: InStatement): Promise<ResultSet>;
  batch(stmts: InStatement[], mode?: TransactionMode): Promise<ResultSet[]>;
  transaction(mode?: TransactionMode): Promise<Transaction>;
}

/**
 * Serialises every call on a single-connection libSQL client. An open interactive
 * transaction holds the queue until it commits, rolls back or closes, so a write
 * from elsewhere in the process waits its turn instead of failing with
 * TRANSACTION_ACTIVE or blocking the event loop on SQLite's busy handler. When another thread
 * writes to the same file, each task and transaction also holds the lock they share.
 */
export class WriteQueue {
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: WritableConnection,
    /** Held with every write, as another thread may write to the same file. */
    private readonly lock?: CrossThreadLock,
  ) {}

  /** Runs `task` once every earlier task and transaction has finished. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(() => this.#holdingLock(task));
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    return this.run(() => this.client.execute(stmt));
  }

  batch(stmts: InStatement[], mode: TransactionMode = "write"): Promise<ResultSet[]> {
    return this.run(() => this.client.batch(stmts, mode));
  }

  /** Opens a transaction that keeps the queue (and the shared lock) until it settles. */
  async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    let releaseQueue!: () => void;
    const held = new Promise<void>((resolve) => (releaseQueue = resolve));
    const opened = this.#tail.then(async () => {
      await this.lock?.acquire();
      try {
        return await this.client.transaction(mode);
      } catch (error) {
        this.lock?.release();
        throw error;
      }
    });
    // The queue stays blocked on `held` until the transaction is over.
    this.#tail = opened.then(
      () => held,
      () => undefined,
    );
    let tx: Transaction;
    try {
      tx = await opened;
    } catch (error) {
      releaseQueue();
      throw error;
    }
    return settleReleasing(tx, () => {
      this.lock?.release();
      releaseQueue();
    });
  }

  async #holdingLock<T>(task: () => Promise<T>): Promise<T> {
    const lock = this.lock;
    if (!lock) return task();
    await lock.acquire();
    try {
      return await task();
    } finally {
      lock.release();
    }
  }
}

function settleReleasing(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const done = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "commit" || prop === "rollback") {
        return async () => {
          try {
            return await (value as () => Promise<void>).call(target);
          } finally {
            done();
          }
        };
      }
      if (prop === "close") {
        return () => {
          try {
            (value as () => void).call(target);
          } finally {
            done();
          }
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
