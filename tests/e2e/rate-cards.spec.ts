import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

// A phone: the settings pages must work at this width.
test.use({ viewport: { width: 390, height: 844 } });

/** The worked example of docs/rate-cards.md. */
const EXAMPLE = /```csv\n([\s\S]*?)```/.exec(readFileSync("docs/rate-cards.md", "utf8"))![1];

const csvFile = (text: string) => ({ name: "card.csv", mimeType: "text/csv", buffer: Buffer.from(text) });

test("a merchant sees the sample cards, uploads a card, reads its errors by row and column, and manages it", async ({ page }) => {
  await signUp(page, "Rate Card Merchant");
  await page.goto("/settings/api-keys");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Rate cards" }).click();
  await expect(page.getByRole("heading", { name: "Rate cards", exact: true })).toBeVisible();

  const rows = page.getByTestId("rate-card-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Sample Ground" }).getByTestId("rate-card-sample")).toHaveText("Sample prices");
  await expect(rows.first()).toContainText("Sample rates (not carrier prices)");

  const upload = page.getByTestId("rate-card-upload");
  await upload.getByLabel("CSV file").setInputFiles(csvFile(EXAMPLE.replace("2,6.80,7.45,8.30,24.00", "2,6.80,seven,8.30,24.00")));
  await upload.getByRole("button", { name: "Upload" }).click();
  const row = EXAMPLE.split("\n").findIndex((line) => line.startsWith("2,6.80")) + 1;
  await expect(page.getByTestId("rate-card-errors")).toContainText(`Row ${row}, column "Zone 2": enter a price such as 8.25`);
  await expect(rows).toHaveCount(2);

  await upload.getByLabel("CSV file").setInputFiles(csvFile(EXAMPLE));
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved Regional Parcel Co. Regional Ground.");
  const regional = rows.filter({ hasText: "Regional Ground" });
  await expect(regional).toContainText("2026-07-01 to 2026-12-31");
  await expect(regional.getByTestId("rate-card-status")).toHaveText("Active");

  await regional.getByRole("button", { name: "Deactivate" }).click();
  await expect(regional.getByTestId("rate-card-status")).toHaveText("Inactive");
  await regional.getByRole("button", { name: "Activate" }).click();
  await expect(regional.getByTestId("rate-card-status")).toHaveText("Active");

  page.once("dialog", (dialog) => dialog.accept());
  await regional.getByRole("button", { name: "Delete Regional Parcel Co. Regional Ground" }).click();
  await expect(rows).toHaveCount(2);
});
