import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/** `npm run test:reliability`: the malformed-input, fault, concurrency and killed-process suites (RELIABILITY.md). */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/reliability/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    // One file at a time: the figures are the server's, not the test runner's contention.
    fileParallelism: false,
  },
});
