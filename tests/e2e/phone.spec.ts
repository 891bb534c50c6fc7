import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoHorizontalOverflow(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(390);
}

test("at 390 px every page fits the screen, the header keeps Sign out and the language, and the list stacks", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.getByTestId("order-row").first()).toBeVisible();
  await expectNoHorizontalOverflow(page);

  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("button", { name: "Français" })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("link", { name: "New order" })).toBeInViewport({ ratio: 1 });

  // The tabs scroll sideways; the current one and its count are on the screen, a later tab's too.
  await expect(page.getByTestId("count-awaiting_shipment")).toBeInViewport({ ratio: 1 });
  await page.getByTestId("tab-cancelled").click();
  await expect(page).toHaveURL(/status=cancelled/);
  await expect(page.getByTestId("count-cancelled")).toBeInViewport({ ratio: 1 });
  await page.goto("/orders");

  // Each row shows its number, recipient, status, total and date on the screen.
  const rows = page.getByTestId("order-row");
  for (let i = 0; i < 3; i++) {
    for (const cell of ["order-status", "order-total", "order-date", "order-recipient"]) {
      await expect(rows.nth(i).getByTestId(cell)).toBeVisible();
      const box = (await rows.nth(i).getByTestId(cell).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await expect(rows.nth(i).getByRole("link")).toBeVisible();
  }

  // The filters wait behind a button; it opens them, and they close again.
  const searchBox = page.getByRole("searchbox");
  await expect(searchBox).toBeHidden();
  await page.getByTestId("open-filters").click();
  await expect(searchBox).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await searchBox.fill("SH-10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=SH-10/);
  await expect(page.getByTestId("order-row").first()).toContainText("SH-10");
  await expect(page.getByTestId("open-filters")).toContainText("1");

  await page.getByTestId("order-row").first().getByRole("link").click();
  await expect(page.getByTestId("order-items")).toBeVisible();
  await expectNoHorizontalOverflow(page);

  for (const path of ["/orders/new", "/stores", "/orders/import"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
  }
});
