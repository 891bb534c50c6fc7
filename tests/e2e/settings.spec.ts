import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signUp } from "./helpers";

const FIXTURE = resolve("tests/fixtures/csv/e2e-orders.csv");

async function expectNoHorizontalOverflow(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(390);
}

test("the settings home lists every section, and each new one fits a 390 px phone", async ({ page }) => {
  await signUp(page, "Home Merchant");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const sections = page.getByTestId("settings-sections").getByRole("link");
  await expect(sections).toHaveText(["API keys", "Ship-from locations", "Rate cards", "CSV mappings", "Members", "Profile and password"]);

  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, heading] of [
    ["/settings", "Settings"],
    ["/settings/csv-mappings", "CSV mappings"],
    ["/settings/members", "Members"],
    ["/settings/profile", "Profile and password"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }
});

test("an owner invites by link; the invitee signs up through it and joins; the owner changes their role and removes them", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signUp(page, "Olga Owner");
  const inviteeEmail = `${randomUUID().slice(0, 8)}@example.test`;

  await page.goto("/settings/members");
  await expect(page.getByTestId("member")).toHaveCount(1);
  await page.getByLabel("Email").fill(inviteeEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Make an invitation link" }).click();
  const link = (await page.getByTestId("invitation-link").innerText()).trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("invitation").filter({ hasText: inviteeEmail })).toContainText("Member");

  await test.step("someone signed in with another email is told whose invitation it is, and can't join", async () => {
    await page.goto(link);
    await expect(page.getByTestId("invitation").getByRole("alert")).toHaveText(`This invitation is for ${inviteeEmail}. Sign out, then sign in or create an account with that email.`);
    await expect(page.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  });

  const invitee = await (await browser.newContext()).newPage();
  await test.step("signed out, the link leads through sign-up and back to the invitation", async () => {
    await invitee.goto(link);
    await expect(invitee).toHaveURL(/\/sign-in\?callbackUrl=%2Finvite%2F/);
    await invitee.getByRole("link", { name: "Create an account" }).click();
    await expect(invitee).toHaveURL(/\/sign-up\?callbackUrl=%2Finvite%2F/);
    await invitee.getByLabel("Your name").fill("Ines Invitee");
    await invitee.getByLabel("Email").fill(inviteeEmail);
    await invitee.getByLabel("Password").fill("a-long-password");
    await invitee.getByRole("button", { name: "Create account" }).click();
    await expect(invitee).toHaveURL(/\/invite\//);
    await expect(invitee.getByRole("heading", { name: "Join Olga Owner's workspace" })).toBeVisible();
    await invitee.getByRole("button", { name: "Join Olga Owner's workspace" }).click();
    await expect(invitee).toHaveURL(/\/orders/);
    await expect(invitee.getByTestId("signed-in-as")).toContainText("Olga Owner's workspace");
  });

  await test.step("the link works once", async () => {
    await invitee.goto(link);
    await expect(invitee.getByTestId("invitation")).toContainText("This invitation has already been used.");
  });

  await test.step("a member sees the list but no controls", async () => {
    await invitee.goto("/settings/members");
    await expect(invitee.getByTestId("member")).toHaveCount(2);
    await expect(invitee.getByText("Your role lets you see the members; owners and admins manage them.")).toBeVisible();
    await expect(invitee.getByRole("button", { name: "Make an invitation link" })).toHaveCount(0);
    await expect(invitee.getByRole("button", { name: /Remove|Leave/ })).toHaveCount(0);
  });

  const row = page.getByTestId("member").filter({ hasText: inviteeEmail });
  await test.step("the owner sees the new member and makes them an admin", async () => {
    await page.goto("/settings/members");
    await expect(row.getByLabel("Role of Ines Invitee")).toHaveValue("member");
    await expect(page.getByTestId("invitation")).toHaveCount(0);
    await row.getByLabel("Role of Ines Invitee").selectOption("admin");
    await row.getByRole("button", { name: "Change" }).click();
    await page.reload();
    await expect(row.getByLabel("Role of Ines Invitee")).toHaveValue("admin");
    await invitee.reload();
    await expect(invitee.getByRole("button", { name: "Make an invitation link" })).toBeVisible();
  });

  await test.step("the last owner can't step down", async () => {
    const own = page.getByTestId("member").filter({ hasText: "(you)" });
    await own.getByLabel("Role of Olga Owner").selectOption("admin");
    await own.getByRole("button", { name: "Change" }).click();
    await expect(own.getByRole("alert")).toHaveText("A workspace needs an owner: make someone else an owner first.");
  });

  await test.step("the owner removes them; they are back in their own workspace", async () => {
    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: "Remove Ines Invitee" }).click();
    await expect(row).toHaveCount(0);
    await expect(page.getByTestId("member")).toHaveCount(1);
    await invitee.goto("/orders");
    await expect(invitee.getByTestId("signed-in-as")).toContainText("Ines Invitee's workspace");
  });
});

