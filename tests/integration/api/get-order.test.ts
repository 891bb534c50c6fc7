import { describe, expect, it } from "vitest";
import { apiClient, createApiCredentials, orderBody } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function merchantWithKey() {
  const merchant = await createMerchant();
  const credentials = await createApiCredentials(merchant.workspaceId);
  return { ...merchant, api: apiClient(credentials.authorization) };
}

describe("GET /orders/{orderId}", () => {
  it("answers the order in ShipStation's shape, every field present", async () => {
    const { api, manualStoreId } = await merchantWithKey();
    const created = await api.createOrder(
      orderBody({
        orderKey: "full-1",
        orderNumber: "FULL-1",
        shipByDate: "2026-07-05",
        weight: { value: 2, units: "pounds" },
        dimensions: { units: "inches", length: 10, width: 8, height: 4 },
        insuranceOptions: { provider: "carrier", insureShipment: true, insuredValue: 42.73 },
        advancedOptions: { customField1: "VIP", source: "web" },
        tagIds: [3, 5],
      }),
    );

    const response = await api.getOrder(created.json.orderId);

    expect(response.status).toBe(200);
    const order = response.json;
    expect(order).toMatchObject({
      orderId: created.json.orderId,
      orderNumber: "FULL-1",
      orderKey: "full-1",
      orderDate: "2026-07-01T10:00:00.0000000",
      shipByDate: "2026-07-05T00:00:00.0000000",
      orderStatus: "awaiting_shipment",
      customerId: null,
      weight: { value: 32, units: "ounces", WeightUnits: 1 },
      dimensions: { units: "inches", length: 10, width: 8, height: 4 },
      insuranceOptions: { provider: "carrier", insureShipment: true, insuredValue: 42.73 },
      internationalOptions: { contents: null, customsItems: null, nonDelivery: null },
      advancedOptions: { storeId: manualStoreId, customField1: "VIP", customField2: null, source: "web", mergedOrSplit: false, mergedIds: [], parentId: null, warehouseId: null },
      tagIds: [3, 5],
      holdUntilDate: null,
      shipDate: null,
      externallyFulfilled: false,
    });
    for (const field of ["billTo", "shipTo"]) {
      expect(Object.keys(order[field]).sort()).toEqual(["addressVerified", "city", "company", "country", "name", "phone", "postalCode", "residential", "state", "street1", "street2", "street3"]);
    }
    expect(order).toEqual(created.json);
  });

  it("answers only to the order's id in digits, not to another spelling of the number", async () => {
    const { api } = await merchantWithKey();
    const { json } = await api.createOrder(orderBody());
    const id: number = json.orderId;
    expect((await api.getOrder(String(id))).status).toBe(200);
    for (const alias of [`0x${id.toString(16)}`, `${id}.0`, `${id}e0`, `+${id}`, ` ${id}`, `0b${id.toString(2)}`]) {
      const response = await api.getOrder(alias);
      expect(response.status, alias).toBe(404);
      expect((await api.deleteOrder(alias)).status, alias).toBe(404);
    }
    expect((await api.getOrder(id)).status).toBe(200);
  });

  it("answers 404 with code not_found for an id that does not exist or is not a number", async () => {
    const { api } = await merchantWithKey();
    for (const orderId of ["999999", "0", "-1", "abc", "1.5", "1e3", "99999999999999999999"]) {
      const response = await api.getOrder(orderId);
      expect(response.status, orderId).toBe(404);
      expect(response.json).toEqual({ message: expect.stringContaining("not found"), code: "not_found" });
    }
  });
});
