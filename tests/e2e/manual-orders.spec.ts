import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./helpers";

async function fillValidOrder(page: Page) {
  await page.getByLabel("Order number").fill("PHONE-1001");
  await page.getByRole("textbox", { name: "Name" }).first().fill("Katherine Johnson");
  await page.getByRole("textbox", { name: "Street", exact: true }).first().fill("1 Langley Blvd");
  await page.getByRole("textbox", { name: "City" }).first().fill("Hampton");
  await page.getByRole("textbox", { name: "State / province" }).first().fill("VA");
  await page.getByRole("textbox", { name: "Postal code" }).first().fill("23681");
  await page.getByLabel("SKU").first().fill("GLOBE-12");
  await page.getByLabel("Item name").first().fill("Desk globe, 12 in");
  await page.getByLabel("Quantity").first().fill("2");
  await page.getByLabel("Unit price").first().fill("$1,049.50");
  await page.getByLabel("Tax", { exact: true }).fill("12.34");
}

test.describe("manual orders", () => {
  test("the form names what is wrong, then creates the order and opens it", async ({ page }) => {
    await signUp(page, "Phone Sales");
    await page.getByRole("link", { name: "New order" }).click();
    await expect(page.getByRole("heading", { name: "New order" })).toBeVisible();

    await page.getByRole("textbox", { name: "Postal code" }).first().fill("23681");
    await page.getByRole("textbox", { name: "Country (name or code)" }).first().fill("Narnia");
    await page.getByLabel("Unit price").first().fill("twelve");
    await page.getByRole("button", { name: "Create order" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Check the highlighted fields.");
    await expect(page.getByText('"twelve" is not an amount; write it like 1234.50 or $1,234.50')).toBeVisible();
    await expect(page.getByLabel("Unit price").first()).toHaveAttribute("aria-invalid", "true");

    await fillValidOrder(page);
    await page.getByRole("textbox", { name: "Country (name or code)" }).first().fill("United States");
    await page.getByRole("button", { name: "Add item" }).click();
    await expect(page.getByTestId("item-row")).toHaveCount(2);
    await page.getByLabel("Item name").nth(1).fill("Globe stand");
    await page.getByLabel("Unit price").nth(1).fill("20");
    await page.getByRole("button", { name: "Create order" }).click();

    await expect(page).toHaveURL(/\/orders\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Order PHONE-1001");
    await expect(page.getByTestId("order-items")).toContainText("Desk globe, 12 in");
    await expect(page.getByTestId("order-items")).toContainText("Globe stand");
    await expect(page.getByTestId("order-amounts")).toContainText("$2,131.34");
    await expect(page.getByTestId("address-ship_to")).toContainText("Katherine Johnson");
    await expect(page.getByTestId("history-event").first()).toContainText("Created");

    await page.goto("/orders");
    await expect(page.getByTestId("order-row")).toHaveCount(1);
  });

  test("an open order can be edited, held, restored and cancelled; a cancelled one says why it can't be edited", async ({ page }) => {
    await signUp(page, "Edits");
    await page.goto("/orders/new");
    await fillValidOrder(page);
    await page.getByRole("button", { name: "Create order" }).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    const orderUrl = new URL(page.url()).pathname;

    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByRole("heading", { name: "Edit order PHONE-1001" })).toBeVisible();
    await expect(page.getByLabel("Unit price").first()).toHaveValue("1049.50");
    await page.getByRole("textbox", { name: "City" }).first().fill("Newport News");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`${orderUrl}$`));
    await expect(page.getByTestId("address-ship_to")).toContainText("Newport News");
    await expect(page.getByTestId("history-event").first()).toContainText("Edited");
    await expect(page.getByTestId("history-event").first()).toContainText("ship-to city: Hampton → Newport News");

    // A day to come, whenever the test runs: a past one is refused.
    await page.getByLabel("Hold until").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Hold", exact: true }).click();
    await expect(page.getByText("On Hold", { exact: true }).first()).toBeVisible();
    await page.getByRole("button", { name: "Restore from hold" }).click();
    await expect(page.getByTestId("history-event").first()).toContainText("Restored from hold");

    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Cancel order" }).click();
    await expect(page.getByTestId("locked-reason")).toHaveText("This order is cancelled, so it can no longer be edited.");
    await expect(page.getByTestId("inactive-notice")).toBeVisible();
    await page.goto(`${orderUrl}/edit`);
    await expect(page.getByTestId("locked-reason")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  });

  test("marking an order shipped locks it", async ({ page }) => {
    await signUp(page, "Shipper");
    await page.goto("/orders/new");
    await fillValidOrder(page);
    await page.getByRole("button", { name: "Create order" }).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    await page.getByLabel("Carrier").fill("ups");
    await page.getByLabel("Tracking number").fill("1Z999AA10123456784");
    await page.getByRole("button", { name: "Mark as shipped" }).click();
    await expect(page.getByTestId("locked-reason")).toHaveText("This order has shipped, so it can no longer be edited.");
    await expect(page.getByTestId("history-event").first()).toContainText("Marked as shipped");
    await expect(page.getByTestId("tracking-number")).toHaveText("ups · 1Z999AA10123456784");
  });
});
