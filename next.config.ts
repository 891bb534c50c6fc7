import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // libSQL's native binding is loaded at run time from node_modules, never bundled.
  serverExternalPackages: ["@libsql/client", "libsql"],
  poweredByHeader: false,
  // The app's build checks the app; tests and benches are checked by `npm run typecheck` (in `npm test`).
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default nextConfig;
