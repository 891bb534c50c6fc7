import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, signUp } from "./helpers";

async function orderDates(page: Page): Promise<number[]> {
  return (await page.getByTestId("order-date").evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("data-value")))));
}

async function columnTexts(page: Page, index: number): Promise<string[]> {
  // The first cell is the bulk selection's checkbox; columns count from the order number.
  return page.getByTestId("order-row").evaluateAll((rows, column) => rows.map((row) => row.children[column + 1].textContent ?? ""), index);
}

async function openTab(page: Page, tab: string) {
  await page.getByTestId(`tab-${tab}`).click();
  await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-current", "page");
}

function expectSorted(values: number[], direction: "asc" | "desc") {
  const sorted = [...values].sort((a, b) => (direction === "asc" ? a - b : b - a));
  expect(values).toEqual(sorted);
}

test.describe("the demo merchant's orders", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.email, DEMO.password);
  });

  test("opens on Awaiting Shipment, newest first, with live counts on every tab", async ({ page }) => {
    await expect(page.getByTestId("tab-awaiting_shipment")).toHaveAttribute("aria-current", "page");
    for (const tab of ["awaiting_payment", "awaiting_shipment", "pending_fulfillment", "on_hold", "shipped", "cancelled", "all"]) {
      await expect(page.getByTestId(`count-${tab}`)).toHaveText(/^[\d,]+$/);
    }
    const awaiting = Number((await page.getByTestId("count-awaiting_shipment").innerText()).replace(/,/g, ""));
    await expect(page.getByTestId("page-range")).toHaveText(`1–50 of ${awaiting.toLocaleString("en-US")}`);
    const statuses = await columnTexts(page, 8);
    expect(statuses.every((status) => status.startsWith("Awaiting Shipment"))).toBe(true);
    expectSorted(await orderDates(page), "desc");
  });

  test("each status tab shows only its orders and keeps the view in the URL", async ({ page }) => {
    await page.getByTestId("tab-shipped").click();
    await expect(page).toHaveURL(/status=shipped/);
    await expect(page.getByTestId("tab-shipped")).toHaveAttribute("aria-current", "page");
    expect((await columnTexts(page, 8)).every((status) => status.startsWith("Shipped"))).toBe(true);

    await page.getByTestId("tab-cancelled").click();
    await expect(page).toHaveURL(/status=cancelled/);
    await expect(page.getByTestId("tab-cancelled")).toHaveAttribute("aria-current", "page");
    const cancelled = await columnTexts(page, 8);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((status) => status.startsWith("Cancelled") && status.includes("Inactive"))).toBe(true);

    await openTab(page, "all");
    const all = Number((await page.getByTestId("count-all").innerText()).replace(/,/g, ""));
    expect(all).toBe(3000);
  });

  test("filters by store, and the tab counts follow the store", async ({ page }) => {
    const allCount = await page.getByTestId("count-all").innerText();
    await page.getByLabel("Store").selectOption({ label: "Amazon · US marketplace" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/store=\d+/);
    expect((await columnTexts(page, 2)).every((store) => store === "Amazon · US marketplace")).toBe(true);
    await expect(page.getByTestId("count-all")).toHaveText("600");
    expect(allCount).toBe("3,000");
  });

  test("searches by order-number prefix", async ({ page }) => {
    await openTab(page, "all");
    await page.getByLabel("Search").fill("WC-10001");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=WC-10001/);
    const numbers = await columnTexts(page, 0);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((number) => number.startsWith("WC-10001"))).toBe(true);
  });

  test("searches by customer name and by item words", async ({ page }) => {
    await openTab(page, "all");
    const firstRecipient = (await page.getByTestId("order-row").first().locator("td").nth(4).innerText()).split("\n")[0].trim();
    const lastName = firstRecipient.split(" ").at(-1)!;
    await page.getByLabel("Search").fill(lastName);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${lastName}`));
    const recipients = await columnTexts(page, 3);
    expect(recipients.length).toBeGreaterThan(0);
    expect(recipients.every((recipient) => recipient.includes(lastName))).toBe(true);

    await page.getByLabel("Search").fill("hoodie");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=hoodie/);
    await page.getByTestId("order-row").first().getByRole("link").click();
    await expect(page.getByTestId("order-items")).toContainText(/hoodie/i);
  });

  test("filters by order-date range and sorts either way by each date", async ({ page }) => {
    await openTab(page, "all");
    const newest = (await orderDates(page))[0];
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const from = day(newest - 10 * 86_400_000);
    const to = day(newest - 5 * 86_400_000);
    await page.getByLabel("Order date from").fill(from);
    await page.getByLabel("to", { exact: true }).fill(to);
    await page.getByLabel("Sort by").first().selectOption("order_date");
    await page.getByRole("combobox", { name: "Sort by" }).nth(1).selectOption("asc");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${from}.*to=${to}.*dir=asc`));
    const dates = await orderDates(page);
    expect(dates.length).toBeGreaterThan(0);
    expectSorted(dates, "asc");
    expect(dates[0]).toBeGreaterThanOrEqual(Date.parse(`${from}T00:00:00Z`));
    expect(dates.at(-1)!).toBeLessThan(Date.parse(`${to}T00:00:00Z`) + 86_400_000);

    for (const sort of ["modified_at", "created_at"]) {
      await page.goto(`/orders?status=all&sort=${sort}&dir=desc`);
      await expect(page.getByRole("combobox", { name: "Sort by" }).first()).toHaveValue(sort);
      await expect(page.getByTestId("order-row")).toHaveCount(50);
    }
  });

  test("pages through with the chosen page size, forward and back", async ({ page }) => {
    await openTab(page, "all");
    await page.getByLabel("Per page").selectOption("100");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("order-row")).toHaveCount(100);
    const firstPage = await columnTexts(page, 0);
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page.getByTestId("page-range")).toHaveText("101–200 of 3,000");
    const secondPage = await columnTexts(page, 0);
    expect(secondPage).toHaveLength(100);
    expect(secondPage.some((number) => firstPage.includes(number))).toBe(false);
    const shareable = page.url();
    await page.getByRole("link", { name: "Previous" }).click();
    await expect(page.getByTestId("page-range")).toHaveText("1–100 of 3,000");
    expect(await columnTexts(page, 0)).toEqual(firstPage);
    await page.goto(shareable);
    expect(await columnTexts(page, 0)).toEqual(secondPage);
  });

  test("opens an order with its addresses, items, amounts and history", async ({ page }) => {
    await page.getByTestId("order-row").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Order (SH|WC|AMZ)-\d+$/);
    await expect(page.getByTestId("address-ship_to")).toContainText("US");
    await expect(page.getByTestId("order-items").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByTestId("order-amounts")).toContainText("$");
    await expect(page.getByTestId("history-event").first()).toContainText(/Created|Updated/);
  });

  test("a cancelled order says it is inactive, and a reopened one says so too", async ({ page }) => {
    await page.goto("/orders?status=cancelled");
    const reopenedRow = page.getByTestId("order-row").filter({ hasText: "Reopened in channel" }).first();
    await reopenedRow.getByRole("link").click();
    await expect(page.getByTestId("inactive-notice")).toBeVisible();
    await expect(page.getByTestId("reactivated-notice")).toBeVisible();
    await expect(page.getByTestId("order-history")).toContainText("Reopened in channel");
  });

  test("speaks French when asked, with French formats", async ({ page }) => {
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.getByRole("heading", { name: "Commandes" })).toBeVisible();
    await expect(page.getByTestId("tab-shipped")).toContainText("Expédiées");
    await expect(page.getByTestId("orders-table")).toContainText("$US");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
  });
});

test("another merchant cannot open the demo merchant's order by its URL", async ({ page, browser }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.getByTestId("order-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  const orderUrl = new URL(page.url()).pathname;

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUp(otherPage, "Nosy Neighbour");
  const response = await otherPage.goto(orderUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  await other.close();
});
