import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

/** CSP violations the browser reports on the console while `run` goes. */
async function cspViolations(page: Page, run: () => Promise<void>): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await run();
  return violations;
}

test("pages work under their CSP: every inline script carries the nonce, and nothing is refused", async ({ page }) => {
  const violations = await cspViolations(page, async () => {
    const signInPage = await page.goto("/sign-in");
    const csp = signInPage!.headers()["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(signInPage!.headers()["x-content-type-options"]).toBe("nosniff");
    expect(signInPage!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const inlineNonces = await page.locator("script:not([src])").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
    expect(inlineNonces.length).toBeGreaterThan(0);
    expect(new Set(inlineNonces)).toEqual(new Set([nonce]));

    await signIn(page, DEMO.email, DEMO.password);
    for (const path of ["/orders?status=all", "/stores", "/orders/import", "/rates", "/settings"]) {
      const response = await page.goto(path);
      expect(response!.status()).toBe(200);
      await page.waitForLoadState("networkidle");
    }
    // Client-side navigation still runs (React hydrated under the CSP).
    await page.goto("/orders");
    await page.getByTestId("tab-all").click();
    await expect(page.getByTestId("tab-all")).toHaveAttribute("aria-current", "page");
  });
  expect(violations).toEqual([]);
});

test("the API answers with nosniff and no-store", async ({ request }) => {
  const response = await request.get("/api/v1/orders");
  expect(response.status()).toBe(401);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["cache-control"]).toContain("no-store");
});

test("/stores/connect/__proto__ and its kin are not found, not a server error", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  for (const name of ["__proto__", "constructor", "toString"]) {
    const response = await page.goto(`/stores/connect/${name}`);
    expect(response!.status()).toBe(404);
  }
});
