import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Tests are the server: the guard that keeps server modules out of browser bundles has nothing to guard here.
      "server-only": fileURLToPath(new URL("./tests/helpers/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    // The fake platforms listen on 127.0.0.1; tests/integration/connectors/private-addresses.test.ts turns this off to test the guard.
    env: { ALLOW_PRIVATE_STORE_URLS: "1" },
    hookTimeout: 30_000,
  },
});
