import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { DEMO, signIn } from "./helpers";

test.describe("API keys in settings", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.email, DEMO.password);
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByTestId("settings-sections")).toContainText("Ship-from locations");
    await page.getByTestId("settings-sections").getByRole("link", { name: "API keys" }).click();
    await expect(page).toHaveURL(/\/settings\/api-keys$/);
    await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  });

  test("an owner creates a key, sees its secret once, and revokes it", async ({ page }) => {
    const name = `Warehouse ${randomUUID().slice(0, 8)}`;
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("button", { name: "Create key" }).click();

    const created = page.getByTestId("api-key-created");
    await expect(created).toContainText(`Key "${name}" created`);
    await expect(created).toContainText("It won't be shown again");
    const key = await page.getByTestId("new-api-key").innerText();
    const secret = await page.getByTestId("new-api-secret").innerText();
    expect(key).toMatch(/^sd_live_[0-9A-Za-z]{24}$/);
    expect(secret).toMatch(/^[\w-]{43,}$/);

    const row = page.locator(`[data-testid="api-key-row"][data-key="${key}"]`);
    await expect(row).toContainText(name);
    await expect(row.getByTestId("api-key-status")).toHaveText("Active");
    await expect(row).toContainText("Never");

    await page.reload();
    await expect(row).toContainText(name);
    await expect(page.getByTestId("api-key-created")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(row.getByTestId("api-key-status")).toHaveText("Revoked");
    await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

    await page.reload();
    await expect(row.getByTestId("api-key-status")).toHaveText("Revoked");
  });

  test("cancelling the confirmation keeps the key active", async ({ page }) => {
    const name = `Keep me ${randomUUID().slice(0, 8)}`;
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByTestId("new-api-key").innerText();
    const row = page.locator(`[data-testid="api-key-row"][data-key="${key}"]`);
    await expect(row.getByTestId("api-key-status")).toHaveText("Active");

    page.once("dialog", (dialog) => dialog.dismiss());
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.reload();
    await expect(row.getByTestId("api-key-status")).toHaveText("Active");
  });

  test("a key needs a name", async ({ page }) => {
    await page.getByLabel("Key name").fill("   ");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText("Name the key (at most 100 characters).")).toBeVisible();
    await expect(page.getByTestId("api-key-created")).toHaveCount(0);
  });
});
