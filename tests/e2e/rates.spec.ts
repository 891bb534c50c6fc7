import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test.describe("rates", () => {
  test("a new merchant adds a ship-from location, quotes a parcel with the sample card, then picks a rate on an order", async ({ page }) => {
    test.setTimeout(90_000);
    await signUp(page, "Rate Shopper");

    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Rates" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Rates" })).toBeVisible();

    // First use: the ship-from location is asked for on the page itself.
    const first = page.getByTestId("first-location");
    await expect(first).toBeVisible();
    await first.getByLabel("Location name").fill("Garage");
    await first.getByLabel("Street address").fill("1 Main St");
    await first.getByLabel("City", { exact: true }).fill("Austin");
    await first.getByLabel("State").fill("TX");
    await first.getByLabel("ZIP / postal code").fill("78703");
    await first.getByRole("button", { name: "Save location" }).click();

    // Saving may wait on USPS's zone-chart service; the sample card has its own zones either way.
    const form = page.getByTestId("rate-form");
    await expect(form).toBeVisible({ timeout: 30_000 });
    await expect(form.getByLabel("Ship from")).toContainText("Garage (default)");

    // A wrong input is named on its field.
    await form.getByLabel("Postal code").fill("10001");
    await form.getByLabel("Weight", { exact: true }).fill("heavy");
    await form.getByRole("button", { name: "Get rates" }).click();
    await expect(page.getByTestId("error-weight.value")).toBeVisible();
    await expect(form.getByLabel("Weight", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("Weight", { exact: true }).fill("2");
    await form.getByLabel("Weight unit").selectOption("pounds");
    await form.getByLabel("Length").fill("12");
    await form.getByLabel("Width").fill("10");
    await form.getByLabel("Height").fill("8");
    await form.getByRole("button", { name: "Get rates" }).click();

    const rows = page.getByTestId("rate-row");
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId("sample-notice")).toContainText("sample prices, not carrier prices");
    await expect(page.getByTestId("sample-badge")).toHaveCount(2);
    // By price (the default), the ground service is first; by speed, the express one.
    await expect(rows.first().getByTestId("rate-service")).toHaveText("Sample Ground");
    await page.getByRole("button", { name: "Speed" }).click();
    await expect(rows.first().getByTestId("rate-service")).toHaveText("Sample Express");
    await page.getByRole("button", { name: "Price" }).click();
    await expect(rows.first().getByTestId("rate-service")).toHaveText("Sample Ground");

    await rows.first().getByRole("button", { name: "Details" }).click();
    const breakdown = page.getByTestId("rate-breakdown");
    await expect(breakdown).toContainText("Base price");
    await expect(breakdown).toContainText("Fuel");
    await expect(breakdown.getByTestId("billable-weight")).not.toBeEmpty();
    await expect(breakdown.getByTestId("dim-weight")).toContainText("Dimensional weight");
    await expect(breakdown.getByTestId("rate-zone")).not.toHaveText("—");

    // On a phone the table scrolls inside its box; the page itself does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(rows.first()).toBeVisible();
    expect(await page.getByTestId("rate-results").evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });

    // An order: its parcel is quoted from its ship-to and weight, and the pick is saved on it.
    await page.goto("/orders/new");
    await page.getByLabel("Order number").fill("RATE-1001");
    await page.getByRole("textbox", { name: "Name" }).first().fill("Katherine Johnson");
    await page.getByRole("textbox", { name: "Street", exact: true }).first().fill("1 Langley Blvd");
    await page.getByRole("textbox", { name: "City" }).first().fill("Hampton");
    await page.getByRole("textbox", { name: "State / province" }).first().fill("VA");
    await page.getByRole("textbox", { name: "Postal code" }).first().fill("23681");
    await page.getByLabel("Item name").first().fill("Desk globe, 12 in");
    await page.getByLabel("Quantity").first().fill("1");
    await page.getByLabel("Unit price").first().fill("49.50");
    await page.getByLabel("Total weight").fill("40");
    await page.getByRole("button", { name: "Create order" }).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);

    const panel = page.getByTestId("order-rates");
    await expect(panel.getByTestId("order-shipping-service")).toContainText("None chosen");
    await panel.getByRole("button", { name: "Get rates" }).click();
    const orderRows = panel.getByTestId("rate-row");
    await expect(orderRows).toHaveCount(2);
    await orderRows.filter({ hasText: "Sample Express" }).getByRole("button", { name: "Choose" }).click();
    await expect(panel.getByTestId("rate-saved")).toBeVisible();
    await expect(panel.getByTestId("order-shipping-service")).toContainText("Sample Express");

    await page.reload();
    await expect(page.getByTestId("order-shipping-service")).toContainText("Sample Express");
    await expect(page.getByTestId("history-event").first()).toContainText("Edited");
  });
});
