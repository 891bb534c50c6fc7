import { describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import { setTimeout as sleep } from "node:timers/promises";
import { CrossThreadLock } from "@/db/file/write-lock";

/** A thread that takes the lock from `buffer`, says so, holds it for `holdMs`, and sets `released[0]` just before it lets go. */
function holdOnAnotherThread(buffer: SharedArrayBuffer, released: Int32Array, holdMs: number): Worker {
  const lockModule = new URL("../../../db/file/write-lock.ts", import.meta.url).href;
  return new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     import("tsx/esm/api")
       .then(({ register }) => { register(); return import(${JSON.stringify(lockModule)}); })
       .then(async ({ CrossThreadLock }) => {
         const lock = new CrossThreadLock(workerData.buffer);
         await lock.acquire();
         parentPort.postMessage("held");
         setTimeout(() => { Atomics.store(new Int32Array(workerData.released), 0, 1); lock.release(); }, workerData.holdMs);
       });`,
    { eval: true, workerData: { buffer, released: released.buffer, holdMs } },
  );
}

describe("CrossThreadLock", () => {
  it("lets one holder in at a time on one thread, and counts every acquisition", async () => {
    const lock = new CrossThreadLock();
    await lock.acquire();
    let second = false;
    const waiting = lock.acquire().then(() => (second = true));
    await sleep(30);
    expect(second).toBe(false);
    lock.release();
    await waiting;
    expect(second).toBe(true);
    expect(lock.acquisitions).toBe(2);
    lock.release();
  });

  it("makes a thread wait, without blocking its event loop, while another thread holds the lock", async () => {
    const lock = new CrossThreadLock();
    const released = new Int32Array(new SharedArrayBuffer(4));
    const worker = holdOnAnotherThread(lock.buffer, released, 200);
    try {
      await new Promise((resolve) => worker.once("message", resolve));
      let ticks = 0;
      const ticking = setInterval(() => ticks++, 10);
      await lock.acquire();
      clearInterval(ticking);
      // This thread got in only after the other let go, and its timers ran while it waited.
      expect(Atomics.load(released, 0)).toBe(1);
      expect(ticks).toBeGreaterThan(5);
      expect(lock.acquisitions).toBe(2);
      lock.release();
    } finally {
      await worker.terminate();
    }
  });
});
