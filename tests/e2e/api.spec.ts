import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test("an integration posts orders with a key made in Settings, and the merchant sees them", async ({ page, request }) => {
  await signUp(page, "Integrating Developer");
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill("My shop");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("new-api-key").innerText();
  const secret = await page.getByTestId("new-api-secret").innerText();
  const authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Los_Angeles");

  const order = (n: number) => ({
    orderNumber: `WEB-${n}`,
    orderKey: `web-${n}`,
    orderDate: "2026-11-20 09:30:00",
    orderStatus: "awaiting_shipment",
    billTo: { name: "Mary Jackson" },
    shipTo: { name: "Mary Jackson", street1: "1 Aeronautics Way", city: "Hampton", state: "VA", postalCode: "23666", country: "US" },
    items: [{ sku: "KITE-1", name: "Box kite", quantity: 1, unitPrice: 24.5 }],
  });
  const created = await request.post("/api/v1/orders/createorders", { headers: { authorization }, data: [order(1), order(2), { ...order(3), shipTo: { country: "United States" } }] });
  expect(created.status()).toBe(200);
  expect(Number(created.headers()["x-rate-limit-limit"])).toBeGreaterThan(0);
  const answer = await created.json();
  expect(answer.hasErrors).toBe(true);
  expect(answer.results.map((result: { success: boolean }) => result.success)).toEqual([true, true, false]);
  expect(answer.results[2].errorMessage).toContain("shipTo.country");

  const single = await request.get(`/api/v1/orders/${answer.results[0].orderId}`, { headers: { authorization } });
  expect(await single.json()).toMatchObject({ orderNumber: "WEB-1", orderDate: "2026-11-20T09:30:00.0000000", orderTotal: 24.5 });
  expect((await request.get("/api/v1/orders", { headers: { authorization: "Basic bm9wZTpub3Bl" } })).status()).toBe(401);

  await page.goto("/orders");
  await expect(page.getByTestId("order-row")).toHaveCount(2);
  await expect(page.getByTestId("orders-table")).toContainText("WEB-1");

  // Switching the API's zone to UTC changes how the same wall-clock time is read and printed back.
  await page.goto("/settings/api-keys");
  await page.getByLabel("Time zone").selectOption("UTC");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const again = await request.get(`/api/v1/orders/${answer.results[0].orderId}`, { headers: { authorization } });
  expect((await again.json()).orderDate).toBe("2026-11-20T17:30:00.0000000");

  const openapi = await request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
});
