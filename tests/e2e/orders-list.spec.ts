import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { signUp } from "./helpers";

/** A fresh merchant with three API orders: "#2001" as Shopify numbers them, "3001" and a shipped "3002". */
async function merchantWithOrders(page: Page, request: APIRequestContext) {
  await signUp(page, "List Merchant");
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill("Shop");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("new-api-key").innerText();
  const secret = await page.getByTestId("new-api-secret").innerText();
  const order = (orderNumber: string, name: string, orderStatus = "awaiting_shipment") => ({
    orderNumber,
    orderKey: `key-${orderNumber}`,
    orderDate: "2026-11-20 09:30:00",
    orderStatus,
    billTo: { name },
    shipTo: { name, street1: "1 Main St", city: "Hampton", state: "VA", postalCode: "23666", country: "US" },
    items: [{ sku: "KITE-1", name: "Box kite", quantity: 1, unitPrice: 24.5 }],
  });
  const created = await request.post("/api/v1/orders/createorders", {
    headers: { authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}` },
    data: [order("#2001", "Ada Lovelace"), order("3001", "Grace Hopper"), order("3002", "Katherine Johnson", "shipped")],
  });
  expect((await created.json()).hasErrors).toBe(false);
}

// Each test signs a merchant up and makes an API key first: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

async function search(page: Page, q: string) {
  await page.getByLabel("Search").fill(q);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(q)}`));
}

test("the orders list: a row opens its order, # is optional in a search, and empty tabs and counts say what they show", async ({ page, request }) => {
  await merchantWithOrders(page, request);
  await page.goto("/orders?status=all");

  await search(page, "2001");
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expect(page.getByTestId("order-row")).toContainText("#2001");
  await expect(page.getByTestId("counts-note")).toHaveText("Tab counts are for all orders, before the search and dates.");
  await search(page, "#3001");
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expect(page.getByTestId("order-row")).toContainText("Grace Hopper");

  // Anywhere on the row, not only the number's link: a real click on the recipient's cell, which
  // the link's stretched area covers (Playwright's own click would refuse an intercepted target).
  const recipient = (await page.getByTestId("order-recipient").first().boundingBox())!;
  await page.mouse.click(recipient.x + recipient.width / 2, recipient.y + recipient.height / 2);
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByRole("heading", { name: "Order 3001" })).toBeVisible();

  await page.goto("/orders?status=awaiting_payment");
  await expect(page.getByTestId("orders-none")).toHaveText("No orders awaiting payment.");
  await expect(page.getByTestId("counts-note")).toHaveCount(0);
  await page.goto("/orders?status=awaiting_payment&q=nobody");
  await expect(page.getByTestId("orders-none")).toHaveText("No orders match these filters.");
});

test("bulk actions: select rows or the page, then hold, mark shipped, export or cancel, each order saying how it went", async ({ page, request }) => {
  await merchantWithOrders(page, request);
  await page.goto("/orders?status=all");
  const row = (number: string) => page.getByTestId("order-row").filter({ hasText: number });
  await expect(page.getByTestId("order-row")).toHaveCount(3);

  await row("#2001").getByTestId("select-order").check();
  await expect(page.getByTestId("selected-count")).toHaveText("1 selected");
  await page.getByLabel("Hold until").fill("2030-01-15");
  await page.getByRole("button", { name: "Hold", exact: true }).click();
  await expect(page.getByTestId("bulk-results")).toHaveText("1 order changed.");
  await expect(row("#2001").getByTestId("order-status")).toHaveText("On Hold");

  await row("#2001").getByTestId("select-order").uncheck();
  await row("3001").getByTestId("select-order").check();
  await page.getByLabel("Carrier").fill("usps");
  await page.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(page.getByTestId("bulk-results")).toHaveText("1 order changed.");
  await expect(row("3001").getByTestId("order-status")).toHaveText("Shipped");

  await page.getByTestId("select-all").check();
  await expect(page.getByTestId("selected-count")).toHaveText("3 selected");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-selected").click()]);
  const csv = await readFile(await download.path(), "utf8");
  for (const number of ["#2001", "3001", "3002"]) expect(csv).toContain(number);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  const results = page.getByTestId("bulk-results");
  await expect(results).toContainText("1 order changed.");
  await expect(results).toContainText("2 orders were left as they were:");
  await expect(results).toContainText("3001 — This order has shipped and can no longer be changed.");
  await expect(results).toContainText("3002 — This order has shipped and can no longer be changed.");
  await expect(row("#2001").getByTestId("order-status")).toContainText("Cancelled");
});
