import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { createClient } from "@libsql/client";
import { createTranslator, type Locale } from "@/lib/i18n/translate";
import { basicAuth, orderBody } from "../helpers/api-payloads";
import { startCustomStoreFake } from "../fakes/custom-store/server";
import { startShopifyFake } from "../fakes/shopify/server";
import { signUp } from "./helpers";

/**
 * One merchant's first day, end to end, as each of three merchants: on a desktop in English, on a
 * phone in English, and on a desktop in French. Every label the journey looks for comes from the
 * language's catalog, so the French run fails on any English left on the way.
 */
const VARIANTS = [
  { name: "desktop, English", locale: "en", viewport: { width: 1280, height: 800 } },
  { name: "phone, English", locale: "en", viewport: { width: 390, height: 844 } },
  { name: "desktop, French", locale: "fr", viewport: { width: 1280, height: 800 } },
] as const satisfies readonly { name: string; locale: Locale; viewport: { width: number; height: number } }[];

const SHOPIFY_TOKEN = "shpat_day_0123456789abcdef";
const CUSTOM_USER = "shipstation";
const CUSTOM_PASSWORD = "s3cret-Pa55word";
/** The e2e server's database (playwright.config.ts), relative to the repo like the server's own. */
const E2E_DATABASE_URL = "file:./.tmp/e2e/shipdeck.db";

/** A spreadsheet whose headers Shipdeck cannot all guess: the merchant maps them. */
const CSV = [
  "Ref,Placed,Deliver to,Street,Town,Region,Zip,Land,Product,Pieces,Price",
  "DAY-501,2026-03-02 09:15,Ada Lovelace,12 Congress Ave,Austin,TX,78704,US,Blue mug,2,12.50",
  "DAY-502,2026-03-02 10:00,Grace Hopper,1 Navy Way,Arlington,VA,22202,US,Desk globe,1,49.50",
].join("\r\n");
const CSV_MAPPING: Record<string, string> = {
  Ref: "orderNumber",
  Placed: "orderDate",
  "Deliver to": "shipTo.name",
  Street: "shipTo.street1",
  Town: "shipTo.city",
  Region: "shipTo.state",
  Zip: "shipTo.postalCode",
  Land: "shipTo.country",
  Product: "item.name",
  Pieces: "item.quantity",
  Price: "item.unitPrice",
};

/** A screenshot kept with the test's results (test-results/…), attached to its report. */
async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/**
 * The clock's stand-in. The adaptive schedule polls a quiet new store hours apart, and the test
 * cannot wait that long: it marks this one store due now in the server's database, as time
 * passing would, and the cron tick then finds it like any due store.
 */
async function makeStoreDue(storeId: number) {
  const client = createClient({ url: E2E_DATABASE_URL });
  try {
    await client.execute("PRAGMA busy_timeout = 5000");
    const { rowsAffected } = await client.execute({ sql: "UPDATE stores SET next_import_at = ? WHERE id = ?", args: [Date.now(), storeId] });
    expect(rowsAffected).toBe(1);
  } finally {
    client.close();
  }
}

/** The cron's call, as Vercel Cron makes it every minute. */
async function runCronTick(request: APIRequestContext) {
  const tick = await request.get("/api/cron/import", { headers: { authorization: "Bearer e2e-cron-secret" } });
  expect(tick.status()).toBe(200);
  return (await tick.json()) as { imported: number; failed: number };
}

