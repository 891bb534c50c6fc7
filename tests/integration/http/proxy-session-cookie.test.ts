import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

// Auth.js's wrapper, as its middleware behaves (next-auth/lib/index.js handleAuth): a signed-in
// request's answer gets the session cookie re-issued, appended after the proxy's own handler ran.
vi.mock("next-auth", () => ({
  default: () => ({
    auth: (handler: (request: unknown, event: unknown) => Promise<Response>) => async (request: object, event: unknown) => {
      const answer = await handler(Object.assign(request, { auth: { user: { id: "u1" } } }), event);
      const final = new Response(answer.body, answer);
      final.headers.append("set-cookie", "authjs.session-token=renewed; Path=/; HttpOnly; SameSite=Lax");
      final.headers.append("set-cookie", "__Secure-authjs.session-token.0=renewed-part; Path=/; Secure; HttpOnly");
      final.headers.append("set-cookie", "shipdeck-locale=fr; Path=/");
      return final;
    },
  }),
}));

describe("the proxy and the session cookie", () => {
  it("passes no re-issued session cookie on, so an answer in flight can't undo a sign-out; other cookies pass", async () => {
    const { proxy } = await import("@/proxy");
    const response = await proxy(new NextRequest("http://localhost/orders", { headers: { cookie: "authjs.session-token=current" } }), {} as never);
    expect(response.headers.getSetCookie()).toEqual(["shipdeck-locale=fr; Path=/"]);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
