import { createServer, type AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { startCustomStoreFake, type CustomStoreFake } from "../fakes/custom-store/server";
import { startShopifyFake, type ShopifyFake } from "../fakes/shopify/server";
import { signUp } from "./helpers";

const USERNAME = "shipstation";
const PASSWORD = "s3cret-Pa55word";
const TOKEN = "shpat_ux_0123456789abcdef";
let legacy: CustomStoreFake;
let shop: ShopifyFake;

test.beforeAll(async () => {
  legacy = await startCustomStoreFake({ username: USERNAME, password: PASSWORD, startAt: Date.now() - 3_600_000 });
  shop = await startShopifyFake({ accessToken: TOKEN, startAt: Date.now() - 3_600_000 });
  shop.add({});
  shop.add({});
});

/** A dead address: a local port that was free a moment ago, nothing listening on it. */
async function deadAddress(): Promise<{ url: string; host: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}` };
}
test.afterAll(async () => {
  await Promise.all([legacy.close(), shop.close()]);
});

test("Test connection keeps every field typed, the password too; the saved store shows its username and the password as saved", async ({ page }) => {
  await signUp(page, "Legacy Merchant");
  await page.goto("/stores/connect/custom_store");
  // A way back from the connect form.
  await expect(page.getByRole("link", { name: "Cancel" })).toHaveAttribute("href", "/stores");
  await page.getByLabel("Store name").fill("Legacy Shop");
  await page.getByLabel("Export URL").fill(legacy.endpoint);
  await page.getByLabel("Username").fill(USERNAME);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Awaiting Shipment").fill("paid");

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Connection works.");
  await expect(page.getByLabel("Password")).toHaveValue(PASSWORD);
  await expect(page.getByLabel("Username")).toHaveValue(USERNAME);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/stores\/\d+$/);
  await expect(page.getByRole("heading", { name: "Legacy Shop" })).toBeVisible();
  await expect(page.getByTestId("store-connection-state")).toHaveCount(0);
  await expect(page.getByLabel("Username")).toHaveValue(USERNAME);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toHaveAttribute("placeholder", "•••• saved — leave blank to keep");
  expect(await page.content()).not.toContain(PASSWORD);

  // Renaming it: nothing to retype.
  await page.getByLabel("Store name").fill("Legacy Shop EU");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Saved. Connection works.");
  await page.goto("/stores");
  await expect(page.getByTestId("store-row").filter({ hasText: "Legacy Shop EU" }).getByTestId("store-state")).toHaveText("OK");
});

test("a dead address says what failed in plain words at once, and a store saved anyway shows the failure, not OK", async ({ page }) => {
  const dead = await deadAddress();
  await signUp(page, "Dead Merchant");
  await page.goto("/stores");
  await expect(page.getByRole("button", { name: "Import all stores" })).toBeVisible();
  await page.getByRole("link", { name: "Connect store" }).click();
  await page.getByRole("link", { name: /^Shopify/ }).click();
  await expect(page.getByRole("link", { name: "← Other platforms" })).toBeVisible();
  await page.getByLabel("Store name").fill("Dead Shop");
  await page.getByLabel("Shop address").fill(dead.url);
  await page.getByLabel("Admin API access token").fill(TOKEN);

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(`Connection failed: Shopify could not be reached: connection refused by ${dead.host}: nothing answers at that address and port.`);
  await expect(page.getByLabel("Admin API access token")).toHaveValue(TOKEN);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/stores\/\d+$/);
  await expect(page.getByTestId("store-connection-state")).toContainText("Connection failed: Shopify could not be reached: connection refused");
  await page.goto("/stores");
  const row = page.getByTestId("store-row").filter({ hasText: "Dead Shop" });
  await expect(row.getByTestId("store-state")).toHaveText("Connection failed");
  await expect(row.getByTestId("store-connection")).toContainText(`connection refused by ${dead.host}`);
});

test("deleting a store says first that its orders stay, then keeps them under its name marked deleted", async ({ page }) => {
  await signUp(page, "Leaving Merchant");
  await page.goto("/stores/connect/shopify");
  await page.getByLabel("Store name").fill("Old Shop");
  await page.getByLabel("Shop address").fill(shop.url);
  await page.getByLabel("Admin API access token").fill(TOKEN);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/stores\/\d+$/);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText("2 new, 0 updated, 0 cancelled");

  await page.reload();
  await page.getByRole("button", { name: "Delete store…" }).click();
  const confirm = page.getByTestId("delete-store-confirm");
  await expect(confirm).toContainText("Delete Old Shop?");
  await expect(page.getByTestId("delete-store-orders")).toHaveText("Its 2 orders stay in Shipdeck, listed under “Old Shop (deleted)”: you can still find, edit and ship them.");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);

  await page.getByRole("button", { name: "Delete store…" }).click();
  await page.getByTestId("delete-store-confirm").getByRole("button", { name: "Delete store" }).click();
  await expect(page).toHaveURL(/\/stores$/);
  await expect(page.getByTestId("store-row").filter({ hasText: "Old Shop" })).toHaveCount(0);

  await page.goto("/orders?status=all");
  await expect(page.getByTestId("order-row")).toHaveCount(2);
  await expect(page.getByTestId("order-row").first()).toContainText("Old Shop (deleted)");
});
