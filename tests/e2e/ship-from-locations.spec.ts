import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

// A phone: the settings pages must work at this width.
test.use({ viewport: { width: 390, height: 844 } });

/** A few rows of origin 902's chart, as USPS's Domestic Zone Chart service answers it. */
const CHART = JSON.stringify({
  ZIPCodeError: "",
  EffectiveDate: "April 1, 2024",
  Column0: [
    { ZipCodes: "005---089", Zone: "8", MailService: "" },
    { ZipCodes: "900---908", Zone: "1*", MailService: "" },
  ],
  Zip5Digit: [],
});

test("a merchant adds ship-from locations, uploads the USPS zone chart USPS could not send, and manages the default", async ({ page }) => {
  await signUp(page, "Locations Merchant");
  await page.goto("/settings/api-keys");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Ship-from locations" }).click();
  await expect(page.getByRole("heading", { name: "Ship-from locations" })).toBeVisible();
  await expect(page.getByText("No ship-from locations yet.")).toBeVisible();

  await page.getByLabel("Location name").fill("Warehouse");
  await page.getByLabel("Street address").fill("100 Main St");
  await page.getByLabel("City").fill("Los Angeles");
  await page.getByLabel("State").fill("ca");
  await page.getByLabel("ZIP / postal code").fill("9021");
  await page.getByRole("button", { name: "Save location" }).click();
  await expect(page.getByTestId("location-form-error")).toHaveText("Check the highlighted fields.");
  await expect(page.getByText("Enter a 5-digit ZIP code, e.g. 90210.")).toBeVisible();

  await page.getByLabel("ZIP / postal code").fill("90210");
  await page.getByRole("button", { name: "Save location" }).click();
  await expect(page.getByTestId("location-form-message")).toHaveText("Location saved.");
  const warehouse = page.getByTestId("location-row").filter({ hasText: "Warehouse" });
  await expect(warehouse.getByTestId("location-default")).toHaveText("Default");
  await expect(warehouse).toContainText("100 Main St · Los Angeles, CA 90210 · US");
  // The USPS service is unreachable from this server: the location is saved all the same, and the page says why.
  await expect(warehouse.getByTestId("zone-chart-status")).toHaveText("No USPS zone chart for 902 yet: USPS zone service could not be reached");

  await warehouse.getByRole("button", { name: "Retry" }).click();
  await expect(warehouse.getByTestId("zone-chart-error")).toHaveText("USPS zone service could not be reached");

  await warehouse.getByText("Upload chart JSON").click();
  await warehouse.getByLabel("Zone chart JSON file").setInputFiles({ name: "902.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await warehouse.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(warehouse.getByTestId("zone-chart-error")).toContainText("Malformed JSON");

  await warehouse.getByLabel("Zone chart JSON file").setInputFiles({ name: "902.json", mimeType: "application/json", buffer: Buffer.from(CHART) });
  await warehouse.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(warehouse.getByTestId("zone-chart-status")).toHaveText(/^USPS zone chart for 902xx, effective 2024-04-01, uploaded on .+/);

  // A second location in the same origin uses the same chart.
  await page.getByLabel("Location name").fill("Studio");
  await page.getByLabel("Street address").fill("1 Elm St");
  await page.getByLabel("City").fill("Beverly Hills");
  await page.getByLabel("State").fill("CA");
  await page.getByLabel("ZIP / postal code").fill("90212");
  await page.getByRole("button", { name: "Save location" }).click();
  const studio = page.getByTestId("location-row").filter({ hasText: "Studio" });
  await expect(studio.getByTestId("zone-chart-status")).toHaveText(/^USPS zone chart for 902xx, effective 2024-04-01, uploaded on/);
  await expect(studio.getByTestId("location-default")).toHaveCount(0);

  await studio.getByRole("button", { name: "Make default" }).click();
  await expect(studio.getByTestId("location-default")).toHaveText("Default");
  await expect(warehouse.getByTestId("location-default")).toHaveCount(0);

  await studio.getByRole("link", { name: "Edit Studio" }).click();
  await expect(page.getByRole("heading", { name: "Edit Studio" })).toBeVisible();
  await page.getByLabel("Location name").fill("Studio B");
  await page.getByRole("button", { name: "Save location" }).click();
  await expect(page).toHaveURL(/\/settings\/locations$/);
  await expect(page.getByTestId("location-row").filter({ hasText: "Studio B" }).getByTestId("location-default")).toHaveText("Default");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete Studio B" }).click();
  await expect(page.getByTestId("location-row")).toHaveCount(1);
  await expect(warehouse.getByTestId("location-default")).toHaveText("Default");

  // The page's own content fits the phone's width (the app's header is the layout's business).
  const overflow = await page.locator("main").evaluate((main) => main.scrollWidth - main.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
