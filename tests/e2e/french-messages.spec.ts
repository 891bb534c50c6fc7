import { expect, test } from "@playwright/test";
import { resolve } from "node:path";
import { signUp } from "./helpers";

// Issue #13: what lib says (a CSV row's error, the order form's refusals) reaches a French merchant in French.
const FIXTURE = resolve("tests/fixtures/csv/e2e-orders.csv");

test.describe("in French, lib's messages", () => {
  test.beforeEach(async ({ page }) => {
    await signUp(page, "Marchande Française");
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.getByRole("heading", { name: "Commandes" })).toBeVisible();
  });

  test("a bad CSV row says what is wrong in French", async ({ page }) => {
    await page.goto("/orders/import");
    await expect(page).toHaveTitle("Importer des commandes · Shipdeck");
    await page.locator('input[type="file"]').setInputFiles(FIXTURE);
    await expect(page.getByTestId("csv-file-summary")).toContainText("e2e-orders.csv");
    await page.getByRole("button", { name: "Aperçu" }).click();
    const errors = page.getByTestId("csv-row-error");
    await expect(errors).toHaveCount(2);
    await expect(errors.nth(0)).toContainText("« Atlantis »\u00a0: Pays inconnu de Shipdeck ; utilisez son code ISO à deux lettres");
    await expect(errors.nth(1)).toContainText("« 2026-02-30 14:00 » n’est pas un jour du calendrier");
    await expect(page.getByTestId("csv-row-errors")).not.toContainText("is not");
  });

  test("a refused new order names each fault in French", async ({ page }) => {
    await page.goto("/orders/new");
    await expect(page).toHaveTitle("Nouvelle commande · Shipdeck");
    await page.locator('[name="items.0.name"]').fill("Globe de bureau");
    await page.locator('[name="items.0.quantity"]').fill("0");
    await page.locator('[name="items.0.unitPrice"]').fill("douze");
    await page.locator('[name="customerEmail"]').fill("bob@@example");
    await page.getByRole("button", { name: "Créer la commande" }).click();

    await expect(page.getByTestId("form-error")).toHaveText("Vérifiez les champs signalés.");
    await expect(page.getByText("Utilisez un nombre entier de 1 à 1 000 000")).toBeVisible();
    await expect(page.getByText("« douze » n’est pas un montant ; écrivez-le comme 1234.50 ou 1 234,50 $")).toBeVisible();
    await expect(page.getByText("Saisissez une adresse e-mail comme nom@exemple.com")).toBeVisible();
    await expect(page.getByText("Saisissez le nom et l’adresse du destinataire", { exact: false }).first()).toBeVisible();
    await expect(page.locator("main")).not.toContainText("Use a whole number");
  });
});
