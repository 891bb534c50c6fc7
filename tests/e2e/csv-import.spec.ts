import { expect, test, type Download, type Page } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { signUp } from "./helpers";

const FIXTURE = resolve("tests/fixtures/csv/e2e-orders.csv");

async function contentOf(download: Download): Promise<string> {
  return readFile(await download.path(), "utf8");
}

const count = (page: Page, outcome: string) => page.getByTestId(`csv-count-${outcome}`).locator("dd");

async function expectCounts(page: Page, expected: Record<string, number>) {
  for (const [outcome, value] of Object.entries(expected)) await expect(count(page, outcome), outcome).toHaveText(String(value));
}

/** Preview (a dry run on the server), then import every order it found. */
async function previewThenImport(page: Page, preview: Record<string, number>, orders: number) {
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expectCounts(page, preview);
  await page.getByRole("button", { name: `Import ${orders} orders` }).click();
  await expect(page.getByTestId("csv-result")).toBeVisible();
}

test.describe("CSV import", () => {
  test("a merchant imports a ShipStation file, gets the error report, re-imports it unchanged, and round-trips an export", async ({ page }) => {
    test.setTimeout(120_000);
    await signUp(page, "CSV Merchant");
    const fixture = await readFile(FIXTURE, "utf8");
    const fixtureLines = fixture.split("\r\n");

    await test.step("the empty orders list leads to the import", async () => {
      await page.getByRole("link", { name: "Upload a CSV" }).click();
      await expect(page).toHaveURL(/\/orders\/import$/);
      await expect(page.getByRole("heading", { name: "Import orders from a CSV file" })).toBeVisible();
    });

    await test.step("the file is read and its columns are matched", async () => {
      await page.getByLabel("Choose a file").setInputFiles(FIXTURE);
      await expect(page.getByTestId("csv-file-summary")).toHaveText("e2e-orders.csv: 7 rows, 18 columns");
      await expect(page.getByTestId("csv-encoding-notice")).toHaveCount(0);
      await expect(page.getByLabel("Order - Number", { exact: true })).toHaveValue("orderNumber");
      await expect(page.getByLabel("Date - Order Date", { exact: true })).toHaveValue("orderDate");
      await expect(page.getByLabel("Ship To - Country", { exact: true })).toHaveValue("shipTo.country");
      await expect(page.getByLabel("Item - Qty", { exact: true })).toHaveValue("item.quantity");
      await expect(page.getByTestId("csv-missing-fields")).toHaveText("Every required field has a column.");

      await page.getByLabel("Ship To - Country", { exact: true }).selectOption("");
      await expect(page.getByTestId("csv-missing-fields")).toHaveText("Still to match: Ship to: Country");
      await expect(page.getByRole("button", { name: "Preview" })).toBeDisabled();
      await page.getByLabel("Ship To - Country", { exact: true }).selectOption("shipTo.country");

      await page.getByLabel("Mapping name").fill("ShipStation orders");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByTestId("csv-mapping-notice")).toHaveText("Saved as “ShipStation orders”.");
    });

    await test.step("the preview counts the orders and names the two bad rows", async () => {
      await page.getByRole("button", { name: "Preview" }).click();
      await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
      await expectCounts(page, { created: 4, updated: 0, unchanged: 0, skipped: 0, failed: 0, rowErrors: 2 });
      const errors = page.getByTestId("csv-row-error");
      await expect(errors).toHaveCount(2);
      await expect(errors.nth(0).locator("td").first()).toHaveText("6");
      await expect(errors.nth(0)).toContainText("Ship To - Country");
      await expect(errors.nth(0)).toContainText('"Atlantis": Not a country Shipdeck knows');
      await expect(errors.nth(1).locator("td").first()).toHaveText("7");
      await expect(errors.nth(1)).toContainText("Date - Order Date");
      await expect(errors.nth(1)).toContainText('"2026-02-30 14:00" is not a day on the calendar');

      const orders = page.getByTestId("csv-preview-order");
      await expect(orders).toHaveCount(4);
      // E2E-1001's rows 2 and 4 are one order with both items.
      await expect(orders.nth(0)).toContainText("E2E-1001");
      await expect(orders.nth(0)).toContainText("2 × Blue mug");
      await expect(orders.nth(0)).toContainText("1 × Earl grey tea");
      await expect(orders.nth(2)).toContainText("Next number");
      await expect(orders.nth(0)).toContainText("Created");
      await expect(orders.nth(0).getByTestId("csv-preview-status")).not.toBeEmpty();
    });

    await test.step("the import runs and says what it did", async () => {
      await page.getByRole("button", { name: "Import 4 orders" }).click();
      await expect(page.getByTestId("csv-result")).toBeVisible();
      await expect(page).toHaveURL(/\/orders\/import\?import=[\w-]+$/);
      await expectCounts(page, { created: 4, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
      await expect(page.getByText("2 rows of the file had errors and were not imported.")).toBeVisible();
      await expect(page.getByTestId("csv-result-orders")).toHaveText("View the 4 orders it created");
      await expect(page.getByTestId("csv-result-orders")).toHaveAttribute("href", /\/orders\?status=all&run=\d+$/);
    });

    await test.step("the error report holds the two rows as they were, with an Error column", async () => {
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download error report" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe("e2e-orders-errors.csv");
      const lines = (await contentOf(download)).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe(`${fixtureLines[0]},Error`);
      expect(lines[1].startsWith(`${fixtureLines[5]},`)).toBe(true);
      expect(lines[1]).toContain("Ship To - Country: ");
      expect(lines[2].startsWith(`${fixtureLines[6]},`)).toBe(true);
      expect(lines[2]).toContain("Date - Order Date: ");
    });

    await test.step("a reload shows the import from the server", async () => {
      await page.reload();
      await expect(page.getByText("Import of e2e-orders.csv")).toBeVisible();
      await expectCounts(page, { created: 4, failed: 0 });
      // The two rows the page could not read make it partial here too.
      await expect(page.getByTestId("csv-result-status")).toHaveText("The import finished, but some orders were not imported.");
      await expect(page.getByText("2 rows of the file had errors and were not imported.")).toBeVisible();
    });

    await test.step("the result's link lists exactly the orders this import created", async () => {
      await page.getByTestId("csv-result-orders").click();
      await expect(page.getByTestId("import-run-banner")).toContainText("Orders created by importing e2e-orders.csv on");
      await expect(page.getByTestId("order-row")).toHaveCount(4);
      await expect(page.getByTestId("tab-all")).toContainText("4");
      await page.getByTestId("import-run-banner").getByRole("link", { name: "Show all orders" }).click();
      await expect(page.getByTestId("import-run-banner")).toHaveCount(0);
    });

    await test.step("the orders are in the list", async () => {
      await page.goto("/orders");
      await expect(page.getByTestId("order-row")).toHaveCount(4);
      for (const number of ["E2E-1001", "E2E-1002", "E2E-1005"]) await expect(page.getByTestId("orders-table")).toContainText(number);
      await expect(page.getByTestId("orders-table")).not.toContainText("E2E-1003");
    });

    await test.step("the same file again changes nothing, its AUTO row included, and the preview says so instead of offering an import", async () => {
      await page.getByRole("link", { name: "Import CSV" }).click();
      await page.getByLabel("Choose a file").setInputFiles(FIXTURE);
      await expect(page.getByTestId("csv-mapping-notice")).toContainText("Applied your saved mapping “ShipStation orders”");
      await page.getByRole("button", { name: "Preview" }).click();
      await expectCounts(page, { created: 0, updated: 0, unchanged: 4, rowErrors: 2 });
      await expect(page.getByTestId("csv-nothing-changes")).toBeVisible();
      await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
    });

    await test.step("an export of the list imports back unchanged", async () => {
      await page.goto("/orders");
      await expect(page.getByTestId("order-row")).toHaveCount(4);
      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: "Export CSV" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
      const exported = await contentOf(download);
      expect(exported.startsWith("\uFEFFOrder Number,Order Date,Order Status,")).toBe(true);
      // One row per item: E2E-1001 has two.
      expect(exported.match(/^E2E-1001,/gm)).toHaveLength(2);

      await page.goto("/orders/import");
      await page.getByLabel("Choose a file").setInputFiles({ name: "orders-export.csv", mimeType: "text/csv", buffer: Buffer.from(exported) });
      await expect(page.getByText("This is a Shipdeck export: its columns are matched as exported.")).toBeVisible();
      await expect(page.getByTestId("csv-missing-fields")).toHaveText("Every required field has a column.");
      await page.getByRole("button", { name: "Preview" }).click();
      await expectCounts(page, { created: 0, updated: 0, unchanged: 4, skipped: 0, failed: 0, rowErrors: 0 });
      await expect(page.getByTestId("csv-nothing-changes")).toBeVisible();
    });
  });

  test("a dropped file is read; a chunk that fails is sent again; a reload mid-import shows where it stands", async ({ page }) => {
    test.setTimeout(60_000);
    await signUp(page, "Flaky Network");
    await page.goto("/orders/import");
    const text = await readFile(FIXTURE, "utf8");
    const dataTransfer = await page.evaluateHandle((csv) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([csv], "dropped.csv", { type: "text/csv" }));
      return transfer;
    }, text);
    await page.getByTestId("csv-drop-zone").dispatchEvent("drop", { dataTransfer });
    await expect(page.getByTestId("csv-file-summary")).toHaveText("dropped.csv: 7 rows, 18 columns");

    let puts = 0;
    await page.route("**/api/csv-imports/*/chunks/*", (route) => (++puts === 1 ? route.fulfill({ status: 503, body: "{}" }) : route.continue()));
    await page.route("**/api/csv-imports/*/finish", (route) => route.abort());
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("button", { name: "Import 4 orders" }).click();
    await expect(page.getByText("The import stopped: the server could not be reached")).toBeVisible({ timeout: 15_000 });
    expect(puts).toBe(2);
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();

    await page.reload();
    await expect(page.getByText("Import of dropped.csv")).toBeVisible();
    await expect(page.getByTestId("csv-result-status")).toContainText("This import has not finished: 1 of 1 parts were imported.");
    await expectCounts(page, { created: 4 });
  });

  test("the date order is asked only when the file's dates leave it open, and is read as chosen", async ({ page }) => {
    await signUp(page, "Day First");
    await page.goto("/orders/import");
    const file = (dates: string[]) => ({
      name: "dates.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          "Order Number,Order Date,Ship To - Name,Ship To - Address 1,Ship To - City,Ship To - Postal Code,Ship To - Country,Item - Name,Item - Qty",
          ...dates.map((date, index) => `D-${index + 1},${date},Ada Lovelace,12 St James's Sq,London,SW1Y 4LB,GB,Mug,1`),
        ].join("\r\n"),
      ),
    });
    const dateOrder = page.getByLabel("Dates like 03/04/2026");

    // 25/11 can only be day first: the file settles it, and 03/04 on another row is read the same way.
    await page.getByLabel("Choose a file").setInputFiles(file(["25/11/2026", "03/04/2026"]));
    await expect(page.getByTestId("csv-date-order")).toHaveText("The file writes its dates day first (25/11/2026); they are read that way.");
    await expect(dateOrder).toHaveCount(0);
    await page.getByRole("button", { name: "Preview" }).click();
    await expectCounts(page, { created: 2, failed: 0, rowErrors: 0 });
    await expect(page.getByTestId("csv-preview-order").nth(1)).toContainText("Apr");

    // Only dates that read both ways: the merchant chooses.
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "Choose another file" }).click();
    await page.getByLabel("Choose a file").setInputFiles(file(["03/04/2026"]));
    await expect(dateOrder).toBeVisible();
    await expect(page.getByTestId("csv-date-order")).toHaveCount(0);
  });

  test("decimal commas and dotted dates are read from a European file; numbers that read both ways are asked about", async ({ page }) => {
    await signUp(page, "Decimal Comma");
    await page.goto("/orders/import");
    // FR-1 has 4,50 and 12,90; FR-2 has 1.234,00; dates are 31.01.2025 and 01.02.2025.
    await page.getByLabel("Choose a file").setInputFiles(resolve("tests/fixtures/csv/semicolon-european.csv"));
    await expect(page.getByTestId("csv-decimal-comma")).toHaveText("The file writes decimals with a comma (1.234,50); amounts and weights are read that way.");
    await expect(page.getByTestId("csv-date-order")).toContainText("day first");
    await page.getByRole("button", { name: "Preview" }).click();
    await expectCounts(page, { created: 2, failed: 0, rowErrors: 0 });
    await expect(page.getByTestId("csv-preview-order").nth(1)).toContainText("1,234.00");
    await expect(page.getByTestId("csv-preview-order").nth(1)).toContainText("Feb 1");

    // 1.234 alone could be a thousand or one and a bit: the merchant chooses.
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "Choose another file" }).click();
    const csv = ["Order Number,Order Date,Ship To - Name,Ship To - Address 1,Ship To - City,Ship To - Postal Code,Ship To - Country,Item - Name,Item - Qty,Item - Unit Price", "E-1,2026-11-05,Ada Lovelace,1 Rue,Lyon,69003,FR,Mug,1,1.234"].join("\r\n");
    await page.getByLabel("Choose a file").setInputFiles({ name: "ambiguous.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const separator = page.getByLabel("Numbers like 1,234 or 1.234");
    await expect(separator).toBeVisible();
    await separator.selectOption({ label: "Decimal comma (1.234,50)" });
    await page.getByRole("button", { name: "Preview" }).click();
    await expectCounts(page, { created: 1, failed: 0 });
    await expect(page.getByTestId("csv-preview-order").first()).toContainText("1,234.00");
  });

  test("a file over 50 MB is refused before it is read", async ({ page }, testInfo) => {
    const huge = testInfo.outputPath("huge.csv");
    await writeFile(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 0x41));
    await signUp(page, "Big File");
    await page.goto("/orders/import");
    await page.getByLabel("Choose a file").setInputFiles(huge);
    await expect(page.getByTestId("csv-file-error")).toHaveText(
      "huge.csv is 50.1 MB: the largest file you can import is 50 MB. Split it into smaller files and import each one.",
    );
  });

  test("the export needs a session", async ({ request }) => {
    const response = await request.get("/orders/export", { maxRedirects: 0 });
    expect([302, 303, 307, 401]).toContain(response.status());
  });
});
