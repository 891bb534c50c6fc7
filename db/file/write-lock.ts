/**
 * The write lock of one database file, shared by the threads of a process that each hold a write
 * connection to it (the app's, and the CSV import's). Taken before SQLite's own lock, so a
 * thread waits for it asynchronously instead of sleeping in SQLite's busy handler, which would
 * block its event loop for as long as the other thread's transaction lasts. It also counts the
 * writes, so a checkpoint can wait for a pause in all of them.
 */
export class CrossThreadLock {
  readonly #state: Int32Array;

  /** A new lock, or the one whose buffer another thread handed over. */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.#state = new Int32Array(buffer);
  }

  /** What to hand another thread so it takes the same lock. */
  get buffer(): SharedArrayBuffer {
    return this.#state.buffer as SharedArrayBuffer;
  }

  /** How many times the lock has been taken, by any thread (wrapping): unchanged means no write since. */
  get acquisitions(): number {
    return Atomics.load(this.#state, ACQUISITIONS);
  }

  async acquire(): Promise<void> {
    while (Atomics.compareExchange(this.#state, HOLDER, UNLOCKED, LOCKED) !== UNLOCKED) {
      const wait = Atomics.waitAsync(this.#state, HOLDER, LOCKED);
      if (wait.async) await wait.value;
    }
    Atomics.add(this.#state, ACQUISITIONS, 1);
  }

  release(): void {
    Atomics.store(this.#state, HOLDER, UNLOCKED);
    Atomics.notify(this.#state, HOLDER, 1);
  }
}

const HOLDER = 0;
const ACQUISITIONS = 1;
const UNLOCKED = 0;
const LOCKED = 1;
