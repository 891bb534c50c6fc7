import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // libSQL's native binding is loaded at run time from node_modules, never bundled.
  serverExternalPackages: ["@libsql/client", "libsql", "@libsql/kysely-libsql"],
  poweredByHeader: false,
};

export default nextConfig;