test("a profile's password is changed: the old one no longer signs in, the new one does", async ({ page }) => {
  const { email, password } = await signUp(page, "Pat Profile");
  await page.goto("/settings/profile");
  await expect(page.getByTestId("profile-email")).toHaveText(email);

  await page.getByLabel("Display name").fill("Patricia Profile");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("a-newer-password");
  await page.getByLabel("New password again").fill("a-newer-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not right.")).toBeVisible();

  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password", { exact: true }).fill("a-newer-password");
  await page.getByLabel("New password again").fill("a-newer-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-changed")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await signIn(page, email, "a-newer-password");
  await page.goto("/settings/profile");
  await expect(page.getByLabel("Display name")).toHaveValue("Patricia Profile");
});

test("a CSV mapping saved on the import page is listed with its columns, renamed and deleted", async ({ page }) => {
  await signUp(page, "Map Merchant");
  await page.goto("/orders/import");
  await page.getByLabel("Choose a file").setInputFiles(FIXTURE);
  await page.getByLabel("Mapping name").fill("ShipStation orders");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("csv-mapping-notice")).toHaveText("Saved as “ShipStation orders”.");

  await page.goto("/settings/csv-mappings");
  const mapping = page.getByTestId("csv-mapping");
  await expect(mapping).toHaveCount(1);
  await expect(mapping.getByRole("heading")).toHaveText("ShipStation orders");
  await expect(mapping).toContainText("18 columns");
  await mapping.getByText("Show the columns").click();
  const orderNumber = mapping.getByTestId("csv-mapping-columns").getByRole("row").filter({ hasText: "Order - Number" });
  await expect(orderNumber.getByRole("cell").nth(1)).toHaveText("Order number");

  await mapping.getByLabel("Rename “ShipStation orders”").fill("ShipStation export");
  await mapping.getByRole("button", { name: "Rename" }).click();
  await expect(mapping.getByRole("heading")).toHaveText("ShipStation export");

  page.once("dialog", (dialog) => dialog.accept());
  await mapping.getByRole("button", { name: "Delete “ShipStation export”" }).click();
  await expect(page.getByTestId("csv-mapping")).toHaveCount(0);
  await expect(page.getByText("No saved mappings yet.", { exact: false })).toBeVisible();

  // The import page no longer offers it, and the same file still maps and previews.
  await page.goto("/orders/import");
  await page.getByLabel("Choose a file").setInputFiles(FIXTURE);
  await expect(page.getByLabel("Order - Number", { exact: true })).toHaveValue("orderNumber");
  await expect(page.getByTestId("csv-mapping-notice")).toHaveCount(0);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("the members page speaks French", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Votre nom").fill("Fanny Française");
    await page.getByLabel("E-mail").fill(`${randomUUID().slice(0, 8)}@example.test`);
    await page.getByLabel("Mot de passe").fill("un-long-mot-de-passe");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await expect(page).toHaveURL(/\/orders/);
    await page.goto("/settings/members");
    await expect(page.getByRole("heading", { level: 1, name: "Membres" })).toBeVisible();
    await expect(page.getByTestId("member")).toContainText("Propriétaire");
    await expect(page.getByRole("button", { name: "Créer un lien d’invitation" })).toBeVisible();
  });
});
