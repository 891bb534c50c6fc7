import { expect, test } from "@playwright/test";
import { signIn, signUp } from "./helpers";

test.describe("signing up, in and out", () => {
  test("a new merchant signs up, sees the empty state, signs out and back in", async ({ page }) => {
    const account = await signUp(page, "Margaret Hamilton");
    await expect(page.getByTestId("orders-empty")).toBeVisible();
    await expect(page.getByText("Connect a store")).toBeVisible();
    await expect(page.getByText("Upload a CSV")).toBeVisible();
    await expect(page.getByText("Create an order")).toBeVisible();
    await expect(page.getByText("Use the API")).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toContainText(account.email);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/orders");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Forders/);

    await signIn(page, account.email, account.password);
    await expect(page.getByTestId("orders-empty")).toBeVisible();
  });

  test("a page answer never sets the session cookie again, so an answer still on its way can't undo a sign-out", async ({ page }) => {
    await signUp(page, "Grace Renewal");
    // A prefetch or a page load in flight while the merchant signs out arrives after the sign-out.
    const inFlight = await page.request.get("/orders", { maxRedirects: 0 });
    expect(inFlight.status()).toBe(200);
    expect(inFlight.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie" && /session-token/.test(header.value))).toEqual([]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/orders");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Forders/);
  });

  test("sign-up names the field that is wrong", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Short Password");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Use at least 8 characters.", { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up/);
  });

  test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
    const account = await signUp(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("That email and password don't match an account.");
  });

  test("with no proxy in front, mistyped passwords lock no one out: not the merchant, not a neighbour", async ({ page, browser }) => {
    const account = await signUp(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    // Five wrong passwords used to lock the account for 15 minutes, for anyone, from anywhere.
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("form-error")).toHaveText("That email and password don't match an account.");
    }
    const neighbour = await browser.newPage();
    await signUp(neighbour, "Neighbour");
    await neighbour.close();

    await signIn(page, account.email, account.password);
    await expect(page.getByTestId("signed-in-as")).toContainText(account.email);
  });

  test("pages redirect to sign-in without a session", async ({ page }) => {
    await page.goto("/orders/1");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Forders%2F1/);
  });
});

test("offers GitHub and Google only when they are configured (they are not here)", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: /GitHub|Google/ })).toHaveCount(0);
});

test.describe("in a French browser", () => {
  test.use({ locale: "fr-FR" });

  test("the interface speaks French without being asked", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Se connecter à Shipdeck" })).toBeVisible();
    await expect(page.getByLabel("Mot de passe")).toBeVisible();
  });
});
