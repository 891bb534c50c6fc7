import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

// What a new merchant typed into the new-order form (#13): each bad value is highlighted on its
// own input with the words the CSV import and the API use for it.
test.describe("new-order form validation", () => {
  test("garbage in the form highlights the right fields with their messages; a good order then saves", async ({ page }) => {
    await signUp(page, "Garbage In");
    await page.goto("/orders/new");

    const quantity = page.getByLabel("Quantity").first();
    const unitPrice = page.getByLabel("Unit price").first();
    const email = page.getByLabel("Customer email");
    await page.getByLabel("Item name").first().fill("Desk globe");
    await quantity.fill("0");
    await unitPrice.fill("-5");
    await email.fill("bob@@example");
    // Awaiting Shipment with no recipient or address.
    await page.getByRole("button", { name: "Create order" }).click();

    await expect(page.getByTestId("form-error")).toHaveText("Check the highlighted fields.");
    await expect(quantity).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Use a whole number from 1 to 1,000,000")).toBeVisible();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter an email address like name@example.com")).toBeVisible();
    await expect(unitPrice).toHaveAttribute("aria-invalid", "true");
    for (const name of ["Name", "City", "Postal code"]) {
      await expect(page.getByRole("textbox", { name, exact: true }).first()).toHaveAttribute("aria-invalid", "true");
    }

    // A country's name is read as its code, never cut to two letters.
    await page.getByRole("textbox", { name: "Name", exact: true }).first().fill("Katherine Johnson");
    await page.getByRole("textbox", { name: "Street", exact: true }).first().fill("1 Langley Blvd");
    await page.getByRole("textbox", { name: "City" }).first().fill("Hampton");
    await page.getByRole("textbox", { name: "Postal code" }).first().fill("23681");
    await page.getByRole("textbox", { name: "Country (name or code)" }).first().fill("United States");
    await page.getByLabel("Customer email").fill("kj@example.com");
    await page.getByLabel("Quantity").first().fill("2");
    await page.getByLabel("Unit price").first().fill("49.50");
    await page.getByLabel("Order number").fill("GLOBE-1");
    await page.getByRole("button", { name: "Create order" }).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    const firstOrder = new URL(page.url()).pathname;
    await expect(page.getByTestId("address-ship_to")).toContainText("US");

    // The same number again in the same store: refused on the field, with a link to the order that has it.
    await page.goto("/orders/new");
    await page.getByLabel("Order number").fill("GLOBE-1");
    await page.getByRole("textbox", { name: "Name", exact: true }).first().fill("Katherine Johnson");
    await page.getByRole("textbox", { name: "Street", exact: true }).first().fill("1 Langley Blvd");
    await page.getByRole("textbox", { name: "City" }).first().fill("Hampton");
    await page.getByRole("textbox", { name: "Postal code" }).first().fill("23681");
    await page.getByLabel("Item name").first().fill("Desk globe");
    await page.getByRole("button", { name: "Create order" }).click();
    await expect(page.getByLabel("Order number")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Order GLOBE-1 already exists in this store", { exact: false })).toBeVisible();
    await expect(page.getByTestId("existing-order-link")).toHaveAttribute("href", firstOrder);
  });

  test("a weight over the limit highlights the weight", async ({ page }) => {
    await signUp(page, "Heavy Parcels");
    await page.goto("/orders/new");
    await page.getByRole("textbox", { name: "Name", exact: true }).first().fill("Katherine Johnson");
    await page.getByRole("textbox", { name: "Street", exact: true }).first().fill("1 Langley Blvd");
    await page.getByRole("textbox", { name: "City" }).first().fill("Hampton");
    await page.getByRole("textbox", { name: "Postal code" }).first().fill("23681");
    await page.getByLabel("Item name").first().fill("Anvil");
    await page.getByLabel("Weight unit").selectOption("pounds");
    await page.getByLabel("Total weight").fill("624999");
    await page.getByRole("button", { name: "Create order" }).click();

    await expect(page.getByTestId("form-error")).toHaveText("Check the highlighted fields.");
    await expect(page.getByLabel("Total weight")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Use a weight of at most 1,500 lb (24,000 oz)", { exact: false })).toBeVisible();
  });
});
