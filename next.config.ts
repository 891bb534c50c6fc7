import type { NextConfig } from "next";
import { API_SECURITY_HEADERS, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // libSQL's native binding is loaded at run time from node_modules, never bundled.
  serverExternalPackages: ["@libsql/client", "libsql"],
  poweredByHeader: false,
  // The app's build checks the app; tests and benches are checked by `npm run typecheck` (in `npm test`).
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Pages get these and their CSP from proxy.ts; the API and static files get them here.
  async headers() {
    return [
      { source: "/:path*", headers: asList(STATIC_SECURITY_HEADERS) },
      { source: "/api/:path*", headers: asList(API_SECURITY_HEADERS) },
    ];
  },
};

export default nextConfig;
