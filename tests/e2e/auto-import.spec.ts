import { expect, test } from "@playwright/test";
import { startShopifyFake } from "../fakes/shopify/server";
import { signUp } from "./helpers";

const TOKEN = "shpat_auto_0123456789abcdef";
let shop: Awaited<ReturnType<typeof startShopifyFake>>;

test.beforeAll(async () => {
  shop = await startShopifyFake({ accessToken: TOKEN, startAt: Date.now() - 3_600_000 });
});
test.afterAll(async () => {
  await shop.close();
});

test("an order placed in a connected shop appears in the list with no button pressed", async ({ page, request }) => {
  await signUp(page, "Away Merchant");
  await page.goto("/stores/connect/shopify");
  await page.getByLabel("Store name").fill("Night Shop");
  await page.getByLabel("Shop address").fill(shop.url);
  await page.getByLabel("Admin API access token").fill(TOKEN);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/stores\/\d+$/);

  // The merchant looks away; the shop takes an order; the scheduler's cron calls the tick.
  const placed = shop.add({});
  const refused = await request.get("/api/cron/import");
  expect(refused.status()).toBe(401);
  const tick = await request.get("/api/cron/import", { headers: { authorization: "Bearer e2e-cron-secret" } });
  expect(tick.status()).toBe(200);
  expect(await tick.json()).toMatchObject({ imported: expect.any(Number) });

  await page.goto("/orders?status=all");
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expect(page.getByTestId("order-row").first()).toContainText(String(placed.order_number));
});
