import { describe, expect, it } from "vitest";
import { callRoute, createApiCredentials } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function call(method: "GET" | "POST" | "PUT" | "DELETE", path: string[], authorization: string | null) {
  const route = await import("@/app/api/v1/[...path]/route");
  return callRoute<{ path: string[] }>(route[method], `/api/v1/${path.join("/")}`, {
    method,
    authorization,
    params: { path },
    body: method === "POST" || method === "PUT" ? {} : undefined,
  });
}

describe("an unknown /api/v1 path", () => {
  it("answers a JSON 404 in the API's error shape, for every method", async () => {
    const { workspaceId } = await createMerchant();
    const { authorization } = await createApiCredentials(workspaceId);
    for (const method of ["GET", "POST", "PUT", "DELETE"] as const) {
      const response = await call(method, ["nope"], authorization);
      expect(response.status, method).toBe(404);
      expect(response.json).toEqual({ code: "not_found", message: expect.stringContaining("/api/v1/nope") });
      expect(response.headers.get("x-rate-limit-limit")).not.toBeNull();
    }
    const deep = await call("GET", ["orders", "1", "items"], authorization);
    expect(deep.status).toBe(404);
  });

  it("asks for the API key first: a stranger learns nothing about which paths exist", async () => {
    for (const method of ["GET", "POST"] as const) {
      const response = await call(method, ["nope"], null);
      expect(response.status).toBe(401);
      expect(response.json.code).toBe("unauthorized");
    }
  });
});
