import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { contentSecurityPolicy, pageSecurityHeaders } from "@/lib/http/security-headers";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

// Auth.js's wrapper only adds `request.auth` (its package does not load outside Next.js's bundler); signed out here.
vi.mock("next-auth", () => ({
  default: () => ({
    auth: (handler: (request: unknown, event: unknown) => unknown) => (request: object, event: unknown) => handler(Object.assign(request, { auth: null }), event),
  }),
}));

/** The real proxy.ts, called as Next.js calls it for a page request. */
async function throughProxy(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const { proxy } = await import("@/proxy");
  return (await (proxy as unknown as (request: NextRequest, event: unknown) => Promise<Response>)(new NextRequest(url, { headers }), {})) as Response;
}

function directives(policy: string | null): Map<string, string> {
  return new Map((policy ?? "").split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(" ")]));
}

describe("security headers on pages", () => {
  it("sends a CSP whose scripts need this answer's nonce, and the headers against framing, sniffing and leaking URLs", async () => {
    const response = await throughProxy("http://localhost/sign-in");
    const csp = directives(response.headers.get("content-security-policy"));
    expect(csp.get("script-src")).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("worker-src")).toBe("'self' blob:");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
    expect(response.headers.get("strict-transport-security")).toBeNull(); // plain http: HSTS means nothing there
  });

  it("hands Next.js the same nonce to put on its scripts, a fresh one per request", async () => {
    const first = await throughProxy("http://localhost/sign-in");
    const second = await throughProxy("http://localhost/sign-in");
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    // NextResponse.next({ request: { headers } }) passes the request's new headers in x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(first));
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(first.headers.get("content-security-policy"));
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });

  it("sends the headers on the redirect to sign-in too, and HSTS when a proxy says the page came over https", async () => {
    const response = await throughProxy("http://localhost/orders", { "x-forwarded-proto": "https" });
    expect(response.status).toBe(307);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(directives(response.headers.get("content-security-policy")).get("frame-ancestors")).toBe("'none'");
  });

  it("allows eval only under next dev", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", development: false })).not.toContain("unsafe-eval");
    const { responseHeaders } = pageSecurityHeaders(new Request("https://shipdeck.example/orders"), { development: false });
    expect(responseHeaders.get("strict-transport-security")).not.toBeNull();
  });
});

describe("security headers on the API and static files", () => {
  it("are set for every path in next.config.ts, and the API's answers are never stored", async () => {
    const { default: config } = await import("@/next.config");
    const rules = await config.headers!();
    const headersFor = (path: string) =>
      Object.fromEntries(
        rules
          .filter((rule) => new RegExp(`^${rule.source.replace("/:path*", "(/.*)?")}$`).test(path))
          .flatMap((rule) => rule.headers.map(({ key, value }) => [key.toLowerCase(), value])),
      );
    expect(headersFor("/api/v1/orders")).toMatchObject({ "x-content-type-options": "nosniff", "cache-control": "no-store", "referrer-policy": "strict-origin-when-cross-origin" });
    expect(headersFor("/_next/static/chunks/app.js")).toMatchObject({ "x-content-type-options": "nosniff" });
    expect(headersFor("/_next/static/chunks/app.js")["cache-control"]).toBeUndefined();
  });
});
