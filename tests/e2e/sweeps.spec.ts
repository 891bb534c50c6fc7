import { expect, test } from "@playwright/test";
import { startShopifyFake } from "../fakes/shopify/server";
import { signUp } from "./helpers";

const TOKEN = "shpat_sweep_0123456789abcdef";
const DAY = 86_400_000;
const ZONE = "America/New_York";
/** A 503 fails an import attempt; four of them make the import back off for 7.5 s before it gets the orders. */
const RETRIES_BEFORE_SUCCESS = 4;

// The merchant's days are New York's: the browser says so, and the page reads the form's days in it.
test.use({ timezoneId: ZONE, locale: "en-US" });

let shop: Awaited<ReturnType<typeof startShopifyFake>>;
test.beforeAll(async () => {
  shop = await startShopifyFake({ accessToken: TOKEN, startAt: Date.now() - 2 * DAY });
});
test.afterAll(async () => {
  await shop.close();
});

/** `YYYY-MM-DD` in New York, as a date input takes it. */
const dayOf = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(ms);
/** "Dec 6", as the page writes a day. */
const label = (ms: number) => new Intl.DateTimeFormat("en-US", { timeZone: ZONE, month: "short", day: "numeric" }).format(ms);

test("a merchant sweeps a date range: busy while another import holds the store, then the order the regular imports missed", async ({ page, request }) => {
  test.setTimeout(90_000);
  shop.add({});
  shop.add({});
  await signUp(page, "Sweeping Merchant");
  await page.goto("/stores/connect/shopify");
  await page.getByLabel("Store name").fill("Sweep Shop");
  await page.getByLabel("Shop address").fill(shop.url);
  await page.getByLabel("Admin API access token").fill(TOKEN);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/stores\/\d+$/);
  const storeId = page.url().split("/").at(-1);

  const sweeps = page.getByTestId("store-sweeps");
  await expect(sweeps.getByRole("heading", { name: "Sweeps" })).toBeVisible();
  await expect(sweeps).toContainText("Once a day, at a quiet hour, Shipdeck reads this store's last week again to catch any order the regular imports missed.");
  await expect(page.getByTestId("last-sweep")).toHaveText("Not swept yet: the first sweep runs a day after the first import");

  const now = Date.now();
  const from = page.getByLabel("From", { exact: true });
  const to = page.getByLabel("To", { exact: true });
  const sweep = page.getByRole("button", { name: "Sweep", exact: true });

  // The first import, a scheduled one, holds the store while the shop answers 503 a few times.
  shop.failNext(RETRIES_BEFORE_SUCCESS, 503);
  const scheduled = request.get("/api/cron/import", { headers: { authorization: "Bearer e2e-cron-secret" }, timeout: 60_000 });
  await expect.poll(async () => (await (await page.request.get(`/api/stores/${storeId}/import-progress`)).json()).importing).toBe(true);
  await from.fill(dayOf(now - 5 * DAY));
  await to.fill(dayOf(now));
  await sweep.click();
  await expect(page.getByTestId("sweep-result")).toHaveText("An import is running for this store right now: try again in a moment.");
  expect((await scheduled).status()).toBe(200);

  // An order the shop commits late, three days back, far behind the cursor: the next regular import would miss it.
  shop.add({}, { at: now - 3 * DAY });
  // To before From is the To field's error.
  await from.fill(dayOf(now));
  await to.fill(dayOf(now - 2 * DAY));
  await sweep.click();
  await expect(page.getByTestId("sweep-error")).toHaveText("Check the highlighted fields.");
  await expect(page.getByTestId("sweep-to-error")).toHaveText("Choose a day, on or after From.");
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(to).toHaveAccessibleDescription("Choose a day, on or after From.");
  await expect(from).not.toHaveAttribute("aria-invalid", "true");

  await from.fill(dayOf(now - 5 * DAY));
  await to.fill(dayOf(now));
  await sweep.click();
  const range = `${label(now - 5 * DAY)}–${label(now)}`;
  await expect(page.getByTestId("sweep-result")).toHaveText(`Read ${range} again: 1 missed order imported, 2 unchanged`);
  await expect(page.getByTestId("sweep-error")).toHaveCount(0);
  await expect(page.getByTestId("last-sweep")).toHaveText(`Last sweep just now, over ${range}: found 1 order the regular imports had missed`);
  const newest = page.getByTestId("import-run").first();
  await expect(newest.getByTestId("sweep-run")).toHaveText("Sweep");
  await expect(newest.getByTestId("sweep-window")).toHaveText(range);
  await expect(page.getByTestId("import-run").nth(1)).toContainText("Automatic");
  await expect(page.getByTestId("import-run").nth(1).getByTestId("sweep-run")).toHaveCount(0);

  // Swept again: nothing missing this time.
  await page.reload();
  await expect(page.getByTestId("last-sweep")).toHaveText(`Last sweep just now, over ${range}: found 1 order the regular imports had missed`);
  await from.fill(dayOf(now - 5 * DAY));
  await to.fill(dayOf(now));
  await sweep.click();
  await expect(page.getByTestId("sweep-result")).toHaveText(`Read ${range} again: 0 missed orders imported, 3 unchanged`);
  await expect(page.getByTestId("last-sweep")).toHaveText(`Last sweep just now, over ${range}: 0 missed orders`);
  await page.goto("/orders?status=all");
  await expect(page.getByTestId("order-row")).toHaveCount(3);
});
