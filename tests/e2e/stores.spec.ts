import { expect, test } from "@playwright/test";
import { startShopifyFake } from "../fakes/shopify/server";
import { signUp } from "./helpers";

const TOKEN = "shpat_e2e_0123456789abcdef";
let shop: Awaited<ReturnType<typeof startShopifyFake>>;

test.beforeAll(async () => {
  // A fake Shopify on this machine, its clock near now so a first import reaches its orders.
  shop = await startShopifyFake({ accessToken: TOKEN, startAt: Date.now() - 3_600_000 });
  shop.add({});
  shop.add({});
  const third = shop.add({});
  shop.cancel(third.id);
});

test.afterAll(async () => {
  await shop.close();
});

test("a merchant connects a Shopify store, tests it, imports it, and sees its orders", async ({ page }) => {
  await signUp(page, "Shopify Merchant");
  await page.getByRole("link", { name: "Stores" }).click();
  await page.getByRole("link", { name: "Connect store" }).click();
  await page.getByRole("link", { name: /^Shopify/ }).click();

  await page.getByLabel("Store name").fill("Trail Shop");
  await page.getByLabel("Shop address").fill(shop.url);
  await page.getByLabel("Admin API access token").fill("shpat_wrong");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Shopify refused the credentials (401)");
  await expect(page.getByTestId("form-error")).not.toContainText("shpat_wrong");

  await page.getByLabel("Admin API access token").fill(TOKEN);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Connection works.");
  await page.getByLabel("Admin API access token").fill(TOKEN);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/stores\/\d+$/);
  await expect(page.getByRole("heading", { name: "Trail Shop" })).toBeVisible();
  await expect(page.getByTestId("webhook-url")).toHaveText(/^http:\/\/localhost:\d+\/api\/webhooks\/shopify\/\d+$/);
  expect(await page.content()).not.toContain(TOKEN);

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText("3 new, 0 updated, 1 cancelled");
  await page.reload();
  await expect(page.getByTestId("import-run").first()).toContainText("Import button");
  await expect(page.getByTestId("import-run").first()).toContainText("Succeeded");
  // The run's line leads to exactly the orders it created.
  await page.getByTestId("import-run").first().getByTestId("run-orders").click();
  await expect(page.getByTestId("import-run-banner")).toContainText("Orders created by the import from Trail Shop on");
  await expect(page.getByTestId("order-row")).toHaveCount(3);

  await page.goto("/orders?status=all");
  await expect(page.getByTestId("order-row")).toHaveCount(3);
  await expect(page.getByTestId("count-cancelled")).toHaveText("1");

  // Nothing changed in the shop: the toolbar's Import finds nothing new.
  await page.getByTestId("import-button").click();
  await expect(page.getByTestId("import-result")).toHaveText("0 new, 0 updated, 0 cancelled");

  await page.goto("/stores");
  const row = page.getByTestId("store-row").filter({ hasText: "Trail Shop" });
  await expect(row.getByTestId("store-state")).toHaveText("OK");
  await expect(row).toContainText("3");
  await row.getByRole("link", { name: "Trail Shop" }).click();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await page.goto("/stores");
  await expect(page.getByTestId("store-row").filter({ hasText: "Trail Shop" }).getByTestId("store-state")).toHaveText("Deactivated");
  await page.goto("/orders?status=all");
  await expect(page.getByTestId("order-row")).toHaveCount(3);
});

test("the Integrations page lists every channel and what it supports", async ({ page }) => {
  await signUp(page, "Curious Merchant");
  await page.goto("/stores/integrations");
  for (const platform of ["Shopify", "WooCommerce", "Amazon", "BigCommerce", "Custom store"]) {
    await expect(page.getByRole("heading", { name: platform, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("integrations")).toContainText("X-Shopify-Hmac-Sha256");
});