/** The field whose label starts with `text`: some labels go on with a hint ("Shop address Your … address."). */
function labelled(page: Page, text: string) {
  return page.getByLabel(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
}

/** The order numbers the list shows, each row's link, sorted. */
async function numbersListed(page: Page): Promise<string[]> {
  return (await page.getByTestId("order-row").getByRole("link").allInnerTexts()).map((text) => text.trim()).sort();
}

const storeIdIn = (page: Page) => Number(/\/stores\/(\d+)$/.exec(new URL(page.url()).pathname)![1]);

for (const variant of VARIANTS) {
  test.describe(`the merchant's day (${variant.name})`, () => {
    // A missing label fails in seconds, not at the end of the whole journey's timeout.
    test.use({ viewport: variant.viewport, actionTimeout: 20_000 });

    test("sign up, connect, import, follow the channel's changes, add orders every way, and find each in its tab", async ({ page, request }, testInfo) => {
      // Twelve steps of several page loads each, on a shared two-core machine.
      test.setTimeout(300_000);
      const t = createTranslator(variant.locale);
      const shop = await startShopifyFake({ accessToken: SHOPIFY_TOKEN, startAt: Date.now() - 3_600_000 });
      const legacy = await startCustomStoreFake({ username: CUSTOM_USER, password: CUSTOM_PASSWORD, startAt: Date.now() - 3_600_000 });
      try {
        await test.step("sign up, in the merchant's language", async () => {
          await signUp(page, "Day Merchant");
          if (variant.locale === "fr") {
            await page.getByRole("button", { name: "Français" }).click();
            await expect(page.getByRole("heading", { name: "Commandes" })).toBeVisible();
            await expect(page.getByRole("button", { name: "English" })).toBeVisible();
          }
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("orders.title"));
          await expect(page.getByRole("heading", { name: t("orders.emptyTitle") })).toBeVisible();
          await snap(page, testInfo, "01-signed-up");
        });

        await test.step("add a ship-from location", async () => {
          await page.goto("/settings/locations");
          await labelled(page, t("locations.fields.name")).fill("Home studio");
          await labelled(page, t("locations.fields.street1")).fill("12 Congress Ave");
          await labelled(page, t("locations.fields.city")).fill("Austin");
          await labelled(page, t("locations.fields.state")).fill("TX");
          await labelled(page, t("locations.fields.postalCode")).fill("78701");
          await page.getByRole("button", { name: t("locations.save") }).click();
          await expect(page.getByTestId("location-form-message")).toHaveText(t("locations.saved"));
          const row = page.getByTestId("location-row").filter({ hasText: "Home studio" });
          await expect(row.getByTestId("location-default")).toHaveText(t("locations.default"));
          await snap(page, testInfo, "02-ship-from-location");
        });

        const [first, second, third] = [shop.add({}), shop.add({}), shop.add({})];
        const reopened = String(third.order_number);
        let shopifyStoreId = 0;
        await test.step("connect the Shopify store and import it", async () => {
          await page.goto("/stores/connect/shopify");
          await labelled(page, t("stores.name")).fill("Day Shop");
          await labelled(page, t("platforms.shopify.baseUrl.label")).fill(shop.url);
          await labelled(page, t("platforms.shopify.fields.accessToken.label")).fill(SHOPIFY_TOKEN);
          await page.getByRole("button", { name: t("stores.save"), exact: true }).click();
          await expect(page).toHaveURL(/\/stores\/\d+$/);
          shopifyStoreId = storeIdIn(page);
          await page.getByRole("button", { name: t("stores.importNow"), exact: true }).click();
          await expect(page.getByTestId("import-result")).toHaveText(t("stores.summary", { created: 3, updated: 0, cancelled: 0 }));
          await snap(page, testInfo, "03-store-imported");
        });

        await test.step("the orders appear", async () => {
          await page.goto("/orders");
          await expect(page.getByTestId("count-awaiting_shipment")).toHaveText("3");
          await expect(page.getByTestId("order-row")).toHaveCount(3);
          expect(await numbersListed(page)).toEqual([first, second, third].map((order) => String(order.order_number)).sort());
          await snap(page, testInfo, "04-orders-imported");
        });

        await test.step("the channel cancels one; the next auto-import tick brings it in, cancelled and inactive", async () => {
          // Shopify stamps a change with its own clock: now, not the fake's hour-old start.
          shop.cancel(third.id, { at: Date.now() });
          await makeStoreDue(shopifyStoreId);
          const tick = await runCronTick(request);
          expect(tick.failed).toBe(0);
          await page.goto("/orders?status=cancelled");
          const row = page.getByTestId("order-row").filter({ has: page.getByRole("link", { name: reopened, exact: true }) });
          await expect(row.getByTestId("order-status")).toContainText(t("orderStatus.cancelled"));
          await expect(row.getByTestId("order-status")).toContainText(t("orders.inactive"));
          await row.getByRole("link").first().click();
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("order.title", { number: reopened }));
          await expect(page.getByTestId("inactive-notice")).toHaveText(t("order.inactiveNotice"));
          if (variant.locale !== "en") await expect(page.getByTestId("inactive-notice")).not.toHaveText(createTranslator("en")("order.inactiveNotice"));
          await expect(page.getByTestId("reactivated-notice")).toHaveCount(0);
          await snap(page, testInfo, "05-cancelled-by-channel");
        });

        await test.step("the channel reopens it: the notice asks for a new order, and Create new order makes one", async () => {
          const cancelledUrl = new URL(page.url()).pathname;
          shop.reactivate(third.id, { at: Date.now() });
          await page.goto("/orders");
          await page.getByTestId("import-button").click();
          // A cancelled order stays cancelled: the import leaves it as it is and only records the reopening.
          await expect(page.getByTestId("import-result")).toHaveText(t("stores.summary", { created: 0, updated: 0, cancelled: 0 }));

          await page.goto(cancelledUrl);
          await expect(page.getByTestId("reactivated-notice")).toHaveText(t("order.reactivatedNoticeChannel"));
          await expect(page.getByTestId("inactive-notice")).toBeVisible();
          await snap(page, testInfo, "06-reopened-in-channel");
          await page.getByRole("button", { name: t("orderActions.createReplacement") }).click();

          await expect(page).not.toHaveURL(new RegExp(`${cancelledUrl}$`));
          await expect(page).toHaveURL(/\/orders\/\d+$/);
          const replacementUrl = new URL(page.url()).pathname;
          await expect(page.getByTestId("replaces-notice")).toContainText(t("order.replacesNotice", { number: reopened }));
          await expect(page.getByTestId("inactive-notice")).toHaveCount(0);
          await snap(page, testInfo, "07-new-order-from-reopened");

          await page.getByTestId("replaces-link").click();
          await expect(page).toHaveURL(new RegExp(`${cancelledUrl}$`));
          await expect(page.getByTestId("reactivated-notice")).toContainText(t("order.reactivatedNoticeReplaced", { number: reopened }));
          await expect(page.getByRole("button", { name: t("orderActions.createReplacement") })).toHaveCount(0);
          await expect(page.getByTestId("replaced-by-link")).toHaveAttribute("href", replacementUrl);
        });

        await test.step("upload a CSV, mapping its columns, and save the mapping", async () => {
          await page.goto("/orders/import");
          await labelled(page, t("csv.browse")).setInputFiles({ name: "day-orders.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
          await expect(page.getByTestId("csv-file-summary")).toHaveText(t("csv.fileSummary", { name: "day-orders.csv", rows: 2, columns: 11 }));
          await expect(page.getByTestId("csv-missing-fields")).not.toHaveText(t("csv.mapping.allMatched"));
          for (const [header, field] of Object.entries(CSV_MAPPING)) await page.getByLabel(header, { exact: true }).selectOption(field);
          await expect(page.getByTestId("csv-missing-fields")).toHaveText(t("csv.mapping.allMatched"));
          await labelled(page, t("csv.mapping.saveName")).fill("Market stall sheet");
          await page.getByRole("button", { name: t("csv.mapping.save"), exact: true }).click();
          await expect(page.getByTestId("csv-mapping-notice")).toHaveText(t("csv.mapping.savedAs", { name: "Market stall sheet" }));
          await page.getByRole("button", { name: t("csv.preview") }).click();
          await page.getByRole("button", { name: t("csv.import", { count: 2 }) }).click();
          await expect(page.getByTestId("csv-result")).toBeVisible();
          await expect(page.getByTestId("csv-count-created").locator("dd")).toHaveText("2");
          await snap(page, testInfo, "08-csv-imported");
        });

        let manualUrl = "";
        await test.step("create a manual order", async () => {
          await page.goto("/orders/new");
          await labelled(page, t("orderForm.orderNumber")).fill("PHONE-1");
          await page.getByRole("textbox", { name: t("orderForm.name"), exact: true }).first().fill("Katherine Johnson");
          await page.getByRole("textbox", { name: t("orderForm.street1"), exact: true }).first().fill("1 Langley Blvd");
          await page.getByRole("textbox", { name: t("orderForm.city"), exact: true }).first().fill("Hampton");
          await page.getByRole("textbox", { name: t("orderForm.state"), exact: true }).first().fill("VA");
          await page.getByRole("textbox", { name: t("orderForm.postalCode"), exact: true }).first().fill("23681");
          await labelled(page, t("orderForm.itemName")).first().fill("Desk globe, 12 in");
          await labelled(page, t("orderForm.quantity")).first().fill("1");
          await labelled(page, t("orderForm.unitPrice")).first().fill("49.50");
          await labelled(page, t("orderForm.weight")).fill("40");
          await page.getByRole("button", { name: t("orderForm.create") }).click();
          await expect(page).toHaveURL(/\/orders\/\d+$/);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("order.title", { number: "PHONE-1" }));
          // The built-in store is named in the merchant's language.
          await expect(page.getByText(t("order.inStore", { store: t("stores.manualStore") }))).toBeVisible();
          manualUrl = new URL(page.url()).pathname;
        });

        await test.step("rate it with the sample rate card and choose a service", async () => {
          const panel = page.getByTestId("order-rates");
          await panel.getByRole("button", { name: t("rates.getRates") }).click();
          const rows = panel.getByTestId("rate-row");
          await expect(rows).toHaveCount(2);
          await rows.filter({ hasText: "Sample Ground" }).getByRole("button", { name: t("rates.choose") }).click();
          await expect(panel.getByTestId("rate-saved")).toHaveText(t("rates.saved"));
          await snap(page, testInfo, "09-order-rated");
          await page.goto(manualUrl);
          await expect(page.getByTestId("order-shipping-service")).toContainText("Sample Ground");
        });

        let apiKey = { key: "", secret: "" };
        await test.step("create an API key", async () => {
          await page.goto("/settings/api-keys");
          await labelled(page, t("apiKeys.name")).fill("Warehouse scanner");
          await page.getByRole("button", { name: t("apiKeys.create") }).click();
          await expect(page.getByTestId("api-key-created")).toContainText(t("apiKeys.createdTitle", { name: "Warehouse scanner" }));
          apiKey = { key: await page.getByTestId("new-api-key").innerText(), secret: await page.getByTestId("new-api-secret").innerText() };
          await snap(page, testInfo, "10-api-key");
        });

        await test.step("a custom store is pulled, and an integration posts orders with the key", async () => {
          const [pulledOne, pulledTwo] = [legacy.add({}), legacy.add({})];
          await page.goto("/stores/connect/custom_store");
          await labelled(page, t("stores.name")).fill("Legacy Shop");
          await labelled(page, t("platforms.custom_store.baseUrl.label")).fill(legacy.endpoint);
          await labelled(page, t("platforms.custom_store.fields.username.label")).fill(CUSTOM_USER);
          await labelled(page, t("platforms.custom_store.fields.password.label")).fill(CUSTOM_PASSWORD);
          await labelled(page, t("stores.statusKeys.paid")).fill("paid");
          await page.getByRole("button", { name: t("stores.save"), exact: true }).click();
          await expect(page).toHaveURL(/\/stores\/\d+$/);
          await page.getByRole("button", { name: t("stores.importNow"), exact: true }).click();
          await expect(page.getByTestId("import-result")).toHaveText(t("stores.summary", { created: 2, updated: 0, cancelled: 0 }));
          expect([pulledOne.orderNumber, pulledTwo.orderNumber]).toEqual(["CS-7001", "CS-7002"]);

          // As ShipStation integrations do: HTTP Basic with the key and its secret, one order per call.
          const authorization = basicAuth(apiKey.key, apiKey.secret);
          for (const body of [orderBody({ orderNumber: "API-1" }), orderBody({ orderNumber: "API-2", orderStatus: "awaiting_payment" })]) {
            const posted = await request.post("/api/v1/orders/createorder", { headers: { authorization }, data: body });
            expect(posted.status()).toBe(200);
            expect(await posted.json()).toMatchObject({ orderNumber: body.orderNumber });
          }
        });

        await test.step("every order is in its tab, with the right counts", async () => {
          await page.goto("/orders");
          await expect(page.getByTestId("tab-awaiting_shipment")).toHaveAttribute("aria-current", "page");
          await expect(page.getByTestId("tab-awaiting_shipment")).toContainText(t("status.awaiting_shipment"));
          await expect(page.getByTestId("tab-cancelled")).toContainText(t("status.cancelled"));
          // Shopify's two untouched orders and the one made from the reopened one, the CSV's two,
          // the manual order, the custom store's two and the integration's open one.
          const expected = { awaiting_payment: 1, awaiting_shipment: 9, pending_fulfillment: 0, on_hold: 0, shipped: 0, cancelled: 1, all: 11 };
          for (const [tab, count] of Object.entries(expected)) await expect(page.getByTestId(`count-${tab}`), tab).toHaveText(String(count));

          // The order made from the reopened one carries its number; the cancelled one is in Cancelled only.
          const awaiting = [String(first.order_number), String(second.order_number), reopened, "DAY-501", "DAY-502", "PHONE-1", "CS-7001", "CS-7002", "API-1"];
          await expect(page.getByTestId("order-row")).toHaveCount(9);
          expect(await numbersListed(page)).toEqual(awaiting.sort());
          await snap(page, testInfo, "11-orders-awaiting-shipment");
          if (process.env.SCREENSHOT_FOR_README && variant.name === "desktop, English") {
            await page.screenshot({ path: "docs/images/orders.png" });
          }

          if (variant.locale !== "en") {
            // The catalog's words, not English ones left in place.
            const english = createTranslator("en");
            for (const tab of ["awaiting_shipment", "cancelled", "all"] as const) await expect(page.getByTestId(`tab-${tab}`)).not.toContainText(english(`status.${tab}`));
          }

          await page.getByTestId("tab-cancelled").click();
          await expect(page.getByTestId("tab-cancelled")).toHaveAttribute("aria-current", "page");
          await expect(page.getByTestId("order-row")).toHaveCount(1);
          expect(await numbersListed(page)).toEqual([reopened]);
          await expect(page.getByTestId("order-row").getByTestId("order-status")).toContainText(t("orderStatus.cancelled"));
          await expect(page.getByTestId("order-row")).toContainText(t("orders.reactivatedBadge"));

          await page.getByTestId("tab-awaiting_payment").click();
          await expect(page.getByTestId("tab-awaiting_payment")).toHaveAttribute("aria-current", "page");
          await expect(page.getByTestId("order-row")).toHaveCount(1);
          expect(await numbersListed(page)).toEqual(["API-2"]);
          await snap(page, testInfo, "12-orders-cancelled-and-unpaid");

          if (variant.viewport.width < 400) {
            const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
            expect(width).toBeLessThanOrEqual(variant.viewport.width);
          }
        });
      } finally {
        await Promise.all([shop.close(), legacy.close()]);
      }
    });
  });
}
