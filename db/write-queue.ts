import type { InStatement, ResultSet, Transaction, TransactionMode } from "@libsql/client";

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
 * TRANSACTION_ACTIVE or blocking the event loop on SQLite's busy handler.
 */
export class WriteQueue {
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;

  constructor(
    private readonly client: WritableConnection,
    /** Told when the queue goes from empty to busy and back (the WAL is checkpointed in the pauses). */
    private readonly activity?: { writesStarted(): void; writesPaused(): void },
  ) {}

  /** Runs `task` once every earlier task and transaction has finished. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.#started();
    const result = this.#tail.then(task);
    this.#tail = result.then(
      () => this.#settled(),
      () => this.#settled(),
    );
    return result;
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    return this.run(() => this.client.execute(stmt));
  }

  batch(stmts: InStatement[], mode: TransactionMode = "write"): Promise<ResultSet[]> {
    return this.run(() => this.client.batch(stmts, mode));
  }

  /** Opens a transaction that keeps the queue until it settles. */
  async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    this.#started();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve)).then(() => this.#settled());
    const opened = this.run(async () => {
      const tx = await this.client.transaction(mode);
      return tx;
    });
    // The queue stays blocked on `held` until the transaction is over.
    const previousTail = this.#tail;
    this.#tail = previousTail.then(() => held);
    let tx: Transaction;
    try {
      tx = await opened;
    } catch (error) {
      release();
      throw error;
    }
    return settleReleasing(tx, release);
  }

  #started() {
    if (this.#pending++ === 0) this.activity?.writesStarted();
  }

  #settled() {
    if (--this.#pending === 0) this.activity?.writesPaused();
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
