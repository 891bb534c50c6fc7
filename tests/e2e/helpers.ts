import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const DEMO = { email: "demo@shipdeck.test", password: "shipdeck-demo" };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/orders/);
}

export async function signUp(page: Page, name = "Test Merchant") {
  const email = `${randomUUID().slice(0, 8)}@example.test`;
  const password = "a-long-password";
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/orders/);
  return { email, password };
}
