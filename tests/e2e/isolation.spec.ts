import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, signIn, signUp } from "./helpers";

/** The pages whose path carries an id, and the demo merchant's id to put there; a new such page must be listed. */
const PAGES: Record<string, ((ids: { orderId: string; storeId: string }) => string) | { noWorkspaceIds: string }> = {
  "(app)/orders/[orderId]": ({ orderId }) => `/orders/${orderId}`,
  "(app)/orders/[orderId]/edit": ({ orderId }) => `/orders/${orderId}/edit`,
  "(app)/stores/[storeId]": ({ storeId }) => `/stores/${storeId}`,
  "(app)/stores/connect/[platform]": { noWorkspaceIds: "a platform's name" },
  "(auth)/invite/[token]": { noWorkspaceIds: "a random invitation token; the page checks the invited email before anyone can join" },
};

function dynamicPages(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === "page.tsx" && dir.includes("[")) found.push(relative("app", dir).split(sep).join("/"));
    }
  };
  walk("app");
  return found.sort();
}

test("another merchant's order and store pages answer not found, and show nothing of them", async ({ browser }) => {
  expect(dynamicPages()).toEqual(Object.keys(PAGES).sort());

  const demo = await browser.newPage();
  await signIn(demo, DEMO.email, DEMO.password);
  await demo.getByTestId("order-row").first().getByRole("link").first().click();
  await expect(demo).toHaveURL(/\/orders\/\d+$/);
  const orderId = /\/orders\/(\d+)$/.exec(demo.url())![1];
  const orderNumber = (await demo.getByRole("heading", { level: 1 }).innerText()).trim();
  await demo.goto("/stores");
  const storeLink = demo.getByTestId("store-row").first().locator('a[href^="/stores/"]').first();
  const storeId = /\/stores\/(\d+)/.exec((await storeLink.getAttribute("href")) ?? "")?.[1];
  expect(storeId, "a demo store's id").toBeTruthy();
  await demo.close();

  const other = await browser.newPage();
  await signUp(other, "Other Merchant");
  for (const [page, path] of Object.entries(PAGES)) {
    if (typeof path !== "function") continue;
    const response = await other.goto(path({ orderId, storeId: storeId! }));
    expect(response?.status(), page).toBe(404);
    await expect(other.getByRole("heading", { name: "Not found" }), page).toBeVisible();
    await expect(other.locator("body"), page).not.toContainText(orderNumber);
  }
});
