import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./helpers";

async function createTwoShirtOrder(page: Page) {
  await page.goto("/orders/new");
  await page.getByLabel("Order number").fill("TEE-1");
  await page.getByRole("textbox", { name: "Name" }).first().fill("Dorothy Vaughan");
  await page.getByRole("textbox", { name: "Street", exact: true }).first().fill("1 Langley Blvd");
  await page.getByRole("textbox", { name: "City" }).first().fill("Hampton");
  await page.getByRole("textbox", { name: "State / province" }).first().fill("VA");
  await page.getByRole("textbox", { name: "Postal code" }).first().fill("23681");
  await page.getByLabel("Item name").first().fill("T-shirt");
  await page.getByLabel("Quantity").first().fill("2");
  await page.getByLabel("Unit price").first().fill("10.59");
  await page.getByLabel("Weight (each)").first().fill("8");
  await page.getByLabel("Shipping paid").fill("5");
  await page.getByRole("button", { name: "Create order" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
}

test("editing a quantity recomputes the total on the order and in the list; the weight comes from the items", async ({ page }) => {
  await signUp(page, "Totals");
  await createTwoShirtOrder(page);
  await expect(page.getByTestId("order-total")).toHaveText("$26.18");
  await expect(page.getByTestId("order-total-source")).toHaveText("Items + tax + shipping");
  await expect(page.getByTestId("order-weight")).toContainText("from items");

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Quantity").first().fill("5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByTestId("order-amounts")).toContainText("$52.95");
  await expect(page.getByTestId("order-total")).toHaveText("$57.95");
  await expect(page.getByTestId("order-weight")).toContainText("2.5 lb");
  await expect(page.getByTestId("order-weight")).toContainText("from items");
  await expect(page.getByTestId("history-event").first()).toContainText("in Shipdeck");
  await expect(page.getByTestId("history-event").first()).toContainText("order total: $26.18 → $57.95");

  await page.goto("/orders?status=all");
  const row = page.getByTestId("order-row").filter({ hasText: "TEE-1" });
  await expect(row.getByTestId("order-total")).toHaveText("$57.95");
  await expect(row.getByTestId("order-weight")).toContainText("from items");
});

test("an order that arrived cancelled and was reopened says so, and its replacement links back", async ({ page, request }) => {
  await signUp(page, "Reopened");
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill("Shop");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("new-api-key").innerText();
  const secret = await page.getByTestId("new-api-secret").innerText();
  const headers = { authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}` };
  const order = (orderStatus: string) => ({
    orderNumber: "R-1",
    orderKey: "r-1",
    orderDate: "2026-11-20 09:30:00",
    orderStatus,
    billTo: { name: "Mary Jackson" },
    shipTo: { name: "Mary Jackson", street1: "1 Aeronautics Way", city: "Hampton", state: "VA", postalCode: "23666", country: "US" },
    items: [{ sku: "KITE-1", name: "Box kite", quantity: 1, unitPrice: 24.5 }],
  });
  const created = await (await request.post("/api/v1/orders/createorder", { headers, data: order("cancelled") })).json();
  await request.post("/api/v1/orders/createorder", { headers, data: order("awaiting_shipment") });

  await page.goto(`/orders/${created.orderId}`);
  await expect(page.getByTestId("reactivated-notice")).toContainText("arrived already cancelled");
  await expect(page.getByTestId("order-history")).toContainText("status in the channel: Awaiting Shipment (this order stays cancelled)");
  await expect(page.getByTestId("order-history")).toContainText("through the API");
  await expect(page.getByTestId("order-history")).not.toContainText("via api");

  await page.getByRole("button", { name: "Create new order" }).click();
  await expect(page).not.toHaveURL(new RegExp(`/orders/${created.orderId}$`));
  await expect(page.getByTestId("replaces-notice")).toContainText("Created from order R-1");
  await expect(page.getByTestId("order-history")).toContainText("replaces: order R-1");
  const replacementUrl = new URL(page.url()).pathname;

  await page.getByTestId("replaces-link").click();
  await expect(page).toHaveURL(new RegExp(`/orders/${created.orderId}$`));
  await expect(page.getByTestId("reactivated-notice")).toContainText("Order R-1 was created from it");
  await expect(page.getByRole("button", { name: "Create new order" })).toHaveCount(0);
  await expect(page.getByTestId("order-history")).toContainText("replaced by: order R-1");
  await expect(page.getByTestId("order-history")).not.toContainText("replacedBy");
  await page.getByTestId("replaced-by-link").click();
  await expect(page).toHaveURL(new RegExp(`${replacementUrl}$`));
});
